import { describe, expect, it } from 'vitest';
import { COMPARISONS, COMPARISON_LABELS, INDICATOR_PERIODS, indicatorSeries, indicatorStreak, meets, periodStart, type IndicatorRule } from './indicators.ts';

const obs = (observedOn: string, value: number) => ({ observedOn, value });
const daily: IndicatorRule = { comparison: '>=', target: 100, period: 'day' };
const weekly: IndicatorRule = { comparison: '>=', target: 500, period: 'week' };

describe('vocabularies', () => {
  it('lists the comparisons and periods', () => {
    expect(COMPARISONS).toEqual(['>=', '<=', '=']);
    expect(COMPARISON_LABELS['>=']).toBe('At least');
    expect(INDICATOR_PERIODS).toEqual(['day', 'week']);
  });
});

describe('meets', () => {
  it('compares at least and at most, the target included', () => {
    expect(meets(100, '>=', 100)).toBe(true);
    expect(meets(99.99, '>=', 100)).toBe(false);
    expect(meets(100, '<=', 100)).toBe(true);
    expect(meets(100.01, '<=', 100)).toBe(false);
    expect(meets(0, '<=', 0)).toBe(true);
  });

  it('holds = within 0.5 % of the target either way', () => {
    expect(meets(200, '=', 200)).toBe(true);
    expect(meets(201, '=', 200)).toBe(true);
    expect(meets(199, '=', 200)).toBe(true);
    expect(meets(201.01, '=', 200)).toBe(false);
    expect(meets(198.99, '=', 200)).toBe(false);
    expect(meets(-100.4, '=', -100)).toBe(true);
  });

  it('holds = exactly when the target is 0', () => {
    expect(meets(0, '=', 0)).toBe(true);
    expect(meets(0.000001, '=', 0)).toBe(false);
  });
});

describe('indicatorStreak (daily)', () => {
  it('counts consecutive days at target up to the newest observation', () => {
    const s = indicatorStreak(daily, [obs('2026-06-01', 50), obs('2026-06-02', 120), obs('2026-06-03', 100), obs('2026-06-04', 130)], '2026-06-04');
    expect(s).toEqual({ periods: 3, since: '2026-06-02', latest: obs('2026-06-04', 130), met: true, periodsBehind: 0 });
  });

  it('breaks on a missing day', () => {
    const s = indicatorStreak(daily, [obs('2026-06-01', 120), obs('2026-06-02', 120), obs('2026-06-04', 120), obs('2026-06-05', 120)], '2026-06-05');
    expect(s).toMatchObject({ periods: 2, since: '2026-06-04', met: true });
  });

  it('is 0 when the newest observation misses the target', () => {
    const s = indicatorStreak(daily, [obs('2026-06-01', 120), obs('2026-06-02', 99)], '2026-06-02');
    expect(s).toEqual({ periods: 0, since: null, latest: obs('2026-06-02', 99), met: false, periodsBehind: 0 });
  });

  it('is empty without observations', () => {
    expect(indicatorStreak(daily, [], '2026-06-02')).toEqual({ periods: 0, since: null, latest: null, met: false, periodsBehind: null });
  });

  it('ends at the newest observation, says how stale it is, and leaves out observations after today', () => {
    const observations = [obs('2026-06-01', 120), obs('2026-06-02', 120), obs('2026-06-09', 10)];
    const s = indicatorStreak(daily, observations, '2026-06-05');
    expect(s).toMatchObject({ periods: 2, since: '2026-06-01', met: true, periodsBehind: 3 });
    expect(s.latest).toEqual(obs('2026-06-02', 120));
  });

  it('reads the observations in any order, across months and years', () => {
    const s = indicatorStreak(daily, [obs('2027-01-01', 100), obs('2026-12-30', 100), obs('2026-12-31', 100)], '2027-01-01');
    expect(s).toMatchObject({ periods: 3, since: '2026-12-30' });
  });

  it('applies at most and equal targets', () => {
    const atMost: IndicatorRule = { comparison: '<=', target: 5, period: 'day' };
    expect(indicatorStreak(atMost, [obs('2026-06-01', 6), obs('2026-06-02', 5), obs('2026-06-03', 0)], '2026-06-03')).toMatchObject({ periods: 2 });
    const equal: IndicatorRule = { comparison: '=', target: 1000, period: 'day' };
    expect(indicatorStreak(equal, [obs('2026-06-01', 1004), obs('2026-06-02', 996), obs('2026-06-03', 1006)], '2026-06-03')).toMatchObject({ periods: 0, met: false });
  });
});

describe('indicatorStreak (weekly)', () => {
  it('takes the newest observation of an ISO week as the week value, not their sum', () => {
    // 2026-06-01 is a Monday. Week 1: 300 then 600 (600 stands); week 2: 550 on Sunday.
    const s = indicatorStreak(weekly, [obs('2026-06-01', 300), obs('2026-06-05', 600), obs('2026-06-14', 550)], '2026-06-15');
    expect(s).toEqual({ periods: 2, since: '2026-06-01', latest: obs('2026-06-14', 550), met: true, periodsBehind: 1 });
    // Summed, week 2 would pass with 300 + 300; the newest, 300, does not.
    expect(indicatorStreak(weekly, [obs('2026-06-08', 300), obs('2026-06-09', 300)], '2026-06-09')).toMatchObject({ periods: 0, met: false });
    // A newer value below target in the week replaces an older one at target.
    expect(indicatorStreak(weekly, [obs('2026-06-08', 900), obs('2026-06-10', 100)], '2026-06-10')).toMatchObject({ met: false, periods: 0 });
  });

  it('breaks on a week without observation, across the year end', () => {
    // 2026-12-28 is the Monday of 2026-W53; 2027-01-04 starts 2027-W01.
    const run = [obs('2026-12-16', 600), obs('2026-12-31', 600), obs('2027-01-06', 600)];
    expect(indicatorStreak(weekly, run, '2027-01-06')).toMatchObject({ periods: 2, since: '2026-12-28', periodsBehind: 0 });
  });
});

describe('periodStart and indicatorSeries', () => {
  it('names days and ISO weeks', () => {
    expect(periodStart('2026-06-18', 'day')).toBe('2026-06-18');
    expect(periodStart('2026-06-18', 'week')).toBe('2026-06-15');
  });

  it('draws one point per period with the target and whether it is met', () => {
    expect(indicatorSeries(weekly, [obs('2026-06-16', 700), obs('2026-06-02', 400), obs('2026-06-03', 450)])).toEqual([
      { period: '2026-W23', start: '2026-06-01', observedOn: '2026-06-03', value: 450, target: 500, met: false },
      { period: '2026-W25', start: '2026-06-15', observedOn: '2026-06-16', value: 700, target: 500, met: true },
    ]);
    expect(indicatorSeries(daily, [obs('2026-06-02', 100)])).toEqual([{ period: '2026-06-02', start: '2026-06-02', observedOn: '2026-06-02', value: 100, target: 100, met: true }]);
  });
});
