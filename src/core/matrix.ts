/**
 * The Strategic Matrix: per phase, its objective, its ground realities (the provisions and their
 * status) and its bottlenecks, computed from the data at a given moment, never typed in.
 */
import { IMPLEMENTATION_STATUSES, pamScore, type ImplementationStatus } from './domain.ts';
import type { Agreement, Party, Phase, Pillar, Provision } from './model.ts';
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

export interface MatrixRow {
  phase: Phase;
  realities: Provision[];
  bottlenecks: Bottleneck[];
  progress: StatusCounts;
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
  now: Date;
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
    return {
      phase,
      realities,
      bottlenecks: realities.flatMap((p) => bottleneckOf.get(p.id) ?? []),
      progress: countStatuses(realities),
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
    totals: { ...countStatuses(provisions), bottlenecks: bottleneckOf.size },
  };
}
