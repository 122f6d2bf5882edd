import { describe, expect, it } from 'vitest';
import { fitLabels, labelWidth, type AxisLabel, type PlacedLabel } from './tickLayout.ts';

const MONTHS: AxisLabel[] = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'].map((m, i) => ({
  date: `2026-0${i + 1}-01`,
  label: `${m} 2026`,
}));
// Evenly spaced for the test: month i at 5 + 12 i percent.
const positionOf = (date: string) => (date === '2026-06-20' ? 67 : 5 + 12 * (Number(date.slice(5, 7)) - 1));

/** The pixel interval a placed label covers. */
const box = (p: PlacedLabel, width: number): [number, number] => {
  const x = (p.left / 100) * width;
  const w = labelWidth(p.label);
  return p.flip ? [x - w, x] : [x, x + w];
};

function expectApart(placed: PlacedLabel[], width: number) {
  const boxes = placed.map((p) => box(p, width)).sort((a, b) => a[0] - b[0]);
  for (const [from, to] of boxes) {
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeLessThanOrEqual(width);
  }
  for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]![0]).toBeGreaterThan(boxes[i - 1]![1]);
}

describe('fitLabels', () => {
  it('keeps every month on a wide axis', () => {
    const { months } = fitLabels(MONTHS, null, positionOf, 1000);
    expect(months.map((m) => m.label)).toEqual(MONTHS.map((m) => m.label));
    expectApart(months, 1000);
  });

  it('thins the months evenly on a phone-wide axis, none overlapping another', () => {
    const { months } = fitLabels(MONTHS, null, positionOf, 330);
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months.length).toBeLessThan(MONTHS.length);
    expect(months[0]!.label).toBe('Jan 2026');
    expectApart(months, 330);
  });

  it('places "today" first and leaves out the months it would overlap', () => {
    const today = { date: '2026-06-20', label: 'today' };
    const { months, today: placed } = fitLabels(MONTHS, today, positionOf, 600);
    expect(placed).toMatchObject({ label: 'today', left: 67, flip: false });
    expect(months.map((m) => m.label)).not.toContain('Jun 2026');
    expectApart([...months, placed!], 600);
  });

  it('flips a label near the right edge to end at its line', () => {
    const { months } = fitLabels([MONTHS[0]!, MONTHS[7]!], null, positionOf, 400);
    expect(months.map((m) => [m.label, m.flip])).toEqual([
      ['Jan 2026', false],
      ['Aug 2026', true],
    ]);
    expectApart(months, 400);
  });

  it('shows nothing before the axis has a width', () => {
    expect(fitLabels(MONTHS, { date: '2026-06-20', label: 'today' }, positionOf, 0)).toEqual({ months: [], today: null });
  });
});
