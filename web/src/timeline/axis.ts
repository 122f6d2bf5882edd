/** A date axis for the timeline: the span to show, positions on it, and month ticks. Dates are YYYY-MM-DD. */
import { daysBetween } from '../shared/time.ts';

export interface Span {
  start: string;
  end: string;
  days: number;
}

const MIN_DAYS = 28;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The span covering every date, padded on both sides and at least four weeks long; null without dates. */
export function spanOf(dates: readonly string[]): Span | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  let start = sorted[0] as string;
  let end = sorted[sorted.length - 1] as string;
  const length = daysBetween(start, end);
  const pad = Math.max(3, Math.ceil(Math.max(length, MIN_DAYS) * 0.08), Math.ceil((MIN_DAYS - length) / 2));
  start = addDays(start, -pad);
  end = addDays(end, pad);
  return { start, end, days: daysBetween(start, end) };
}

/** Percentage from the left edge of the span. */
export function position(span: Span, date: string): number {
  return (daysBetween(span.start, date) / span.days) * 100;
}

/** The first day of each month inside the span, with a short label; thinned to at most ~8 ticks. */
export function monthTicks(span: Span): { date: string; label: string }[] {
  const format = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const ticks: { date: string; label: string }[] = [];
  const cursor = new Date(`${span.start.slice(0, 7)}-01T00:00:00Z`);
  while (cursor.toISOString().slice(0, 10) <= span.end) {
    const date = cursor.toISOString().slice(0, 10);
    if (date >= span.start) ticks.push({ date, label: format.format(cursor) });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const step = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % step === 0);
}
