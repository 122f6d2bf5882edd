/**
 * A negative-binomial autoregression for daily counts whose event times are unknown (issue 12):
 *
 *   y_t ~ NB(mean mu_t, dispersion r),  Var = mu_t + mu_t^2 / r
 *   log mu_t = b0 + b1 log(1 + y_{t-1}) + b2 log(1 + mean of the observed y_{t-7..t-1})
 *
 * Fitted by maximum likelihood: IRLS for b at a given r, and a golden-section search for log r at a
 * given b, alternated until the log-likelihood stops rising. Forecasts h = 1..H ahead by simulation
 * (gamma-Poisson draws fed back as lags) from a seeded generator passed in. Pure: no IO, no clock.
 *
 * Missing days (null or NaN) are not zeros: a day enters the fit only when it and the day before are
 * observed, and the 7-day mean is over the observed days of the window.
 */
import { mulberry32, type RandomSource } from './random.ts';

/** One day's count, or null (NaN also reads as missing). */
export type DailyCount = number | null;

/** The fitted model. */
export interface NbAutoregression {
  /** [b0, b1, b2]: intercept, log(1 + yesterday), log(1 + mean of the past 7 days). */
  coefficients: [number, number, number];
  /** NB dispersion r (size): Var = mu + mu^2 / r; large r is nearly Poisson. */
  dispersion: number;
  logLikelihood: number;
  /** Rows (days) the fit used. */
  rows: number;
}

/** Forecast distribution of one horizon day. */
export interface CountForecastDay {
  horizon: number;
  mean: number;
  q10: number;
  q50: number;
  q90: number;
}

/** A uniform [0, 1) generator. */
export type Uniform = RandomSource;

const MIN_DISPERSION = 1e-3;
const MAX_DISPERSION = 1e6;
/** Fewer usable rows than this and fitNbAutoregression returns null. */
export const MIN_FIT_ROWS = 10;

const isObserved = (v: DailyCount | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** The seeded generator of the count model's simulations: random.ts's mulberry32, under its old name. */
export const countsRandom: (seed: number) => Uniform = mulberry32;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error near 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log P(Y = y) for Y ~ NB(mean mu, dispersion r). */
export function nbLogPmf(y: number, mu: number, r: number): number {
  const m = Math.max(mu, 1e-300);
  return logGamma(y + r) - logGamma(r) - logGamma(y + 1) + r * Math.log(r / (r + m)) + (y === 0 ? 0 : y * Math.log(m / (r + m)));
}

/** The design: one row per day t whose count and whose previous day's count are observed. */
export function nbDesign(values: readonly DailyCount[]): { x: Array<[number, number, number]>; y: number[] } {
  const x: Array<[number, number, number]> = [];
  const y: number[] = [];
  for (let t = 1; t < values.length; t++) {
    const yt = values[t];
    const prev = values[t - 1];
    if (!isObserved(yt) || !isObserved(prev)) continue;
    x.push(lagFeatures(values, t));
    y.push(yt);
  }
  return { x, y };
}

/** [1, log(1 + y_{t-1}), log(1 + mean of the observed y_{t-7..t-1})]; y_{t-1} must be observed. */
function lagFeatures(values: readonly DailyCount[], t: number): [number, number, number] {
  let sum = 0;
  let n = 0;
  for (let s = Math.max(0, t - 7); s < t; s++) {
    const v = values[s];
    if (isObserved(v)) {
      sum += v;
      n++;
    }
  }
  return [1, Math.log1p(values[t - 1]!), Math.log1p(sum / n)];
}

const dot = (b: readonly number[], x: readonly number[]) => b[0]! * x[0]! + b[1]! * x[1]! + b[2]! * x[2]!;
const meanOf = (eta: number) => Math.exp(Math.min(30, Math.max(-30, eta)));

/** The NB log-likelihood of the design at coefficients b and dispersion r. */
export function nbLogLikelihood(x: ReadonlyArray<readonly number[]>, y: readonly number[], b: readonly number[], r: number): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) ll += nbLogPmf(y[i]!, meanOf(dot(b, x[i]!)), r);
  return ll;
}

/** Solves the 3×3 system a z = v by Gaussian elimination with partial pivoting; null if singular. */
function solve3(a: number[][], v: number[]): number[] | null {
  const m = a.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < 3; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const z = [0, 0, 0];
  for (let c = 2; c >= 0; c--) {
    let s = m[c]![3]!;
    for (let k = c + 1; k < 3; k++) s -= m[c]![k]! * z[k]!;
    z[c] = s / m[c]![c]!;
  }
  return z;
}

/** IRLS for b at a fixed r, with step-halving so the log-likelihood never falls. */
function irls(x: ReadonlyArray<readonly number[]>, y: readonly number[], start: number[], r: number): number[] {
  let b = start;
  let ll = nbLogLikelihood(x, y, b, r);
  for (let iter = 0; iter < 50; iter++) {
    // A tiny ridge keeps a constant column (all lags equal) solvable.
    const xtwx = [
      [1e-9, 0, 0],
      [0, 1e-9, 0],
      [0, 0, 1e-9],
    ];
    const xtwz = [0, 0, 0];
    for (let i = 0; i < y.length; i++) {
      const xi = x[i]!;
      const eta = dot(b, xi);
      const mu = meanOf(eta);
      const w = mu / (1 + mu / r);
      const z = eta + (y[i]! - mu) / mu;
      for (let j = 0; j < 3; j++) {
        xtwz[j]! += w * xi[j]! * z;
        for (let k = 0; k < 3; k++) xtwx[j]![k]! += w * xi[j]! * xi[k]!;
      }
    }
    const target = solve3(xtwx, xtwz);
    if (!target) return b;
    let step = 1;
    let next = b;
    let nextLl = -Infinity;
    while (step > 1e-4) {
      next = b.map((bj, j) => bj + step * (target[j]! - bj));
      nextLl = nbLogLikelihood(x, y, next, r);
      if (nextLl >= ll - 1e-12) break;
      step /= 2;
    }
    if (!(nextLl >= ll - 1e-12)) return b;
    const done = Math.abs(nextLl - ll) < 1e-10 * (1 + Math.abs(ll));
    b = next;
    ll = nextLl;
    if (done) break;
  }
  return b;
}

/** The r maximizing the log-likelihood at b: golden-section search on log r. */
function bestDispersion(x: ReadonlyArray<readonly number[]>, y: readonly number[], b: readonly number[]): number {
  const f = (logR: number) => nbLogLikelihood(x, y, b, Math.exp(logR));
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(MIN_DISPERSION);
  let hi = Math.log(MAX_DISPERSION);
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = f(c);
  let fd = f(d);
  while (hi - lo > 1e-6) {
    if (fc > fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = f(d);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Fits the NB autoregression by maximum likelihood to a daily series (missing days null or NaN),
 * or returns null when fewer than MIN_FIT_ROWS days have an observed count and previous day.
 */
export function fitNbAutoregression(values: readonly DailyCount[]): NbAutoregression | null {
  const { x, y } = nbDesign(values);
  if (y.length < MIN_FIT_ROWS) return null;
  const mean = y.reduce((a, v) => a + v, 0) / y.length;
  let b = [Math.log(mean + 0.5), 0, 0];
  let r = 1;
  let ll = -Infinity;
  for (let round = 0; round < 100; round++) {
    b = irls(x, y, b, r);
    r = bestDispersion(x, y, b);
    const next = nbLogLikelihood(x, y, b, r);
    const done = Math.abs(next - ll) < 1e-9 * (1 + Math.abs(next));
    ll = next;
    if (done) break;
  }
  return { coefficients: [b[0]!, b[1]!, b[2]!], dispersion: r, logLikelihood: ll, rows: y.length };
}

/** A standard normal draw (Box-Muller). */
function normal(random: Uniform): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, scale 1) draw (Marsaglia-Tsang; shape < 1 by the U^(1/shape) boost). */
function gamma(shape: number, random: Uniform): number {
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal(random);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Poisson(lambda) draw: inversion below 10, Hörmann's transformed rejection (PTRS) above. */
function poisson(lambda: number, random: Uniform): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random();
    while (p > limit) {
      k++;
      p *= random();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const logLam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam - logGamma(k + 1)) return k;
  }
}

/** A draw from NB(mean mu, dispersion r) as a gamma-Poisson mixture. */
export function sampleNb(mu: number, r: number, random: Uniform): number {
  return poisson((gamma(r, random) * mu) / r, random);
}

/** The p-quantile of ascending `sorted` (linear interpolation between order statistics, R's type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Simulated paths h = 1..horizon after the last day of `history`, which must be observed: each
 * path draws day h from the model with the lags of the observed history and the path's own draws.
 * Returns samples[h - 1][path].
 */
export function simulateNbPaths(model: NbAutoregression, history: readonly DailyCount[], horizon: number, paths: number, random: Uniform): number[][] {
  const last = history.length - 1;
  if (!isObserved(history[last])) throw new RangeError('the last day of the history must be observed');
  const window = history.slice(Math.max(0, last - 6));
  const samples = Array.from({ length: horizon }, () => new Array<number>(paths));
  const [b0, b1, b2] = model.coefficients;
  for (let p = 0; p < paths; p++) {
    const recent: DailyCount[] = [...window];
    for (let h = 1; h <= horizon; h++) {
      const [, x1, x2] = lagFeatures(recent, recent.length);
      const draw = sampleNb(meanOf(b0 + b1 * x1 + b2 * x2), model.dispersion, random);
      samples[h - 1]![p] = draw;
      recent.push(draw);
      if (recent.length > 7) recent.shift();
    }
  }
  return samples;
}

/** Mean and 10/50/90% quantiles of each horizon day's simulated distribution. */
export function summarizePaths(samples: readonly (readonly number[])[]): CountForecastDay[] {
  return samples.map((draws, i) => {
    const sorted = [...draws].sort((a, b) => a - b);
    return {
      horizon: i + 1,
      mean: sorted.reduce((a, v) => a + v, 0) / sorted.length,
      q10: quantileSorted(sorted, 0.1),
      q50: quantileSorted(sorted, 0.5),
      q90: quantileSorted(sorted, 0.9),
    };
  });
}

/** Forecasts h = 1..horizon after `history` (last day observed) with `paths` simulated paths. */
export function forecastNbAutoregression(model: NbAutoregression, history: readonly DailyCount[], horizon: number, paths: number, random: Uniform): CountForecastDay[] {
  return summarizePaths(simulateNbPaths(model, history, horizon, paths, random));
}
