/**
 * The facts a gate is judged on (core's GateFacts), gathered for one reader: the ground's withdrawal
 * statuses and indicator streaks (svc.ground), verified violations, each document's clauses with the
 * consensus of the stances the reader may see, each phase's provisions, and the force's and funding's
 * gaps from the positions the reader may see (svc.force), under what-if assumptions when given.
 */
import {
  INCIDENT_CATEGORY_LABELS,
  type Agreement,
  type AssumptionLookup,
  type ForceAssumption,
  type ForceGaps,
  type ForceGapsInput,
  type FundingGaps,
  type GateFacts,
  type GateIndicatorFact,
  type GateWithdrawalFact,
  type Principal,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { clauseStandings } from '../negotiation/document-view.ts';

/** What the ground service gives a gate. */
export interface GroundFacts {
  gateFacts(agreementId: string): Promise<{ withdrawals: readonly GateWithdrawalFact[]; indicators: readonly GateIndicatorFact[] }>;
}

/** What the force service gives a gate: gaps as a reader sees them (null: the full picture), under assumptions. */
export interface ForceFacts {
  gapsFor(agreementId: string, principal: Principal | null, assumptions: readonly ForceAssumption[]): Promise<{ force: ForceGaps; funding: FundingGaps; input: ForceGapsInput }>;
  assumptionLookup(agreementId: string): Promise<AssumptionLookup>;
}

/** The full picture: every stance and position, as the mediators see them. */
export const FULL_VIEW: Principal = { kind: 'user', userId: 'mediators', name: 'mediators', admin: true, memberships: [] };

const DAY_MS = 86_400_000;
/** Verified violations are read this far back: a condition looks at most a year back (GATE_MAX_DAYS), plus the zone's offset. */
const VIOLATION_LOOKBACK_DAYS = 368;

const categoryLabel = (category: string) => (INCIDENT_CATEGORY_LABELS as Record<string, string>)[category] ?? category;

export function gateFactSources(deps: { repos: Repositories; ground: GroundFacts; force: ForceFacts }) {
  const { repos, ground, force } = deps;

  /** Documents with each clause's status as `reader` sees it; clauses named by number, else by their place. */
  async function documents(agreement: Agreement, reader: Principal): Promise<GateFacts['documents']> {
    const [docs, stances, parties] = await Promise.all([repos.documents.list(agreement.id), repos.stances.ofAgreement(agreement.id), repos.parties.list(agreement.id)]);
    const clauses = await repos.clauses.listIn(docs.map((d) => d.id));
    const standings = clauseStandings(reader, agreement.id, { documents: docs, clauses, stances, parties });
    return docs.map((d) => ({
      id: d.id,
      title: d.title,
      clauses: standings
        .filter((s) => s.documentId === d.id)
        .map((s, i) => ({ id: s.clauseId, label: s.number ? `§${s.number}` : `clause ${i + 1}`, status: s.status, since: null })),
    }));
  }

  return {
    /**
     * The facts as `reader` may see them (null: the full picture) on the clock's `now`, with the
     * force's gaps under `assumptions`. Reads only: never inside a write's transaction.
     */
    async facts(agreement: Agreement, reader: Principal | null, now: Date, assumptions: readonly ForceAssumption[] = []): Promise<GateFacts> {
      const since = new Date(now.getTime() - VIOLATION_LOOKBACK_DAYS * DAY_MS);
      const [groundFacts, gaps, violations, docs, provisions] = await Promise.all([
        ground.gateFacts(agreement.id),
        force.gapsFor(agreement.id, reader, assumptions),
        repos.gates.verifiedViolations(agreement.id, since, agreement.timeZone),
        documents(agreement, reader ?? FULL_VIEW),
        repos.provisions.list(agreement.id),
      ]);
      return {
        withdrawals: groundFacts.withdrawals,
        indicators: groundFacts.indicators,
        violations: violations.map((v) => ({
          id: v.id,
          label: `${categoryLabel(v.category)}${v.place ? ` at ${v.place}` : ''} on ${v.occurredOn}`,
          category: v.category,
          occurredOn: v.occurredOn,
        })),
        documents: docs,
        provisions: provisions.map((p) => ({ id: p.id, label: p.code ? `${p.code} ${p.title}` : p.title, phaseId: p.phaseId, status: p.status })),
        force: gaps.force,
        funding: gaps.funding,
      };
    },
  };
}
export type GateFactSources = ReturnType<typeof gateFactSources>;
