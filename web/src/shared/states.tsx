/** Loading, empty and error states: every data view shows one of these before, or instead of, its data. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from './api.ts';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, title = 'Could not load this', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p>
        {errorMessage(error)}
        {code ? <span className="muted"> ({code})</span> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export interface QueryStatesProps<T> {
  query: UseQueryResult<T>;
  /** What the spinner says while the query loads: "Loading notes…". */
  loading: string;
  /** The error state's title: "Could not load the notes". */
  failed: string;
  /**
   * The empty state's title: shown for an empty list when a string, or when the function returns
   * one for the data (null: show the data).
   */
  empty?: string | ((data: T) => string | null);
  children: (data: T) => ReactNode;
}

/** A query's data once it is read; before that its loading state, and instead of it its error (with a retry) or its empty state. */
export function QueryStates<T>({ query, loading, failed, empty, children }: QueryStatesProps<T>) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) return <ErrorState error={query.error} title={failed} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const emptyTitle = typeof empty === 'string' ? (Array.isArray(data) && data.length === 0 ? empty : null) : (empty?.(data) ?? null);
  return emptyTitle === null ? children(data) : <EmptyState title={emptyTitle} />;
}
