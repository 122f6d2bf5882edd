/**
 * Compliance: counts of verified violations per party or per provision, by day or ISO week in the
 * agreement's time zone. The database counts per local date; this module names the buckets, fills
 * the empty ones and shapes the series, so that every reader buckets alike.
 */
import { addDays, dayStart, daysBetween, isoWeek, isoWeekStart, localDate } from './calendar.ts';

export const COMPLIANCE_DIMENSIONS = ['party', 'provision'] as const;
export type ComplianceDimension = (typeof COMPLIANCE_DIMENSIONS)[number];

export const COMPLIANCE_GRANULARITIES = ['day', 'week'] as const;
export type ComplianceGranularity = (typeof COMPLIANCE_GRANULARITIES)[number];

/** The window when none is given: this many whole days, today included. */
export const DEFAULT_WINDOW_DAYS = 90;

/**
 * The compliance window: the `from` and `to` given, or by default whole days in the agreement's
 * zone, never the minute of the request. `to` defaults to the end of today there (the first instant
 * of tomorrow); `from` to the start of the day DEFAULT_WINDOW_DAYS days back, today counted, moved to
 * that week's Monday when counting by week, so that the first bucket is whole too.
 */
export function complianceWindow(
  now: Date,
  timeZone: string,
  granularity: ComplianceGranularity,
  given: { from?: Date | undefined; to?: Date | undefined } = {},
): { from: Date; to: Date } {
  const to = given.to ?? dayStart(addDays(localDate(now, timeZone), 1), timeZone);
  if (given.from) return { from: given.from, to };
  const lastDay = localDate(new Date(to.getTime() - 1), timeZone);
  const firstDay = addDays(lastDay, 1 - DEFAULT_WINDOW_DAYS);
  return { from: dayStart(granularity === 'week' ? isoWeekStart(firstDay) : firstDay, timeZone), to };
}

/** A bucket: its label ("2026-06-20" or "2026-W25") and the local date it starts on. */
export interface Bucket {
  key: string;
  start: string;
}

/** The bucket of a local calendar date. */
export function bucketOfDate(date: string, granularity: ComplianceGranularity): Bucket {
  if (granularity === 'day') return { key: date, start: date };
  return { key: isoWeek(date), start: isoWeekStart(date) };
}

/** The bucket an instant falls in, counted in `timeZone`. */
export function bucketOf(instant: Date, timeZone: string, granularity: ComplianceGranularity): Bucket {
  return bucketOfDate(localDate(instant, timeZone), granularity);
}

/** Every bucket from the one holding `from` to the one holding the last instant before `to`, in order. */
export function bucketsBetween(from: Date, to: Date, timeZone: string, granularity: ComplianceGranularity): Bucket[] {
  if (to.getTime() <= from.getTime()) return [];
  const first = bucketOf(from, timeZone, granularity).start;
  const last = bucketOf(new Date(to.getTime() - 1), timeZone, granularity).start;
  const step = granularity === 'day' ? 1 : 7;
  const out: Bucket[] = [];
  // Counted, not compared as strings: a local date past 9999 has five digits.
  const count = Math.floor(daysBetween(first, last) / step);
  for (let i = 0, date = first; i <= count; i += 1, date = addDays(date, step)) out.push(bucketOfDate(date, granularity));
  return out;
}

/** One count from the database: violations on a local date (or in the week starting then) for a key. */
export interface ComplianceCount {
  date: string;
  /** A party or provision id; null for verified violations attributed to no party. */
  key: string | null;
  count: number;
}

export interface ComplianceSeries {
  key: string | null;
  /** One count per bucket, in bucket order. */
  counts: number[];
  total: number;
}

export interface ComplianceTable {
  buckets: Bucket[];
  series: ComplianceSeries[];
  total: number;
}

const DATE = /^\d{4,5}-\d{2}-\d{2}$/;

/**
 * Dense series over the buckets: one per key that has a count, plus every key of `keys` (so that a
 * party without violations shows as zeros). Ordered by total, highest first, then by key.
 */
export function complianceTable(
  counts: readonly ComplianceCount[],
  buckets: readonly Bucket[],
  granularity: ComplianceGranularity,
  keys: readonly (string | null)[] = [],
): ComplianceTable {
  const position = new Map(buckets.map((b, i) => [b.key, i]));
  const byKey = new Map<string | null, number[]>();
  const row = (key: string | null) => {
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = buckets.map(() => 0)));
    return counts;
  };
  for (const key of keys) row(key);
  for (const c of counts) {
    // A date core cannot read (a database that writes dates otherwise) is left out, not a crash.
    const i = DATE.test(c.date) ? position.get(bucketOfDate(c.date, granularity).key) : undefined;
    // A count outside the buckets means the query and the window disagree; it is left out, not misplaced.
    if (i !== undefined) row(c.key)[i]! += c.count;
  }
  const series = [...byKey.entries()].map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }));
  series.sort((a, b) => b.total - a.total || String(a.key ?? '\uffff').localeCompare(String(b.key ?? '\uffff')));
  return { buckets: [...buckets], series, total: series.reduce((sum, s) => sum + s.total, 0) };
}
