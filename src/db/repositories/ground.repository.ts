/**
 * The ground against the agreement (docs/GATES.md): withdrawal items (scoped, versioned) with their
 * append-only verifications, and indicators (scoped, versioned) with one observation per date,
 * inserted one by one or in bulk through unnest (an import is one statement: all or nothing).
 */
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Comparison, Credibility, IndicatorPeriod, Reliability, WithdrawalFinding } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { indicatorObservations, indicators, withdrawalItems, withdrawalVerifications, type EvidenceLink } from '../schema/index.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

export interface WithdrawalItem {
  id: string;
  agreementId: string;
  phaseId: string;
  partyId: string | null;
  provisionId: string | null;
  force: string;
  fromZoneId: string | null;
  behindZoneId: string | null;
  /** YYYY-MM-DD in the agreement's time zone. */
  deadline: string;
  notes: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface WithdrawalVerification {
  id: string;
  itemId: string;
  observedOn: string;
  finding: WithdrawalFinding;
  sourceReliability: Reliability;
  credibility: Credibility;
  evidence: EvidenceLink[];
  notes: string;
  authorId: string | null;
  authorName: string;
  createdAt: string;
}

export type WithdrawalVerificationInsert = Omit<WithdrawalVerification, 'id' | 'createdAt'>;

export interface Indicator {
  id: string;
  agreementId: string;
  provisionId: string | null;
  zoneId: string | null;
  name: string;
  unit: string;
  category: string;
  target: number;
  comparison: Comparison;
  period: IndicatorPeriod;
  sourceNote: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorObservation {
  id: string;
  indicatorId: string;
  observedOn: string;
  value: number;
  /** '' when none was given. */
  source: string;
  sourceReliability: Reliability | null;
  credibility: Credibility | null;
  authorId: string | null;
  createdAt: string;
}

export type ObservationInsert = Omit<IndicatorObservation, 'id' | 'createdAt'>;

const stamps = (row: { createdAt: Date; updatedAt: Date }) => ({ createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

const toItem = (row: typeof withdrawalItems.$inferSelect): WithdrawalItem => ({ ...row, ...stamps(row) });

const toVerification = (row: typeof withdrawalVerifications.$inferSelect): WithdrawalVerification => ({
  ...row,
  finding: row.finding as WithdrawalFinding,
  sourceReliability: row.sourceReliability as Reliability,
  credibility: row.credibility as Credibility,
  createdAt: row.createdAt.toISOString(),
});

const toIndicator = (row: typeof indicators.$inferSelect): Indicator => ({
  ...row,
  comparison: row.comparison as Comparison,
  period: row.period as IndicatorPeriod,
  ...stamps(row),
});

const toObservation = (row: typeof indicatorObservations.$inferSelect): IndicatorObservation => ({
  ...row,
  sourceReliability: row.sourceReliability as Reliability | null,
  credibility: row.credibility as Credibility | null,
  createdAt: row.createdAt.toISOString(),
});

/** A window of observation dates, both ends included. */
export interface DateWindow {
  from?: string | undefined;
  to?: string | undefined;
}

export function groundRepository(db: Db) {
  const items = scopedRepository<typeof withdrawalItems.$inferSelect, WithdrawalItem>(db, {
    table: withdrawalItems,
    entity: 'Withdrawal item',
    orderBy: [withdrawalItems.deadline, withdrawalItems.force],
    toModel: toItem,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });
  const indicatorRows = scopedRepository<typeof indicators.$inferSelect, Indicator>(db, {
    table: indicators,
    entity: 'Indicator',
    orderBy: [indicators.name],
    toModel: toIndicator,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });

  const inWindow = (indicatorId: string, window: DateWindow): SQL | undefined =>
    and(
      eq(indicatorObservations.indicatorId, indicatorId),
      window.from ? gte(indicatorObservations.observedOn, window.from) : undefined,
      window.to ? lte(indicatorObservations.observedOn, window.to) : undefined,
    );

  return {
    withdrawalItems: items,

    withdrawalVerifications: {
      /** The verifications of the items given, oldest first (by date, then when recorded). */
      async forItems(itemIds: readonly string[]): Promise<WithdrawalVerification[]> {
        if (itemIds.length === 0) return [];
        const rows = await db
          .select()
          .from(withdrawalVerifications)
          .where(inArray(withdrawalVerifications.itemId, [...itemIds]))
          .orderBy(asc(withdrawalVerifications.observedOn), asc(withdrawalVerifications.createdAt), asc(withdrawalVerifications.id));
        return rows.map(toVerification);
      },
      async insert(values: WithdrawalVerificationInsert): Promise<WithdrawalVerification> {
        try {
          const rows = await db.insert(withdrawalVerifications).values(values).returning();
          return toVerification(rows[0]!);
        } catch (err) {
          throw mapWriteError(err, 'Verification', { values });
        }
      },
    },

    indicators: indicatorRows,

    observations: {
      /** Every observation of an indicator in the window, oldest first. */
      async list(indicatorId: string, window: DateWindow = {}): Promise<IndicatorObservation[]> {
        const rows = await db.select().from(indicatorObservations).where(inWindow(indicatorId, window)).orderBy(asc(indicatorObservations.observedOn));
        return rows.map(toObservation);
      },
      /** The dates and values of several indicators' observations, for their streaks. */
      async valuesOf(indicatorIds: readonly string[]): Promise<{ indicatorId: string; observedOn: string; value: number }[]> {
        if (indicatorIds.length === 0) return [];
        return db
          .select({ indicatorId: indicatorObservations.indicatorId, observedOn: indicatorObservations.observedOn, value: indicatorObservations.value })
          .from(indicatorObservations)
          .where(inArray(indicatorObservations.indicatorId, [...indicatorIds]))
          .orderBy(asc(indicatorObservations.observedOn));
      },
      async page(indicatorId: string, query: { limit: number; offset: number; order: 'asc' | 'desc' }) {
        const where = eq(indicatorObservations.indicatorId, indicatorId);
        const by = query.order === 'asc' ? asc(indicatorObservations.observedOn) : desc(indicatorObservations.observedOn);
        const [rows, [total]] = await Promise.all([
          db.select().from(indicatorObservations).where(where).orderBy(by).limit(query.limit).offset(query.offset),
          db.select({ n: count() }).from(indicatorObservations).where(where),
        ]);
        return { items: rows.map(toObservation), total: Number(total?.n ?? 0) };
      },
      /** Which of `dates` the indicator already has an observation on. */
      async takenDates(indicatorId: string, dates: readonly string[]): Promise<Set<string>> {
        if (dates.length === 0) return new Set();
        const rows = await db
          .select({ observedOn: indicatorObservations.observedOn })
          .from(indicatorObservations)
          .where(and(eq(indicatorObservations.indicatorId, indicatorId), sql`${indicatorObservations.observedOn} = ANY(${sql.param([...dates])}::date[])`));
        return new Set(rows.map((r) => r.observedOn));
      },
      async insert(values: ObservationInsert): Promise<IndicatorObservation> {
        try {
          const rows = await db.insert(indicatorObservations).values(values).returning();
          return toObservation(rows[0]!);
        } catch (err) {
          throw mapWriteError(err, 'Observation', { values });
        }
      },
      /** Inserts many observations in one statement (one array a column, expanded by unnest); returns how many. */
      async insertMany(rows: readonly ObservationInsert[]): Promise<number> {
        if (rows.length === 0) return 0;
        const arrays = {
          indicator_id: ['uuid', rows.map((r) => r.indicatorId)],
          observed_on: ['date', rows.map((r) => r.observedOn)],
          value: ['float8', rows.map((r) => r.value)],
          source: ['text', rows.map((r) => r.source)],
          source_reliability: ['text', rows.map((r) => r.sourceReliability)],
          credibility: ['int2', rows.map((r) => r.credibility)],
          author_id: ['uuid', rows.map((r) => r.authorId)],
        } as const;
        const names = sql.raw(Object.keys(arrays).join(', '));
        const params = sql.join(
          Object.values(arrays).map(([type, values]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
          sql`, `,
        );
        try {
          await db.execute(sql`INSERT INTO indicator_observations (${names}) SELECT ${names} FROM unnest(${params}) AS u(${names})`);
        } catch (err) {
          throw mapWriteError(err, 'Observation', { values: rows.length === 1 ? { ...rows[0] } : {} });
        }
        return rows.length;
      },
      /** How many observations an indicator has. */
      async count(indicatorId: string): Promise<number> {
        const [row] = await db.select({ n: count() }).from(indicatorObservations).where(eq(indicatorObservations.indicatorId, indicatorId));
        return Number(row?.n ?? 0);
      },
    },
  };
}
export type GroundRepository = ReturnType<typeof groundRepository>;
