/**
 * The escalation model (issue 12): a multivariate Hawkes process with exponential kernels, one
 * dimension per party (or party and category). The intensity of dimension i at time t (days) is
 *
 *   λ_i(t) = μ_i + Σ_j Σ_{t_k of j, t_k < t} α_ij β e^{-β (t - t_k)},
 *
 * so α_ij is the expected number of events in i that one event in j triggers, and the branching
 * ratio is the spectral radius of α. Fitted by EM with a shared decay β, in O(N·D) per iteration
 * through the recursive form. Events at equal times do not excite one another (t_k < t, strictly).
 */
import { DomainError } from '../errors.ts';
import { spectralRadius } from './linalg.ts';

/** One event: its time in days and its dimension, 0 ≤ dim < dimensions. */
export interface HawkesEvent {
  time: number;
  dim: number;
}

export interface HawkesParams {
  /** μ_i, background events per day. */
  baseline: number[];
  /** adjacency[i][j] = α_ij, events in i triggered by one event in j. */
  adjacency: number[][];
  /** β, per day: a triggered event follows its parent after 1/β days on average. */
  decay: number;
}

export interface HawkesFitOptions {
  dimensions: number;
  /** Start of the observation window (default 0); no event may precede it. */
  start?: number;
  /** End of the observation window, T (default the last event's time). */
  horizon?: number;
  /** Default 2000. */
  maxIterations?: number;
  /** Stops when no μ_i or β moves by more than this relatively, and no α_ij by more than this absolutely (default 1e-6). */
  tolerance?: number;
  /** Starting point of EM (default: half of each dimension's rate as background, α_ij = 0.5 / dimensions, β = events per day). */
  initial?: Partial<HawkesParams>;
}

export interface HawkesFit extends HawkesParams {
  dimensions: number;
  /** Spectral radius of the adjacency: ≥ 1 means the process is explosive. */
  branchingRatio: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** The events as sorted typed arrays, each one checked; the input may be in any order (sorted here, stably). */
export interface SortedHawkesEvents {
  times: Float64Array;
  dims: Int32Array;
  counts: number[];
}

const invalid = (message: string, details: Record<string, unknown> = {}) => new DomainError('validation_failed', message, details);

/** Checks every event (finite time, integer dimension in range) and sorts them by time. */
export function sortHawkesEvents(events: readonly HawkesEvent[], dimensions: number): SortedHawkesEvents {
  if (!Number.isInteger(dimensions) || dimensions < 1) throw invalid(`dimensions must be a whole number ≥ 1 (got ${dimensions})`);
  const counts = new Array<number>(dimensions).fill(0);
  events.forEach((e, index) => {
    if (!Number.isFinite(e.time)) throw invalid(`event ${index}: the time must be a finite number of days`, { index });
    if (!Number.isInteger(e.dim) || e.dim < 0 || e.dim >= dimensions) throw invalid(`event ${index}: the dimension must be a whole number from 0 to ${dimensions - 1}`, { index });
    counts[e.dim] = counts[e.dim]! + 1;
  });
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = events[i - 1]!.time <= events[i]!.time;
  // Sorted input (the usual case) skips the sort; otherwise a stable one.
  const order = events.map((_, i) => i);
  if (!sorted) order.sort((a, b) => events[a]!.time - events[b]!.time || a - b);
  const times = new Float64Array(events.length);
  const dims = new Int32Array(events.length);
  order.forEach((from, to) => {
    times[to] = events[from]!.time;
    dims[to] = events[from]!.dim;
  });
  return { times, dims, counts };
}

function checkParams(params: HawkesParams, dimensions: number): void {
  const ok = (v: number) => Number.isFinite(v) && v >= 0;
  if (params.baseline.length !== dimensions || !params.baseline.every(ok)) throw invalid(`the baseline must be ${dimensions} finite non-negative rates`);
  if (params.adjacency.length !== dimensions || !params.adjacency.every((row) => row.length === dimensions && row.every(ok))) {
    throw invalid(`the adjacency must be a ${dimensions}×${dimensions} matrix of finite non-negative numbers`);
  }
  if (!(Number.isFinite(params.decay) && params.decay > 0)) throw invalid('the decay must be a finite positive rate');
}

/** Sums of one forward pass at fixed parameters: Σ log λ, and EM's expected branching counts. */
interface Pass {
  logIntensity: number;
  background: Float64Array;
  /** triggered[i * D + j]: expected events of i triggered by events of j. */
  triggered: Float64Array;
  /** Σ over triggered events of the expected lag to their parent. */
  lag: number;
}

/**
 * One pass in O(N·D): S_j(t) = Σ_{t_k of j, t_k < t} β e^{-β(t - t_k)} and U_j(t), the same
 * weighted by the lag t - t_k, each carried from one event to the next by e^{-βΔ}. Events at the
 * current time wait in `pending` until time moves on, so that equal times do not excite each other.
 */
function forwardPass(params: HawkesParams, data: SortedHawkesEvents, withEm: boolean): Pass {
  const D = params.baseline.length;
  const { times, dims } = data;
  const beta = params.decay;
  const mu = Float64Array.from(params.baseline);
  const alpha = Float64Array.from(params.adjacency.flat());
  const s = new Float64Array(D);
  const u = new Float64Array(D);
  const pending = new Float64Array(D);
  const background = new Float64Array(D);
  const triggered = new Float64Array(D * D);
  let logIntensity = 0;
  let lag = 0;
  let previous = times.length > 0 ? times[0]! : 0;
  for (let n = 0; n < times.length; n++) {
    const t = times[n]!;
    const i = dims[n]!;
    if (t > previous) {
      const delta = t - previous;
      const e = Math.exp(-beta * delta);
      for (let j = 0; j < D; j++) {
        const sj = s[j]! + pending[j]! * beta;
        pending[j] = 0;
        u[j] = e * (u[j]! + delta * sj);
        s[j] = e * sj;
      }
      previous = t;
    }
    const row = i * D;
    let lambda = mu[i]!;
    for (let j = 0; j < D; j++) lambda += alpha[row + j]! * s[j]!;
    logIntensity += Math.log(lambda);
    if (withEm && lambda > 0) {
      background[i] = background[i]! + mu[i]! / lambda;
      for (let j = 0; j < D; j++) {
        const a = alpha[row + j]! / lambda;
        triggered[row + j] = triggered[row + j]! + a * s[j]!;
        lag += a * u[j]!;
      }
    }
    pending[i] = pending[i]! + 1;
  }
  return { logIntensity, background, triggered, lag };
}

/**
 * Per dimension j, G_j = Σ_k (1 - e^{-β(T - t_k)}) (the compensator of one unit of α_·j) and its
 * derivative in β, H_j = Σ_k (T - t_k) e^{-β(T - t_k)}. With `cutoff`, only the events within
 * cutoff/β of T are visited (the others add 1 to G_j and e^{-cutoff}-small terms): O(tail).
 */
function tailSums(data: SortedHawkesEvents, T: number, beta: number, cutoff = Infinity): { g: Float64Array; h: Float64Array } {
  const g = Float64Array.from(data.counts);
  const h = new Float64Array(data.counts.length);
  const { times, dims } = data;
  for (let n = times.length - 1; n >= 0; n--) {
    const x = beta * (T - times[n]!);
    if (x > cutoff) break;
    const e = Math.exp(-x);
    const j = dims[n]!;
    g[j] = g[j]! - e;
    h[j] = h[j]! + (T - times[n]!) * e;
  }
  return { g, h };
}

function checkWindow(data: SortedHawkesEvents, start: number, T: number): void {
  if (!Number.isFinite(start) || !Number.isFinite(T) || T <= start) throw invalid(`the observation window must have a positive length (start ${start}, end ${T})`);
  const n = data.times.length;
  if (n > 0 && data.times[0]! < start) throw invalid(`an event at ${data.times[0]} precedes the window's start ${start}`);
  if (n > 0 && data.times[n - 1]! > T) throw invalid(`an event at ${data.times[n - 1]} follows the window's end ${T}`);
}

/**
 * The exact log-likelihood of the events on [start, T]: Σ_n log λ_{d_n}(t_n) − Σ_i ∫ λ_i, through
 * the recursive form in O(N·D). −Infinity when an event has zero intensity.
 */
export function hawkesLogLikelihood(params: HawkesParams, events: readonly HawkesEvent[], T: number, start = 0): number {
  const D = params.baseline.length;
  checkParams(params, D);
  const data = sortHawkesEvents(events, D);
  checkWindow(data, start, T);
  return logLikelihoodOf(params, data, T, start);
}

function logLikelihoodOf(params: HawkesParams, data: SortedHawkesEvents, T: number, start: number): number {
  const { logIntensity } = forwardPass(params, data, false);
  const { g } = tailSums(data, T, params.decay);
  let compensator = 0;
  params.baseline.forEach((mu, i) => {
    compensator += mu * (T - start);
    params.adjacency[i]!.forEach((a, j) => (compensator += a * g[j]!));
  });
  return logIntensity - compensator;
}

/** exp(-40) ≈ 4e-18: the events further than 40/β before T count fully in the compensator. */
const TAIL_CUTOFF = 40;

/**
 * Maximum-likelihood fit by EM (Lewis & Mohler's branching-structure EM, with the window's edge).
 * E-step: each event's probability of being background or triggered by each dimension, and the
 * expected lag to its parent. M-step: μ_i = background_i / (T − start); β maximizes the expected
 * log-likelihood profiled over α (a fixed point of β = P / (lag + Σ_j C_j H_j / G_j), the edge
 * terms being small); α_ij = triggered_ij / G_j(β). Every iteration is O(N·D).
 */
export function fitHawkes(events: readonly HawkesEvent[], options: HawkesFitOptions): HawkesFit {
  const D = options.dimensions;
  const data = sortHawkesEvents(events, D);
  if (data.times.length === 0) throw invalid('the escalation model needs at least one event');
  const start = options.start ?? 0;
  const T = options.horizon ?? data.times[data.times.length - 1]!;
  checkWindow(data, start, T);
  const length = T - start;
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-6;
  const total = data.times.length;
  let params: HawkesParams = {
    baseline: options.initial?.baseline ?? data.counts.map((c) => (c > 0 ? c / (2 * length) : 0)),
    adjacency: options.initial?.adjacency ?? Array.from({ length: D }, () => new Array<number>(D).fill(0.5 / D)),
    decay: options.initial?.decay ?? Math.max(total / length, 1e-6),
  };
  checkParams(params, D);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    const pass = forwardPass(params, data, true);
    const baseline = Array.from(pass.background, (b) => b / length);
    const parentsOf = new Float64Array(D);
    let triggeredTotal = 0;
    for (let i = 0; i < D; i++) {
      for (let j = 0; j < D; j++) {
        parentsOf[j] = parentsOf[j]! + pass.triggered[i * D + j]!;
        triggeredTotal += pass.triggered[i * D + j]!;
      }
    }
    let decay = params.decay;
    // Nothing triggered: β is not identified; it stays where it is.
    if (triggeredTotal > 1e-12 && pass.lag > 0) {
      for (let step = 0; step < 5; step++) {
        const { g, h } = tailSums(data, T, decay, TAIL_CUTOFF);
        let edge = 0;
        for (let j = 0; j < D; j++) if (g[j]! > 0) edge += (parentsOf[j]! * h[j]!) / g[j]!;
        const next = triggeredTotal / (pass.lag + edge);
        const settled = Math.abs(next - decay) <= 1e-12 * decay;
        decay = next;
        if (settled) break;
      }
    }
    const { g } = tailSums(data, T, decay, TAIL_CUTOFF);
    const adjacency = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (g[j]! > 0 ? pass.triggered[i * D + j]! / g[j]! : 0)));
    converged = moved(params, { baseline, adjacency, decay }) <= tolerance;
    params = { baseline, adjacency, decay };
  }
  return {
    dimensions: D,
    ...params,
    branchingRatio: spectralRadius(params.adjacency),
    logLikelihood: logLikelihoodOf(params, data, T, start),
    iterations,
    converged,
  };
}

/** The largest move from one iterate to the next: relative for μ and β, absolute for α (already a ratio). */
function moved(a: HawkesParams, b: HawkesParams): number {
  let most = Math.abs(b.decay - a.decay) / a.decay;
  a.baseline.forEach((mu, i) => (most = Math.max(most, Math.abs(b.baseline[i]! - mu) / Math.max(mu, 1e-12))));
  a.adjacency.forEach((row, i) => row.forEach((v, j) => (most = Math.max(most, Math.abs(b.adjacency[i]![j]! - v)))));
  return most;
}
