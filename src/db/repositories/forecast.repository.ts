/** What the forecast reads (docs/FORECAST.md): an agreement's verified incidents as events and as daily counts. */
import { sql } from 'drizzle-orm';
import { LAST_INSTANT, type IncidentCategory } from '../../core/index.ts';
import type { Db } from '../open.ts';

/** A verified incident as the escalation model reads it: when, by whom (as attributed) and what. */
export interface ForecastEvent {
  id: string;
  occurredAt: string;
  attributedPartyId: string | null;
  category: IncidentCategory;
}

/** Verified incidents on one local day of the agreement's time zone. */
export interface VerifiedDayCount {
  /** YYYY-MM-DD. */
  day: string;
  count: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const isoOf = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export function forecastRepository(db: Db) {
  return {
    /**
     * The agreement's verified incidents that occurred before `before` (excluded), oldest first
     * (then by id, so that equal times keep one order). Reads the partial index of verified incidents.
     */
    async verifiedEvents(agreementId: string, before: Date): Promise<ForecastEvent[]> {
      // Past the last instant stored (the end of 9999-12-31) there is no bound: such a time has no ISO form PostgreSQL reads.
      const bound = before.getTime() > Date.parse(LAST_INSTANT) ? sql`` : sql`AND occurred_at < ${before.toISOString()}::timestamptz`;
      const rows = rowsOf<{ id: string; occurred_at: Date | string; attributed_party_id: string | null; category: string }>(
        await db.execute(sql`
          SELECT id, occurred_at, attributed_party_id, category
          FROM incidents
          WHERE agreement_id = ${agreementId} AND status = 'verified' ${bound}
          ORDER BY occurred_at ASC, id ASC`),
      );
      return rows.map((r) => ({ id: r.id, occurredAt: isoOf(r.occurred_at), attributedPartyId: r.attributed_party_id, category: r.category as IncidentCategory }));
    },

    /**
     * Verified incidents per local day of the agreement's time zone, from `from` to `to` (both
     * included, YYYY-MM-DD), read from verified_incident_days (kept by triggers in that zone): only
     * the days that have any, oldest first.
     */
    async verifiedDailyCounts(agreementId: string, from: string, to: string): Promise<VerifiedDayCount[]> {
      const rows = rowsOf<{ day: string; count: number | string }>(
        await db.execute(sql`
          SELECT day::text AS day, sum(count)::int AS count
          FROM verified_incident_days
          WHERE agreement_id = ${agreementId} AND dimension = 'party' AND day >= ${from}::date AND day <= ${to}::date
          GROUP BY day
          HAVING sum(count) <> 0
          ORDER BY day`),
      );
      return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
    },

    /** The local day (agreement's zone) of the first verified incident on or before `to` (YYYY-MM-DD); null when none. */
    async firstVerifiedDay(agreementId: string, to: string): Promise<string | null> {
      const [row] = rowsOf<{ day: string | null }>(
        await db.execute(sql`
          SELECT min(day)::text AS day FROM verified_incident_days
          WHERE agreement_id = ${agreementId} AND dimension = 'party' AND day <= ${to}::date AND count <> 0`),
      );
      return row?.day ?? null;
    },
  };
}
export type ForecastRepository = ReturnType<typeof forecastRepository>;
