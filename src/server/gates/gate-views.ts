/**
 * A gate's evaluation and a phase's transitions as one reader may read them: evidence only of what
 * the reader may open (incidents need incident:read), and, in a transition recorded from the
 * mediators' view, no detail of the conditions that depend on what a reader may see.
 */
import type { GateEvaluationView, PhaseTransitionView } from '../../contract/index.ts';
import { can, type Agreement, type GateConditionKind, type GateEvaluation, type Principal } from '../../core/index.ts';
import type { PhaseTransition } from '../../db/index.ts';

/** Conditions judged on what a reader may see (clause consensus, objections behind force gaps). */
const READER_DEPENDENT: ReadonlySet<GateConditionKind> = new Set(['clauses_agreed', 'force_covered']);

/** The evaluation less the evidence the reader may not open (null: the full picture, for those who advance phases). */
export function evaluationFor(evaluation: GateEvaluation | GateEvaluationView, reader: Principal | null, agreement: Agreement): GateEvaluationView {
  const incidents = reader === null || can(reader, 'incident:read', agreement);
  return {
    passes: evaluation.passes,
    conditions: evaluation.conditions.map((c) => ({ ...c, evidence: c.evidence.filter((e) => incidents || e.kind !== 'incident') })),
  } as GateEvaluationView;
}

/**
 * A transition as the reader may read it. Its evaluation is the mediators' view when the phase
 * advanced: a reader who may not advance phases sees whether each condition was met, but not the
 * detail or evidence of those that depend on stances and positions outside their audiences.
 */
export function transitionFor(row: PhaseTransition, reader: Principal | null, agreement: Agreement): PhaseTransitionView {
  const stored = row.evaluation as GateEvaluationView;
  const mediator = reader === null || can(reader, 'phase:advance', agreement);
  const evaluation = evaluationFor(
    {
      passes: stored.passes,
      conditions: stored.conditions.map((c) =>
        mediator || !READER_DEPENDENT.has(c.condition.kind) ? c : { ...c, detail: 'As the mediators saw it when the phase advanced', evidence: [] },
      ),
    },
    reader,
    agreement,
  );
  return {
    id: row.id,
    phaseId: row.phaseId,
    fromStatus: row.fromStatus as PhaseTransitionView['fromStatus'],
    toStatus: row.toStatus as PhaseTransitionView['toStatus'],
    gatePassed: row.gatePassed,
    overridden: row.overridden,
    reason: row.reason,
    actorName: row.actorName,
    at: row.at.toISOString(),
    evaluation,
  };
}
