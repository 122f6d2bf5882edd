import { describe, expect, it } from 'vitest';
import type { Precedent } from './dataset.ts';
import { kaplanMeier, precedentSurvival, survivalAt } from './survival.ts';

// Times 2, 3, 3, 3+, 5+, 6, 8, 8+, 10+ (+: censored). By hand:
// day 2: 9 at risk, 1 event: S = 8/9; day 3: 8 at risk, 2 events and 1 censored: S = 8/9 · 6/8 = 2/3;
// day 5: 5 at risk, censored; day 6: 4 at risk, 1 event: S = 2/3 · 3/4 = 1/2 (the median);
// day 8: 3 at risk, 1 event, 1 censored: S = 1/2 · 2/3 = 1/3; day 10: 1 at risk, censored.
const times = [
  { time: 3, event: true },
  { time: 2, event: true },
  { time: 3, event: false },
  { time: 3, event: true },
  { time: 5, event: false },
  { time: 6, event: true },
  { time: 8, event: false },
  { time: 8, event: true },
  { time: 10, event: false },
];

describe('kaplanMeier', () => {
  const curve = kaplanMeier(times);

  it('steps at each distinct time, events before censoring on a tie', () => {
    expect(curve.steps.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual([
      [2, 9, 1, 0],
      [3, 8, 2, 1],
      [5, 5, 0, 1],
      [6, 4, 1, 0],
      [8, 3, 1, 1],
      [10, 1, 0, 1],
    ]);
    const expected = [8 / 9, 2 / 3, 2 / 3, 1 / 2, 1 / 3, 1 / 3];
    curve.steps.forEach((s, i) => expect(s.survival).toBeCloseTo(expected[i]!, 12));
    expect({ n: curve.n, events: curve.events, censored: curve.censored, median: curve.median }).toEqual({ n: 9, events: 5, censored: 4, median: 6 });
  });

  it("gives Greenwood's 95 % interval on the log scale", () => {
    // Var(log S) = Σ d / (n (n − d)): 1/72 at day 2; + 2/48 + 1/12 at day 6; + 1/6 at day 8.
    const z = 1.959963984540054;
    expect(curve.steps[0]!.low).toBeCloseTo((8 / 9) * Math.exp(-z * Math.sqrt(1 / 72)), 12);
    expect(curve.steps[0]!.high).toBe(1);
    expect(curve.steps[3]!.low).toBeCloseTo(0.5 * Math.exp(-z * Math.sqrt(1 / 72 + 2 / 48 + 1 / 12)), 12);
    expect(curve.steps[4]!.low).toBeCloseTo(0.1128130624, 9);
    expect(curve.steps[4]!.high).toBeCloseTo(0.9849135264, 9);
  });

  it('reads S on any day, and null beyond the last time seen', () => {
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 1)).toBe(1);
    expect(survivalAt(curve, 7)).toBeCloseTo(0.5, 12);
    expect(survivalAt(curve, 10)).toBeCloseTo(1 / 3, 12);
    expect(survivalAt(curve, 11)).toBeNull();
  });

  it('has no median when the curve stays above one half, and handles no data', () => {
    expect(kaplanMeier([{ time: 4, event: true }, { time: 5, event: false }, { time: 6, event: false }]).median).toBeNull();
    expect(kaplanMeier([])).toEqual({ steps: [], n: 0, events: 0, censored: 0, median: null });
    const all = kaplanMeier([{ time: 1, event: true }, { time: 1, event: true }]);
    expect(all.steps).toEqual([{ day: 1, survival: 0, atRisk: 2, events: 2, censored: 0, low: null, high: null }]);
    expect(all.median).toBe(1);
    expect(survivalAt(all, 400)).toBe(0);
  });
});

const precedent = (over: Partial<Precedent>): Precedent => ({
  paid: 1, name: 'A', conflict: 'C', conflictId: '1', dyads: [], region: 'Asia', year: 2020, date: '2020-01-01', type: 2,
  provisions: [], thirdParty: null, ended: null, endDate: null, fullTextUrl: null, signatories: '', comment: '', endComment: '',
  ...over,
});

describe('precedentSurvival', () => {
  it('censors blank and False at the data’s end, and leaves out ended agreements without a usable end date', () => {
    const s = precedentSurvival([
      precedent({ ended: true, endDate: '2020-01-11' }),
      precedent({ ended: null, date: '2021-12-01' }),
      precedent({ ended: false, date: '2021-12-21' }),
      precedent({ ended: true, endDate: null }),
      precedent({ ended: true, endDate: '2019-06-01' }),
    ]);
    // 10 days to the end; 10 days (21 to 31 December 2021, False) and 30 days (blank) censored.
    expect(s.steps.map((x) => [x.day, x.events, x.censored])).toEqual([
      [10, 1, 1],
      [30, 0, 1],
    ]);
    expect({ n: s.n, events: s.events, censored: s.censored, excluded: s.excluded, exclusions: s.exclusions }).toEqual({
      n: 3, events: 1, censored: 2, excluded: 2, exclusions: { noEndDate: 1, endBeforeDate: 1 },
    });
    expect(s.dataEnd).toBe('2021-12-31');
    // Followed for 30 days at most: S(365) is not known.
    expect(s.oneYear).toBeNull();
  });
});
