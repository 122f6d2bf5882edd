/**
 * `phaseline force gaps|show`: the stabilization force's gaps per requirement and the funding gaps
 * (under what-if assumptions when given, nothing saved), and the whole force as JSON or tables. The
 * CLI reads the full picture, as the mediators see it.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { ForceOverview } from '../../contract/index.ts';
import { DomainError, FORCE_ASSUMPTION_LABELS, parseAssumptions, READINESS_LABELS, type ForceAssumption, type ForceGaps, type FundingGaps } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, formatSchema, renderJson, renderTable } from '../output.ts';

const GapsOptions = z.object({ assume: z.array(z.string()).default([]), format: formatSchema(['table', 'json']) });
const ShowOptions = z.object({ format: formatSchema(['table', 'json']) });

const collect = (value: string, previous: string[]) => [...previous, value];
const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** One row per requirement (capability, sector, required, covered, gap) and the totals. */
export function forceGapsTable(force: ForceGaps): string {
  const rows = force.requirements.map((r) => [r.capability, r.sectorName ?? (r.sectorId === null ? 'Whole area' : r.sectorId), String(r.required), String(r.covered), String(r.gap)]);
  rows.push(['Total', '', String(force.totals.required), String(force.totals.covered), String(force.totals.gap)]);
  return renderTable(['Capability', 'Sector', 'Required', 'Covered', 'Gap'], rows);
}

/** The budget, what reached each stage, and the two gaps. */
export function fundingGapsTable(funding: FundingGaps): string {
  const rows = [
    ['Budget', amount(funding.budget)],
    ['Pledged', amount(funding.pledged)],
    ['Committed', amount(funding.committed)],
    ['Disbursed', amount(funding.disbursed)],
    ['Commitment gap', amount(funding.commitmentGap)],
    ['Disbursement gap', amount(funding.disbursementGap)],
  ];
  return renderTable(['Funding', 'Amount'], rows);
}

/** An assumption as people read it, with the names it resolved to. */
function assumptionLine(a: ForceAssumption, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const what = a.kind === 'withdraw' ? name(a.contributorId) : a.kind === 'object' ? `${name(a.partyId)} objects to ${name(a.contributorId)}` : a.pledgeId;
  return `Assuming: ${FORCE_ASSUMPTION_LABELS[a.kind]}: ${what}`;
}

/** The whole force as tables: requirements and their gaps, pledges, positions, funding and mandate. */
export function forceOverviewTables(o: ForceOverview): string {
  const contributor = new Map(o.contributors.map((c) => [c.id, c.name]));
  const party = new Map(o.acceptability.parties.map((p) => [p.id, p.name]));
  const flag = (illustrative: boolean) => (illustrative ? ' (illustrative)' : '');
  const pledges = renderTable(
    ['Contributor', 'Capability', 'Sector', 'Personnel', 'Readiness'],
    o.pledges.map((p) => [`${p.contributorName}${flag(p.illustrative)}`, p.capability, p.sectorName ?? 'Whole area', String(p.personnel), READINESS_LABELS[p.readiness]]),
  );
  const positions = renderTable(
    ['Contributor', ...o.acceptability.parties.map((p) => p.name)],
    o.acceptability.rows.map((r) => [r.contributorName, ...r.cells.map((c) => c.position ?? '-')]),
  );
  const objections = o.gaps.requirements.flatMap((r) =>
    r.notCounting.map((n) => `  ${contributor.get(n.contributorId) ?? n.contributorId}: ${n.personnel} ${r.capability} not counted (${n.why === 'readiness' ? 'not assessed yet' : `objected to by ${(n.objectedBy ?? []).map((id) => party.get(id) ?? id).join(', ')}`})`),
  );
  const mandate = o.mandate.map((m) => `  ${m.title} (${m.kind.replaceAll('_', ' ')}): ${m.clause ? `${m.clause.label}, ${m.clause.status}` : 'no clause'}`);
  return [
    o.illustrative ? 'Some figures are illustrative, not real.\n' : '',
    'Requirements and gaps\n',
    forceGapsTable(o.gaps),
    objections.length > 0 ? `${objections.join('\n')}\n` : '',
    '\nPledges\n',
    pledges,
    '\nPositions on contributors\n',
    positions,
    '\n',
    fundingGapsTable(o.fundingGaps),
    mandate.length > 0 ? `\nMandate\n${mandate.join('\n')}\n` : '',
  ].join('');
}

export function registerForceCommand(program: Command, io: CliIo): void {
  const force = program.command('force').description('The stabilization force: gaps per requirement and in funding, with what-if assumptions; the whole force');

  addFormatOption(
    force
      .command('gaps')
      .description('Personnel gaps per requirement and the funding gaps, as the mediators see them; with --assume, under what-if assumptions (nothing saved)')
      .argument('<agreement>', 'agreement id or slug')
      .option('--assume <assumption>', 'withdraw:<contributor>, object:<contributor>:<party> or ready:<pledge id>; repeat for several', collect, []),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(GapsOptions, raw);
    const { assumptions, result, names } = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const lookup = await svc.force.assumptionLookup(ref);
      const parsed = parseAssumptions(options.assume, lookup);
      if (!parsed.ok) throw new DomainError('validation_failed', parsed.message);
      const names = new Map([...lookup.contributors, ...lookup.parties].map((x) => [x.id, x.name]));
      return { assumptions: parsed.value, result: await svc.force.gapsFor(ref, null, parsed.value), names };
    });
    if (options.format === 'json') {
      io.stdout(renderJson({ assumptions, force: result.force, funding: result.funding }));
      return;
    }
    const assumed = assumptions.map((a) => `${assumptionLine(a, names)}\n`).join('');
    io.stdout(`${assumed}${forceGapsTable(result.force)}\n${fundingGapsTable(result.funding)}`);
  });

  addFormatOption(
    force.command('show').description('The whole force as the mediators see it: requirements, contributors, pledges, positions, gaps, funding and mandate').argument('<agreement>', 'agreement id or slug'),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const { format } = parseOptions(ShowOptions, raw);
    const overview = await withDatabase(io, (database) => services(database, { clock: io.clock }).force.overview(ref, null));
    io.stdout(format === 'json' ? renderJson(overview) : forceOverviewTables(overview));
  });
}
