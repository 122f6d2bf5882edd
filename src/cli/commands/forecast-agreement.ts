/**
 * `phaseline forecast agreement <agreement>`: the agreement's forecast as the API gives it
 * (src/server/forecast/): the escalation model on its verified incidents, and the count model on its
 * verified incidents per day and on its indicators, with their backtests. Read as of the end of a day.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDate, type AgreementForecastView, type ForecastCountView, type SeriesForecastView } from '../../contract/index.ts';
import { services } from '../../server/app.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderJson, renderTable } from '../output.ts';

const AgreementForecastOptions = z.object({ asOf: IsoDate.optional(), format: formatSchema(['table', 'json']) });

const num = (v: number) => (Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2));
const interval = (c: ForecastCountView) => `${num(c.expected)} (${num(c.low)} to ${num(c.high)})`;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function escalationText(view: AgreementForecastView): string {
  const e = view.escalation;
  const lines = [`Escalation model (Hawkes process) on ${e.events} verified incident(s)`];
  if (!e.fitted) return `${lines[0]}: not fitted. ${e.reason ?? ''}\n`;
  const ratio = e.branchingRatio ?? 0;
  lines.push(
    `Branching ratio ${ratio.toFixed(3)} (${ratio < 1 ? 'below 1: bursts die out' : 'at or above 1: the process escalates on its own'}); ` +
      `decay ${num(e.decay ?? 0)} per day; log-likelihood ${num(e.logLikelihood ?? 0)}; ${e.iterations} iterations${e.converged ? '' : ', not converged'}`,
  );
  const excitation = renderTable(
    ['Dimension', 'Events', 'Baseline/day', ...e.dimensions.map((d) => `from ${d.label}`)],
    e.dimensions.map((d, i) => [d.label, String(d.events), e.baseline[i]!.toFixed(4), ...e.adjacency[i]!.map((a) => a.toFixed(3))]),
  );
  const forecast = e.forecast.length
    ? renderTable(
        ['Days', 'All (80% interval)', ...e.dimensions.map((d) => d.label)],
        e.forecast.map((f) => [String(f.days), interval(f.total), ...f.dimensions.map(interval)]),
      )
    : `No forecast. ${e.reason ?? ''}\n`;
  return `${lines.join('\n')}\nExcitation: events in the row's dimension triggered by one event in the column's (off the diagonal: retaliation)\n${excitation}Expected events over the next days\n${forecast}`;
}

function seriesText(s: SeriesForecastView): string {
  const head = `${s.label}: ${s.days} day(s) with a value${s.last ? `, last ${s.last.value} on ${s.last.day}` : ''}\n  Source: ${s.source}`;
  if (!s.fitted) return `${head}\n  Not forecast. ${s.reason ?? ''}\n`;
  const forecast = renderTable(
    ['Day after origin', 'Expected (80% interval)'],
    s.forecast.map((f) => [`${f.days} (from ${s.origin})`, interval(f)]),
  );
  const backtest = s.backtest.length
    ? renderTable(
        ['h', 'n', 'Model MAE', 'Model CRPS', 'No-change MAE', 'No-change CRPS', 'Mean MAE', 'Mean CRPS', 'Beats no-change (CRPS)', '80% cover'],
        s.backtest.map((b) => [
          String(b.horizon),
          String(b.n),
          num(b.model.mae),
          num(b.model.crps),
          num(b.noChange.mae),
          num(b.noChange.crps),
          num(b.historicalMean.mae),
          num(b.historicalMean.crps),
          yesNo(b.beatsNoChange.crps),
          b.model.coverage80 === undefined ? '-' : b.model.coverage80.toFixed(2),
        ]),
      )
    : 'No backtest: too few days before the origin.\n';
  return `${head}\n${forecast}Rolling-origin backtest (the model beside no-change and the historical mean)\n${backtest}`;
}

/** The forecast as text: the escalation model, then each series with its forecast and backtest. */
export function agreementForecastTable(view: AgreementForecastView): string {
  const head = `Forecast as of the end of ${view.asOf} (${view.timeZone}); every simulation seeded with ${view.seed}`;
  return [head, escalationText(view), ...view.series.map(seriesText)].join('\n');
}

export function registerForecastAgreement(forecast: Command, io: CliIo): void {
  addFormatOption(
    forecast
      .command('agreement')
      .description("An agreement's forecast: the escalation model on its verified incidents, and the count model on its daily series with backtests")
      .argument('<agreement>', 'agreement id or slug')
      .option('--as-of <date>', "the day to compute as of, YYYY-MM-DD in the agreement's time zone (default: today there); later data is left out"),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const { asOf, format } = parseOptions(AgreementForecastOptions, raw);
    const view = await withDatabase(io, (database) => services(database, { clock: io.clock }).forecast.agreement(ref, asOf));
    io.stdout(format === 'json' ? renderJson(view) : agreementForecastTable(view));
  });
}
