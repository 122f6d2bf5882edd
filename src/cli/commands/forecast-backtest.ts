/**
 * `phaseline forecast backtest`: rolling-origin backtests of a daily count series (CSV `date,value`
 * or the Tech for Palestine JSON), the NB autoregression beside no-change and the historical mean,
 * scored by MAE and CRPS per horizon (src/core/forecast/backtest.ts).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { backtestDailyCounts, DEFAULT_COUNT_BACKTEST, type CountBacktestResult } from '../../core/forecast/backtest.ts';
import { dayNumber, dayString, parseDailyCsv, parseDailyJson, type DailySeries } from '../../core/forecast/daily-series.ts';
import { DomainError } from '../../core/index.ts';
import type { CliIo } from '../context.ts';
import { readTextFile } from '../files.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, formatSchema, renderJson, renderTable } from '../output.ts';

/** Days of data before the first origin when --from is not given. */
const DEFAULT_WARM_UP = 28;

const whole = (min: number) => z.coerce.number().int().min(min);
const date = z.string().refine((s) => dayNumber(s) !== null, { error: 'must be a date YYYY-MM-DD' });

const BacktestOptions = z.object({
  series: z.string().min(1),
  field: z.string().min(1),
  horizon: z
    .string()
    .default(DEFAULT_COUNT_BACKTEST.horizons.join(','))
    .transform((s) => s.split(',').map((h) => Number(h.trim())))
    .pipe(z.array(z.number().int({ error: 'must be whole days, comma-separated' }).min(1).max(366)).min(1)),
  from: date.optional(),
  to: date.optional(),
  step: whole(1).default(DEFAULT_COUNT_BACKTEST.step),
  refitEvery: whole(1).default(DEFAULT_COUNT_BACKTEST.refitEvery),
  paths: whole(10).max(100_000).default(DEFAULT_COUNT_BACKTEST.paths),
  seed: whole(0).default(DEFAULT_COUNT_BACKTEST.seed),
  format: formatSchema(['table', 'json']),
});

/** The series in `text`: the TfP JSON when it starts with `[`, else CSV; a bad file is exit code 1. */
export function parseSeries(text: string, field: string, path: string): DailySeries {
  const parsed = text.trimStart().startsWith('[') ? parseDailyJson(text, field) : parseDailyCsv(text, field);
  if (!parsed.ok) throw new DomainError('validation_failed', `${path}: ${parsed.message}`);
  return parsed.series;
}

const fixed = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(1) : n.toFixed(2));
const term = (b: number) => `${b < 0 ? '-' : '+'} ${Math.abs(b).toFixed(3)}`;
const yesNo = (b: boolean | null) => (b === null ? '-' : b ? 'yes' : 'no');

/** One row per horizon and model, with the skill against no-change (1 − CRPS / CRPS of no-change). */
export function backtestTable(result: CountBacktestResult): string {
  const rows = result.scores.map((s) => {
    const base = result.scores.find((b) => b.horizon === s.horizon && b.model === 'no-change')!;
    const skill = base.crps > 0 ? 1 - s.crps / base.crps : 0;
    return [
      String(s.horizon),
      s.model,
      String(s.n),
      fixed(s.mae),
      fixed(s.crps),
      s.model === 'no-change' ? '-' : skill.toFixed(3),
      yesNo(s.beatsNoChangeCrps),
      yesNo(s.beatsNoChangeMae),
      s.coverage80 === null ? '-' : s.coverage80.toFixed(2),
    ];
  });
  return renderTable(['h', 'Model', 'n', 'MAE', 'CRPS', 'CRPS skill', 'Beats no-change (CRPS)', 'Beats no-change (MAE)', '80% cover'], rows);
}

export function registerForecastBacktest(forecast: Command, io: CliIo): void {
  addFormatOption(
    forecast
      .command('backtest')
      .description('Rolling-origin backtest of a daily count series: the NB autoregression beside no-change and the historical mean, by MAE and CRPS per horizon')
      .requiredOption('--series <file>', 'CSV with a header (date and the --field column) or the Tech for Palestine daily JSON (report_date and the field)')
      .requiredOption('--field <name>', 'the value column (CSV) or field, dotted for nested ones (JSON), e.g. killed or verified.killed')
      .option('--horizon <days>', 'horizons in days to score, comma-separated', DEFAULT_COUNT_BACKTEST.horizons.join(','))
      .option('--from <date>', `first forecast origin (default: ${DEFAULT_WARM_UP} days after the series starts)`)
      .option('--to <date>', 'last day scored (default: the last day of the series); origins end at --to minus the longest horizon')
      .option('--step <days>', 'days between origins', String(DEFAULT_COUNT_BACKTEST.step))
      .option('--refit-every <origins>', 'origins between refits of the model', String(DEFAULT_COUNT_BACKTEST.refitEvery))
      .option('--paths <n>', 'simulated paths per origin', String(DEFAULT_COUNT_BACKTEST.paths))
      .option('--seed <n>', 'seed of the simulation', String(DEFAULT_COUNT_BACKTEST.seed)),
    ['table', 'json'],
  ).action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(BacktestOptions, raw);
    const series = parseSeries(await readTextFile(options.series), options.field, options.series);
    const start = dayNumber(series.start)!;
    const end = start + series.values.length - 1;
    const fromDay = options.from === undefined ? start + DEFAULT_WARM_UP : dayNumber(options.from)!;
    const toDay = options.to === undefined ? end : dayNumber(options.to)!;
    const longest = Math.max(...options.horizon);
    if (fromDay < start + 1 || toDay > end || fromDay + longest > toDay) {
      throw new UsageError(`no origin to score: the series runs ${series.start} to ${dayString(end)}; --from must be after its first day, --to on or before its last, and --from plus the longest horizon (${longest}) on or before --to`);
    }
    const result = backtestDailyCounts(series.values, {
      horizons: options.horizon,
      from: fromDay - start,
      to: toDay - start,
      step: options.step,
      refitEvery: options.refitEvery,
      paths: options.paths,
      seed: options.seed,
    });
    const summary = {
      series: options.series,
      field: options.field,
      start: series.start,
      end: dayString(end),
      days: series.values.length,
      missingDays: series.values.filter((v) => v === null || !Number.isFinite(v)).length,
      from: dayString(fromDay),
      to: dayString(toDay),
      step: options.step,
      refitEvery: options.refitEvery,
      paths: options.paths,
      seed: options.seed,
    };
    if (options.format === 'json') {
      io.stdout(renderJson({ ...summary, origins: result.origins, skippedOrigins: result.skippedOrigins, fits: result.fits, lastFit: result.lastFit, scores: result.scores }));
      return;
    }
    const fit = result.lastFit;
    const header = [
      `${summary.field} in ${summary.series}: ${summary.days} days ${summary.start} to ${summary.end}, ${summary.missingDays} missing`,
      `Origins ${summary.from} to ${dayString(toDay - longest)}: ${result.origins} scored, ${result.skippedOrigins} skipped (missing day or no fit); ${result.fits} fits, refit every ${summary.refitEvery}; ${summary.paths} paths, seed ${summary.seed}`,
      fit ? `Last fit: log mu = ${fit.coefficients[0].toFixed(3)} ${term(fit.coefficients[1])} log(1 + y[t-1]) ${term(fit.coefficients[2])} log(1 + mean7), r = ${fit.dispersion.toFixed(2)}` : 'No fit: too few usable days',
    ];
    io.stdout(`${header.join('\n')}\n${backtestTable(result)}`);
  });
}
