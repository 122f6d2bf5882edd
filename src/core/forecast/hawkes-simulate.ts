/**
 * Simulating the escalation model (Ogata's thinning) and forecasting from it: the expected events
 * over the next days, with an 80% interval, from seeded runs conditioned on the history's excitation.
 */
import { DomainError } from '../errors.ts';
import { sortHawkesEvents, type HawkesEvent, type HawkesParams } from './hawkes.ts';
import { exponentialDraw, type RandomSource } from './random.ts';

/** A run stops with an error past this many events: an explosive process (branching ratio ≥ 1) never ends. */
const DEFAULT_MAX_EVENTS = 10_000_000;

/**
 * Ogata's thinning from time `from` to `to`, starting from the excitation `s` (S_j = Σ β e^{-β(t − t_k)}
 * over past events of j), which it updates. Between events every intensity decays, so the total at
 * the last event (or rejection) bounds the intensity until the next one.
 */
function thin(params: HawkesParams, s: Float64Array, from: number, to: number, rng: RandomSource, maxEvents: number, onEvent: (time: number, dim: number) => void): void {
  const D = params.baseline.length;
  const beta = params.decay;
  const lambda = new Float64Array(D);
  let t = from;
  let count = 0;
  for (;;) {
    let bound = 0;
    for (let i = 0; i < D; i++) {
      let l = params.baseline[i]!;
      const row = params.adjacency[i]!;
      for (let j = 0; j < D; j++) l += row[j]! * s[j]!;
      bound += l;
    }
    if (!(bound > 0)) return;
    const wait = exponentialDraw(rng, bound);
    if (t + wait > to) return;
    t += wait;
    const e = Math.exp(-beta * wait);
    for (let j = 0; j < D; j++) s[j] = s[j]! * e;
    let total = 0;
    for (let i = 0; i < D; i++) {
      let l = params.baseline[i]!;
      const row = params.adjacency[i]!;
      for (let j = 0; j < D; j++) l += row[j]! * s[j]!;
      lambda[i] = l;
      total += l;
    }
    let u = rng() * bound;
    if (u >= total) continue;
    let dim = 0;
    while (dim < D - 1 && u >= lambda[dim]!) u -= lambda[dim++]!;
    s[dim] = s[dim]! + beta;
    onEvent(t, dim);
    if (++count > maxEvents) throw new DomainError('validation_failed', `the simulation passed ${maxEvents} events: is the branching ratio below 1?`, { maxEvents });
  }
}

/** A realization of the process on [0, T], sorted by time. */
export function simulateHawkes(params: HawkesParams, T: number, rng: RandomSource, options: { maxEvents?: number } = {}): HawkesEvent[] {
  const events: HawkesEvent[] = [];
  thin(params, new Float64Array(params.baseline.length), 0, T, rng, options.maxEvents ?? DEFAULT_MAX_EVENTS, (time, dim) => events.push({ time, dim }));
  return events;
}

/** Expected events over a horizon and the 80% interval (the runs' 10% and 90% quantiles). */
export interface HawkesCount {
  mean: number;
  low: number;
  high: number;
}

export interface HawkesHorizonForecast {
  /** Days after `from`. */
  days: number;
  dimensions: HawkesCount[];
  total: HawkesCount;
}

export interface HawkesForecast {
  from: number;
  runs: number;
  horizons: HawkesHorizonForecast[];
}

/**
 * The quantile q of sorted counts, as the smallest count that at least q of the runs do not
 * exceed (a count, never between two): the 10% and 90% give an interval that holds ≥ 80%.
 */
export function countQuantile(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[rank - 1]!;
}

function summarize(counts: Int32Array): HawkesCount {
  const sorted = Int32Array.from(counts).sort();
  let sum = 0;
  for (const c of counts) sum += c;
  return { mean: sum / counts.length, low: countQuantile(sorted, 0.1), high: countQuantile(sorted, 0.9) };
}

/**
 * Events expected in each dimension and in all over (from, from + h] for each horizon h, by `runs`
 * simulations from the excitation the history leaves at `from` (its events at or before `from`
 * count; later ones are ignored). Reproducible: the same rng seed gives the same forecast.
 */
export function forecastHawkes(
  params: HawkesParams,
  history: readonly HawkesEvent[],
  from: number,
  horizons: readonly number[] = [1, 7, 14],
  options: { runs?: number; rng: RandomSource; maxEvents?: number },
): HawkesForecast {
  const D = params.baseline.length;
  const runs = options.runs ?? 1000;
  if (!Number.isInteger(runs) || runs < 1) throw new DomainError('validation_failed', `runs must be a whole number ≥ 1 (got ${runs})`);
  if (!Number.isFinite(from)) throw new DomainError('validation_failed', 'the forecast must start at a finite time');
  if (horizons.length === 0 || !horizons.every((h) => Number.isFinite(h) && h > 0)) throw new DomainError('validation_failed', 'horizons must be positive numbers of days');
  const data = sortHawkesEvents(history, D);
  const start = new Float64Array(D);
  for (let n = 0; n < data.times.length && data.times[n]! <= from; n++) {
    const j = data.dims[n]!;
    start[j] = start[j]! + params.decay * Math.exp(-params.decay * (from - data.times[n]!));
  }
  const longest = Math.max(...horizons);
  // counts[h][d][run], d = D for the total.
  const counts = horizons.map(() => Array.from({ length: D + 1 }, () => new Int32Array(runs)));
  for (let run = 0; run < runs; run++) {
    thin(params, Float64Array.from(start), from, from + longest, options.rng, options.maxEvents ?? DEFAULT_MAX_EVENTS, (time, dim) => {
      horizons.forEach((h, k) => {
        if (time - from <= h) {
          counts[k]![dim]![run]! += 1;
          counts[k]![D]![run]! += 1;
        }
      });
    });
  }
  return {
    from,
    runs,
    horizons: horizons.map((days, k) => ({
      days,
      dimensions: counts[k]!.slice(0, D).map(summarize),
      total: summarize(counts[k]![D]!),
    })),
  };
}
