/** Short, readable summaries of audit entries: what an entry names, and which fields an update changed. */

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** Bookkeeping fields every write touches: not worth showing as a change. */
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'id', 'agreementId', 'ordinal']);
const MAX = 60;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A value in a few words: text as it is (shortened), null as "—", anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** The fields that differ between before and after (those only in one of them included). */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((field) => ({ field, from: showValue(b[field]), to: showValue(a[field]) }));
}

/** What an entry is about in words: "provision 2.3", "note “Schedule…”", "membership (viewer)", or the entity alone. */
export function entityLabel(entity: string, before: unknown, after: unknown): string {
  const state = asRecord(after) ?? asRecord(before);
  if (!state) return entity;
  const code = typeof state.code === 'string' && state.code ? state.code : null;
  const name = [state.title, state.name, state.email].find((v): v is string => typeof v === 'string' && v !== '');
  if (code) return `${entity} ${code}`;
  if (name) return `${entity} “${showValue(name)}”`;
  return typeof state.role === 'string' ? `${entity} (${state.role.replace('_', ' ')})` : entity;
}
