/**
 * The stabilization force (docs/GATES.md): its versioned rows (force-parts.ts), the parties' positions
 * on contributors under audiences (as stances: a position's audit entry carries its audience, so the
 * audit log hides it from those outside), and the gaps each reader may see, with assumptions applied
 * and nothing saved. The gaps themselves are core's (forceGaps, fundingGaps, applyAssumptions).
 */
import type { AcceptabilityCreate, AcceptabilityList, ForceGapsAnswer, ForceOverview, Parsed } from '../../contract/index.ts';
import {
  applyAssumptions,
  DomainError,
  ForbiddenError,
  forceGaps,
  fundingGaps,
  mayWriteFor,
  parseAssumptions,
  type AssumptionLookup,
  type ForceAssumption,
  type ForceGaps,
  type ForceGapsInput,
  type FundingGaps,
  type Principal,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Acceptability } from '../../db/repositories/force.repository.ts';
import type { Clock } from '../clock.ts';
import { clauseStandings } from '../negotiation/document-view.ts';
import { checkReferences } from '../references.ts';
import type { Actor, Write } from '../write.ts';
import { checkForceIds, forceParts } from './force-parts.ts';
import {
  acceptabilityGrid,
  clauseLabel,
  FULL_PICTURE,
  fundingInput,
  gapInput,
  loadForce,
  lookupOf,
  overviewRows,
  visibleStatements,
  type ForceData,
  type MandateClause,
} from './force-read.ts';

const ACCEPTABILITY = 'contributor_acceptability';

/** What gapsFor answers: the force's and the money's gaps, and the gap input they came from (after the assumptions). */
export interface ForceGapsResult {
  force: ForceGaps;
  funding: FundingGaps;
  input: ForceGapsInput;
}

/** Gaps from data already read, as `reader` sees them (null: the full picture). */
function computeGaps(data: ForceData, reader: Principal | null, assumptions: readonly ForceAssumption[]): ForceGapsResult {
  const input = applyAssumptions(gapInput(data, visibleStatements(reader, data)), assumptions);
  return { force: forceGaps(input), funding: fundingGaps(fundingInput(data)), input };
}

/** The assumptions in their text form, or a 400 naming `assume` with every message. */
function parsedAssumptions(texts: readonly string[], lookup: AssumptionLookup): ForceAssumption[] {
  const parsed = parseAssumptions(texts, lookup);
  if (parsed.ok) return parsed.value;
  throw new DomainError('validation_failed', `Invalid request: assume: ${parsed.message}`, { issues: [{ path: 'assume', message: parsed.message }] });
}

export function forceService({ repos, write }: { repos: Repositories; write: Write; clock: Clock }) {
  const parts = forceParts({ repos, write });
  const agreementIdOf = async (ref: string) => (await repos.agreements.get(ref)).id;

  async function historyView(statements: readonly Acceptability[]) {
    const names = await repos.accounts.namesOf(statements.flatMap((s) => (s.authorId ? [s.authorId] : [])));
    return statements.map(({ agreementId: _agreementId, ...s }) => ({
      ...s,
      authorName: s.authorId ? (names.get(s.authorId) ?? null) : null,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  /** The clauses mandate items name, each with its label and its consensus as the reader sees it. */
  async function mandateClauses(agreementId: string, reader: Principal | null, clauseIds: ReadonlySet<string>): Promise<Map<string, MandateClause>> {
    if (clauseIds.size === 0) return new Map();
    const [documents, stances, parties] = await Promise.all([
      repos.documents.list(agreementId),
      repos.stances.ofAgreement(agreementId),
      repos.parties.list(agreementId),
    ]);
    const clauses = (await repos.clauses.listIn(documents.map((d) => d.id))).filter((c) => clauseIds.has(c.id));
    const standings = clauseStandings(reader ?? FULL_PICTURE, agreementId, { documents, clauses, stances, parties });
    return new Map(
      standings.map((c) => [
        c.clauseId,
        { id: c.clauseId, documentId: c.documentId, documentTitle: c.documentTitle, number: c.number, label: clauseLabel(c), status: c.status },
      ]),
    );
  }

  return {
    ...parts,

    /**
     * The gaps as `principal` sees them (null: the full picture, as the mediators see it), with the
     * assumptions applied in order; nothing is saved. The gates read this.
     */
    async gapsFor(agreementId: string, principal: Principal | null, assumptions: readonly ForceAssumption[]): Promise<ForceGapsResult> {
      return computeGaps(await loadForce(repos, await agreementIdOf(agreementId)), principal, assumptions);
    },

    /** What an assumption's text form resolves names and ids against (parseAssumption, parseAssumptions). */
    async assumptionLookup(agreementId: string): Promise<AssumptionLookup> {
      const id = await agreementIdOf(agreementId);
      const [contributors, parties, pledges] = await Promise.all([repos.force.contributors.list(id), repos.parties.list(id), repos.force.pledges.list(id)]);
      return lookupOf({ contributors, parties, pledges });
    },

    /** The gaps with assumptions in their text form (`withdraw:<contributor>`...): 400 naming `assume` when one does not parse. */
    async gaps(ref: string, principal: Principal | null, texts: readonly string[]): Promise<ForceGapsAnswer> {
      const data = await loadForce(repos, await agreementIdOf(ref));
      const assumptions = parsedAssumptions(texts, lookupOf(data));
      const { force, funding } = computeGaps(data, principal, assumptions);
      return { assumptions, force, funding };
    },

    /** Everything about the force the reader may see (null: the full picture). */
    async overview(ref: string, principal: Principal | null): Promise<ForceOverview> {
      const agreementId = await agreementIdOf(ref);
      const [data, phases, mandate] = await Promise.all([loadForce(repos, agreementId), repos.phases.list(agreementId), repos.force.mandate.list(agreementId)]);
      const clauses = await mandateClauses(agreementId, principal, new Set(mandate.flatMap((m) => (m.clauseId ? [m.clauseId] : []))));
      const visible = visibleStatements(principal, data);
      const { force, funding } = computeGaps(data, principal, []);
      return {
        agreementId,
        ...overviewRows(data, phases, mandate, clauses),
        acceptability: acceptabilityGrid(data, visible),
        gaps: force,
        fundingGaps: funding,
      };
    },

    /** The positions the reader may see (newest first) and the current grid from them. */
    async acceptability(ref: string, principal: Principal | null): Promise<AcceptabilityList> {
      const data = await loadForce(repos, await agreementIdOf(ref));
      const visible = visibleStatements(principal, data);
      return { items: await historyView(visible), grid: acceptabilityGrid(data, visible) };
    },

    /** Records a party's position on a contributor; a delegate only for its own party, never for the mediators' room. */
    async addAcceptability(ref: string, input: Parsed<typeof AcceptabilityCreate>, principal: Principal, actor: Actor) {
      const row = await write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        await checkReferences(tx, agreementId, [{ path: 'partyId', kind: 'party', id: input.partyId }]);
        await checkForceIds(tx, agreementId, [{ path: 'contributorId', kind: 'contributor', id: input.contributorId }]);
        if (!mayWriteFor(principal, agreementId, { audience: input.audience, partyId: input.partyId })) {
          throw new ForbiddenError("A party's delegates state only their own party's positions, for its circle or for everyone; the mediators state any");
        }
        const inserted = await tx.force.acceptability.insert({
          agreementId,
          contributorId: input.contributorId,
          partyId: input.partyId,
          position: input.position,
          reason: input.reason,
          statedOn: input.statedOn,
          audience: input.audience,
          authorId: actor.id,
        });
        // The entry carries audience and party: the audit log hides it from those outside (confidentialScopes).
        await record({ action: 'create', entity: ACCEPTABILITY, entityId: inserted.id, agreementId, before: null, after: inserted });
        return inserted;
      });
      return (await historyView([row]))[0]!;
    },
  };
}
export type ForceService = ReturnType<typeof forceService>;
