/**
 * Clauses that became agreed or blocked in a window, computed as the negotiated document computes a
 * clause's consensus (negotiation/consensus.ts), from the stances the caller passes: those the reader
 * may see. A stance outside the reader's audiences neither makes nor dates a change.
 */
import { clauseConsensus, currentStances, type GroupStatus, type StanceStatement } from '../negotiation/consensus.ts';

export interface DeskClause {
  id: string;
  documentId: string;
  documentTitle: string;
  /** The list label ("2.3"); null for a paragraph or bullet. */
  number: string | null;
  /** Its text as it is now: a change of status is read from the stances, not from edits. */
  text: string;
}

export interface ClauseChange {
  clause: DeskClause;
  status: Extract<GroupStatus, 'agreed' | 'blocked'>;
  /** When the clause last entered this status: the stance that made it so. */
  at: Date;
  /** The parties whose reject blocks it (from the visible stances), in order; empty when agreed. */
  blockers: string[];
}

const order = (a: StanceStatement, b: StanceStatement) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each clause whose status, from `visible` stances, is agreed or blocked at `until` and was not at
 * `since`, dated by the stance after which it entered that status for the last time. Stances after
 * `until` are left out. A clause without a stance in the window has not changed.
 */
export function clauseChanges(
  clauses: readonly DeskClause[],
  visible: readonly StanceStatement[],
  signatories: string[],
  window: { since: Date; until: Date },
): ClauseChange[] {
  const byClause = new Map<string, StanceStatement[]>();
  for (const s of visible) {
    if (s.createdAt.getTime() > window.until.getTime()) continue;
    byClause.set(s.clauseId, [...(byClause.get(s.clauseId) ?? []), s]);
  }
  const statusOf = (clause: DeskClause, stances: StanceStatement[]) => clauseConsensus(clause.text, signatories, currentStances(stances, () => true));
  return clauses.flatMap((clause): ClauseChange[] => {
    const history = (byClause.get(clause.id) ?? []).sort(order);
    const firstNew = history.findIndex((s) => s.createdAt.getTime() > window.since.getTime());
    if (firstNew < 0) return [];
    let status = statusOf(clause, history.slice(0, firstNew)).status;
    const before = status;
    let enteredAt: Date | null = null;
    let consensus = null;
    for (let i = firstNew; i < history.length; i += 1) {
      consensus = statusOf(clause, history.slice(0, i + 1));
      if (consensus.status !== status) enteredAt = history[i]!.createdAt;
      status = consensus.status;
    }
    if (!consensus || status === before || (status !== 'agreed' && status !== 'blocked') || !enteredAt) return [];
    const blockers = status === 'blocked' ? [...new Set(consensus.groups.flatMap((g) => g.blockers.map((b) => b.partyId)))] : [];
    return [{ clause, status, at: enteredAt, blockers }];
  });
}
