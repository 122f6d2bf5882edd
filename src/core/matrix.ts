/**
 * The Strategic Matrix: per phase, its objective, its ground realities (the provisions and their
 * status) and its bottlenecks, computed from the data at a given moment, never typed in.
 */
import { IMPLEMENTATION_STATUSES, pamScore, type ImplementationStatus } from './domain.ts';
import type { Agreement, Party, Phase, Pillar, Provision } from './model.ts';
import type { ForceGaps } from './force/gaps.ts';
import type { FundingGaps } from './force/funding.ts';
import { requirementLabel } from './gates/checks-agreement.ts';
import type { GateEvaluation, GateWithdrawalFact, GateWithdrawalStatus } from './gates/facts.ts';
import type { GroupStatus } from './negotiation/consensus.ts';

const DAY_MS = 86_400_000;

/** How far back verified violations make a provision a bottleneck. */
export const VIOLATION_WINDOW_DAYS = 7;

export type BottleneckReason =
  | { kind: 'overdue'; deadline: string; daysOverdue: number }
  | { kind: 'disputed' }
  | { kind: 'violations'; count: number; days: number };

export interface Bottleneck {
  provisionId: string;
  code: string;
  title: string;
  obligatedPartyId: string | null;
  reasons: BottleneckReason[];
}

export interface StatusCounts {
  total: number;
  byStatus: Record<ImplementationStatus, number>;
  /** Mean PAM score over provisions on the scale, 0 to 1; null when none is. */
  score: number | null;
}

/** A phase's gate as the matrix shows it (docs/GATES.md): whether it passes, and how many conditions are met. */
export interface MatrixGate {
  passes: boolean;
  met: number;
  total: number;
}

/** A withdrawal item of a phase with its status. */
export interface MatrixWithdrawal {
  id: string;
  label: string;
  status: GateWithdrawalStatus;
  since: string | null;
}

export interface MatrixRow {
  phase: Phase;
  realities: Provision[];
  bottlenecks: Bottleneck[];
  progress: StatusCounts;
  /** The phase's gate as the reader sees it; null when it has none. */
  gate: MatrixGate | null;
  /** The phase's withdrawal items (realities) and those late or disputed (bottlenecks). */
  withdrawals: { realities: MatrixWithdrawal[]; bottlenecks: MatrixWithdrawal[] };
}

/** A force requirement short of personnel, as the reader sees the objections. */
export interface ForceGapBottleneck {
  requirementId: string;
  label: string;
  required: number;
  covered: number;
  gap: number;
}

/** Money the budget still lacks at a stage: committed or disbursed. */
export interface FundingGapBottleneck {
  stage: 'commitment' | 'disbursement';
  budget: number;
  reached: number;
  gap: number;
}

export interface PillarRow {
  pillar: Pillar;
  provisionIds: string[];
  bottleneckCount: number;
  progress: StatusCounts;
}

/** A clause of a negotiated text that is not agreed, as its reader's stances have it. */
export interface ClauseBottleneck {
  clauseId: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
  status: Exclude<GroupStatus, 'agreed'>;
  /** The clause's deadline, else its document's. */
  deadline: string | null;
  /** The parties whose rejects block it, of those the reader may see. */
  blockingPartyIds: string[];
}

/** A clause with its consensus for one reader: what clauseBottlenecks chooses from. */
export interface ClauseStanding {
  clauseId: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
  status: GroupStatus;
  deadline: string | null;
  blockers: ReadonlyArray<{ partyId: string }>;
}

/** The clauses not agreed, soonest deadline first (those without one last), otherwise in document order. */
export function clauseBottlenecks(clauses: readonly ClauseStanding[]): ClauseBottleneck[] {
  const due = (c: ClauseStanding) => (c.deadline === null ? Infinity : Date.parse(c.deadline));
  return clauses
    .filter((c): c is ClauseStanding & { status: ClauseBottleneck['status'] } => c.status !== 'agreed')
    .map((c, order) => ({ c, order }))
    .sort((a, b) => due(a.c) - due(b.c) || a.order - b.order)
    .map(({ c }) => ({
      clauseId: c.clauseId,
      documentId: c.documentId,
      documentTitle: c.documentTitle,
      number: c.number,
      status: c.status,
      deadline: c.deadline,
      blockingPartyIds: [...new Set(c.blockers.map((b) => b.partyId))],
    }));
}

export interface Matrix {
  agreement: Agreement;
  parties: Party[];
  asOf: string;
  rows: MatrixRow[];
  pillars: PillarRow[];
  /** Clauses of the negotiated texts not agreed yet (see clauseBottlenecks). */
  clauses: ClauseBottleneck[];
  /** Force requirements with a personnel gap. */
  force: ForceGapBottleneck[];
  /** Funding stages short of the budget. */
  funding: FundingGapBottleneck[];
  totals: StatusCounts & { bottlenecks: number };
}

export interface MatrixInput {
  agreement: Agreement;
  parties: Party[];
  phases: Phase[];
  pillars: Pillar[];
  provisions: Provision[];
  /**
   * Verified violations per provision id that occurred in the VIOLATION_WINDOW_DAYS before `now`;
   * a provision not in the map has none.
   */
  recentViolations: ReadonlyMap<string, number>;
  /** The negotiated texts' clauses with the consensus the reader may see; none by default. */
  clauses?: readonly ClauseStanding[];
  /** Each gated phase's evaluation for the reader, by phase id; none by default. */
  gates?: ReadonlyMap<string, GateEvaluation>;
  /** The withdrawal items with their status; none by default. */
  withdrawals?: readonly GateWithdrawalFact[];
  /** The force's and the money's gaps as the reader sees them; none by default. */
  force?: ForceGaps;
  funding?: FundingGaps;
  now: Date;
}

/** The requirements with a personnel gap, in the order given. */
export function forceGapBottlenecks(force: ForceGaps | undefined): ForceGapBottleneck[] {
  return (force?.requirements ?? [])
    .filter((r) => r.gap > 0)
    .map((r) => ({ requirementId: r.requirementId, label: requirementLabel(r), required: r.required, covered: r.covered, gap: r.gap }));
}

/** The stages (commitment, disbursement) whose sums fall short of the budget. */
export function fundingGapBottlenecks(funding: FundingGaps | undefined): FundingGapBottleneck[] {
  if (!funding) return [];
  const stages: FundingGapBottleneck[] = [
    { stage: 'commitment', budget: funding.budget, reached: funding.committed, gap: funding.commitmentGap },
    { stage: 'disbursement', budget: funding.budget, reached: funding.disbursed, gap: funding.disbursementGap },
  ];
  return stages.filter((s) => s.gap > 0);
}

function matrixGate(evaluation: GateEvaluation | undefined): MatrixGate | null {
  if (!evaluation) return null;
  return { passes: evaluation.passes, met: evaluation.conditions.filter((c) => c.met).length, total: evaluation.conditions.length };
}

/**
 * Why a provision holds its phase back at `now`; empty when it does not. `recentViolations` is the
 * number of verified violations of it in the VIOLATION_WINDOW_DAYS before `now`.
 */
export function bottleneckReasons(provision: Provision, now: Date, recentViolations = 0): BottleneckReason[] {
  const reasons: BottleneckReason[] = [];
  if (provision.deadline !== null && provision.status !== 'full') {
    const late = now.getTime() - Date.parse(provision.deadline);
    if (late > 0) {
      reasons.push({ kind: 'overdue', deadline: provision.deadline, daysOverdue: Math.floor(late / DAY_MS) });
    }
  }
  if (provision.status === 'disputed') reasons.push({ kind: 'disputed' });
  if (recentViolations > 0) reasons.push({ kind: 'violations', count: recentViolations, days: VIOLATION_WINDOW_DAYS });
  return reasons;
}

/**
 * The first instant after `now` at which bottleneckReasons would answer otherwise for one of these
 * provisions without any write: a provision not in full becomes overdue 1 ms after its deadline, and
 * its days overdue grow by one every 24 hours after that. Null when no deadline will change anything.
 */
export function nextDeadlineChange(provisions: readonly Provision[], now: Date): Date | null {
  let next = Infinity;
  for (const p of provisions) {
    if (p.deadline === null || p.status === 'full') continue;
    const deadline = Date.parse(p.deadline);
    const late = now.getTime() - deadline;
    next = Math.min(next, late <= 0 ? deadline + 1 : deadline + (Math.floor(late / DAY_MS) + 1) * DAY_MS);
  }
  return Number.isFinite(next) ? new Date(next) : null;
}

export function countStatuses(provisions: readonly Provision[]): StatusCounts {
  const byStatus = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<
    ImplementationStatus,
    number
  >;
  let scored = 0;
  let sum = 0;
  for (const p of provisions) {
    byStatus[p.status] += 1;
    const score = pamScore(p.status);
    if (score !== null) {
      scored += 1;
      sum += score;
    }
  }
  return { total: provisions.length, byStatus, score: scored === 0 ? null : sum / (scored * 3) };
}

const byOrder = <T extends { ordinal: number; id: string }>(a: T, b: T): number =>
  a.ordinal - b.ordinal || a.id.localeCompare(b.id);

/** Phases in their order, and provisions in the order of their phases, then in their own order within it. */
export function inPhaseOrder<P extends { id: string; ordinal: number }, V extends { id: string; ordinal: number; phaseId: string }>(
  phases: readonly P[],
  provisions: readonly V[],
): { phases: P[]; provisions: V[] } {
  const ordered = [...phases].sort(byOrder);
  const phaseRank = new Map(ordered.map((p, i) => [p.id, i]));
  return {
    phases: ordered,
    provisions: [...provisions].sort((a, b) => (phaseRank.get(a.phaseId) ?? 0) - (phaseRank.get(b.phaseId) ?? 0) || byOrder(a, b)),
  };
}

export function computeMatrix(input: MatrixInput): Matrix {
  const { agreement, parties, now } = input;
  // In phase order first, so that a pillar lists its provisions as the matrix shows them.
  const { phases, provisions } = inPhaseOrder(input.phases, input.provisions);
  const bottleneckOf = new Map<string, Bottleneck>();
  for (const p of provisions) {
    const reasons = bottleneckReasons(p, now, input.recentViolations.get(p.id) ?? 0);
    if (reasons.length > 0) {
      bottleneckOf.set(p.id, {
        provisionId: p.id,
        code: p.code,
        title: p.title,
        obligatedPartyId: p.obligatedPartyId,
        reasons,
      });
    }
  }

  const rows = phases.map((phase): MatrixRow => {
    const realities = provisions.filter((p) => p.phaseId === phase.id);
    const withdrawals = (input.withdrawals ?? []).filter((w) => w.phaseId === phase.id).map(({ id, label, status, since }) => ({ id, label, status, since }));
    return {
      phase,
      realities,
      bottlenecks: realities.flatMap((p) => bottleneckOf.get(p.id) ?? []),
      progress: countStatuses(realities),
      gate: matrixGate(input.gates?.get(phase.id)),
      withdrawals: { realities: withdrawals, bottlenecks: withdrawals.filter((w) => w.status === 'late' || w.status === 'disputed') },
    };
  });

  const pillars = [...input.pillars].sort(byOrder).map((pillar): PillarRow => {
    const members = provisions.filter((p) => p.pillarId === pillar.id);
    return {
      pillar,
      provisionIds: members.map((p) => p.id),
      bottleneckCount: members.filter((p) => bottleneckOf.has(p.id)).length,
      progress: countStatuses(members),
    };
  });

  return {
    agreement,
    parties,
    asOf: now.toISOString(),
    rows,
    pillars,
    clauses: clauseBottlenecks(input.clauses ?? []),
    force: forceGapBottlenecks(input.force),
    funding: fundingGapBottlenecks(input.funding),
    totals: { ...countStatuses(provisions), bottlenecks: bottleneckOf.size },
  };
}
