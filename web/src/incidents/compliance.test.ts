// The chart and its table see the same counts, in one order that does not depend on the counts.
import { describe, expect, it } from 'vitest';
import type { ComplianceView } from '../../../src/contract/index.ts';
import { complianceBars, complianceDays, complianceExtent, complianceRows, seriesLabels } from './compliance.ts';

const ISRAEL = '11111111-1111-4111-8111-111111111111';
const HAMAS = '22222222-2222-4222-8222-222222222222';

function view(overrides: Partial<ComplianceView> = {}): ComplianceView {
  return {
    by: 'party',
    granularity: 'day',
    timeZone: 'Asia/Gaza',
    from: '2026-06-19T21:00:00.000Z',
    to: '2026-06-22T21:00:00.000Z',
    buckets: [
      { key: '2026-06-20', start: '2026-06-20' },
      { key: '2026-06-21', start: '2026-06-21' },
      { key: '2026-06-22', start: '2026-06-22' },
    ],
    // As the server orders them: by total, highest first.
    series: [
      { key: ISRAEL, label: 'Israel', counts: [2, 0, 1], total: 3 },
      { key: null, label: 'Not attributed', counts: [0, 1, 0], total: 1 },
      { key: HAMAS, label: 'Hamas', counts: [1, 0, 0], total: 1 },
    ],
    total: 5,
    ...overrides,
  };
}

describe('complianceDays', () => {
  it('names the first and last whole day of the window in the agreement’s zone', () => {
    expect(complianceDays(view())).toEqual({ first: '2026-06-20', last: '2026-06-22' });
    // Across a year end, in winter time (EET, UTC+2).
    expect(complianceDays(view({ from: '2026-12-29T22:00:00.000Z', to: '2027-01-02T22:00:00.000Z' }))).toEqual({ first: '2026-12-30', last: '2027-01-02' });
  });
});

describe('seriesLabels', () => {
  it('orders by name with the unattributed series last, whatever the totals', () => {
    expect(seriesLabels(view())).toEqual(['Hamas', 'Israel', 'Not attributed']);
    const swapped = view({
      series: [
        { key: HAMAS, label: 'Hamas', counts: [9, 9, 9], total: 27 },
        { key: ISRAEL, label: 'Israel', counts: [0, 0, 0], total: 0 },
      ],
    });
    expect(seriesLabels(swapped)).toEqual(['Hamas', 'Israel']);
  });
});

describe('complianceBars', () => {
  it('gives one bar per non-zero count, a day wide, in series order', () => {
    const bars = complianceBars(view());
    expect(bars.map((b) => [b.bucket, b.series, b.count])).toEqual([
      ['2026-06-20', 'Hamas', 1],
      ['2026-06-20', 'Israel', 2],
      ['2026-06-21', 'Not attributed', 1],
      ['2026-06-22', 'Israel', 1],
    ]);
    expect(bars[0]!.start.toISOString()).toBe('2026-06-20T00:00:00.000Z');
    expect(bars[0]!.end.toISOString()).toBe('2026-06-21T00:00:00.000Z');
  });

  it('makes week bars seven days wide from the ISO week start', () => {
    const weekly = view({
      granularity: 'week',
      buckets: [{ key: '2026-W25', start: '2026-06-15' }],
      series: [{ key: HAMAS, label: 'Hamas', counts: [4], total: 4 }],
      total: 4,
    });
    const [bar] = complianceBars(weekly);
    expect(bar).toMatchObject({ bucket: '2026-W25', count: 4 });
    expect(bar!.end.toISOString()).toBe('2026-06-22T00:00:00.000Z');
    expect(complianceExtent(weekly)!.map((d) => d.toISOString())).toEqual(['2026-06-15T00:00:00.000Z', '2026-06-22T00:00:00.000Z']);
  });

  it('has nothing to draw when nothing was verified', () => {
    const none = view({ series: [{ key: HAMAS, label: 'Hamas', counts: [0, 0, 0], total: 0 }], total: 0 });
    expect(complianceBars(none)).toEqual([]);
    expect(complianceRows(none)).toEqual([]);
  });
});

describe('complianceRows', () => {
  it('lists the days with counts, one column per series in the same order as the legend', () => {
    expect(complianceRows(view())).toEqual([
      { bucket: '2026-06-20', start: '2026-06-20', counts: [1, 2, 0], total: 3 },
      { bucket: '2026-06-21', start: '2026-06-21', counts: [0, 0, 1], total: 1 },
      { bucket: '2026-06-22', start: '2026-06-22', counts: [0, 1, 0], total: 1 },
    ]);
  });

  it('spans the whole window on the axis, empty days included', () => {
    expect(complianceExtent(view())!.map((d) => d.toISOString())).toEqual(['2026-06-20T00:00:00.000Z', '2026-06-23T00:00:00.000Z']);
    expect(complianceExtent(view({ buckets: [] }))).toBeNull();
  });
});
