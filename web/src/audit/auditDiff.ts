/**
 * Audit entries in words: what an entry is about (its kind and the name of what it opens), who made
 * it, and its fields with their labels, each value as a reader reads it (ids as the names of what
 * they point to, times in the agreement's zone, codes as words).
 */
import type { AuditEntryView, AuditName } from '../../../src/contract/index.ts';
import { auditEntityLabel, auditFieldLabel, auditStateName, auditSubjectId, isReferenceField } from '../../../src/core/audit-labels.ts';
import { AUDIENCE_LABELS } from '../../../src/core/access.ts';
import { isUuid } from '../../../src/core/slug.ts';
import { AGREEMENT_ROLE_LABELS } from '../shared/labels.ts';
import { formatDate, formatDateTime } from '../shared/time.ts';

/** A piece of a shown value: text, linked when it names a record with a page. */
export interface ValuePart {
  text: string;
  href: string | null;
  /** The full value where the text shortens it (a long text, an id). */
  title?: string;
}

export interface FieldChange {
  field: string;
  label: string;
  /** The value before; null for a created record. */
  from: ValuePart[] | null;
  /** The value after; null for a deleted record. */
  to: ValuePart[] | null;
}

/** What values are read against: the page's names and the agreement's time zone. */
export interface Naming {
  names: Readonly<Record<string, AuditName>>;
  timeZone: string;
}

/** Bookkeeping fields every write touches: not worth showing as a change. */
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'id', 'agreementId', 'ordinal']);
/** Fields read first, in this order; then those that name other records, then the rest by their label. */
const FIRST = ['code', 'title', 'name', 'status', 'from', 'to', 'role', 'reason'];
/** What a record calls itself: the record's column shows it, so a created or deleted record's fields leave it out. */
const NAMING = new Set(['code', 'title', 'name', 'email']);
const MAX = 80;

const DASH: ValuePart[] = [{ text: '—', href: null }];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A code as the API writes one: "not_started", "party_delegate". */
const CODE = /^[a-z]+(_[a-z]+)+$/;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const shortened = (text: string): ValuePart =>
  text.length > MAX ? { text: `${text.slice(0, MAX - 1)}…`, href: null, title: text } : { text, href: null };

/** An id as the name of what it points to, linked to its page; one this page does not name, shortened. */
function idPart(id: string, names: Naming['names']): ValuePart {
  const named = names[id];
  return named ? { text: named.name, href: named.href } : { text: `${id.slice(0, 8)}…`, href: null, title: id };
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (asRecord(value) !== null && Object.keys(value as object).length === 0);

/** Fields whose codes have words of their own, as the rest of the UI writes them. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  audience: AUDIENCE_LABELS,
  role: AGREEMENT_ROLE_LABELS,
};

/**
 * A value in a few words: ids as names, times in the agreement's zone, yes or no, codes as words (a
 * field's own words for them when it has some), a list of records as their count, long text shortened.
 */
export function showValue(value: unknown, naming: Naming, field = ''): ValuePart[] {
  if (isEmpty(value)) return DASH;
  if (Array.isArray(value) && value.every(isUuidValue)) return value.map((id) => idPart(id, naming.names));
  if (Array.isArray(value) && value.every((item) => asRecord(item) !== null)) {
    return [{ text: `${value.length} ${value.length === 1 ? 'item' : 'items'}`, href: null, title: JSON.stringify(value).slice(0, 2_000) }];
  }
  const labels = Object.hasOwn(VALUE_LABELS, field) ? VALUE_LABELS[field] : undefined;
  const words = typeof value === 'string' && labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
  if (words) return [{ text: words, href: null }];
  if (typeof value === 'boolean') return [{ text: value ? 'yes' : 'no', href: null }];
  if (typeof value === 'number') return [{ text: String(value), href: null }];
  if (typeof value === 'string') {
    if (isUuid(value)) return [idPart(value, naming.names)];
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return [{ text: formatDateTime(value, naming.timeZone), href: null, title: value }];
    if (ISO_DATE.test(value)) return [{ text: formatDate(value), href: null }];
    if (CODE.test(value)) return [{ text: value.replaceAll('_', ' '), href: null }];
    return [shortened(value)];
  }
  return [shortened(JSON.stringify(value))];
}

const isUuidValue = (value: unknown): value is string => typeof value === 'string' && isUuid(value);

function fieldOrder(a: FieldChange, b: FieldChange): number {
  const rank = (f: string) => (FIRST.includes(f) ? FIRST.indexOf(f) : isReferenceField(f) ? FIRST.length : FIRST.length + 1);
  return rank(a.field) - rank(b.field) || a.label.localeCompare(b.label);
}

/**
 * The fields an entry shows: for an update those that differ (before → after); for a record
 * created or deleted, the fields it had that hold something, less those that name it (the record's
 * column shows its name). Bookkeeping fields are left out.
 */
export function fieldChanges(entry: Pick<AuditEntryView, 'action' | 'before' | 'after'>, naming: Naming): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !IGNORED.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before?.[field];
    const a = after?.[field];
    if (before && after) {
      if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    } else if (isEmpty(before ? b : a) || NAMING.has(field)) {
      continue;
    }
    changes.push({
      field,
      label: auditFieldLabel(field),
      from: before ? showValue(b, naming, field) : null,
      to: after ? showValue(a, naming, field) : null,
    });
  }
  return changes.sort(fieldOrder);
}

/** What an entry is about: its kind in words, and the names of the record and of what it belongs to. */
export function entityParts(entry: Pick<AuditEntryView, 'entity' | 'entityId' | 'before' | 'after'>, names: Naming['names']): { kind: string; parts: ValuePart[] } {
  const subjectId = auditSubjectId(entry);
  const subject = names[subjectId];
  const own = auditStateName(entry.before, entry.after);
  const parts: ValuePart[] = [];
  if (subjectId === entry.entityId) {
    if (subject) parts.push({ text: subject.name, href: subject.href });
    else if (own) parts.push(shortened(own));
  } else {
    if (own) parts.push(shortened(own));
    if (subject) parts.push({ text: subject.name, href: subject.href });
  }
  return { kind: auditEntityLabel(entry.entity), parts };
}

/** Who made an entry: the user's name now, with the address it was recorded under; else the name recorded. */
export function actorParts(entry: Pick<AuditEntryView, 'actorId' | 'actorName'>, names: Naming['names']): { name: string; recorded: string | null } {
  const named = entry.actorId ? names[entry.actorId] : undefined;
  return named && named.name !== entry.actorName ? { name: named.name, recorded: entry.actorName } : { name: entry.actorName, recorded: null };
}
