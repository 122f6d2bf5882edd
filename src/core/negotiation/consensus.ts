/**
 * Consensus on a negotiated text, computed from the parties' stances (docs/NEGOTIATION.md). The
 * functions see only the stances they are given: the server passes those the reader may see, so a
 * reader's consensus never depends on a stance outside their audience.
 */
import type { Audience } from '../access.ts';
import { bracketGroups, type BracketGroup } from './brackets.ts';

export const POSITIONS = ['accept', 'accept_with_reservation', 'abstain', 'reject', 'no_position'] as const;
export type Position = (typeof POSITIONS)[number];
/** The same as Position, under the name src/core/index.ts exports it by (zones has a GeoJSON Position). */
export type StancePosition = Position;

export const POSITION_LABELS: Record<Position, string> = {
  accept: 'Accept',
  accept_with_reservation: 'Accept with reservation',
  abstain: 'Abstain',
  reject: 'Reject (block)',
  no_position: 'No position',
};

export const GROUP_STATUSES = ['agreed', 'converging', 'open', 'blocked'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  agreed: 'Agreed',
  converging: 'Converging',
  open: 'Open',
  blocked: 'Blocked',
};

/** One statement of a party's position on one alternative of one bracket group; kept for ever. */
export interface StanceStatement {
  id: string;
  clauseId: string;
  groupKey: string;
  alternative: number;
  partyId: string;
  position: Position;
  /** The reservation's text (accept_with_reservation); '' otherwise. */
  reservation: string;
  reason: string;
  /** The day the party stated it, YYYY-MM-DD. */
  statedOn: string;
  audience: Audience;
  createdAt: Date;
}

function newer(a: StanceStatement, b: StanceStatement): boolean {
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t > 0 : a.id > b.id;
}

/**
 * Each party's current stance for a reader: the newest statement the reader may see (by createdAt,
 * then id) per clause, group, alternative and party. A newer statement the reader may not see is
 * skipped, so the reader gets the one before it, as if the hidden one did not exist.
 */
export function currentStances<S extends StanceStatement>(history: S[], visible: (s: S) => boolean): S[] {
  const latest = new Map<string, S>();
  for (const s of history) {
    if (!visible(s)) continue;
    const id = JSON.stringify([s.clauseId, s.groupKey, s.alternative, s.partyId]);
    const held = latest.get(id);
    if (!held || newer(s, held)) latest.set(id, s);
  }
  return [...latest.values()];
}

/** Whether a party signs: `signatory` when set, otherwise belligerents do and others do not. */
export function isSignatory(party: { role: string; signatory: boolean | null }): boolean {
  return party.signatory ?? party.role === 'belligerent';
}

/** Who holds which position on one alternative: signatories' party ids; `others` for non-signatories. */
export interface AlternativeTally {
  index: number;
  text: string;
  accept: string[];
  reservation: string[];
  abstain: string[];
  reject: string[];
  /** Signatories with no stance, or the stance no_position. */
  noPosition: string[];
  /** Stances of parties that do not sign: shown, never counted. */
  others: Array<{ partyId: string; position: Position }>;
}

export interface GroupConsensus {
  key: string;
  status: GroupStatus;
  /** The agreed alternative's index (the lowest one when several qualify); null unless agreed. */
  agreedAlternative: number | null;
  alternatives: AlternativeTally[];
  /** Every signatory's reject, by alternative then signatory order, whatever the status. */
  blockers: Array<{ partyId: string; alternative: number }>;
}

function tally(group: BracketGroup, signatories: string[], stances: StanceStatement[]): AlternativeTally[] {
  const signs = new Set(signatories);
  return group.alternatives.map((text, index) => {
    const row: AlternativeTally = { index, text, accept: [], reservation: [], abstain: [], reject: [], noPosition: [], others: [] };
    const held = new Map(stances.filter((s) => s.alternative === index).map((s) => [s.partyId, s.position]));
    for (const partyId of signatories) {
      const position = held.get(partyId) ?? 'no_position';
      if (position === 'accept') row.accept.push(partyId);
      else if (position === 'accept_with_reservation') row.reservation.push(partyId);
      else if (position === 'abstain') row.abstain.push(partyId);
      else if (position === 'reject') row.reject.push(partyId);
      else row.noPosition.push(partyId);
    }
    for (const [partyId, position] of held) if (!signs.has(partyId)) row.others.push({ partyId, position });
    return row;
  });
}

/**
 * A bracket group's status from the signatories' current stances:
 * - agreed: an alternative accepted (with or without reservation) by every signatory; an abstaining
 *   signatory has not accepted, so an abstention keeps a group from agreed (it does not block
 *   either: the group reads converging). Of several such alternatives (a tie) the lowest index wins;
 * - blocked: every alternative rejected by at least one signatory;
 * - converging: some alternative rejected by nobody and accepted by at least one signatory;
 * - open: anything else, including a group when no party signs (nobody can agree it).
 * Only signatories count; `stances` may hold any party's and other groups' (they are filtered here),
 * and the newest per party and alternative is used.
 */
export function groupConsensus(group: BracketGroup, parties: string[], stances: StanceStatement[]): GroupConsensus {
  const signatories = [...new Set(parties)];
  const own = currentStances(
    stances.filter((s) => s.groupKey === group.key),
    () => true,
  );
  const alternatives = tally(group, signatories, own);
  const blockers = alternatives.flatMap((a) => a.reject.map((partyId) => ({ partyId, alternative: a.index })));
  const base = { key: group.key, alternatives, blockers };
  if (signatories.length === 0) return { ...base, status: 'open', agreedAlternative: null };
  const agreed = alternatives.find((a) => a.accept.length + a.reservation.length === signatories.length);
  if (agreed) return { ...base, status: 'agreed', agreedAlternative: agreed.index };
  if (alternatives.every((a) => a.reject.length > 0)) return { ...base, status: 'blocked', agreedAlternative: null };
  const converging = alternatives.some((a) => a.reject.length === 0 && a.accept.length + a.reservation.length > 0);
  return { ...base, status: converging ? 'converging' : 'open', agreedAlternative: null };
}

export interface ClauseConsensus {
  /** Agreed also for a clause without bracket groups. */
  status: GroupStatus;
  groups: GroupConsensus[];
}

/** The status of a set of groups: blocked if any is, agreed if all are (or none exist), converging if any is converging or agreed. */
export function combineStatuses(statuses: GroupStatus[]): GroupStatus {
  if (statuses.includes('blocked')) return 'blocked';
  if (statuses.every((s) => s === 'agreed')) return 'agreed';
  if (statuses.some((s) => s === 'converging' || s === 'agreed')) return 'converging';
  return 'open';
}

/** A clause's consensus from its text (its bracket groups) and the stances on it. */
export function clauseConsensus(text: string, signatories: string[], stances: StanceStatement[]): ClauseConsensus {
  const groups = bracketGroups(text).map((group) => groupConsensus(group, signatories, stances));
  return { status: combineStatuses(groups.map((g) => g.status)), groups };
}

export interface DocumentConsensus {
  clauses: number;
  agreed: number;
  blocked: number;
  converging: number;
  open: number;
  /** Agreed clauses over all clauses, 0 to 1; 0 for a document without clauses (nothing agreed yet). */
  agreedShare: number;
}

/** A document's counts by clause status and its agreed share. */
export function documentConsensus(clauses: Array<Pick<ClauseConsensus, 'status'>>): DocumentConsensus {
  const count = (status: GroupStatus) => clauses.filter((c) => c.status === status).length;
  const agreed = count('agreed');
  return {
    clauses: clauses.length,
    agreed,
    blocked: count('blocked'),
    converging: count('converging'),
    open: count('open'),
    agreedShare: clauses.length === 0 ? 0 : agreed / clauses.length,
  };
}
