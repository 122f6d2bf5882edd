/**
 * `phaseline risk show|weights|record` (docs/FORECAST.md): the collapse risk with its parts as the
 * mediators see it (or one party's circle with --for), the weights (set with key=value), and recording
 * the score in the history once per audience.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { IsoDate, type RiskView } from '../../contract/index.ts';
import { DomainError, parseWeightAssignments, RISK_PART_KEYS, RISK_PART_LABELS, type Party } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { audiencePrincipal } from '../../server/risk/risk-facts.ts';
import { CLI_PRINCIPAL, cliActor, withDatabase, type CliIo } from '../context.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, fitColumns, formatSchema, renderJson, renderTable } from '../output.ts';

const ShowOptions = z.object({ asOf: IsoDate.optional(), for: z.string().trim().min(1, 'must not be empty').optional(), format: formatSchema(['table', 'json']) });
const WeightsOptions = z.object({ set: z.array(z.string()).default([]), format: formatSchema(['table', 'json']) });
const RecordOptions = z.object({ asOf: IsoDate.optional(), format: formatSchema(['table', 'json']) });

const collect = (value: string, previous: string[]) => [...previous, value];
const AS_OF = "the day to compute as of, YYYY-MM-DD in the agreement's time zone (default: today there)";

/** The party named by id or name (case-insensitive). */
async function findParty(svc: Services, ref: string, name: string): Promise<Party> {
  const parties = await svc.agreements.parties.list(ref);
  const wanted = name.trim().toLowerCase();
  const found = parties.find((p) => p.id === name.trim()) ?? parties.find((p) => p.name.trim().toLowerCase() === wanted);
  if (!found) throw new DomainError('not_found', `No party "${name}" in ${ref} (give its id or name: ${parties.map((p) => p.name).join(', ')})`);
  return found;
}

const score = (s: number | null, digits = 2) => (s === null ? '-' : s.toFixed(digits));

/** Whose view, in words. */
function whose(audience: { audience: string; partyId: string | null }, parties: readonly Party[]): string {
  if (audience.audience === 'mediators') return "the mediators' view";
  if (audience.audience === 'all') return "everyone's view";
  return `${parties.find((p) => p.id === audience.partyId)?.name ?? 'a party'}'s circle`;
}

/** The score, a row per part, then how each part's value becomes its score and where it comes from. */
export function riskTable(view: RiskView, heading: string, columns?: number): string {
  const total = view.score === null ? 'no score: no part with a weight above 0 has data' : `${view.score.toFixed(1)} / 100`;
  const rows = view.parts.map((p) => [p.label, p.value, score(p.score), String(p.weight), p.contribution === null ? '-' : p.contribution.toFixed(1)]);
  const table = renderTable(['Part', 'Value', 'Score', 'Weight', 'Points'], rows, { colWidths: fitColumns(columns, [24, 8, 8, 8], 1) ?? undefined });
  const notes = view.parts.map((p) => `${p.label}: ${p.explanation} Source: ${p.source.replace(/\.$/, '')}.`).join('\n');
  const history = view.history.length > 0 ? `\nHistory: ${view.history.map((s) => `${s.day} ${score(s.score, 1)}`).join(', ')}\n` : '';
  return `${heading}: ${total}\n${table}\n${notes}\n${history}`;
}

export function registerRiskCommand(program: Command, io: CliIo): void {
  const risk = program.command('risk').description("The collapse risk: its parts with values, sources, weights and scores; the weights; the score's history per audience");

  addFormatOption(
    risk
      .command('show')
      .description("The risk with each part, as the mediators see it (or one party's circle with --for), and the history of that view")
      .argument('<agreement>', 'agreement id or slug')
      .option('--as-of <date>', AS_OF)
      .option('--for <party>', "as that party's delegates see it: party id or name"),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(ShowOptions, raw);
    const { view, agreement, parties } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(ref);
      const parties = await svc.agreements.parties.list(agreement.id);
      const principal = options.for === undefined ? CLI_PRINCIPAL : audiencePrincipal(agreement.id, { audience: 'party', partyId: (await findParty(svc, agreement.id, options.for)).id });
      return { view: await svc.risk.current(agreement.id, principal, options.asOf), agreement, parties };
    });
    if (options.format === 'json') io.stdout(renderJson(view));
    else io.stdout(riskTable(view, `Collapse risk of ${agreement.slug} as of ${view.asOf}, ${whose(view.audience, parties)}`, io.columns));
  });

  addFormatOption(
    risk
      .command('weights')
      .description("The weight of each part (0 to 10; never set: 1); --set changes the parts named and keeps the others")
      .argument('<agreement>', 'agreement id or slug')
      .option('--set <key=value>', `a part and its weight, e.g. violation_trend=2; repeat for several (parts: ${RISK_PART_KEYS.join(', ')})`, collect, []),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(WeightsOptions, raw);
    const parsed = parseWeightAssignments(options.set);
    if (!parsed.ok) throw new UsageError(`--set: ${parsed.message}`);
    const weights = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const current = await svc.risk.weights(ref);
      if (options.set.length === 0) return current;
      return svc.risk.setWeights(ref, { weights: { ...current.weights, ...parsed.value }, version: current.version }, cliActor());
    });
    if (options.format === 'json') {
      io.stdout(renderJson(weights));
      return;
    }
    const rows = RISK_PART_KEYS.map((k) => [k, RISK_PART_LABELS[k], String(weights.weights[k])]);
    io.stdout(`Weights, version ${weights.version}${weights.version === 0 ? ' (never set)' : ''}\n${renderTable(['Key', 'Part', 'Weight'], rows)}`);
  });

  addFormatOption(
    risk
      .command('record')
      .description("Record the score in the history once per audience: everyone's view, the mediators', each party's circle")
      .argument('<agreement>', 'agreement id or slug')
      .option('--as-of <date>', AS_OF),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(RecordOptions, raw);
    const { recorded, parties } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const result = await svc.risk.record(ref, cliActor(), options.asOf);
      return { ...result, parties: await svc.agreements.parties.list(ref) };
    });
    if (options.format === 'json') {
      io.stdout(renderJson({ recorded }));
      return;
    }
    const rows = recorded.map((r) => [whose(r.audience, parties), r.day, score(r.score, 1)]);
    io.stdout(`Recorded ${recorded.length} snapshot(s)\n${renderTable(['View', 'Day', 'Score'], rows)}`);
  });
}
