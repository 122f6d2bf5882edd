/**
 * What evaluateGate reads: plain facts the caller computed beforehand (withdrawal status and
 * indicator streaks in src/core/ground, consensus in src/core/negotiation, gaps in src/core/force),
 * as the reader may see them, and what it answers.
 */
import type { ImplementationStatus } from '../domain.ts';
import type { ForceGaps } from '../force/gaps.ts';
import type { FundingGaps } from '../force/funding.ts';
import type { GroupStatus } from '../negotiation/consensus.ts';
import type { GateCondition } from './conditions.ts';

/** A withdrawal item's status as docs/GATES.md defines it (computed by the ground module). */
export type GateWithdrawalStatus = 'on_time' | 'late' | 'verified' | 'disputed';

export const GATE_WITHDRAWAL_STATUS_LABELS: Record<GateWithdrawalStatus, string> = {
  on_time: 'on time',
  late: 'late',
  verified: 'verified',
  disputed: 'disputed',
};

export interface GateWithdrawalFact {
  id: string;
  /** The force or unit and where it withdraws from, as people read it. */
  label: string;
  phaseId: string;
  status: GateWithdrawalStatus;
  /** When the status began (verification date; day after the deadline when late); null if unknown. */
  since: string | null;
}

export interface GateIndicatorFact {
  id: string;
  label: string;
  period: 'day' | 'week';
  /** Consecutive periods at target up to the newest observation (0 when that one misses). */
  streakPeriods: number;
  /** The first day of the streak; null when there is none. */
  since: string | null;
  latest: { observedOn: string; value: number } | null;
}

/** A verified incident. */
export interface GateViolationFact {
  id: string;
  label: string;
  category: string;
  occurredOn: string;
}

export interface GateClauseFact {
  id: string;
  /** The clause's number or heading, as people read it. */
  label: string;
  status: GroupStatus;
  /** Since when it has been agreed, when known. */
  since?: string | null;
}

export interface GateDocumentFact {
  id: string;
  title: string;
  clauses: readonly GateClauseFact[];
}

export interface GateProvisionFact {
  id: string;
  label: string;
  phaseId: string;
  status: ImplementationStatus;
  /** Since when it has held this status, when known. */
  since?: string | null;
}

export interface GateFacts {
  withdrawals: readonly GateWithdrawalFact[];
  indicators: readonly GateIndicatorFact[];
  /** Verified incidents only. */
  violations: readonly GateViolationFact[];
  documents: readonly GateDocumentFact[];
  provisions: readonly GateProvisionFact[];
  force: ForceGaps;
  funding: FundingGaps;
}

export type GateEvidenceKind = 'withdrawal' | 'indicator' | 'incident' | 'clause' | 'provision' | 'requirement' | 'funding';

/** An item a condition was judged on, for the UI to link to. */
export interface GateEvidence {
  kind: GateEvidenceKind;
  id: string;
  label: string;
  note?: string;
}

/** What a condition's evaluation says; evaluateGate adds its index and the condition. */
export interface GateJudgement {
  met: boolean;
  /** One short sentence, the same words for every reader. */
  detail: string;
  evidence: GateEvidence[];
  /**
   * The first day of the run that makes the condition hold (the newest verification, the streak's
   * start, the day after the last violation); null when not met or not known.
   */
  since: string | null;
}

export interface GateConditionResult extends GateJudgement {
  index: number;
  condition: GateCondition;
}

export interface GateEvaluation {
  /** Every condition met; a gate without conditions passes. */
  passes: boolean;
  conditions: GateConditionResult[];
}
