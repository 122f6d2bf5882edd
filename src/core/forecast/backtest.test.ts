import { describe, expect, it } from 'vitest';
import { backtestDailyCounts, crpsFromSamples, crpsPoint, crpsSorted, type CountBacktestOptions } from './backtest.ts';
import { countsRandom, sampleNb, type DailyCount } from './counts.ts';

function simulate(n: number, seed: number): number[] {
  const random = countsRandom(seed);
  const y: number[] = [5];
  for (let t = 1; t < n; t++) {
    const window = y.slice(Math.max(0, t - 7), t);
    const mean = window.reduce((a, v) => a + v, 0) / window.length;
    y.push(sampleNb(Math.exp(0.8 + 0.4 * Math.log1p(y[t - 1]!) + 0.3 * Math.log1p(mean)), 4, random));
  }
  return y;
}

const options = (overrides: Partial<CountBacktestOptions> = {}): CountBacktestOptions => ({
  horizons: [1, 7],
  from: 30,
  to: 120,
  step: 1,
  refitEvery: 7,
  paths: 300,
  seed: 5,
  ...overrides,
});

describe('CRPS', () => {
  it('of a degenerate forecast is the absolute error, from the estimator too', () => {
    expect(crpsPoint(10, 4)).toBe(6);
    expect(crpsFromSamples([10, 10, 10], 4)).toBeCloseTo(6, 12);
  });

  it('of a uniform(0, 1) forecast: (y² + (1 − y)²)/2 − 1/6 inside, |y − ½| − 1/6 + … outside', () => {
    const n = 20_000;
    const grid = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    for (const y of [0, 0.25, 0.5, 0.9]) expect(crpsSorted(grid, y)).toBeCloseTo((y * y + (1 - y) ** 2) / 2 - 1 / 6, 6);
    // Above the support: E|X − y| = y − ½.
    expect(crpsSorted(grid, 2)).toBeCloseTo(2 - 0.5 - 1 / 6, 6);
  });

  it('of standard normal samples approaches the closed form y(2Φ(y) − 1) + 2φ(y) − 1/√π', () => {
    const random = countsRandom(99);
    const draws = Array.from({ length: 40_000 }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
    const y = 0.7;
    const phi = Math.exp(-(y * y) / 2) / Math.sqrt(2 * Math.PI);
    const Phi = 0.758036347776927; // Φ(0.7)
    expect(crpsFromSamples(draws, y)).toBeCloseTo(y * (2 * Phi - 1) + 2 * phi - 1 / Math.sqrt(Math.PI), 2);
  });
});

describe('backtestDailyCounts', () => {
  it('scores every model at each horizon on the same days, with no-change as the reference', () => {
    const result = backtestDailyCounts(simulate(130, 1), options());
    expect(result.origins).toBe(120 - 7 - 30 + 1);
    expect(result.fits).toBe(Math.ceil(result.origins / 7));
    expect(result.scores.map((s) => `${s.model}:${s.horizon}`)).toEqual(['nb-ar:1', 'no-change:1', 'historical-mean:1', 'nb-ar:7', 'no-change:7', 'historical-mean:7']);
    for (const s of result.scores) expect(s.n).toBe(result.origins);
    const noChange = result.scores.find((s) => s.model === 'no-change' && s.horizon === 1)!;
    // Degenerate: CRPS equals MAE.
    expect(noChange.crps).toBeCloseTo(noChange.mae, 12);
    expect(noChange.beatsNoChangeCrps).toBeNull();
    const nb = result.scores.find((s) => s.model === 'nb-ar' && s.horizon === 1)!;
    // On data from the model itself, the model beats no-change.
    expect(nb.beatsNoChangeCrps).toBe(true);
    expect(nb.crps).toBeLessThan(noChange.crps);
    expect(nb.coverage80).toBeGreaterThan(0.65);
  });

  it('does not look ahead: changing the data after the last scored day changes nothing', () => {
    const values = simulate(130, 2);
    const changed: DailyCount[] = values.map((v, t) => (t > 101 ? v * 10 + 3 : v));
    // Origins 30..100 with horizon 1 score days 31..101, and must read nothing after.
    const a = backtestDailyCounts(values, options({ horizons: [1], to: 101 }));
    const b = backtestDailyCounts(changed, options({ horizons: [1], to: 101 }));
    expect(b).toEqual(a);
  });

  it('forecasts from an origin only what the data up to it allow (one origin, the future changed)', () => {
    const values = simulate(130, 3);
    const o = 80;
    // With one origin and horizon 1, only day o + 1 is scored: change it and no-change's forecast stays.
    const base = backtestDailyCounts(values, options({ horizons: [1], from: o, to: o + 1 }));
    const changed = [...values];
    changed[o + 1] = values[o + 1]! + 100;
    const moved = backtestDailyCounts(changed, options({ horizons: [1], from: o, to: o + 1 }));
    const nc = (r: typeof base) => r.scores.find((s) => s.model === 'no-change')!;
    expect(nc(moved).mae).toBeCloseTo(Math.abs(values[o]! - changed[o + 1]!), 12);
    expect(nc(base).mae).toBeCloseTo(Math.abs(values[o]! - values[o + 1]!), 12);
    expect(moved.lastFit).toEqual(base.lastFit);
  });

  it('skips missing origins and missing target days rather than reading them as zeros', () => {
    const values: DailyCount[] = simulate(130, 4);
    values[50] = null;
    values[60] = Number.NaN;
    const result = backtestDailyCounts(values, options({ horizons: [1], to: 100 }));
    expect(result.skippedOrigins).toBe(2);
    expect(result.origins).toBe(100 - 1 - 30 + 1 - 2);
    // Origins 49 and 59 have missing targets: two fewer scored days than origins.
    expect(result.scores[0]!.n).toBe(result.origins - 2);
  });

  it('rejects horizons below one day', () => {
    expect(() => backtestDailyCounts([1, 2, 3], options({ horizons: [0] }))).toThrow(RangeError);
  });
});
