import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fitHawkes, hawkesLogLikelihood, type HawkesEvent, type HawkesParams } from './hawkes.ts';
import { countQuantile, forecastHawkes, simulateHawkes } from './hawkes-simulate.ts';
import { spectralRadius } from './linalg.ts';
import { exponentialDraw, mulberry32, poissonDraw } from './random.ts';

/** The textbook O(N²) log-likelihood, written apart from the recursive one: each intensity summed over all earlier events. */
function naiveLogLikelihood(p: HawkesParams, events: readonly HawkesEvent[], T: number, start = 0): number {
  let sum = 0;
  for (const e of events) {
    let lambda = p.baseline[e.dim]!;
    for (const k of events) if (k.time < e.time) lambda += p.adjacency[e.dim]![k.dim]! * p.decay * Math.exp(-p.decay * (e.time - k.time));
    sum += Math.log(lambda);
  }
  let compensator = 0;
  for (const mu of p.baseline) compensator += mu * (T - start);
  for (const k of events) for (let i = 0; i < p.baseline.length; i++) compensator += p.adjacency[i]![k.dim]! * (1 - Math.exp(-p.decay * (T - k.time)));
  return sum - compensator;
}

const TWO: HawkesParams = { baseline: [0.5, 0.3], adjacency: [[0.3, 0.2], [0.1, 0.4]], decay: 1.5 };

describe('the random source', () => {
  it('repeats with its seed and draws the means it should', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
    const rng = mulberry32(11);
    const n = 20_000;
    let exp = 0;
    let poisson = 0;
    for (let i = 0; i < n; i++) {
      exp += exponentialDraw(rng, 2);
      poisson += poissonDraw(rng, 45);
    }
    // Standard errors: 0.5 / √n ≈ 0.0035 and √45 / √n ≈ 0.047.
    expect(exp / n).toBeCloseTo(0.5, 1);
    expect(Math.abs(poisson / n - 45)).toBeLessThan(0.2);
  });
});

describe('spectralRadius', () => {
  it('matches the eigenvalues of 2×2 matrices, periodic and reducible ones too', () => {
    // [[.3,.2],[.1,.4]]: trace .7, determinant .1, eigenvalues .35 ± .15.
    expect(spectralRadius(TWO.adjacency)).toBeCloseTo(0.5, 10);
    expect(spectralRadius([[0, 1], [1, 0]])).toBeCloseTo(1, 10);
    expect(spectralRadius([[0, 4], [1, 0]])).toBeCloseTo(2, 10);
    expect(spectralRadius([[0.2, 5], [0, 0.7]])).toBeCloseTo(0.7, 8);
    expect(spectralRadius([[0, 0], [0, 0]])).toBe(0);
    // Defective (a Jordan block): plain power iteration's error falls only as 1/k here.
    expect(spectralRadius([[0, 0], [1.02, 0]])).toBeLessThan(1e-12);
    // A 3×3 cycle with weights: ρ = (2 · 3 · 0.5)^(1/3).
    expect(spectralRadius([[0, 2, 0], [0, 0, 3], [0.5, 0, 0]])).toBeCloseTo(Math.cbrt(3), 10);
    expect(spectralRadius([])).toBe(0);
    expect(() => spectralRadius([[-1]])).toThrow(RangeError);
  });
});

describe('hawkesLogLikelihood', () => {
  it('equals the naive O(N²) computation on small random cases, equal times among them', () => {
    const rng = mulberry32(2026);
    for (let c = 0; c < 40; c++) {
      const D = 1 + Math.floor(rng() * 3);
      const n = 1 + Math.floor(rng() * 60);
      // Times on a half-day grid in half of the cases, so that some are equal.
      const grid = c % 2 === 0;
      const events = Array.from({ length: n }, () => ({ time: grid ? Math.floor(rng() * 40) / 2 : rng() * 20, dim: Math.floor(rng() * D) }));
      const p: HawkesParams = {
        baseline: Array.from({ length: D }, () => 0.05 + rng()),
        adjacency: Array.from({ length: D }, () => Array.from({ length: D }, () => rng() * 0.6)),
        decay: 0.2 + rng() * 3,
      };
      const T = 21 + rng() * 5;
      const expected = naiveLogLikelihood(p, events, T, -1);
      expect(Math.abs(hawkesLogLikelihood(p, events, T, -1) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    }
  });

  it('gives equal times no excitation from each other', () => {
    const p: HawkesParams = { baseline: [0.5], adjacency: [[0.5]], decay: 1 };
    const events = [{ time: 1, dim: 0 }, { time: 1, dim: 0 }];
    // Both at the background rate; the compensator: 0.5·T + 2 · 0.5 · (1 − e^{−(T − 1)}).
    expect(hawkesLogLikelihood(p, events, 3)).toBeCloseTo(2 * Math.log(0.5) - 1.5 - (1 - Math.exp(-2)), 12);
  });
});

describe('fitHawkes', () => {
  // Tolerances about twice the worst error over 30 seeds (μ 4.9%, α 0.021, β 7.1%, branching 0.016 in 2-D).
  it('recovers the parameters of a simulated 2-D process (~31,000 events)', () => {
    const T = 20_000;
    const events = simulateHawkes(TWO, T, mulberry32(42));
    expect(events.length).toBeGreaterThan(25_000);
    const fit = fitHawkes(events, { dimensions: 2, horizon: T });
    expect(fit.converged).toBe(true);
    fit.baseline.forEach((mu, i) => expect(Math.abs(mu / TWO.baseline[i]! - 1)).toBeLessThan(0.1));
    fit.adjacency.forEach((row, i) => row.forEach((a, j) => expect(Math.abs(a - TWO.adjacency[i]![j]!)).toBeLessThan(0.05)));
    expect(Math.abs(fit.decay / TWO.decay - 1)).toBeLessThan(0.12);
    expect(Math.abs(fit.branchingRatio - 0.5)).toBeLessThan(0.04);
    expect(fit.branchingRatio).toBeCloseTo(spectralRadius(fit.adjacency), 12);
    // A maximum: no lower than at the true parameters, and the value reported is the likelihood's.
    expect(fit.logLikelihood).toBeCloseTo(hawkesLogLikelihood(fit, events, T), 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(hawkesLogLikelihood(TWO, events, T));
  });

  it('recovers the parameters of a simulated 1-D process (~32,000 events)', () => {
    const truth: HawkesParams = { baseline: [0.8], adjacency: [[0.5]], decay: 2 };
    const events = simulateHawkes(truth, 20_000, mulberry32(7));
    const fit = fitHawkes(events, { dimensions: 1, horizon: 20_000 });
    expect(Math.abs(fit.baseline[0]! / 0.8 - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.adjacency[0]![0]! - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(fit.decay / 2 - 1)).toBeLessThan(0.12);
    expect(fit.branchingRatio).toBeCloseTo(fit.adjacency[0]![0]!, 10);
  });

  it('sorts events given in any order, stably', () => {
    const events = simulateHawkes(TWO, 300, mulberry32(3));
    const shuffled = [...events].reverse();
    expect(fitHawkes(shuffled, { dimensions: 2 })).toEqual(fitHawkes(events, { dimensions: 2 }));
  });

  it('fits one event as background, leaving the decay where it started', () => {
    const fit = fitHawkes([{ time: 2, dim: 0 }], { dimensions: 1, horizon: 10, initial: { decay: 3 } });
    expect(fit.baseline[0]).toBeCloseTo(0.1, 12);
    expect(fit.adjacency[0]![0]).toBeCloseTo(0, 12);
    expect(fit.decay).toBe(3);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(Math.log(0.1) - 1, 10);
  });

  it('gives a dimension without events zero baseline and zero excitation both ways', () => {
    const events = simulateHawkes({ baseline: [0.5, 0, 0.3], adjacency: [[0.3, 0, 0.2], [0, 0, 0], [0.1, 0, 0.4]], decay: 1.5 }, 2000, mulberry32(5));
    const fit = fitHawkes(events, { dimensions: 3, horizon: 2000 });
    expect(fit.baseline[1]).toBe(0);
    expect(fit.adjacency[1]).toEqual([0, 0, 0]);
    expect(fit.adjacency.map((row) => row[1])).toEqual([0, 0, 0]);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('fits events at equal times', () => {
    const events = [0, 0, 0, 1, 1, 2.5, 2.5, 2.5, 4].map((time, k) => ({ time, dim: k % 2 }));
    const fit = fitHawkes(events, { dimensions: 2 });
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(hawkesLogLikelihood(fit, events, 4), 9);
  });

  it('refuses what it cannot fit', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof DomainError ? err.message : 'not a DomainError';
      }
      return 'no error';
    };
    expect(code(() => fitHawkes([], { dimensions: 1 }))).toMatch(/at least one event/);
    expect(code(() => fitHawkes([{ time: 0, dim: 0 }], { dimensions: 1 }))).toMatch(/positive length/);
    expect(code(() => fitHawkes([{ time: 1, dim: 2 }], { dimensions: 2 }))).toMatch(/event 0: the dimension/);
    expect(code(() => fitHawkes([{ time: Number.NaN, dim: 0 }], { dimensions: 1 }))).toMatch(/event 0: the time/);
    expect(code(() => fitHawkes([{ time: -1, dim: 0 }, { time: 1, dim: 0 }], { dimensions: 1 }))).toMatch(/precedes the window/);
    expect(code(() => fitHawkes([{ time: 5, dim: 0 }], { dimensions: 1, horizon: 4 }))).toMatch(/follows the window/);
    expect(code(() => fitHawkes([{ time: 5, dim: 0 }], { dimensions: 0 }))).toMatch(/dimensions/);
  });
});

describe('simulateHawkes and forecastHawkes', () => {
  it('simulates sorted events at the stationary rate (I − α)⁻¹ μ', () => {
    const events = simulateHawkes(TWO, 5000, mulberry32(9));
    expect(events.every((e, k) => k === 0 || e.time >= events[k - 1]!.time)).toBe(true);
    // (I − α)⁻¹ μ = [0.9, 0.65] per day.
    const rate = [0, 1].map((d) => events.filter((e) => e.dim === d).length / 5000);
    expect(Math.abs(rate[0]! / 0.9 - 1)).toBeLessThan(0.08);
    expect(Math.abs(rate[1]! / 0.65 - 1)).toBeLessThan(0.08);
  });

  it('refuses to run away with an explosive process', () => {
    expect(() => simulateHawkes({ baseline: [1], adjacency: [[1.5]], decay: 1 }, 1000, mulberry32(1), { maxEvents: 10_000 })).toThrow(/branching ratio/);
  });

  it('is reproducible with its seed, and its means match the expectation given the history', () => {
    const p: HawkesParams = { baseline: [0.6], adjacency: [[0.5]], decay: 1 };
    const history = [{ time: 9, dim: 0 }, { time: 9.5, dim: 0 }, { time: 10, dim: 0 }, { time: 12, dim: 0 }];
    const from = 10;
    const first = forecastHawkes(p, history, from, [1, 7, 14], { runs: 4000, rng: mulberry32(1) });
    expect(forecastHawkes(p, history, from, [1, 7, 14], { runs: 4000, rng: mulberry32(1) })).toEqual(first);
    expect(forecastHawkes(p, history, from, [1, 7, 14], { runs: 4000, rng: mulberry32(2) })).not.toEqual(first);
    // E S(t) = S∞ + (S0 − S∞) e^{−κt}, κ = β(1 − α), S∞ = μ / (1 − α); E N(h) = μh + α ∫ E S. The event at 12 is after `from`: ignored.
    const s0 = Math.exp(-1) + Math.exp(-0.5) + 1;
    const sInf = 0.6 / 0.5;
    const kappa = 0.5;
    for (const h of first.horizons) {
      const expected = 0.6 * h.days + 0.5 * (sInf * h.days + ((s0 - sInf) * (1 - Math.exp(-kappa * h.days))) / kappa);
      // Generous: the runs' spread is at most a few events; 4000 runs bring the standard error well under 0.15.
      expect(Math.abs(h.total.mean - expected)).toBeLessThan(0.15 * Math.max(1, Math.sqrt(expected)));
      expect(h.dimensions[0]).toEqual(h.total);
      expect(h.total.low).toBeLessThanOrEqual(h.total.mean);
      expect(h.total.high).toBeGreaterThanOrEqual(h.total.mean);
    }
    expect(first.horizons.map((h) => h.days)).toEqual([1, 7, 14]);
  });

  it('forecasts per dimension and in total, the total the sum of the dimensions on average', () => {
    const history = simulateHawkes(TWO, 100, mulberry32(4));
    const f = forecastHawkes(TWO, history, 100, [1, 7, 14], { runs: 500, rng: mulberry32(8) });
    for (const h of f.horizons) {
      expect(h.dimensions).toHaveLength(2);
      expect(h.total.mean).toBeCloseTo(h.dimensions[0]!.mean + h.dimensions[1]!.mean, 10);
    }
    expect(f.horizons[2]!.total.mean).toBeGreaterThan(f.horizons[0]!.total.mean);
  });

  it('takes as quantile the smallest count that covers the share of runs', () => {
    const sorted = [0, 1, 1, 2, 3, 3, 4, 5, 8, 9];
    expect(countQuantile(sorted, 0.1)).toBe(0);
    expect(countQuantile(sorted, 0.9)).toBe(8);
    expect(countQuantile([4], 0.9)).toBe(4);
  });
});
