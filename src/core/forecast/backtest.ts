/**
 * Rolling-origin backtests of daily count forecasts (issue 12), scored as VIEWS and ACLED CAST
 * report them: mean absolute error and CRPS per horizon, each model beside two baselines.
 *
 * Models:
 * - `nb-ar`: the negative-binomial autoregression of counts.ts; its predictive distribution is the
 *   simulated paths, its point forecast (for MAE) their median, the point MAE rewards.
 * - `no-change`: the last observed count, a degenerate distribution (its CRPS is its absolute error).
 * - `historical-mean`: point forecast the mean of every observed count up to the origin; its
 *   distribution, for CRPS, the empirical distribution of those counts (a climatological forecast).
 *
 * At each origin o (the last day a forecast may see) only values[0..o] are read. Origins whose own
 * day is missing are skipped (no-change has no value, the model no lag), and so are target days that
 * are missing: a missing report is not scored as a zero. Every model is scored on the same days.
 * The model is refitted every `refitEvery` origins (the fit in use is always from an earlier or the
 * same origin, so never looks ahead) to bound the cost.
 */
import { countsRandom, fitNbAutoregression, quantileSorted as quantile, simulateNbPaths, type DailyCount, type NbAutoregression } from './counts.ts';

export const COUNT_MODELS = ['nb-ar', 'no-change', 'historical-mean'] as const;
export type CountModel = (typeof COUNT_MODELS)[number];

export interface CountBacktestOptions {
  /** Horizons in days to score (each ≥ 1). */
  horizons: readonly number[];
  /** Index of the first origin; at least 1. */
  from: number;
  /** Index of the last day that may be scored: origins run from `from` to `to - max(horizons)`. */
  to: number;
  /** Days between origins. */
  step: number;
  /** Origins between refits of the model. */
  refitEvery: number;
  /** Simulated paths per origin. */
  paths: number;
  seed: number;
}

export const DEFAULT_COUNT_BACKTEST = { horizons: [1, 7, 14], step: 1, refitEvery: 7, paths: 1000, seed: 12 } as const;

/** One model's scores at one horizon. */
export interface CountModelScore {
  model: CountModel;
  horizon: number;
  /** Forecasts scored. */
  n: number;
  mae: number;
  crps: number;
  /** Share of outcomes inside the 10–90% interval (nb-ar only, else null). */
  coverage80: number | null;
  /** Lower CRPS than no-change at this horizon (null for no-change itself). */
  beatsNoChangeCrps: boolean | null;
  /** Lower MAE than no-change at this horizon (null for no-change itself). */
  beatsNoChangeMae: boolean | null;
}

export interface CountBacktestResult {
  origins: number;
  skippedOrigins: number;
  fits: number;
  scores: CountModelScore[];
  /** The last fit, for the record. */
  lastFit: NbAutoregression | null;
}

const isObserved = (v: DailyCount | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** CRPS of a degenerate forecast at `point`: the absolute error. */
export function crpsPoint(point: number, y: number): number {
  return Math.abs(point - y);
}

/**
 * CRPS of the empirical distribution of `sorted` (ascending) at y: E|X − y| − ½E|X − X'|, exact
 * for that distribution and the standard estimator from predictive samples. E|X − X'| over all
 * ordered pairs is (2/n²) Σ_i (2i − n − 1) x_(i) with i from 1, so the cost is O(n).
 */
export function crpsSorted(sorted: readonly number[], y: number): number {
  const n = sorted.length;
  let abs = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    abs += Math.abs(x - y);
    spread += (2 * (i + 1) - n - 1) * x;
  }
  return abs / n - spread / (n * n);
}

/** CRPS of predictive samples (any order) at y. */
export function crpsFromSamples(samples: readonly number[], y: number): number {
  return crpsSorted([...samples].sort((a, b) => a - b), y);
}

/** A seed for each origin, so that an origin's draws do not depend on which origins came before. */
const originSeed = (seed: number, origin: number) => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(origin + 1, 0xc2b2ae35)) >>> 0;

interface Tally {
  n: number;
  ae: number;
  crps: number;
  inside: number;
}

/** Rolling-origin backtest of the three models on a daily series (missing days null or NaN). */
export function backtestDailyCounts(values: readonly DailyCount[], options: CountBacktestOptions): CountBacktestResult {
  const horizons = [...new Set(options.horizons)].sort((a, b) => a - b);
  if (horizons.length === 0 || horizons.some((h) => !Number.isInteger(h) || h < 1)) throw new RangeError('horizons must be whole numbers of days ≥ 1');
  if (options.step < 1 || options.refitEvery < 1 || options.paths < 1) throw new RangeError('step, refitEvery and paths must be ≥ 1');
  const maxH = horizons[horizons.length - 1]!;
  const last = Math.min(options.to, values.length - 1) - maxH;
  const tallies = new Map<string, Tally>();
  const tally = (model: CountModel, h: number) => {
    const key = `${model}:${h}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { n: 0, ae: 0, crps: 0, inside: 0 }));
    return t;
  };
  let origins = 0;
  let skipped = 0;
  let fits = 0;
  let model: NbAutoregression | null = null;
  let fittedAt = -Infinity;
  for (let o = Math.max(1, options.from); o <= last; o += options.step) {
    const latest = values[o];
    if (!isObserved(latest)) {
      skipped++;
      continue;
    }
    if (o - fittedAt >= options.refitEvery * options.step || !model) {
      model = fitNbAutoregression(values.slice(0, o + 1));
      fittedAt = o;
      fits++;
    }
    if (!model) {
      skipped++;
      continue;
    }
    origins++;
    const paths = simulateNbPaths(model, values.slice(0, o + 1), maxH, options.paths, countsRandom(originSeed(options.seed, o)));
    const past = values.slice(0, o + 1).filter(isObserved);
    const climate = [...past].sort((a, b) => a - b);
    const histMean = past.reduce((a, v) => a + v, 0) / past.length;
    for (const h of horizons) {
      const y = values[o + h];
      if (!isObserved(y)) continue;
      const draws = [...paths[h - 1]!].sort((a, b) => a - b);
      const median = quantile(draws, 0.5);
      addScore(tally('nb-ar', h), Math.abs(median - y), crpsSorted(draws, y), quantile(draws, 0.1) <= y && y <= quantile(draws, 0.9));
      addScore(tally('no-change', h), Math.abs(latest - y), crpsPoint(latest, y), false);
      addScore(tally('historical-mean', h), Math.abs(histMean - y), crpsSorted(climate, y), false);
    }
  }
  const scores: CountModelScore[] = [];
  for (const h of horizons) {
    const base = tallies.get(`no-change:${h}`);
    for (const m of COUNT_MODELS) {
      const t = tallies.get(`${m}:${h}`);
      if (!t || !base) continue;
      const mae = t.ae / t.n;
      const crps = t.crps / t.n;
      const self = m === 'no-change';
      scores.push({
        model: m,
        horizon: h,
        n: t.n,
        mae,
        crps,
        coverage80: m === 'nb-ar' ? t.inside / t.n : null,
        beatsNoChangeCrps: self ? null : crps < base.crps / base.n,
        beatsNoChangeMae: self ? null : mae < base.ae / base.n,
      });
    }
  }
  return { origins, skippedOrigins: skipped, fits, scores, lastFit: model };
}

function addScore(t: Tally, ae: number, crps: number, inside: boolean): void {
  t.n++;
  t.ae += ae;
  t.crps += crps;
  if (inside) t.inside++;
}

