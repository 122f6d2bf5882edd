/**
 * The parties' positions on the force's contributors. Statements are append-only and carry an
 * audience, as stances do (src/core/negotiation/consensus.ts): the caller passes what the reader may
 * see, so a reader's current positions never depend on a statement outside their audience.
 */
import type { Audience } from '../access.ts';
import type { RuleIssue } from '../rules.ts';
import type { AcceptabilityPosition } from './vocabulary.ts';

/** One statement of a party's position on a contributor; kept for ever. */
export interface AcceptabilityStatement {
  id: string;
  contributorId: string;
  /** The party whose position it is; with `audience` 'party', also the circle that may read it. */
  partyId: string;
  position: AcceptabilityPosition;
  /** Why (required for an objection); '' otherwise. */
  reason: string;
  /** The day the party stated it, YYYY-MM-DD. */
  statedOn: string;
  audience: Audience;
  createdAt: Date;
}

/** A current position as forceGaps reads it: who holds which position on which contributor. */
export interface CurrentAcceptability {
  contributorId: string;
  partyId: string;
  position: AcceptabilityPosition;
}

function newer(a: AcceptabilityStatement, b: AcceptabilityStatement): boolean {
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t > 0 : a.id > b.id;
}

/**
 * Each party's current position on each contributor for a reader: the newest statement the reader
 * may see (by createdAt, then id) per contributor and party. A newer statement the reader may not
 * see is skipped, so the reader gets the one before it, as if the hidden one did not exist. The
 * result keeps the order in which each pair first appears in `history`.
 */
export function currentAcceptability<S extends AcceptabilityStatement>(history: readonly S[], visible: (s: S) => boolean = () => true): S[] {
  const latest = new Map<string, S>();
  for (const s of history) {
    if (!visible(s)) continue;
    const key = JSON.stringify([s.contributorId, s.partyId]);
    const held = latest.get(key);
    if (!held || newer(s, held)) latest.set(key, s);
  }
  return [...latest.values()];
}

/** Rules on a new statement: an objection must say why (the other parties and mediators read it). */
export function checkAcceptabilityStatement(statement: Pick<AcceptabilityStatement, 'position' | 'reason'>): RuleIssue[] {
  if (statement.position === 'objected' && statement.reason.trim() === '') {
    return [{ path: 'reason', message: 'is required for an objection' }];
  }
  return [];
}
