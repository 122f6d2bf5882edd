import { describe, expect, it } from 'vitest';
import { countsRandom, fitNbAutoregression, forecastNbAutoregression, logGamma, nbDesign, nbLogLikelihood, nbLogPmf, sampleNb, type DailyCount } from './counts.ts';

/** P(Y = y) for NB(mean mu, integer size r) from its definition: C(y + r − 1, y) p^r (1 − p)^y, p = r / (r + mu). */
function directPmf(y: number, mu: number, r: number): number {
  const p = r / (r + mu);
  let binom = 1;
  for (let i = 1; i <= y; i++) binom *= (r - 1 + i) / i;
  return binom * p ** r * (1 - p) ** y;
}

/** A simulated NB autoregression with the model's own lags. */
function simulate(n: number, b: [number, number, number], r: number, seed: number): number[] {
  const random = countsRandom(seed);
  const y: number[] = [5];
  for (let t = 1; t < n; t++) {
    const window = y.slice(Math.max(0, t - 7), t);
    const mean = window.reduce((a, v) => a + v, 0) / window.length;
    y.push(sampleNb(Math.exp(b[0] + b[1] * Math.log1p(y[t - 1]!) + b[2] * Math.log1p(mean)), r, random));
  }
  return y;
}

describe('logGamma', () => {
  it('matches log((n − 1)!) and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('nbLogLikelihood', () => {
  it('equals the sum of log pmf computed from the definition', () => {
    const x = [
      [1, Math.log1p(3), Math.log1p(2.5)],
      [1, Math.log1p(0), Math.log1p(1)],
      [1, Math.log1p(7), Math.log1p(4)],
    ];
    const y = [4, 0, 9];
    const b = [0.2, 0.5, 0.3];
    const r = 3;
    const direct = y.reduce((acc, yi, i) => acc + Math.log(directPmf(yi, Math.exp(b[0]! + b[1]! * x[i]![1]! + b[2]! * x[i]![2]!), r)), 0);
    expect(nbLogLikelihood(x, y, b, r)).toBeCloseTo(direct, 10);
  });

  it('has a pmf that sums to one', () => {
    let total = 0;
    for (let y = 0; y < 400; y++) total += Math.exp(nbLogPmf(y, 12.5, 1.7));
    expect(total).toBeCloseTo(1, 8);
  });
});

describe('sampleNb', () => {
  it('draws with the NB mean and variance mu + mu²/r (small and large means)', () => {
    const random = countsRandom(7);
    for (const [mu, r] of [
      [3, 2],
      [250, 4],
    ] as const) {
      const draws = Array.from({ length: 40_000 }, () => sampleNb(mu, r, random));
      const mean = draws.reduce((a, v) => a + v, 0) / draws.length;
      const variance = draws.reduce((a, v) => a + (v - mean) ** 2, 0) / (draws.length - 1);
      const expected = mu + (mu * mu) / r;
      expect(Math.abs(mean - mu) / mu).toBeLessThan(0.03);
      expect(Math.abs(variance - expected) / expected).toBeLessThan(0.08);
    }
  });
});

describe('nbDesign', () => {
  it('skips days that are missing or follow a missing day, and averages only observed days', () => {
    const values: DailyCount[] = [2, 4, null, 6, 8, Number.NaN, 3];
    const { x, y } = nbDesign(values);
    // Usable t: 1 (4 after 2), 4 (8 after 6). t = 3 follows a missing day; t = 2, 5 are missing; t = 6 follows NaN.
    expect(y).toEqual([4, 8]);
    expect(x[1]).toEqual([1, Math.log1p(6), Math.log1p((2 + 4 + 6) / 3)]);
  });
});

describe('fitNbAutoregression', () => {
  it('recovers the parameters of a simulated NB autoregression (seed 12, 3000 days)', () => {
    const truth: [number, number, number] = [0.5, 0.4, 0.3];
    const fit = fitNbAutoregression(simulate(3000, truth, 5, 12));
    expect(fit).not.toBeNull();
    // Tolerances: 2.5 to 4 standard deviations of the estimates over seeds at this length (sd about 0.06, 0.015, 0.03 and 4% of r).
    expect(Math.abs(fit!.coefficients[0] - truth[0])).toBeLessThan(0.15);
    expect(Math.abs(fit!.coefficients[1] - truth[1])).toBeLessThan(0.05);
    expect(Math.abs(fit!.coefficients[2] - truth[2])).toBeLessThan(0.1);
    expect(Math.abs(fit!.dispersion - 5) / 5).toBeLessThan(0.15);
  });

  it('is the maximum: nudging any parameter lowers the log-likelihood', () => {
    const values = simulate(500, [1, 0.3, 0.4], 2, 3);
    const fit = fitNbAutoregression(values)!;
    const { x, y } = nbDesign(values);
    const b = fit.coefficients;
    for (let j = 0; j < 3; j++) {
      for (const d of [-0.01, 0.01]) {
        const nudged = b.map((v, k) => (k === j ? v + d : v));
        expect(nbLogLikelihood(x, y, nudged, fit.dispersion)).toBeLessThan(fit.logLikelihood);
      }
    }
    expect(nbLogLikelihood(x, y, b, fit.dispersion * 1.05)).toBeLessThan(fit.logLikelihood);
    expect(nbLogLikelihood(x, y, b, fit.dispersion / 1.05)).toBeLessThan(fit.logLikelihood);
  });

  it('returns null when too few days are usable', () => {
    expect(fitNbAutoregression([1, null, 2, null, 3])).toBeNull();
  });
});

describe('forecastNbAutoregression', () => {
  it('gives ordered quantiles per horizon and the same answer for the same seed', () => {
    const values = simulate(400, [0.5, 0.4, 0.3], 5, 21);
    const fit = fitNbAutoregression(values)!;
    const a = forecastNbAutoregression(fit, values, 14, 2000, countsRandom(1));
    const b = forecastNbAutoregression(fit, values, 14, 2000, countsRandom(1));
    expect(a).toEqual(b);
    expect(a.map((d) => d.horizon)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    for (const d of a) {
      expect(d.q10).toBeLessThanOrEqual(d.q50);
      expect(d.q50).toBeLessThanOrEqual(d.q90);
    }
  });

  it('matches the analytic one-day-ahead mean', () => {
    const values = simulate(400, [0.5, 0.4, 0.3], 5, 22);
    const fit = fitNbAutoregression(values)!;
    const [b0, b1, b2] = fit.coefficients;
    const last = values.slice(-7);
    const mu = Math.exp(b0 + b1 * Math.log1p(values[values.length - 1]!) + b2 * Math.log1p(last.reduce((s, v) => s + v, 0) / 7));
    const [day1] = forecastNbAutoregression(fit, values, 1, 20_000, countsRandom(2));
    expect(Math.abs(day1!.mean - mu) / mu).toBeLessThan(0.03);
  });

  it('refuses a history whose last day is missing', () => {
    const fit = fitNbAutoregression(simulate(100, [0.5, 0.4, 0.3], 5, 1))!;
    expect(() => forecastNbAutoregression(fit, [1, 2, null], 3, 10, countsRandom(1))).toThrow(RangeError);
  });
});
