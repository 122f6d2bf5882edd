/**
 * The facts the collapse risk is computed from (core's RiskFacts), gathered as of one day: first what
 * every reader shares (verified incidents, the escalation fit, the precedents, provisions, deadlines),
 * then, per reader, what depends on what they may see (clause consensus from the stances they may see
 * stated by the as-of day, the next phase's gate judged on their facts, the force's gaps).
 * Statuses (provisions, withdrawals, the force) are as they stand now: Phaseline keeps no history of them.
 */
import {
  addDays,
  dayStart,
  evaluateGate,
  localDate,
  parseGateConditions,
  type Agreement,
  type AgreementRole,
  type Audience,
  type GateFacts,
  type Principal,
  type ProvisionCategory,
  type RiskEscalationFact,
  type RiskFacts,
  type RiskPrecedentsFact,
} from '../../core/index.ts';
import { RISK_CLAUSE_HORIZON_DAYS, RISK_PRECEDENT_DAYS, RISK_TREND_DAYS } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { clauseStandings } from '../negotiation/document-view.ts';

/** What the risk reads of the forecast: the escalation fit as of a day. */
export interface RiskForecastSource {
  agreement(ref: string, asOf?: string): Promise<{ escalation: RiskEscalationFact }>;
}

/** What the risk reads of the precedents: the base rate of those sharing the agreement's provision types. */
export interface RiskPrecedentsSource {
  baseRate(categories: readonly ProvisionCategory[], days: number): Promise<{ rate: number | null; n: number; types: string[]; label: string; source: string }>;
}

/** What the risk reads of the gates: the facts (ground, force, documents, provisions) as a reader may see them. */
export interface RiskGatesSource {
  forMatrix(agreement: Agreement, reader: Principal): Promise<{ facts: GateFacts }>;
}

/** An audience of the history: everyone's view, the mediators', or one party's circle. */
export interface RiskAudience {
  audience: Audience;
  partyId: string | null;
}

/** A reader standing for an audience: a viewer, a mediator, or a delegate of the party. Never an account. */
export function audiencePrincipal(agreementId: string, { audience, partyId }: RiskAudience): Principal {
  const role: AgreementRole = audience === 'mediators' ? 'mediator' : audience === 'party' ? 'party_delegate' : 'viewer';
  return { kind: 'user', userId: `risk:${audience}:${partyId ?? ''}`, name: `The ${audience} view`, admin: false, memberships: [{ agreementId, role, partyId: audience === 'party' ? partyId : null }] };
}

const DAY_MS = 86_400_000;

export function riskFactSources(deps: { repos: Repositories; clock: Clock; forecast: RiskForecastSource; precedents: RiskPrecedentsSource; gates: RiskGatesSource }) {
  const { repos, clock } = deps;

  /** The as-of instant: now when the day is today, else the last instant of that day. */
  function instantOf(agreement: Agreement, asOf: string): Date {
    const now = clock.now();
    return asOf === localDate(now, agreement.timeZone) ? now : new Date(dayStart(addDays(asOf, 1), agreement.timeZone).getTime() - 1);
  }

  /** What every reader shares, read once per as-of day. */
  async function shared(agreement: Agreement, asOf: string) {
    const now = instantOf(agreement, asOf);
    const tz = agreement.timeZone;
    const [violations, provisions, withdrawalItems, phases, gates, docs, stances, parties, budgetLines] = await Promise.all([
      repos.gates.verifiedViolations(agreement.id, dayStart(addDays(asOf, -(2 * RISK_TREND_DAYS - 1)), tz), tz),
      repos.provisions.list(agreement.id),
      repos.ground.withdrawalItems.list(agreement.id),
      repos.phases.list(agreement.id),
      repos.gates.list(agreement.id),
      repos.documents.list(agreement.id),
      repos.stances.ofAgreement(agreement.id),
      repos.parties.list(agreement.id),
      repos.force.budgetLines.list(agreement.id),
    ]);
    const clauses = await repos.clauses.listIn(docs.map((d) => d.id));
    const categories = [...new Set(provisions.map((p) => p.category))].sort();
    const [forecast, base] = await Promise.all([deps.forecast.agreement(agreement.id, asOf), deps.precedents.baseRate(categories, RISK_PRECEDENT_DAYS)]);
    const dayOf = (instant: string | null) => (instant ? localDate(new Date(instant), tz) : null);
    const next = phases.find((p) => p.status === 'planned' || p.status === 'negotiating') ?? null;
    const nextGate = next ? gates.find((g) => g.phaseId === next.id) : undefined;
    const parsed = nextGate ? parseGateConditions(nextGate.conditions) : null;
    const precedents: RiskPrecedentsFact = { ...base, days: RISK_PRECEDENT_DAYS };
    return {
      now,
      nextPhase: next,
      nextConditions: parsed?.ok ? parsed.value : [],
      // Stances stated after the as-of day had not been taken then (the day the party stated it, not when it was entered).
      negotiation: { documents: docs, clauses, stances: stances.filter((s) => s.statedOn <= asOf), parties },
      base: {
        asOf,
        now: now.toISOString(),
        verifiedDays: violations.map((v) => v.occurredOn).filter((d) => d <= asOf),
        escalation: pickEscalation(forecast.escalation),
        provisions: provisions.map((p) => ({ id: p.id, label: p.code ? `${p.code} ${p.title}` : p.title, status: p.status, deadline: p.deadline, deadlineDay: dayOf(p.deadline) })),
        withdrawalItems,
        precedents,
        currency: budgetLines[0]?.currency ?? null,
      },
    };
  }
  type Shared = Awaited<ReturnType<typeof shared>>;

  /** The facts as `reader` may see them, on what every reader shares. */
  async function forReader(agreement: Agreement, s: Shared, reader: Principal): Promise<RiskFacts> {
    const { facts: gateFacts } = await deps.gates.forMatrix(agreement, reader);
    const standings = clauseStandings(reader, agreement.id, s.negotiation);
    const titles = new Map(s.negotiation.documents.map((d) => [d.id, d.title]));
    const place = new Map<string, number>();
    const clauses = standings.map((c) => {
      const n = (place.get(c.documentId) ?? 0) + 1;
      place.set(c.documentId, n);
      const label = `${titles.get(c.documentId) ?? 'Document'} ${c.number ? `§${c.number}` : `clause ${n}`}`;
      return { ...c, label, n };
    });
    // The gate is judged on the reader's facts as of the day: violations up to it, clause consensus then.
    const facts: GateFacts = {
      ...gateFacts,
      violations: gateFacts.violations.filter((v) => v.occurredOn <= s.base.asOf),
      documents: s.negotiation.documents.map((d) => ({
        id: d.id,
        title: d.title,
        clauses: clauses.filter((c) => c.documentId === d.id).map((c) => ({ id: c.clauseId, label: c.number ? `§${c.number}` : `clause ${c.n}`, status: c.status, since: null })),
      })),
    };
    const evaluation = s.nextPhase ? evaluateGate(s.nextConditions, facts, s.base.asOf) : null;
    const statusOf = new Map(gateFacts.withdrawals.map((w) => [w.id, w]));
    const deadlineDay = (d: string | Date | null) => (d === null ? null : localDate(new Date(d), agreement.timeZone));
    return {
      asOf: s.base.asOf,
      now: s.base.now,
      verifiedDays: s.base.verifiedDays,
      escalation: s.base.escalation,
      provisions: s.base.provisions,
      clauses: clauses.map((c) => {
        const deadline = c.deadline === null ? null : new Date(c.deadline).toISOString();
        return { id: c.clauseId, label: c.label, status: c.status, deadline, deadlineDay: deadlineDay(deadline) };
      }),
      withdrawals: s.base.withdrawalItems.map((w) => ({ id: w.id, label: statusOf.get(w.id)?.label ?? w.force, deadline: w.deadline, verified: statusOf.get(w.id)?.status === 'verified' })),
      gate: s.nextPhase && evaluation ? { phaseId: s.nextPhase.id, phaseName: s.nextPhase.name, conditions: evaluation.conditions.map((c) => ({ label: c.condition.label, met: c.met })) } : null,
      force: { required: gateFacts.force.totals.required, gap: gateFacts.force.totals.gap },
      funding: { budget: gateFacts.funding.budget, commitmentGap: gateFacts.funding.commitmentGap, currency: s.base.currency },
      precedents: s.base.precedents,
    };
  }

  /**
   * Until when a view computed now holds without a write: the agreement's next midnight, or sooner
   * the next deadline a part counts differently after (a provision's or clause's, or a clause's
   * entering the 14 days).
   */
  function validUntil(agreement: Agreement, facts: RiskFacts): Date {
    const now = Date.parse(facts.now);
    const midnight = dayStart(addDays(localDate(new Date(now), agreement.timeZone), 1), agreement.timeZone).getTime();
    const instants = [
      ...facts.provisions.flatMap((p) => (p.deadline ? [Date.parse(p.deadline) + 1] : [])),
      ...facts.clauses.flatMap((c) => (c.deadline ? [Date.parse(c.deadline) + 1, Date.parse(c.deadline) - RISK_CLAUSE_HORIZON_DAYS * DAY_MS + 1] : [])),
    ].filter((t) => t > now);
    return new Date(Math.min(midnight, ...instants));
  }

  return { instantOf, shared, forReader, validUntil };
}

function pickEscalation(e: RiskEscalationFact): RiskEscalationFact {
  return { fitted: e.fitted, reason: e.reason, events: e.events, branchingRatio: e.branchingRatio, dimensions: e.dimensions.map((d) => ({ key: d.key, label: d.label })), adjacency: e.adjacency };
}
