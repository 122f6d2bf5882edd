/**
 * The daily desk (docs/DESK.md): what changed in an agreement since the reader last looked (or a
 * start they chose), the visit that moves their next start, and the home page's counts per agreement.
 * The rows of the window are read here; core decides what the reader may see and words the items.
 */
import type { DeskView, SinceView } from '../../contract/index.ts';
import {
  assertRules,
  clauseChanges,
  DESK_ITEM_LIMIT,
  deskSummary,
  isSignatory,
  sinceWindow,
  UnauthenticatedError,
  type Agreement,
  type DeskReader,
  type Principal,
  type SinceWindow,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { visibleStances } from '../negotiation/document-view.ts';

export function deskService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  /** The reader's summary of one agreement over one window. */
  async function summary(agreement: Agreement, reader: DeskReader, window: SinceWindow, limit = DESK_ITEM_LIMIT) {
    const desk = repos.desk;
    const [parties, reported, verified, statusChanges, provisions, notes, responses, clauses, transitions] = await Promise.all([
      repos.parties.list(agreement.id),
      desk.reported(agreement.id, window, limit),
      desk.verified(agreement.id, window, limit),
      desk.statusChanges(agreement.id, window, limit),
      desk.openDeadlines(agreement.id),
      desk.notes(agreement.id, window),
      desk.responses(agreement.id, window),
      desk.clausesStatedOn(agreement.id, window),
      desk.transitions(agreement.id, window),
    ]);
    // Consensus from the stances the reader may see, as the document and the matrix compute it.
    const stances = clauses.length === 0 ? [] : visibleStances(reader.principal, agreement.id, await repos.stances.ofAgreement(agreement.id));
    const signatories = parties.filter(isSignatory).map((p) => p.id);
    return deskSummary(
      {
        agreement,
        window,
        partyNames: new Map(parties.map((p) => [p.id, p.name])),
        reported,
        verified,
        statusChanges,
        provisions,
        notes,
        responses,
        clauses: clauseChanges(clauses, stances, signatories, window),
        transitions,
      },
      reader,
      limit,
    );
  }

  async function windowFor(agreement: Agreement, userId: string | null, chosen: string | undefined): Promise<SinceWindow> {
    const lastVisit = chosen === undefined && userId !== null ? await repos.desk.lastVisit(userId, agreement.id) : null;
    return sinceWindow(clock.now(), agreement.timeZone, { chosen, lastVisit });
  }

  return {
    /** What changed in the agreement for the reader, from `chosen` (a day or an instant), else their last visit, else 7 days back. */
    async since(agreement: Agreement, reader: DeskReader, chosen?: string): Promise<SinceView> {
      const window = await windowFor(agreement, reader.userId, chosen);
      const s = await summary(agreement, reader, window);
      return {
        agreement: { id: agreement.id, slug: agreement.slug, title: agreement.title, timeZone: agreement.timeZone, public: agreement.public },
        since: window.since.toISOString(),
        until: window.until.toISOString(),
        sinceFrom: window.sinceFrom,
        ...s,
        limitPerKind: DESK_ITEM_LIMIT,
      };
    },

    /**
     * Marks the view seen up to `until` (the end of the window the reader read), else now: the next
     * view starts there. Not an audit entry: when someone looks is theirs, not the agreement's record.
     */
    async markSeen(agreement: Agreement, userId: string | null, until?: string): Promise<{ seenAt: string }> {
      if (userId === null) throw new UnauthenticatedError('Log in to keep your place: a visitor’s view always starts 7 days back');
      const now = clock.now();
      const at = until === undefined ? now : new Date(until);
      if (at.getTime() > now.getTime()) assertRules([{ path: 'until', message: 'must not be after now' }]);
      return { seenAt: (await repos.desk.markSeen(userId, agreement.id, at)).toISOString() };
    },

    /**
     * The home page's counts: per agreement the principal belongs to (an administrator: every one),
     * what is new since their last visit (else 7 days back), what is overdue and what is due soon.
     */
    async desk(principal: Principal, userId: string | null): Promise<DeskView> {
      if (principal.kind === 'anonymous') return { items: [] };
      const agreements = await repos.desk.agreements(principal.admin ? null : principal.memberships.map((m) => m.agreementId));
      const visits = userId === null ? new Map<string, Date>() : await repos.desk.lastVisits(userId);
      const now = clock.now();
      const items: DeskView['items'] = [];
      // One agreement at a time: each reads a handful of queries, and the machine is shared.
      for (const agreement of agreements) {
        const window = sinceWindow(now, agreement.timeZone, { lastVisit: visits.get(agreement.id) ?? null });
        const s = await summary(agreement, { principal, userId }, window, 1);
        items.push({
          id: agreement.id,
          slug: agreement.slug,
          title: agreement.title,
          timeZone: agreement.timeZone,
          since: window.since.toISOString(),
          sinceFrom: window.sinceFrom,
          newCount: s.newCount,
          overdueCount: s.overdueCount,
          dueSoonCount: s.dueSoonCount,
        });
      }
      return { items };
    },
  };
}
export type DeskService = ReturnType<typeof deskService>;
