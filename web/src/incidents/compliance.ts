/**
 * The compliance answer shaped for the chart and its data table. Series keep one order and one
 * colour rule whatever their counts: by name, with "Not attributed" (no party) last, so that no
 * party is put first or given a colour by how many violations it has.
 */
import type { ComplianceView } from '../../../src/contract/index.ts';
import { addDays, localDate } from '../../../src/core/calendar.ts';

type Series = ComplianceView['series'][number];

/** One stacked bar piece: a series' count in one bucket (zeros are left out). */
export interface ComplianceBar {
  bucket: string;
  /** The bucket's first local day and the day after its last, as UTC midnights for a date axis. */
  start: Date;
  end: Date;
  series: string;
  count: number;
}

/** One row of the data table: a bucket with at least one count, a count per series in seriesOrder. */
export interface ComplianceRow {
  bucket: string;
  start: string;
  counts: number[];
  total: number;
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);
/** Days in a bucket. */
const spanOf = (view: ComplianceView) => (view.granularity === 'day' ? 1 : 7);

/** The first and last day of the window, in the agreement's zone (the window ends before `to`). */
export function complianceDays(view: ComplianceView): { first: string; last: string } {
  return { first: localDate(new Date(view.from), view.timeZone), last: localDate(new Date(Date.parse(view.to) - 1), view.timeZone) };
}

/** The series in display order: by label, the unattributed one (key null) last. */
export function seriesOrder(view: ComplianceView): Series[] {
  return [...view.series].sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return a.label.localeCompare(b.label, 'en') || String(a.key).localeCompare(String(b.key));
  });
}

/** The colour domain: the labels in display order. */
export function seriesLabels(view: ComplianceView): string[] {
  return seriesOrder(view).map((s) => s.label);
}

/** The bars of the chart, bucket by bucket, series in display order. */
export function complianceBars(view: ComplianceView): ComplianceBar[] {
  const ordered = seriesOrder(view);
  return view.buckets.flatMap((bucket, i) => {
    const start = utcDay(bucket.start);
    const end = utcDay(addDays(bucket.start, spanOf(view)));
    return ordered.flatMap((s) => {
      const count = s.counts[i] ?? 0;
      return count > 0 ? [{ bucket: bucket.key, start, end, series: s.label, count }] : [];
    });
  });
}

/** The x extent of the chart: the first bucket's start to the end of the last one. */
export function complianceExtent(view: ComplianceView): [Date, Date] | null {
  const first = view.buckets[0];
  const last = view.buckets.at(-1);
  if (!first || !last) return null;
  return [utcDay(first.start), utcDay(addDays(last.start, spanOf(view)))];
}

/** The table rows: only the buckets with a verified violation, counts in the series display order. */
export function complianceRows(view: ComplianceView): ComplianceRow[] {
  const ordered = seriesOrder(view);
  return view.buckets.flatMap((bucket, i) => {
    const counts = ordered.map((s) => s.counts[i] ?? 0);
    const total = counts.reduce((sum, n) => sum + n, 0);
    return total > 0 ? [{ bucket: bucket.key, start: bucket.start, counts, total }] : [];
  });
}
