/**
 * Evaluating a phase gate (docs/GATES.md): each condition judged on plain facts on a given day, and
 * the gate passes when every one is met. The same facts give every reader the same words.
 */
import type { GateCondition } from './conditions.ts';
import { judgeClauses, judgeForce, judgeFunding, judgeProvisions } from './checks-agreement.ts';
import { judgeIndicator, judgeViolations, judgeWithdrawals } from './checks-ground.ts';
import type { GateEvaluation, GateFacts, GateJudgement } from './facts.ts';

/** One condition's judgement; a kind this version does not know (a newer client's) is not met. */
export function judgeCondition(condition: GateCondition, facts: GateFacts, today: string): GateJudgement {
  switch (condition.kind) {
    case 'withdrawal_verified':
      return judgeWithdrawals(condition, facts);
    case 'indicator_at_target':
      return judgeIndicator(condition, facts, today);
    case 'no_verified_violation':
      return judgeViolations(condition, facts, today);
    case 'clauses_agreed':
      return judgeClauses(condition, facts);
    case 'provisions_status':
      return judgeProvisions(condition, facts);
    case 'force_covered':
      return judgeForce(condition, facts);
    case 'funding_committed':
      return judgeFunding(condition, facts);
    default:
      return { met: false, detail: `Unknown condition kind "${String((condition as { kind: unknown }).kind)}"`, evidence: [], since: null };
  }
}

/**
 * The gate on `today` (YYYY-MM-DD, in the agreement's zone): each condition with its index, whether
 * it is met, a one-line detail, the evidence and since when it has held. A gate without conditions passes.
 */
export function evaluateGate(conditions: readonly GateCondition[], facts: GateFacts, today: string): GateEvaluation {
  const results = conditions.map((condition, index) => ({ index, condition, ...judgeCondition(condition, facts, today) }));
  return { passes: results.every((r) => r.met), conditions: results };
}
