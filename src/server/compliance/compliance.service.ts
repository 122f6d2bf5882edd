/**
 * Compliance: verified violations per party or per provision, by day or ISO week in the
 * agreement's time zone. The database counts per local date; core names and fills the buckets.
 */
import type { ComplianceQuery, ComplianceView, Parsed } from '../../contract/index.ts';
import { assertRules, bucketsBetween, complianceTable, complianceWindow, FIRST_INSTANT } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { pgError } from '../../db/repositories/versioned.ts';
import type { Clock } from '../clock.ts';

const DAY_MS = 86_400_000;
/** The longest window, so that a series stays a chart and not a dump. */
export const MAX_WINDOW_DAYS = 3 * 366;

export function complianceService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  /**
   * The parties that carry obligations: those a provision names as obligated, and, when a provision
   * names none (it binds the parties to the conflict), every belligerent.
   */
  async function obligatedParties(agreementId: string): Promise<Set<string>> {
    const [parties, provisions] = await Promise.all([repos.parties.list(agreementId), repos.provisions.list(agreementId)]);
    const named = new Set(provisions.flatMap((p) => (p.obligatedPartyId ? [p.obligatedPartyId] : [])));
    const bindsBelligerents = provisions.some((p) => p.obligatedPartyId === null);
    return new Set(parties.filter((p) => named.has(p.id) || (bindsBelligerents && p.role === 'belligerent')).map((p) => p.id));
  }

  return {
    async counts(ref: string, query: Parsed<typeof ComplianceQuery>): Promise<ComplianceView> {
      const agreement = await repos.agreements.get(ref);
      const timeZone = agreement.timeZone;
      const unknownZone = () =>
        assertRules([{ path: 'timeZone', message: `"${timeZone}" is not a time zone the database knows: set another on the agreement` }]);
      // Whole days in the agreement's zone unless both ends are given.
      const given = { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
      const window = (() => {
        try {
          return complianceWindow(clock.now(), timeZone, query.granularity, given);
        } catch (err) {
          // A zone stored before zones were checked, that the runtime does not know either.
          if (err instanceof RangeError) unknownZone();
          throw err;
        }
      })();
      const to = window.to;
      // The default window stops at the first instant stored, as the contract's `from` does.
      const from = new Date(Math.max(Date.parse(FIRST_INSTANT), window.from.getTime()));
      if (from.getTime() >= to.getTime()) assertRules([{ path: 'from', message: 'must be before to' }]);
      if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
        assertRules([{ path: 'from', message: `the window may span at most ${MAX_WINDOW_DAYS} days` }]);
      }
      const [counts, labels, obligated] = await Promise.all([
        repos.incidents.complianceCounts(agreement.id, { by: query.by, granularity: query.granularity, from, to, timeZone }).catch((err: unknown) => {
          // A zone stored before the contract checked zones against the database's: say so, not 500.
          if (pgError(err)?.code === '22023') unknownZone();
          throw err;
        }),
        query.by === 'party'
          ? repos.parties.list(agreement.id).then((ps) => new Map(ps.map((p) => [p.id, p.name])))
          : repos.provisions.list(agreement.id).then((ps) => new Map(ps.map((p) => [p.id, p.code ? `${p.code} ${p.title}` : p.title]))),
        query.by === 'party' ? obligatedParties(agreement.id) : Promise.resolve(new Set<string>()),
      ]);
      // Every party that carries obligations shows, with zeros where it has none (a mediator's
      // column of zeros says nothing); any party with a violation shows; provisions only when violated.
      const keys = query.by === 'party' ? [...labels.keys()].filter((id) => obligated.has(id)) : [];
      const table = complianceTable(counts, bucketsBetween(from, to, timeZone, query.granularity), query.granularity, keys);
      return {
        by: query.by,
        granularity: query.granularity,
        timeZone,
        from: from.toISOString(),
        to: to.toISOString(),
        buckets: table.buckets,
        series: table.series.map((s) => ({ ...s, label: s.key === null ? 'Not attributed' : (labels.get(s.key) ?? s.key) })),
        total: table.total,
      };
    },
  };
}
export type ComplianceService = ReturnType<typeof complianceService>;
