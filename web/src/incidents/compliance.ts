/**
 * The compliance answer shaped for the chart and its data table. Series keep one order and one
 * colour rule whatever their counts: by name, with "Not attributed" (no party) last, so that no
 * party is put first or given a colour by how many violations it has.
 */
import type { ComplianceView } from '../../../src/contract/index.ts';

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

const DAY_MS = 86_400_000;
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

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
  const span = view.granularity === 'day' ? 1 : 7;
  const ordered = seriesOrder(view);
  return view.buckets.flatMap((bucket, i) => {
    const start = utcDay(bucket.start);
    const end = new Date(start.getTime() + span * DAY_MS);
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
  return [utcDay(first.start), new Date(utcDay(last.start).getTime() + (view.granularity === 'day' ? 1 : 7) * DAY_MS)];
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
