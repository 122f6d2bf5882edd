/**
 * Incidents: scoped, versioned rows with the provisions they bear on; the filtered list with
 * keyset paging, text search and totals by status; batches for export; and the compliance counts.
 * Every list is newest first by default, on (occurred_at, id), which the indexes of
 * schema/monitoring.ts serve.
 */
import { and, eq, getTableColumns, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import {
  INCIDENT_STATUSES,
  type BBox,
  type ComplianceCount,
  type ComplianceDimension,
  type ComplianceGranularity,
  type Credibility,
  type Incident,
  type IncidentCategory,
  type IncidentStatus,
  type Reliability,
  type SourceType,
} from '../../core/index.ts';
import type { Db } from '../open.ts';
import { incidentProvisions, incidents } from '../schema/index.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

type Row = typeof incidents.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toIncident(row: Row): Incident {
  return {
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    sourceType: row.sourceType as SourceType,
    reliability: row.reliability as Reliability,
    credibility: row.credibility as Credibility,
    category: row.category as IncidentCategory,
    status: row.status as IncidentStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A row as plain SQL returns it: snake_case columns, timestamps as Dates. */
type RawRow = Record<string, unknown> & { occurred_at: Date | string; reported_at: Date | string; created_at: Date | string; updated_at: Date | string };

const isoOfRaw = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fromRaw(r: RawRow): Incident {
  return {
    id: r.id as string,
    agreementId: r.agreement_id as string,
    occurredAt: isoOfRaw(r.occurred_at),
    reportedAt: isoOfRaw(r.reported_at),
    lon: nullableNumber(r.lon),
    lat: nullableNumber(r.lat),
    zoneId: (r.zone_id as string | null) ?? null,
    place: r.place as string,
    sourceType: r.source_type as SourceType,
    reliability: r.reliability as Reliability,
    credibility: Number(r.credibility) as Credibility,
    allegedPartyId: (r.alleged_party_id as string | null) ?? null,
    attributedPartyId: (r.attributed_party_id as string | null) ?? null,
    reportingPartyId: (r.reporting_party_id as string | null) ?? null,
    category: r.category as IncidentCategory,
    killed: nullableNumber(r.killed),
    injured: nullableNumber(r.injured),
    civiliansKilled: nullableNumber(r.civilians_killed),
    civiliansInjured: nullableNumber(r.civilians_injured),
    description: r.description as string,
    status: r.status as IncidentStatus,
    duplicateOfId: (r.duplicate_of_id as string | null) ?? null,
    externalSource: (r.external_source as string | null) ?? null,
    externalId: (r.external_id as string | null) ?? null,
    provisionIds: (r.provision_ids as string[] | null) ?? [],
    reportedBy: (r.reported_by as string | null) ?? null,
    version: Number(r.version),
    createdAt: isoOfRaw(r.created_at),
    updatedAt: isoOfRaw(r.updated_at),
  };
}

export interface IncidentFilter {
  /** occurred_at >= from */
  from?: Date | undefined;
  /** occurred_at < to */
  to?: Date | undefined;
  status?: readonly IncidentStatus[] | undefined;
  category?: readonly IncidentCategory[] | undefined;
  /** The alleged party. */
  partyId?: string | undefined;
  attributedPartyId?: string | undefined;
  zoneId?: string | undefined;
  sourceType?: SourceType | undefined;
  provisionId?: string | undefined;
  /** Incidents with a point inside [minLon, minLat, maxLon, maxLat]. */
  bbox?: BBox | undefined;
  /** Words of the description or the place: each matches as a prefix, all must match (see prefixQuery). */
  q?: string | undefined;
}

/** Where a keyset page starts: after this (occurredAt, id) in the list's order. */
export interface IncidentCursor {
  occurredAt: string;
  id: string;
}

export interface IncidentPageQuery extends IncidentFilter {
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  cursor?: IncidentCursor | undefined;
}

/** At most this many words of a search are used; the rest are left out. */
export const SEARCH_WORDS = 16;

// Inside a quoted lexeme of tsquery text, a backslash escapes the next character and '' is a quote.
const quoteLexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsquery text (for to_tsquery('simple', ...)) of a search: each whitespace-separated word
 * quoted, so that no character of it is an operator, and marked as a prefix (:*), the words ANDed.
 * PostgreSQL's parser then splits a quoted word as it split the description (`gaza's` is `gaza`
 * followed by `s`, punctuation drops out), on PGlite and the server alike. Words without a letter
 * or digit are left out; null when no word is left, which matches nothing.
 */
export function prefixQuery(search: string): string | null {
  const words = search
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, SEARCH_WORDS);
  return words.length === 0 ? null : words.map((w) => `${quoteLexeme(w)}:*`).join(' & ');
}

/** The search condition on the generated column incidents.search (migration 0012; not in the Drizzle schema). */
function searchCondition(search: string): SQL {
  const query = prefixQuery(search);
  return query === null ? sql`false` : sql`"incidents"."search" @@ to_tsquery('simple'::regconfig, ${query}::text)`;
}

/** Counting stops here: beyond it a list says "more than" rather than scan a million rows for a number. */
export const COUNT_CAP = 1_000;

function conditions(agreementId: string, f: IncidentFilter): SQL[] {
  const c: SQL[] = [eq(incidents.agreementId, agreementId)];
  if (f.from) c.push(gte(incidents.occurredAt, f.from));
  if (f.to) c.push(lt(incidents.occurredAt, f.to));
  if (f.status?.length) c.push(f.status.length === 1 ? eq(incidents.status, f.status[0]!) : inArray(incidents.status, [...f.status]));
  if (f.category?.length) c.push(f.category.length === 1 ? eq(incidents.category, f.category[0]!) : inArray(incidents.category, [...f.category]));
  if (f.partyId) c.push(eq(incidents.allegedPartyId, f.partyId));
  if (f.attributedPartyId) c.push(eq(incidents.attributedPartyId, f.attributedPartyId));
  if (f.zoneId) c.push(eq(incidents.zoneId, f.zoneId));
  if (f.sourceType) c.push(eq(incidents.sourceType, f.sourceType));
  if (f.provisionId) {
    c.push(sql`EXISTS (SELECT 1 FROM incident_provisions ip WHERE ip.incident_id = ${incidents.id} AND ip.provision_id = ${f.provisionId})`);
  }
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    c.push(gte(incidents.lon, minLon), lte(incidents.lon, maxLon), gte(incidents.lat, minLat), lte(incidents.lat, maxLat));
  }
  if (f.q) c.push(searchCondition(f.q));
  return c;
}

const cursorCondition = (cursor: IncidentCursor, order: 'asc' | 'desc') =>
  order === 'desc'
    ? sql`(${incidents.occurredAt}, ${incidents.id}) < (${cursor.occurredAt}::timestamptz, ${cursor.id}::uuid)`
    : sql`(${incidents.occurredAt}, ${incidents.id}) > (${cursor.occurredAt}::timestamptz, ${cursor.id}::uuid)`;

const ordering = (order: 'asc' | 'desc') =>
  order === 'desc' ? sql`${incidents.occurredAt} DESC, ${incidents.id} DESC` : sql`${incidents.occurredAt} ASC, ${incidents.id} ASC`;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// The schema's columns by name: never `*`, which would carry the search column's tsvector too.
const COLUMNS = sql.join(
  Object.values(getTableColumns(incidents)).map((c) => sql.identifier(c.name)),
  sql`, `,
);

/** Incidents per status, counted up to COUNT_CAP each; every status in workflow order, zeros included. */
export interface StatusTotal {
  status: IncidentStatus;
  count: number;
  capped: boolean;
}

/** What compliance counts ask for: one dimension, by day or week, in [from, to) of a time zone. */
export interface ComplianceCountQuery {
  by: ComplianceDimension;
  granularity: ComplianceGranularity;
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * The SQL of complianceCounts (exported for the benchmark's EXPLAIN): verified incidents per local
 * date (or ISO week start) of `timeZone` and per attributed party or provision, occurred in
 * [from, to). Days wholly inside the window are read from verified_incident_days (a few rows a day,
 * whatever the number of incidents); the days the window cuts, at either end, are counted from the
 * incidents themselves. When `timeZone` is not the agreement's, whose days the rollup holds, every
 * incident of the window is counted.
 */
export function complianceQuery(agreementId: string, q: ComplianceCountQuery): SQL {
  const unit = q.granularity === 'day' ? sql.raw(`'day'`) : sql.raw(`'week'`);
  const from = sql`${iso(q.from)}::timestamptz`;
  const to = sql`${iso(q.to)}::timestamptz`;
  const tz = sql`${q.timeZone}::text`;
  const localDay = sql`(i.occurred_at AT TIME ZONE ${tz})::date`;
  // A local day lasts at most 25 hours; the margin also covers calendar jumps of past centuries.
  const margin = sql`interval '50 hours'`;
  const key = q.by === 'party' ? sql`i.attributed_party_id` : sql`p.id`;
  const unnest = q.by === 'party' ? sql`` : sql`CROSS JOIN LATERAL unnest(i.provision_ids) AS p(id)`;
  const edge = (start: SQL, end: SQL) => sql`
    SELECT ${localDay} AS day, ${key} AS key, count(*)::int AS n
    FROM incidents i ${unnest}, bounds b
    WHERE i.agreement_id = ${agreementId} AND i.status = 'verified' AND i.occurred_at >= ${start} AND i.occurred_at < ${end}
      AND NOT (b.rollup AND ${localDay} >= b.first_day AND ${localDay} < b.end_day)
    GROUP BY 1, 2`;
  // Both edges and the middle read only the partial index of verified incidents (provision_ids is in it).
  return sql`
    WITH bounds AS (
      SELECT a.time_zone = ${tz} AS rollup,
        (${from} AT TIME ZONE ${tz})::date + CASE WHEN (${from} AT TIME ZONE ${tz})::time = time '00:00' THEN 0 ELSE 1 END AS first_day,
        (${to} AT TIME ZONE ${tz})::date AS end_day
      FROM agreements a WHERE a.id = ${agreementId}
    ), counted AS (
      SELECT v.day, v.key, v.count AS n
      FROM verified_incident_days v
      WHERE (SELECT rollup FROM bounds) AND v.agreement_id = ${agreementId} AND v.dimension = ${q.by}
        AND v.day >= (SELECT first_day FROM bounds) AND v.day < (SELECT end_day FROM bounds) AND v.count <> 0
      UNION ALL ${edge(from, sql`CASE WHEN b.rollup THEN least(${to}, ${from} + ${margin}) ELSE ${to} END`)}
      UNION ALL ${edge(sql`CASE WHEN b.rollup THEN greatest(${from} + ${margin}, ${to} - ${margin}) ELSE ${to} END`, to)}
    )
    SELECT date_trunc(${unit}, c.day::timestamp)::date::text AS date, c.key, sum(c.n)::int AS count
    FROM counted c GROUP BY 1, 2`;
}

export function incidentRepository(db: Db) {
  const scoped = scopedRepository<Row, Incident>(db, {
    table: incidents,
    entity: 'Incident',
    orderBy: [incidents.occurredAt],
    toModel: toIncident,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });

  /** Replaces an incident's links; a trigger mirrors them into incidents.provision_ids. */
  async function setProvisions(incidentId: string, provisionIds: readonly string[]): Promise<void> {
    try {
      await db.delete(incidentProvisions).where(eq(incidentProvisions.incidentId, incidentId));
      if (provisionIds.length > 0) {
        await db.insert(incidentProvisions).values([...new Set(provisionIds)].map((provisionId) => ({ incidentId, provisionId })));
      }
    } catch (err) {
      throw mapWriteError(err, 'Incident provision');
    }
  }

  /** Per status, the incidents matching `filter` but for its statuses: each count walks (agreement, status, ...) and stops past the cap. */
  async function statusTotals(agreementId: string, filter: IncidentFilter): Promise<StatusTotal[]> {
    const others = conditions(agreementId, { ...filter, status: undefined });
    const counts = INCIDENT_STATUSES.map(
      (status) =>
        sql`SELECT ${status}::text AS status, count(*)::int AS n FROM (SELECT 1 FROM ${incidents} WHERE ${and(...others, eq(incidents.status, status))} LIMIT ${COUNT_CAP + 1}) capped`,
    );
    const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql.join(counts, sql` UNION ALL `)));
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
    return INCIDENT_STATUSES.map((status) => {
      const n = byStatus.get(status) ?? 0;
      return { status, count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
    });
  }

  return {
    get: scoped.get,

    /** Inserts an incident with its links, and reads it back as stored. */
    async insert(values: Record<string, unknown>, provisionIds: readonly string[]): Promise<Incident> {
      const row = await scoped.insert(values);
      if (provisionIds.length === 0) return row;
      await setProvisions(row.id, provisionIds);
      return scoped.get(row.agreementId, row.id);
    },

    /** Applies `patch` at `version`; `provisionIds`, when given, replaces the links. */
    async update(agreementId: string, id: string, version: number, patch: Record<string, unknown>, provisionIds?: readonly string[]): Promise<Incident> {
      const row = await scoped.update(agreementId, id, version, patch);
      if (!provisionIds) return row;
      await setProvisions(id, provisionIds);
      return scoped.get(agreementId, id);
    },

    setProvisions,

    /**
     * One page: keyset after `cursor` when given, else `offset`; `total` counts up to COUNT_CAP, and
     * so does each of `byStatus`, the totals of every filter but the status one (what choosing
     * another status would show).
     */
    async page(
      agreementId: string,
      q: IncidentPageQuery,
    ): Promise<{ items: Incident[]; total: number; totalCapped: boolean; byStatus: StatusTotal[]; nextCursor: IncidentCursor | null }> {
      const filter = conditions(agreementId, q);
      const where = and(...filter, ...(q.cursor ? [cursorCondition(q.cursor, q.order)] : []));
      // Ordered like the page, so that the count walks the same index and stops at the cap.
      const [counted] = rowsOf<{ n: number }>(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${incidents} WHERE ${and(...filter)} ORDER BY ${ordering(q.order)} LIMIT ${COUNT_CAP + 1}) capped`,
        ),
      );
      const n = Number(counted?.n ?? 0);
      const offset = q.cursor ? 0 : q.offset;
      let rows: Incident[];
      if (q.q !== undefined && n <= COUNT_CAP) {
        // Few incidents match the search (the count says so): read them through the search's GIN
        // index, then order them. Left to itself the planner walks the time index backwards and tests
        // every incident of the agreement against a rare word (bench/incident-search.bench.ts).
        const dir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
        const raw = rowsOf<RawRow>(
          await db.execute(
            sql`WITH matched AS MATERIALIZED (SELECT ${COLUMNS} FROM ${incidents} WHERE ${where}) SELECT * FROM matched ORDER BY occurred_at ${dir}, id ${dir} LIMIT ${q.limit + 1} OFFSET ${offset}`,
          ),
        );
        rows = raw.map(fromRaw);
      } else {
        rows = (await db.select().from(incidents).where(where).orderBy(ordering(q.order)).limit(q.limit + 1).offset(offset)).map(toIncident);
      }
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return {
        items,
        total: Math.min(n, COUNT_CAP),
        totalCapped: n > COUNT_CAP,
        byStatus: await statusTotals(agreementId, q),
        nextCursor: more && last ? { occurredAt: last.occurredAt, id: last.id } : null,
      };
    },

    /**
     * Every matching incident in list order, read in keyset batches so that memory stays flat. The
     * rows are read with plain SQL: the query builder's row mapping would double the time of an export.
     */
    async *batches(agreementId: string, filter: IncidentFilter, order: 'asc' | 'desc' = 'desc', size = 2_000): AsyncGenerator<Incident[]> {
      let cursor: IncidentCursor | undefined;
      for (;;) {
        const where = and(...conditions(agreementId, filter), ...(cursor ? [cursorCondition(cursor, order)] : []));
        const rows = rowsOf<RawRow>(await db.execute(sql`SELECT ${COLUMNS} FROM ${incidents} WHERE ${where} ORDER BY ${ordering(order)} LIMIT ${size}`));
        if (rows.length === 0) return;
        const batch = rows.map(fromRaw);
        yield batch;
        if (rows.length < size) return;
        const last = batch[batch.length - 1]!;
        cursor = { occurredAt: last.occurredAt, id: last.id };
      }
    },

    /** Whether an incident of the agreement exists, and its status. */
    async statusOf(agreementId: string, id: string): Promise<IncidentStatus | null> {
      const [row] = await db
        .select({ status: incidents.status })
        .from(incidents)
        .where(and(eq(incidents.agreementId, agreementId), eq(incidents.id, id)));
      return row ? (row.status as IncidentStatus) : null;
    },

    /** Verified incidents per local date or week and per party or provision: see complianceQuery. */
    async complianceCounts(agreementId: string, q: ComplianceCountQuery): Promise<ComplianceCount[]> {
      const query = complianceQuery(agreementId, q);
      return rowsOf<{ date: string; key: string | null; count: number }>(await db.execute(query)).map((r) => ({
        date: r.date,
        key: r.key,
        count: Number(r.count),
      }));
    },

    /** Verified violations per provision that occurred in (since, until]: the matrix's bottleneck input. */
    async recentViolations(agreementId: string, since: Date, until: Date): Promise<Map<string, number>> {
      const rows = rowsOf<{ provision_id: string; n: number }>(
        await db.execute(sql`
          SELECT p.id AS provision_id, count(*)::int AS n
          FROM incidents i CROSS JOIN LATERAL unnest(i.provision_ids) AS p(id)
          WHERE i.agreement_id = ${agreementId} AND i.status = 'verified'
            AND i.occurred_at > ${iso(since)}::timestamptz AND i.occurred_at <= ${iso(until)}::timestamptz
          GROUP BY 1`),
      );
      return new Map(rows.map((r) => [r.provision_id, Number(r.n)]));
    },

    /**
     * The next instant at which recentViolations(now - windowMs, now) would change without a write:
     * a verified violation (bearing on a provision) enters the window when `now` reaches it, and
     * leaves it `windowMs` later. Null when none will.
     */
    async nextViolationChange(agreementId: string, now: Date, windowMs: number): Promise<Date | null> {
      const seconds = windowMs / 1000;
      const [row] = rowsOf<{ next: Date | string | null }>(
        await db.execute(sql`
          SELECT min(CASE WHEN occurred_at > ${iso(now)}::timestamptz THEN occurred_at
                          ELSE occurred_at + make_interval(secs => ${seconds}) END) AS next
          FROM incidents
          WHERE agreement_id = ${agreementId} AND status = 'verified' AND cardinality(provision_ids) > 0
            AND occurred_at > ${iso(now)}::timestamptz - make_interval(secs => ${seconds})`),
      );
      return row?.next ? new Date(row.next) : null;
    },
  };
}
export type IncidentRepository = ReturnType<typeof incidentRepository>;
