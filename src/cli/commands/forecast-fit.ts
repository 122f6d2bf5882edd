/**
 * `phaseline forecast fit --events <file.csv>`: the escalation model (a multivariate Hawkes process)
 * fitted to `time,dimension` rows, with a seeded forecast of the next 1, 7 and 14 days. Needs no database.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { DomainError, fitHawkes, forecastHawkes, mulberry32, parseHawkesEventsCsv, type HawkesCount, type HawkesFit } from '../../core/index.ts';
import type { CliIo } from '../context.ts';
import { FileError, readTextFile } from '../files.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderJson, renderTable } from '../output.ts';

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const FitOptions = z.object({
  events: z.string().trim().min(1, 'must not be empty'),
  runs: whole(1, 100_000).default(1000),
  seed: whole(0, 4_294_967_295).default(12),
  format: formatSchema(['table', 'json']),
});

const HORIZONS = [1, 7, 14];
/** A forecast run stops past this many events: only an explosive fit comes near it. */
const MAX_FORECAST_EVENTS = 100_000;

interface LabelledCount extends HawkesCount {
  dimension: string;
}

/** What the command prints as JSON: the fit with its labels, and the forecast from the last event. */
export interface ForecastFitOutput {
  dimensions: string[];
  baseline: number[];
  adjacency: number[][];
  decay: number;
  branchingRatio: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  events: number;
  /** The earliest event as written: times are days since it. */
  origin: string;
  /** Days from the earliest to the latest event: the observation window. */
  days: number;
  /** Null when the fit is explosive (branching ratio ≥ 1): its simulations would not end. */
  forecast: { runs: number; seed: number; horizons: Array<{ days: number; dimensions: LabelledCount[]; total: HawkesCount }> } | null;
}

const num = (x: number, digits = 4) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));

function tables(out: ForecastFitOutput): string {
  const model = renderTable(
    ['Dimension', 'Baseline /day', ...out.dimensions.map((d) => `From ${d}`)],
    out.dimensions.map((d, i) => [d, num(out.baseline[i]!), ...out.adjacency[i]!.map((a) => num(a))]),
  );
  const summary = [
    `${out.events} events over ${num(out.days, 6)} days from ${out.origin}`,
    `Decay ${num(out.decay)} /day (a triggered event follows its parent after ${num(1 / out.decay, 3)} days on average)`,
    `Branching ratio ${num(out.branchingRatio)}${out.branchingRatio >= 1 ? ' (explosive: no forecast)' : ''}`,
    `Log-likelihood ${num(out.logLikelihood, 10)} after ${out.iterations} iterations${out.converged ? '' : ' (not converged)'}`,
  ].join('\n');
  const interval = (c: HawkesCount) => `${num(c.mean, 3)} (${c.low}-${c.high})`;
  const forecast = out.forecast
    ? `\nExpected events after the last one, mean (80% interval), ${out.forecast.runs} runs, seed ${out.forecast.seed}\n${renderTable(
        ['Days', ...out.dimensions, 'Total'],
        out.forecast.horizons.map((h) => [String(h.days), ...h.dimensions.map(interval), interval(h.total)]),
      )}`
    : '';
  return `Adjacency: events in the row's dimension triggered by one event in the column's\n${model}${summary}\n${forecast}`;
}

export function registerForecastFit(forecast: Command, io: CliIo): void {
  addFormatOption(
    forecast
      .command('fit')
      .description('Fit the escalation model (a Hawkes process) to event times, with a forecast of the next 1, 7 and 14 days')
      .requiredOption('--events <file>', 'CSV with the header time,dimension: ISO 8601 times or decimal days, any labels')
      .option('--runs <n>', 'simulations behind the forecast', '1000')
      .option('--seed <n>', 'seed of the forecast simulations', '12'),
    ['table', 'json'],
  ).action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(FitOptions, raw);
    const file = options.events;
    const parsed = parseHawkesEventsCsv(await readTextFile(file));
    if (parsed.errors.length > 0) {
      // Every error on its own line, as an editor's quickfix list reads them.
      io.stderr(parsed.errors.map((e) => `${file}: line ${e.line}: ${e.message}\n`).join(''));
      throw new FileError(`${file}: ${parsed.errors.length === 1 ? '1 error' : `${parsed.errors.length} errors`}; nothing was fitted`);
    }
    // The earliest event is at 0; a loop, as a spread of millions of times would overflow the stack.
    let days = 0;
    for (const e of parsed.events) days = Math.max(days, e.time);
    if (!(days > 0)) throw new DomainError('validation_failed', `${file}: every event is at the same time; the model needs a window of positive length`);
    const fit: HawkesFit = fitHawkes(parsed.events, { dimensions: parsed.labels.length });
    const projection =
      fit.branchingRatio < 1 ? forecastHawkes(fit, parsed.events, days, HORIZONS, { runs: options.runs, rng: mulberry32(options.seed), maxEvents: MAX_FORECAST_EVENTS }) : null;
    const out: ForecastFitOutput = {
      dimensions: parsed.labels,
      baseline: fit.baseline,
      adjacency: fit.adjacency,
      decay: fit.decay,
      branchingRatio: fit.branchingRatio,
      logLikelihood: fit.logLikelihood,
      iterations: fit.iterations,
      converged: fit.converged,
      events: parsed.events.length,
      origin: parsed.origin!,
      days,
      forecast: projection && {
        runs: options.runs,
        seed: options.seed,
        horizons: projection.horizons.map((h) => ({ days: h.days, dimensions: h.dimensions.map((c, i) => ({ dimension: parsed.labels[i]!, ...c })), total: h.total })),
      },
    };
    io.stdout(options.format === 'json' ? renderJson(out) : tables(out));
  });
}
