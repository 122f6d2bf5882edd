// The timeline's date axis: spans, positions and month ticks, over month, year and leap-day edges.
import { describe, expect, it } from 'vitest';
import { monthTicks, position, spanOf } from './axis.ts';

describe('the date axis', () => {
  it('pads a span to at least four weeks, across a year end', () => {
    const span = spanOf(['2026-12-30', '2027-01-02'])!;
    expect(span).toEqual({ start: '2026-12-17', end: '2027-01-15', days: 29 });
    expect(position(span, span.start)).toBe(0);
    expect(position(span, span.end)).toBe(100);
    expect(spanOf([])).toBeNull();
  });

  it('places a tick on the first of each month, leap February included', () => {
    const ticks = monthTicks({ start: '2028-01-15', end: '2028-04-10', days: 86 });
    expect(ticks.map((t) => [t.date, t.label])).toEqual([
      ['2028-02-01', 'Feb 2028'],
      ['2028-03-01', 'Mar 2028'],
      ['2028-04-01', 'Apr 2028'],
    ]);
    expect(monthTicks({ start: '2026-11-01', end: '2027-01-01', days: 61 }).map((t) => t.date)).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });
});
