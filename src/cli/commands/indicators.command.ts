/**
 * `phaseline indicators list|import|show`: an agreement's indicators with their streaks today,
 * observations imported from CSV through the same service as the API (all or nothing, one audit
 * entry), and one indicator's series against its target.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { IndicatorView } from '../../contract/index.ts';
import { COMPARISON_LABELS, NotFoundError } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { ObservationImportError } from '../../server/ground/indicators.service.ts';
import { cliActor, withDatabase, type CliIo } from '../context.ts';
import { FileError, readTextFile } from '../files.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const Ref = z.string().trim().min(1, 'must not be empty');
const ListOptions = z.object({ agreement: Ref, format: formatSchema() });
const ImportOptions = z.object({ agreement: Ref, file: Ref });
const ShowOptions = z.object({ agreement: Ref, format: formatSchema(['table', 'json']) });

/** The indicator named by id or by name (names are unique in an agreement). */
async function indicatorByRef(svc: Services, agreement: string, ref: string): Promise<IndicatorView> {
  const found = (await svc.ground.indicators.list(agreement)).find((i) => i.id === ref || i.name === ref);
  if (!found) throw new NotFoundError('Indicator', ref);
  return found;
}

const periods = (n: number, period: 'day' | 'week') => `${n} ${period}${n === 1 ? '' : 's'}`;

/** "3 days at target since 2026-06-16 (newest 2026-06-18: 700)", or why there is no streak. */
function streakText(i: IndicatorView): string {
  const { streak } = i;
  if (!streak.latest) return 'no observation';
  const newest = `newest ${streak.latest.observedOn}: ${streak.latest.value}`;
  if (streak.periods === 0) return `below target (${newest})`;
  return `${periods(streak.periods, i.period)} at target since ${streak.since} (${newest})`;
}

const targetText = (i: IndicatorView) => `${COMPARISON_LABELS[i.comparison].toLowerCase()} ${i.target} ${i.unit}`;

export function registerIndicatorsCommand(program: Command, io: CliIo): void {
  const indicators = program.command('indicators').description("An agreement's indicators: measured quantities with targets, and their observations");

  const list = indicators
    .command('list')
    .description("Every indicator, by name, with its target and its streak today (in the agreement's time zone)")
    .requiredOption('--agreement <agreement>', 'agreement id or slug');
  addFormatOption(list).action(async (raw: Record<string, unknown>) => {
    const { agreement, format } = parseOptions(ListOptions, raw);
    const items = await withDatabase(io, (database) => services(database, { clock: io.clock }).ground.indicators.list(agreement));
    if (format === 'json') io.stdout(renderJson(items));
    else if (format === 'csv') {
      io.stdout(
        renderCsv(
          ['id', 'name', 'unit', 'category', 'comparison', 'target', 'period', 'streak_periods', 'streak_since', 'latest_date', 'latest_value', 'met'],
          items.map((i) => [i.id, i.name, i.unit, i.category, i.comparison, i.target, i.period, i.streak.periods, i.streak.since, i.streak.latest?.observedOn, i.streak.latest?.value, i.streak.met]),
        ),
      );
    } else {
      const rows = items.map((i) => [i.name, i.category, targetText(i), i.period, streakText(i), i.id]);
      io.stdout(`${renderTable(['Name', 'Category', 'Target', 'Period', 'Streak', 'Id'], rows)}${items.length} indicators\n`);
    }
  });

  indicators
    .command('import')
    .description('Import observations from a CSV file date,value[,source]; one bad row (or a date already observed) refuses them all')
    .argument('<indicator>', 'the indicator: its id or its name')
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .requiredOption('--file <file>', 'the CSV file, its header date,value or date,value,source')
    .action(async (ref: string, raw: Record<string, unknown>) => {
      const { agreement, file } = parseOptions(ImportOptions, raw);
      const csv = await readTextFile(file);
      const result = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const indicator = await indicatorByRef(svc, agreement, ref);
        try {
          return { indicator, ...(await svc.ground.indicators.importCsv(agreement, indicator.id, csv, cliActor(), basename(file))) };
        } catch (err) {
          if (!(err instanceof ObservationImportError)) throw err;
          // Every error on its own line, as an editor's quickfix list reads them; nothing was written.
          io.stderr(err.errors.map((e) => `${file}: line ${e.line}: ${e.message}\n`).join(''));
          const count = err.errors.length === 1 ? '1 error' : `${err.errors.length} errors`;
          throw new FileError(`${file}: ${count}; no observation was imported`);
        }
      });
      const span = result.first === result.last ? `on ${result.first}` : `from ${result.first} to ${result.last}`;
      io.stdout(`Imported ${result.imported} observation${result.imported === 1 ? '' : 's'} of "${result.indicator.name}" ${span} from ${file}.\n`);
    });

  const show = indicators
    .command('show')
    .description('One indicator: its observations against the target, and its streak today')
    .argument('<indicator>', 'the indicator: its id or its name')
    .requiredOption('--agreement <agreement>', 'agreement id or slug');
  addFormatOption(show, ['table', 'json']).action(async (ref: string, raw: Record<string, unknown>) => {
    const { agreement, format } = parseOptions(ShowOptions, raw);
    const series = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const indicator = await indicatorByRef(svc, agreement, ref);
      return svc.ground.indicators.series(agreement, indicator.id, {});
    });
    if (format === 'json') {
      io.stdout(renderJson(series));
      return;
    }
    const i = series.indicator;
    const rows = series.points.map((p) => [p.period, p.observedOn, String(p.value), String(p.target), p.met ? 'yes' : 'no']);
    io.stdout(
      `${i.name} (${i.unit}): target ${targetText(i)} per ${i.period}\n` +
        `Streak on ${series.today}: ${streakText(i)}\n` +
        renderTable(['Period', 'Observed', 'Value', 'Target', 'Met'], rows),
    );
  });
}
