/**
 * Phase gates (docs/GATES.md): each phase's conditions, evaluated for the reader from what they may
 * see; set and removed with their audit entries; advancing a phase through its gate (evaluated on the
 * full picture), or over a failing one with a reason; and what if, the gates and gaps under
 * assumptions, nothing saved.
 */
import { isStorableJson, STORABLE_TEXT_MESSAGE, type GatePut, type GateView, type Parsed, type PhaseAdvance, type PhaseAdvanced, type PhaseGatesView, type PhaseGateView, type PhaseTransitionView, type WhatIfAnswer } from '../../contract/index.ts';
import {
  addDays,
  ConflictError,
  dayStart,
  DomainError,
  evaluateGate,
  NotFoundError,
  localDate,
  parseAssumptions,
  parseGateConditions,
  staleVersion,
  type Agreement,
  type AssumptionLookup,
  type ForceAssumption,
  type GateCondition,
  type GateEvaluation,
  type GateFacts,
  type Phase,
  type Principal,
  type RuleIssue,
} from '../../core/index.ts';
import type { PhaseGate, PhaseTransition, Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Write } from '../write.ts';
import { gateFactSources, type ForceFacts, type GroundFacts } from './gate-facts.ts';
import { evaluationFor, transitionFor } from './gate-views.ts';

/** A 400 naming each field, as request validation gives one. */
function invalid(issues: RuleIssue[]): never {
  throw new DomainError('validation_failed', `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** The stored conditions (checked when written); a row edited by hand is read as far as it parses. */
function conditionsOf(gate: PhaseGate | null): GateCondition[] {
  if (!gate) return [];
  const parsed = parseGateConditions(gate.conditions);
  return parsed.ok ? parsed.value : [];
}

function gateView(gate: PhaseGate): GateView {
  return { id: gate.id, phaseId: gate.phaseId, conditions: conditionsOf(gate), version: gate.version, createdAt: gate.createdAt.toISOString(), updatedAt: gate.updatedAt.toISOString() } as GateView;
}

/** An assumption in words, with the names of what it names. */
function assumptionLabel(a: ForceAssumption, lookup: AssumptionLookup): string {
  const name = (list: ReadonlyArray<{ id: string; name: string }>, id: string) => list.find((x) => x.id === id)?.name ?? id;
  if (a.kind === 'withdraw') return `${name(lookup.contributors, a.contributorId)} withdraws its pledges`;
  if (a.kind === 'object') return `${name(lookup.parties, a.partyId)} objects to ${name(lookup.contributors, a.contributorId)}`;
  return `Pledge ${a.pledgeId} reaches Level 3`;
}

export function gatesService(deps: { repos: Repositories; write: Write; clock: Clock; ground: GroundFacts; force: ForceFacts }) {
  const { repos, write, clock } = deps;
  const sources = gateFactSources(deps);
  const todayIn = (agreement: Agreement) => localDate(clock.now(), agreement.timeZone);
  /** Gates read today's date: a view of them holds until the agreement's next midnight. */
  const nextMidnight = (agreement: Agreement) => dayStart(addDays(todayIn(agreement), 1), agreement.timeZone);

  /** Each phase (in order, or the one asked) with its gate evaluated on `facts`, as `reader` may read it. */
  async function views(agreement: Agreement, reader: Principal, facts: GateFacts, only?: Phase): Promise<PhaseGateView[]> {
    const [phases, gates, latest] = await Promise.all([
      only ? [only] : repos.phases.list(agreement.id),
      repos.gates.list(agreement.id),
      repos.gates.latestTransitions(agreement.id),
    ]);
    const today = todayIn(agreement);
    return phases.map((phase) => {
      const gate = gates.find((g) => g.phaseId === phase.id) ?? null;
      const last = latest.get(phase.id);
      return {
        phase,
        gate: gate && gateView(gate),
        today,
        evaluation: evaluationFor(evaluateGate(conditionsOf(gate), facts, today), reader, agreement),
        lastTransition: last ? transitionFor(last, reader, agreement) : null,
      } as PhaseGateView;
    });
  }

  /** The ids the conditions name must be of this agreement: 400 naming each that is not. */
  async function checkNamedIds(agreement: Agreement, conditions: readonly GateCondition[]): Promise<void> {
    const [phases, documents, ground] = await Promise.all([
      repos.phases.list(agreement.id),
      repos.documents.list(agreement.id),
      conditions.some((c) => c.kind === 'indicator_at_target') ? deps.ground.gateFacts(agreement.id) : null,
    ]);
    const known = {
      phase: new Set(phases.map((p) => p.id)),
      document: new Set(documents.map((d) => d.id)),
      indicator: new Set((ground?.indicators ?? []).map((i) => i.id)),
    };
    const issues = conditions.flatMap((c, i): RuleIssue[] => {
      const path = `conditions.${i}`;
      if ((c.kind === 'withdrawal_verified' || c.kind === 'provisions_status') && !known.phase.has(c.phaseId)) return [{ path: `${path}.phaseId`, message: 'is not a phase of this agreement' }];
      if (c.kind === 'clauses_agreed' && !known.document.has(c.documentId)) return [{ path: `${path}.documentId`, message: 'is not a negotiated document of this agreement' }];
      if (c.kind === 'indicator_at_target' && !known.indicator.has(c.indicatorId)) return [{ path: `${path}.indicatorId`, message: 'is not an indicator of this agreement' }];
      return [];
    });
    if (issues.length > 0) invalid(issues);
  }

  /** One phase's gate for the reader; 404 when the phase has none (every phase's, gate or not, is in gates()). */
  async function gate(agreement: Agreement, phaseId: string, reader: Principal): Promise<PhaseGateView> {
    const phase = await repos.phases.get(agreement.id, phaseId);
    if (!(await repos.gates.find(agreement.id, phaseId))) throw new NotFoundError('Gate of phase', phaseId);
    const facts = await sources.facts(agreement, reader, clock.now());
    return (await views(agreement, reader, facts, phase))[0]!;
  }

  return {
    nextMidnight,

    gate,

    /** Every phase's gate for the reader. */
    async gates(agreement: Agreement, reader: Principal): Promise<PhaseGatesView> {
      const facts = await sources.facts(agreement, reader, clock.now());
      return { today: todayIn(agreement), items: await views(agreement, reader, facts) };
    },

    /** A phase's advances, newest first. */
    async transitions(agreement: Agreement, phaseId: string, reader: Principal): Promise<{ items: PhaseTransitionView[] }> {
      await repos.phases.get(agreement.id, phaseId);
      const rows = await repos.gates.transitions(agreement.id, phaseId);
      return { items: rows.map((r) => transitionFor(r, reader, agreement)) };
    },

    /** The force's gaps and every gate under the assumptions (CLI form), as the reader sees them; nothing is saved. */
    async whatIf(agreement: Agreement, texts: readonly string[], reader: Principal): Promise<WhatIfAnswer> {
      const lookup = await deps.force.assumptionLookup(agreement.id);
      const parsed = parseAssumptions(texts, lookup);
      if (!parsed.ok) invalid([{ path: 'assume', message: parsed.message }]);
      const assumptions = parsed.value;
      const facts = await sources.facts(agreement, reader, clock.now(), assumptions);
      return {
        assumptions: assumptions.map((a, i) => ({ ...a, text: texts[i]!, label: assumptionLabel(a, lookup) })),
        force: facts.force,
        funding: facts.funding,
        gates: await views(agreement, reader, facts),
      } as WhatIfAnswer;
    },

    /** What the matrix shows of gates and the ground for the reader: each phase's evaluation, withdrawal items, gaps. */
    async forMatrix(agreement: Agreement, reader: Principal): Promise<{ evaluations: Map<string, GateEvaluation>; facts: GateFacts; timeBound: boolean }> {
      const [facts, gates] = await Promise.all([sources.facts(agreement, reader, clock.now()), repos.gates.list(agreement.id)]);
      const today = todayIn(agreement);
      const evaluations = new Map(gates.map((g) => [g.phaseId, evaluateGate(conditionsOf(g), facts, today)]));
      return { evaluations, facts, timeBound: gates.length > 0 || facts.withdrawals.length > 0 };
    },

    /** A phase's gate as stored, or null. */
    async current(ref: string, phaseId: string): Promise<GateView | null> {
      const agreement = await repos.agreements.get(ref);
      await repos.phases.get(agreement.id, phaseId);
      const gate = await repos.gates.find(agreement.id, phaseId);
      return gate && gateView(gate);
    },

    /** Sets a phase's conditions (creating its gate, or at the version read); answers the gate as `reader` reads it. */
    async put(ref: string, phaseId: string, input: Parsed<typeof GatePut>, actor: Actor, reader: Principal): Promise<PhaseGateView> {
      const agreement = await repos.agreements.get(ref);
      await repos.phases.get(agreement.id, phaseId);
      const parsed = parseGateConditions(input.conditions);
      if (!parsed.ok) invalid(parsed.issues);
      // The API's contract checks this too; the CLI comes here directly.
      if (!isStorableJson(parsed.value)) invalid([{ path: 'conditions', message: STORABLE_TEXT_MESSAGE }]);
      // Read before the write: the ground's facts are not read on the write's transaction.
      await checkNamedIds(agreement, parsed.value);
      await write(actor, async ({ repos: tx, record }) => {
        const { before, after } = await tx.gates.put(agreement.id, phaseId, parsed.value, input.version);
        await record({ action: before ? 'update' : 'create', entity: 'gate', entityId: after.id, agreementId: agreement.id, before, after });
      });
      return gate(agreement, phaseId, reader);
    },

    /** Removes a phase's gate at the version read: the phase may then be set active by editing it. */
    remove: async (ref: string, phaseId: string, version: number, actor: Actor): Promise<string> => {
      const agreement = await repos.agreements.get(ref);
      await repos.phases.get(agreement.id, phaseId);
      return write(actor, async ({ repos: tx, record }) => {
        const before = await tx.gates.remove(agreement.id, phaseId, version);
        await record({ action: 'delete', entity: 'gate', entityId: before.id, agreementId: agreement.id, before, after: null });
        return before.id;
      });
    },

    /**
     * Advances a phase: its gate evaluated on the full picture (the mediators' view) must pass, unless
     * `override` with a reason. The phase becomes active, the phases active before it completed, and a
     * transition records what happened; the audit log names an override and its reason.
     */
    async advance(ref: string, phaseId: string, input: Parsed<typeof PhaseAdvance>, actor: Actor): Promise<PhaseAdvanced> {
      const agreement = await repos.agreements.get(ref);
      const phase = await repos.phases.get(agreement.id, phaseId);
      if (input.override && input.reason === '') invalid([{ path: 'reason', message: 'is required to override a failing gate' }]);
      if (phase.version !== input.version) throw staleVersion('Phase', phaseId, input.version, phase.version);
      if (phase.status === 'active') throw new ConflictError('already_active', `Phase "${phase.name}" is already active`, { phaseId });
      const now = clock.now();
      const gate = await repos.gates.find(agreement.id, phaseId);
      const evaluation = evaluateGate(conditionsOf(gate), await sources.facts(agreement, null, now), localDate(now, agreement.timeZone));
      const failing = evaluation.conditions.filter((c) => !c.met);
      if (!evaluation.passes && !input.override) {
        throw new ConflictError(
          'gate_failing',
          `The gate of phase "${phase.name}" fails: ${failing.map((c) => `${c.condition.label} (${c.detail})`).join('; ')}. Advance it with override and a reason to go on anyway`,
          { phaseId, failing: failing.map((c) => ({ index: c.index, kind: c.condition.kind, label: c.condition.label, detail: c.detail })) },
        );
      }
      const overridden = !evaluation.passes;
      return write(actor, async ({ repos: tx, record }) => {
        const completed: Phase[] = [];
        for (const other of await tx.phases.list(agreement.id)) {
          if (other.id === phaseId || other.status !== 'active') continue;
          const after = await tx.phases.update(agreement.id, other.id, other.version, { status: 'completed' });
          await record({ action: 'update', entity: 'phase', entityId: other.id, agreementId: agreement.id, before: other, after });
          completed.push(after);
        }
        const before = await tx.phases.get(agreement.id, phaseId);
        const after = await tx.phases.update(agreement.id, phaseId, input.version, { status: 'active' });
        await record({ action: 'update', entity: 'phase', entityId: phaseId, agreementId: agreement.id, before, after });
        const transition: PhaseTransition = await tx.gates.insertTransition({
          agreementId: agreement.id,
          phaseId,
          fromStatus: before.status,
          toStatus: 'active',
          gatePassed: evaluation.passes,
          overridden,
          reason: input.reason,
          evaluation,
          actorId: actor.id,
          actorName: actor.name,
          at: now,
        });
        await record({
          action: 'create',
          entity: 'phase_transition',
          entityId: transition.id,
          agreementId: agreement.id,
          before: null,
          // Not the evaluation's details or evidence: the audit log is read by every party, and those of
          // clause and force conditions come from positions outside their audiences (transitionFor hides them too).
          after: {
            id: transition.id,
            phaseId,
            phaseName: phase.name,
            fromStatus: transition.fromStatus,
            toStatus: transition.toStatus,
            gatePassed: transition.gatePassed,
            overridden,
            override: overridden,
            reason: input.reason,
            actorName: transition.actorName,
            at: transition.at,
            conditions: evaluation.conditions.map((c) => ({ kind: c.condition.kind, label: c.condition.label, met: c.met })),
            failing: failing.map((c) => c.condition.label),
          },
        });
        return { phase: after, completed, transition: transitionFor(transition, null, agreement) };
      });
    },
  };
}
export type GatesService = ReturnType<typeof gatesService>;
