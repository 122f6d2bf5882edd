/**
 * The life of an edit form over one versioned entity: values as strings, client-side validation,
 * the save (create or patch with the version read), problems beside fields, and the reload that
 * follows a version conflict.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiIssue } from './api.ts';
import type { ZodType } from 'zod';
import { NO_PROBLEMS, problemsFromIssues, problemsOf, zodIssues, type FormProblems } from './forms.tsx';

export type BodyResult<B> = { ok: true; body: B } | { ok: false; issues: ApiIssue[] };

export interface EntityFormOptions<V extends Record<string, string>, E extends { version: number }, B> {
  /** The entity as read, or null for a new one. */
  entity: E | null;
  valuesOf: (entity: E | null) => V;
  /** Field names that have a control; problems on other paths are shown as general messages. */
  fields: readonly string[];
  /** Builds and checks the request body; `changed` holds only the fields that differ from `base`. */
  toBody: (values: V, changed: Partial<V>, base: E | null) => BodyResult<B>;
  save: (body: B) => Promise<E>;
  /** Reads the current version after a conflict. */
  reload: (base: E) => Promise<E>;
  /** Queries to refresh after a save (e.g. the matrix). */
  invalidate: QueryKey;
  onSaved: (saved: E, created: boolean) => void;
}

/** The fields whose value differs from the original. */
export function changedValues<V extends Record<string, string>>(values: V, original: V): Partial<V> {
  const changed: Partial<V> = {};
  for (const key of Object.keys(values) as (keyof V)[]) {
    if (values[key] !== original[key]) changed[key] = values[key];
  }
  return changed;
}

export function useEntityForm<V extends Record<string, string>, E extends { version: number }, B>(options: EntityFormOptions<V, E, B>) {
  const { valuesOf, fields, toBody, save, reload, invalidate, onSaved } = options;
  const client = useQueryClient();
  const [base, setBase] = useState<E | null>(options.entity);
  const [values, setValues] = useState<V>(() => valuesOf(options.entity));
  const [clientProblems, setClientProblems] = useState<FormProblems | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: (body: B) => save(body),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: invalidate });
      onSaved(saved, base === null);
    },
  });

  const problems: FormProblems =
    clientProblems ??
    (reloadError ? problemsOf(reloadError, fields) : mutation.error ? problemsOf(mutation.error, fields) : NO_PROBLEMS);

  const setValue = (field: keyof V) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  /** A field control's value, change and error, to spread on a TextField, TextAreaField or SelectField. */
  const bind = (field: keyof V & string) => ({ value: values[field], onChange: setValue(field), error: problems.fields[field] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toBody(values, changedValues(values, valuesOf(base)), base);
    if (!result.ok) {
      setClientProblems(problemsFromIssues(result.issues, fields));
      return;
    }
    setClientProblems(null);
    setReloadError(null);
    mutation.mutate(result.body);
  };

  const reloadLatest = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await reload(base);
      setBase(fresh);
      setValues(valuesOf(fresh));
      setClientProblems(null);
      setReloadError(null);
      mutation.reset();
      await client.invalidateQueries({ queryKey: invalidate });
    } catch (err) {
      setReloadError(err);
    } finally {
      setReloading(false);
    }
  };

  return {
    base,
    values,
    setValue,
    bind,
    problems,
    submit,
    saving: mutation.isPending,
    reload: () => void reloadLatest(),
    reloading,
  };
}

/** What toBody returns for a body: `wrap(body)` when the schema accepts it, else the schema's issues. */
export function checkedBody<B, R>(schema: ZodType, body: B, wrap: (body: B) => R): BodyResult<R> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, body: wrap(body) } : { ok: false, issues: zodIssues(parsed.error) };
}

/** What a part's save sends: a new part's body, or the patch of the part with this id. */
export type PartBody<C, U> = { kind: 'create'; body: C } | { kind: 'update'; id: string; body: U };

/** The API of one kind of part of an agreement (phases, provisions, notes, zones): read one, create, patch. */
export interface PartApi<C, U, E> {
  get: (slug: string, id: string) => Promise<E>;
  create: (slug: string, body: C) => Promise<E>;
  update: (slug: string, id: string, body: U) => Promise<E>;
}

/** useEntityForm's `save` and `reload` through a part's API. */
export function partSaves<C, U, E extends { id: string }>(partApi: PartApi<C, U, E>, slug: string) {
  return {
    save: (request: PartBody<C, U>) =>
      request.kind === 'create' ? partApi.create(slug, request.body) : partApi.update(slug, request.id, request.body),
    reload: (base: E) => partApi.get(slug, base.id),
  };
}
