/**
 * What the collapse risk is computed from: plain facts the server gathered beforehand for one reader
 * as of one day (docs/FORECAST.md). Instants are ISO strings; days are YYYY-MM-DD in the agreement's
 * time zone. Nothing here reads the clock.
 */
import type { ImplementationStatus } from '../domain.ts';
import type { GroupStatus } from '../negotiation/consensus.ts';

/** The escalation model's fit, as the forecast gives it; null in RiskFacts when no forecast is available. */
export interface RiskEscalationFact {
  fitted: boolean;
  /** Why there is no fit; null when fitted. */
  reason: string | null;
  events: number;
  branchingRatio: number | null;
  /** Party id or "unattributed", with its name. */
  dimensions: ReadonlyArray<{ key: string; label: string }>;
  /** adjacency[i][j]: events in i triggered by one event in j. */
  adjacency: ReadonlyArray<ReadonlyArray<number>>;
}

export interface RiskProvisionFact {
  id: string;
  label: string;
  status: ImplementationStatus;
  /** The deadline instant, or null. */
  deadline: string | null;
  /** The deadline's day in the agreement's zone, or null. */
  deadlineDay: string | null;
}

export interface RiskClauseFact {
  id: string;
  /** The document's title and the clause's number or place. */
  label: string;
  /** Consensus of the stances the reader may see. */
  status: GroupStatus;
  /** The clause's deadline, else its document's; null when neither has one. */
  deadline: string | null;
  deadlineDay: string | null;
}

export interface RiskWithdrawalFact {
  id: string;
  label: string;
  /** A day in the agreement's zone: the item is late from the day after. */
  deadline: string;
  verified: boolean;
}

/** The next phase's gate: its conditions as the reader's facts judge them (empty when it has no gate). */
export interface RiskGateFact {
  phaseId: string;
  phaseName: string;
  conditions: ReadonlyArray<{ label: string; met: boolean }>;
}

export interface RiskPrecedentsFact {
  /** Share of the precedents that ended within `days`; null when there are none to count. */
  rate: number | null;
  n: number;
  days: number;
  /** The UCDP provision types the precedents share with the agreement. */
  types: readonly string[];
  label: string;
  source: string;
}

export interface RiskFacts {
  /** The as-of day. */
  asOf: string;
  /** The as-of instant: now when the day is today, else the end of that day. */
  now: string;
  /** The day of each verified incident up to the as-of day (at least those of its last 28 days). */
  verifiedDays: readonly string[];
  /** Null: the forecast is not available. */
  escalation: RiskEscalationFact | null;
  provisions: readonly RiskProvisionFact[];
  clauses: readonly RiskClauseFact[];
  withdrawals: readonly RiskWithdrawalFact[];
  /** Null: no phase is still to come (planned or negotiating). */
  gate: RiskGateFact | null;
  force: { required: number; gap: number };
  funding: { budget: number; commitmentGap: number; currency: string | null };
  /** Null: the precedents are not available. */
  precedents: RiskPrecedentsFact | null;
}
