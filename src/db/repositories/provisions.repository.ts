/** Provisions: scoped CRUD, filtered and paged listing, and a bulk insert through unnest arrays (with each one's first status-history row). */
import { and, asc, count, desc, eq, ilike, max, or, sql, type SQL } from 'drizzle-orm';
import { FIRST_STATUS_REASON, type ImplementationStatus, type Provision, type ProvisionCategory } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { provisions } from '../schema/index.ts';
import { likePattern } from './agreements.repository.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

type Row = typeof provisions.$inferSelect;

export function toProvision(row: Row): Provision {
  return {
    ...row,
    category: row.category as ProvisionCategory,
    status: row.status as ImplementationStatus,
    deadline: row.deadline ? row.deadline.toISOString() : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ProvisionFilter {
  phaseId?: string | undefined;
  pillarId?: string | undefined;
  partyId?: string | undefined;
  status?: ImplementationStatus | undefined;
  category?: ProvisionCategory | undefined;
  q?: string | undefined;
  sort: 'ordinal' | 'code' | 'title' | 'deadline' | 'status' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Who starts the status history of provisions inserted in bulk, when, and why (else "Added with this status"). */
export interface HistoryStart {
  reason?: string | undefined;
  actorId: string | null;
  actorName: string;
  at: Date;
}

/** A provision to insert in bulk (none comes from a clause); the id, version and timestamps come from the database. */
export type ProvisionInsert = Omit<Provision, 'id' | 'version' | 'updatedAt' | 'clauseId'>;

export const BULK_COLUMNS = [
  ['agreement_id', 'uuid', 'agreementId'],
  ['phase_id', 'uuid', 'phaseId'],
  ['pillar_id', 'uuid', 'pillarId'],
  ['ordinal', 'int4', 'ordinal'],
  ['code', 'text', 'code'],
  ['title', 'text', 'title'],
  ['text', 'text', 'text'],
  ['category', 'text', 'category'],
  ['obligated_party_id', 'uuid', 'obligatedPartyId'],
  ['deadline', 'timestamptz', 'deadline'],
  ['verification_method', 'text', 'verificationMethod'],
  ['status', 'text', 'status'],
] as const satisfies ReadonlyArray<readonly [string, string, keyof ProvisionInsert]>;

export function provisionRepository(db: Db) {
  const scoped = scopedRepository<Row, Provision>(db, {
    table: provisions,
    entity: 'Provision',
    orderBy: [provisions.ordinal],
    toModel: toProvision,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });

  return {
    ...scoped,

    async page(agreementId: string, filter: ProvisionFilter): Promise<{ items: Provision[]; total: number }> {
      const conditions: SQL[] = [eq(provisions.agreementId, agreementId)];
      if (filter.phaseId) conditions.push(eq(provisions.phaseId, filter.phaseId));
      if (filter.pillarId) conditions.push(eq(provisions.pillarId, filter.pillarId));
      if (filter.partyId) conditions.push(eq(provisions.obligatedPartyId, filter.partyId));
      if (filter.status) conditions.push(eq(provisions.status, filter.status));
      if (filter.category) conditions.push(eq(provisions.category, filter.category));
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(
          or(ilike(provisions.code, pattern), ilike(provisions.title, pattern), ilike(provisions.text, pattern))!,
        );
      }
      const where = and(...conditions);
      const column = provisions[filter.sort];
      const direction = filter.order === 'desc' ? desc : asc;
      const rows = await db
        .select()
        .from(provisions)
        .where(where)
        .orderBy(direction(column), asc(provisions.ordinal), asc(provisions.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const [total] = await db.select({ n: count() }).from(provisions).where(where);
      return { items: rows.map(toProvision), total: Number(total?.n ?? 0) };
    },

    /** The next free position at the end of a phase. */
    async nextOrdinal(phaseId: string): Promise<number> {
      const [row] = await db.select({ m: max(provisions.ordinal) }).from(provisions).where(eq(provisions.phaseId, phaseId));
      return (row?.m ?? 0) + 1;
    },

    async countInPhase(phaseId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(provisions).where(eq(provisions.phaseId, phaseId));
      return Number(row?.n ?? 0);
    },

    /**
     * Inserts many provisions in one statement: one array parameter a column, expanded by unnest,
     * so the cost is PostgreSQL's, not the query builder's. Each provision's status history starts
     * in the same statement (its first row, from no status, with `start`'s reason, actor and
     * instant): no provision is ever without one. Returns the number inserted.
     */
    async insertMany(rows: readonly ProvisionInsert[], start: HistoryStart): Promise<number> {
      if (rows.length === 0) return 0;
      const names = sql.raw(BULK_COLUMNS.map(([name]) => name).join(', '));
      const arrays = sql.join(
        BULK_COLUMNS.map(([, type, key]) => sql`${sql.param(rows.map((r) => r[key]))}::${sql.raw(type)}[]`),
        sql`, `,
      );
      try {
        await db.execute(sql`
          WITH inserted AS (INSERT INTO provisions (${names}) SELECT * FROM unnest(${arrays}) RETURNING id, agreement_id, status)
          INSERT INTO provision_status_changes (agreement_id, provision_id, seq, from_status, to_status, reason, actor_id, actor_name, at)
          SELECT agreement_id, id, 1, NULL, status, ${start.reason ?? FIRST_STATUS_REASON}, ${start.actorId}::uuid, ${start.actorName}, ${start.at.toISOString()}::timestamptz FROM inserted`);
      } catch (err) {
        throw mapWriteError(err, 'Provision');
      }
      return rows.length;
    },
  };
}
export type ProvisionRepository = ReturnType<typeof provisionRepository>;
