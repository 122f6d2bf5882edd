/**
 * `phaseline precedents list|survival`: the UCDP Peace Agreement library (v22.1, CC BY 4.0) and
 * Kaplan–Meier survival of agreements with and without chosen provisions. Reads the shipped dataset
 * through the server's service; opens no database.
 */
import type { Command } from 'commander';
import { PrecedentListQuery, PrecedentSurvivalQuery, type PrecedentSurvivalView, type SurvivalCurveView } from '../../contract/index.ts';
import { UCDP_PROVISIONS } from '../../core/index.ts';
import { precedentsService } from '../../server/precedents/precedents.service.ts';
import type { CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, fitColumns, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const ListOptions = PrecedentListQuery.extend({ format: formatSchema() });
const SurvivalOptions = PrecedentSurvivalQuery.extend({ format: formatSchema(['table', 'json']) });

const PROVISIONS_HELP = `UCDP provisions, comma-separated: ${UCDP_PROVISIONS.join(', ')}`;

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const days = (d: number | null) => (d === null ? 'not reached' : `${d} days`);

function summaryLines(c: SurvivalCurveView): string {
  return [
    `${c.label[0]!.toUpperCase()}${c.label.slice(1)}: ${c.n} on the curve, ${c.events} ended, ${c.censored} censored, ${c.excluded} left out (ended, no usable end date)`,
    `Median time to end: ${days(c.median)}; still in force after 365 days: ${pct(c.oneYear)}`,
  ].join('\n');
}

function survivalTable(view: PrecedentSurvivalView): string {
  const c = view.selected;
  const curve = renderTable(
    ['Day', 'At risk', 'Ended', 'Censored', 'Survival', '95 % interval'],
    c.steps.map((s) => [String(s.day), String(s.atRisk), String(s.events), String(s.censored), pct(s.survival), s.low === null ? '–' : `${pct(s.low)} – ${pct(s.high)}`]),
  );
  const others = view.others ? `\n${summaryLines(view.others)}\n` : '';
  return `${summaryLines(c)}\n${curve}${others}\nBlank or False "ended" is censored at ${view.source.dataEnd}.\n${view.source.dataset} (${view.source.licence}): ${view.source.citation}\n`;
}

export function registerPrecedentsCommand(program: Command, io: CliIo): void {
  const precedents = program.command('precedents').description('Past peace agreements (UCDP Peace Agreement Dataset v22.1) and how long agreements with given provisions held');

  addFormatOption(
    precedents
      .command('list')
      .description('List agreements, searched and filtered')
      .option('--q <words>', 'words in the name, the conflict or the dyads')
      .option('--conflict <name>', "the conflict's UCDP name (e.g. \"Israel: Palestine\") or id")
      .option('--with <provisions>', PROVISIONS_HELP)
      .option('--without <provisions>', PROVISIONS_HELP)
      .option('--type <types>', 'agreement types, comma-separated: 1 full, 2 partial, 3 peace process')
      .option('--from <year>', 'from this year')
      .option('--to <year>', 'to this year, included')
      .option('--sort <key>', 'date, name, conflict or paid', 'date')
      .option('--order <order>', 'asc or desc', 'desc')
      .option('--limit <n>', 'at most this many (up to 500)', '500')
      .option('--offset <n>', 'skip this many', '0'),
  ).action(async (raw: Record<string, unknown>) => {
    const { format, ...query } = parseOptions(ListOptions, raw);
    const page = await precedentsService().list(query);
    if (format === 'json') return io.stdout(renderJson(page));
    if (format === 'csv') {
      return io.stdout(
        renderCsv(
          ['paid', 'date', 'name', 'conflict', 'type', 'provisions', 'third_party', 'ended', 'end_date', 'full_text'],
          page.items.map((p) => [p.paid, p.date, p.name, p.conflict, p.type, p.provisions.join(' '), p.thirdParty, p.ended, p.endDate, p.fullTextUrl]),
        ),
      );
    }
    const table = renderTable(
      ['Id', 'Date', 'Agreement', 'Conflict', 'Type', 'Provisions', 'Ended'],
      page.items.map((p) => [String(p.paid), p.date, p.name, p.conflict, String(p.type), p.provisions.join(' '), p.ended === null ? '' : p.ended ? (p.endDate ?? 'yes, no date') : 'no']),
      { colWidths: fitColumns(io.columns, [7, 12, 24, 6, 24, 12], 2, 20) },
    );
    const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : 'none';
    io.stdout(`${table}${shown} of ${page.total}. ${page.source.dataset} (${page.source.licence})\n`);
  });

  addFormatOption(
    precedents
      .command('survival')
      .description('Kaplan–Meier survival of the agreements with every --with and none of the --without provisions: the curve, the median time to end, the numbers at risk')
      .option('--with <provisions>', PROVISIONS_HELP)
      .option('--without <provisions>', PROVISIONS_HELP),
    ['table', 'json'],
  ).action(async (raw: Record<string, unknown>) => {
    const { format, ...query } = parseOptions(SurvivalOptions, raw);
    const view = await precedentsService().survival(query);
    io.stdout(format === 'json' ? renderJson(view) : survivalTable(view));
  });
}
