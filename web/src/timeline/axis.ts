/** A date axis for the timeline: the span to show, positions on it, and month ticks. Dates are YYYY-MM-DD. */
import { addDays, daysBetween } from '../../../src/core/calendar.ts';

export interface Span {
  start: string;
  end: string;
  days: number;
}

const MIN_DAYS = 28;

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

/** The first day of the month of a date: "2026-06-01" for "2026-06-20". */
const firstOfMonth = (date: string) => `${date.slice(0, -3)}-01`;

/** The first day of each month inside the span, with a short label; thinned to at most ~8 ticks. */
export function monthTicks(span: Span): { date: string; label: string }[] {
  const format = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const ticks: { date: string; label: string }[] = [];
  for (let date = firstOfMonth(span.start); daysBetween(date, span.end) >= 0; date = firstOfMonth(addDays(date, 31))) {
    if (daysBetween(span.start, date) >= 0) ticks.push({ date, label: format.format(new Date(`${date}T00:00:00Z`)) });
  }
  const step = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % step === 0);
}
