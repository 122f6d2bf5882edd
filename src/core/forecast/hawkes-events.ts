/**
 * Reading the escalation model's events from CSV (`time,dimension`): times in ISO 8601 or decimal
 * days, dimensions any label. Every problem is reported with its line; the events are usable only
 * when there is none.
 */
import { isCalendarDate } from '../calendar.ts';
import { readCsv } from '../ground/csv.ts';
import type { HawkesEvent } from './hawkes.ts';

/** Most data rows one file may hold. */
export const MAX_HAWKES_ROWS = 2_000_000;
/** Most errors reported; one more says how many were left out. */
const MAX_REPORTED_ERRORS = 100;
const DAY_MS = 86_400_000;

/** A problem with the file, by its 1-based line (the header is line 1). */
export interface HawkesCsvError {
  line: number;
  message: string;
}

export interface HawkesEventsCsv {
  /** The dimensions' labels, sorted; an event's dim indexes this list. */
  labels: string[];
  /** Times in days since the earliest event (so the earliest is at 0), in file order. */
  events: HawkesEvent[];
  /** The earliest event's time as written (an ISO 8601 time or a number of days). */
  origin: string | null;
  /** Whether the times were ISO 8601 (else decimal days). */
  iso: boolean;
  errors: HawkesCsvError[];
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A date, or a date and time to the minute or finer, with Z, an offset or nothing (then UTC).
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Days since 1970-01-01 UTC for an ISO 8601 time, or a message saying what is wrong. */
function isoDays(text: string): number | string {
  const m = ISO.exec(text);
  if (!m) return `the time "${text}" is neither ISO 8601 (2026-06-01 or 2026-06-01T14:30Z) nor a number of days`;
  if (!isCalendarDate(m[1]!)) return `the date ${m[1]} does not exist`;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)) return `the time of day in "${text}" does not exist`;
  const zoned = m[2] === undefined ? `${m[1]}T00:00:00Z` : m[5] === undefined ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T');
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms / DAY_MS : `the time "${text}" cannot be read`;
}

/**
 * Reads `time,dimension` (the header row required, names in any case). The times must all be ISO 8601
 * (a date-time without a zone is UTC) or all decimal days; either way they come back as days since
 * the earliest one. Rows may be in any order.
 */
export function parseHawkesEventsCsv(text: string): HawkesEventsCsv {
  const { records, problems } = readCsv(text, MAX_HAWKES_ROWS + 2);
  const errors: HawkesCsvError[] = [...problems];
  const empty = { labels: [], events: [], origin: null, iso: false };
  const header = records[0];
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== 'time,dimension') {
    const found = header ? `found "${header.fields.join(',')}"` : 'the file is empty';
    return { ...empty, errors: [...errors, { line: header?.line ?? 1, message: `the first row must be the header time,dimension (${found})` }] };
  }
  const data = records.slice(1);
  if (data.length > MAX_HAWKES_ROWS) return { ...empty, errors: [...errors, { line: data[MAX_HAWKES_ROWS]!.line, message: `more than ${MAX_HAWKES_ROWS} events` }] };
  const rows: Array<{ days: number; label: string; time: string }> = [];
  let kind: { iso: boolean; line: number } | null = null;
  for (const { line, fields } of data) {
    const fail = (message: string) => errors.push({ line, message });
    if (fields.length !== 2) {
      fail(`expected 2 fields (time,dimension), found ${fields.length}`);
      continue;
    }
    const time = fields[0]!.trim();
    const label = fields[1]!.trim();
    if (label === '') fail('the dimension is empty');
    if (time === '') {
      fail('the time is empty');
      continue;
    }
    const iso = !DECIMAL.test(time);
    const days = iso ? isoDays(time) : Number(time);
    if (typeof days === 'string') {
      fail(days);
      continue;
    }
    if (!Number.isFinite(days)) {
      fail(`the time ${time} is too large`);
      continue;
    }
    kind ??= { iso, line };
    if (kind.iso !== iso) {
      fail(`the time ${time} is ${iso ? 'ISO 8601' : 'a number of days'}, but line ${kind.line} is ${kind.iso ? 'ISO 8601' : 'a number of days'}: one kind per file`);
      continue;
    }
    if (label !== '') rows.push({ days, label, time });
  }
  if (errors.length > MAX_REPORTED_ERRORS) {
    const left = errors.length - MAX_REPORTED_ERRORS;
    errors.splice(MAX_REPORTED_ERRORS, left, { line: errors[MAX_REPORTED_ERRORS]!.line, message: `and ${left} more errors` });
  }
  if (errors.length > 0) return { ...empty, errors };
  if (rows.length === 0) return { ...empty, errors: [{ line: header.line, message: 'the file has no events' }] };
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  let first = rows[0]!;
  for (const r of rows) if (r.days < first.days) first = r;
  const events = rows.map((r) => ({ time: r.days - first.days, dim: index.get(r.label)! }));
  return { labels, events, origin: first.time, iso: kind?.iso ?? false, errors: [] };
}
