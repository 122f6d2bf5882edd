/**
 * npm run bench:forecast: the escalation model (issue 12) fitted to 100,000 simulated events in 2 and
 * in 4 dimensions, beside a floor: one call of the log-likelihood on the same events (its checks, one
 * recursive pass, the exact compensator), which costs more than an EM iteration's pass. Medians of BENCH_RUNS runs after a warm-up; prints figures,
 * asserts nothing about time (the goal: under a second for 100,000 events in 2 dimensions).
 */
import { cpus } from 'node:os';
import { renderTable } from '../src/cli/output.ts';
import { fitHawkes, hawkesLogLikelihood, mulberry32, simulateHawkes, type HawkesEvent, type HawkesParams } from '../src/core/index.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = 20_261_202;

const CASES: Array<{ label: string; params: HawkesParams }> = [
  { label: '2 dimensions', params: { baseline: [0.5, 0.3], adjacency: [[0.3, 0.2], [0.1, 0.4]], decay: 1.5 } },
  {
    label: '4 dimensions',
    params: {
      baseline: [0.4, 0.3, 0.2, 0.1],
      adjacency: [
        [0.25, 0.1, 0.05, 0],
        [0.1, 0.2, 0, 0.05],
        [0.05, 0, 0.3, 0.1],
        [0, 0.05, 0.1, 0.2],
      ],
      decay: 1,
    },
  },
];

/** Exactly `EVENTS` events: simulated past the expected window, then cut at the EVENTS-th. */
function eventsOf(params: HawkesParams): { events: HawkesEvent[]; horizon: number } {
  let T = 1000;
  for (;;) {
    const events = simulateHawkes(params, T, mulberry32(SEED));
    if (events.length >= EVENTS) return { events: events.slice(0, EVENTS), horizon: events[EVENTS - 1]!.time };
    T *= 2;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(f: () => T): { seconds: number; value: T } {
  const start = process.hrtime.bigint();
  const value = f();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

const fmt = (x: number, digits: number) => x.toFixed(digits);
const rows: string[][] = [];
for (const { label, params } of CASES) {
  const simulated = time(() => eventsOf(params));
  const { events, horizon } = simulated.value;
  const D = params.baseline.length;
  time(() => fitHawkes(events, { dimensions: D, horizon }));
  const fits = Array.from({ length: RUNS }, () => time(() => fitHawkes(events, { dimensions: D, horizon })));
  const floors = Array.from({ length: RUNS }, () => time(() => hawkesLogLikelihood(params, events, horizon)));
  const fit = fits[0]!.value;
  const seconds = median(fits.map((f) => f.seconds));
  const floor = median(floors.map((f) => f.seconds));
  rows.push([
    label,
    EVENTS.toLocaleString('en'),
    fmt(seconds, 3),
    `${fit.iterations}${fit.converged ? '' : ' (not converged)'}`,
    fmt((seconds / fit.iterations) * 1000, 2),
    fmt(floor * 1000, 2),
    `${fmt(seconds / floor, 0)}x`,
    `${fmt(seconds / fit.iterations / floor, 2)}x`,
    `${fmt(fit.branchingRatio, 3)} (${fmt(params.decay, 2)} → ${fmt(fit.decay, 3)})`,
    fmt(simulated.seconds, 2),
  ]);
}

console.log(`Escalation model fit (EM, tolerance 1e-6): ${EVENTS.toLocaleString('en')} simulated events, medians of ${RUNS} runs after one warm-up`);
console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(
  renderTable(
    ['Case', 'Events', 'Fit s', 'Iterations', 'ms / iteration', 'Floor: 1 log-lik. call ms (checks, pass, exact compensator)', 'Fit vs floor', 'Iteration vs floor', 'Branching (decay true → fit)', 'Simulation s (not counted)'],
    rows,
  ).trimEnd(),
);
