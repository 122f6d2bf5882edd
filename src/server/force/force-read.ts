/**
 * The force as one reader sees it: the rows read once, the parties' current positions from the
 * statements the reader may see (a null reader sees them all, as the mediators do), and from them
 * the gap input, the acceptability grid and the overview. Nothing here depends on a statement
 * outside the reader's audiences.
 */
import type { AcceptabilityGrid } from '../../contract/index.ts';
import {
  currentAcceptability,
  inAudience,
  isSignatory,
  type AssumptionLookup,
  type ForceGapsInput,
  type FundingInput,
  type GroupStatus,
  type Party,
  type Phase,
  type Principal,
  type Zone,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type {
  Acceptability,
  BudgetLine,
  ForceContributor,
  ForceMandateItem,
  ForcePledge,
  ForceRequirement,
  FundingEntry,
} from '../../db/repositories/force.repository.ts';

/** Who sees every audience: the reader of the full picture (null), as the mediators see it. */
export const FULL_PICTURE: Principal = { kind: 'user', userId: 'force-full-picture', name: 'full picture', admin: true, memberships: [] };

/** Everything the force's views are computed from, read once. */
export interface ForceData {
  agreementId: string;
  requirements: ForceRequirement[];
  contributors: ForceContributor[];
  pledges: ForcePledge[];
  parties: Party[];
  sectors: Zone[];
  /** Every statement, whoever may see it, newest first. */
  acceptability: Acceptability[];
  budgetLines: BudgetLine[];
  funding: FundingEntry[];
}

export async function loadForce(repos: Repositories, agreementId: string): Promise<ForceData> {
  const [requirements, contributors, pledges, parties, sectors, acceptability, budgetLines, funding] = await Promise.all([
    repos.force.requirements.list(agreementId),
    repos.force.contributors.list(agreementId),
    repos.force.pledges.list(agreementId),
    repos.parties.list(agreementId),
    repos.zones.filter(agreementId, { kind: 'sector' }),
    repos.force.acceptability.ofAgreement(agreementId),
    repos.force.budgetLines.list(agreementId),
    repos.force.funding.list(agreementId),
  ]);
  return { agreementId, requirements, contributors, pledges, parties, sectors, acceptability, budgetLines, funding };
}

/** The statements the reader may see, newest first; null reads them all. */
export function visibleStatements(reader: Principal | null, data: Pick<ForceData, 'agreementId' | 'acceptability'>): Acceptability[] {
  return reader === null ? data.acceptability : data.acceptability.filter((s) => inAudience(reader, data.agreementId, s));
}

/** What forceGaps reads, with each party's current position as the reader sees it. */
export function gapInput(data: ForceData, visible: readonly Acceptability[]): ForceGapsInput {
  const sectorName = new Map(data.sectors.map((z) => [z.id, z.name]));
  const named = (sectorId: string | null) => (sectorId !== null && sectorName.has(sectorId) ? { sectorName: sectorName.get(sectorId)! } : {});
  return {
    requirements: data.requirements.map((r) => ({ id: r.id, capability: r.capability, sectorId: r.sectorId, ...named(r.sectorId), personnel: r.personnel, equipment: r.equipment })),
    pledges: data.pledges.map((p) => ({
      id: p.id,
      contributorId: p.contributorId,
      capability: p.capability,
      sectorId: p.sectorId,
      personnel: p.personnel,
      readiness: p.readiness,
      caveats: p.caveats,
    })),
    contributors: data.contributors.map((c) => ({ id: c.id, name: c.name })),
    parties: data.parties.map((p) => ({ id: p.id, name: p.name, signatory: isSignatory(p) })),
    acceptability: currentAcceptability(visible).map(({ contributorId, partyId, position }) => ({ contributorId, partyId, position })),
  };
}

export function fundingInput(data: Pick<ForceData, 'budgetLines' | 'funding'>): FundingInput {
  return {
    budgetLines: data.budgetLines.map((l) => ({ id: l.id, name: l.name, amount: l.amount })),
    entries: data.funding.map((e) => ({ id: e.id, donor: e.donor, kind: e.kind, amount: e.amount, budgetLineId: e.budgetLineId })),
  };
}

/** What parseAssumption resolves names and ids against: contributors, parties and pledges (none of them confidential). */
export function lookupOf(data: Pick<ForceData, 'contributors' | 'parties' | 'pledges'>): AssumptionLookup {
  return {
    contributors: data.contributors.map((c) => ({ id: c.id, name: c.name })),
    parties: data.parties.map((p) => ({ id: p.id, name: p.name })),
    pledges: data.pledges.map((p) => ({ id: p.id })),
  };
}

/** Contributors × parties: each party's current position the reader may see, or none. */
export function acceptabilityGrid(data: ForceData, visible: readonly Acceptability[]): AcceptabilityGrid {
  const current = new Map(currentAcceptability(visible).map((s) => [JSON.stringify([s.contributorId, s.partyId]), s]));
  return {
    parties: data.parties.map((p) => ({ id: p.id, name: p.name, signatory: isSignatory(p) })),
    rows: data.contributors.map((c) => ({
      contributorId: c.id,
      contributorName: c.name,
      cells: data.parties.map((p) => {
        const s = current.get(JSON.stringify([c.id, p.id]));
        return s
          ? { partyId: p.id, position: s.position, reason: s.reason, statedOn: s.statedOn, audience: s.audience, statementId: s.id }
          : { partyId: p.id, position: null, reason: '', statedOn: null, audience: null, statementId: null };
      }),
    })),
  };
}

/** How people read a clause's place: "Clause 3 of Phase Two text". */
export const clauseLabel = (c: { number: string | null; documentTitle: string }) =>
  c.number ? `Clause ${c.number} of ${c.documentTitle}` : `A clause of ${c.documentTitle}`;

/** A mandate item's clause with its state for the reader, as the negotiation views compute it. */
export interface MandateClause {
  id: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
  label: string;
  status: GroupStatus;
}

/** The overview's rows with the names people read beside their ids. */
export function overviewRows(data: ForceData, phases: readonly Phase[], mandate: readonly ForceMandateItem[], clauses: ReadonlyMap<string, MandateClause>) {
  const sectorName = new Map(data.sectors.map((z) => [z.id, z.name]));
  const phaseName = new Map(phases.map((p) => [p.id, p.name]));
  const contributorName = new Map(data.contributors.map((c) => [c.id, c.name]));
  const sector = (id: string | null) => (id === null ? null : (sectorName.get(id) ?? null));
  return {
    requirements: data.requirements.map((r) => ({ ...r, sectorName: sector(r.sectorId), phaseName: r.phaseId ? (phaseName.get(r.phaseId) ?? null) : null })),
    contributors: data.contributors,
    pledges: data.pledges.map((p) => ({ ...p, contributorName: contributorName.get(p.contributorId) ?? '', sectorName: sector(p.sectorId) })),
    budgetLines: data.budgetLines,
    funding: data.funding,
    mandate: mandate.map((m) => ({ ...m, clause: m.clauseId ? (clauses.get(m.clauseId) ?? null) : null })),
    illustrative: [data.requirements, data.contributors, data.pledges, data.budgetLines, data.funding].some((rows) => rows.some((r) => r.illustrative)),
  };
}
