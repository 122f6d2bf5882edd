/**
 * What a failed save means for a form: messages beside named fields, general messages, or a
 * version conflict. Paths come from the API ("body.title", "plannedEnd") or from zod on the client.
 */
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage, type ApiIssue } from './api.ts';

export type FieldErrors = Partial<Record<string, string>>;

export interface FormProblems {
  fields: FieldErrors;
  general: string[];
  conflict: boolean;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, general: [], conflict: false };

/** "body.title" -> "title"; "plannedEnd" stays; "body.partyIds.0" -> "partyIds". */
export function fieldOfPath(path: string): string {
  const segments = path.split('.').filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments[0] ?? '';
}

export function problemsFromIssues(issues: readonly ApiIssue[], fields: readonly string[]): FormProblems {
  const result: FormProblems = { fields: {}, general: [], conflict: false };
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (fields.includes(field)) {
      result.fields[field] ??= issue.message;
    } else {
      result.general.push(field ? `${field}: ${issue.message}` : issue.message);
    }
  }
  return result;
}

/** Sorts an error thrown by a save into field messages, general messages and conflicts. */
export function problemsOf(error: unknown, fields: readonly string[]): FormProblems {
  if (error instanceof ApiError) {
    if (error.isConflict && error.code === 'stale_version') return { fields: {}, general: [], conflict: true };
    const issues = error.issues;
    if (issues.length > 0) {
      const problems = problemsFromIssues(issues, fields);
      if (problems.general.length === 0 && error.status === 422 && Object.keys(problems.fields).length === 0) {
        problems.general.push(error.message);
      }
      return problems;
    }
  }
  return { fields: {}, general: [errorMessage(error)], conflict: false };
}

/** The issues of a failed zod parse, in the API's { path, message } shape. */
export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function GeneralProblems({ problems }: { problems: FormProblems }) {
  const count = Object.keys(problems.fields).length;
  if (problems.general.length === 0 && count === 0) return null;
  return (
    <div className="form-problems" role="alert">
      {count > 0 ? <p>Nothing was saved: check the {count === 1 ? 'field' : `${count} fields`} marked below.</p> : null}
      {problems.general.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function ConflictNotice({ what, onReload, reloading }: { what: string; onReload: () => void; reloading: boolean }) {
  return (
    <div className="form-conflict" role="alert">
      <p>
        <strong>This {what} was changed by someone else — reload</strong> to get the current version, then make your change
        again. Nothing was saved.
      </p>
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
    </div>
  );
}

/** One message about a whole form (a refused login, a spent link), announced as an alert. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div className="form-problems" role="alert">
      <p>{children}</p>
    </div>
  );
}

export interface FormActionsProps {
  /** The submit button's label, and what it says while the form is sent. */
  submit: string;
  busy: boolean;
  busyLabel: string;
  /** Whether the submit button is off; by default while busy. */
  disabled?: boolean;
  /** A Cancel button before the submit button, when given. */
  onCancel?: (() => void) | undefined;
}

/** The buttons that end a form: Cancel (when it may be cancelled) and the primary submit button. */
export function FormActions({ submit, busy, busyLabel, disabled = busy, onCancel }: FormActionsProps) {
  return (
    <div className="form-actions">
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <button type="submit" className="button button-primary" disabled={disabled}>
        {busy ? busyLabel : submit}
      </button>
    </div>
  );
}

/**
 * The problems of a form that checks its body with a schema before a mutation sends it: the
 * client's while the last check failed, else those of the mutation's error. `accepts` runs the check.
 */
export function useCheckedProblems(error: unknown, fields: readonly string[]) {
  const [clientProblems, setClientProblems] = useState<FormProblems | null>(null);
  const problems = clientProblems ?? (error ? problemsOf(error, fields) : NO_PROBLEMS);
  const accepts = (schema: z.ZodType, body: unknown): boolean => {
    const parsed = schema.safeParse(body);
    setClientProblems(parsed.success ? null : problemsFromIssues(zodIssues(parsed.error), fields));
    return parsed.success;
  };
  return { problems, accepts };
}
