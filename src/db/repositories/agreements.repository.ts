/** Agreements: listing with search, sort and paging; lookup by id or slug; versioned updates. */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { isUuid, NotFoundError, staleVersion, type Agreement, type AgreementStatus } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { agreements } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

type Row = typeof agreements.$inferSelect;

export function toAgreement(row: Row): Agreement {
  return {
    ...row,
    status: row.status as AgreementStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface AgreementFilter {
  q?: string | undefined;
  status?: AgreementStatus | undefined;
  sort: 'title' | 'slug' | 'createdAt' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Only public agreements and these ones; omitted means every agreement. */
  readableIds?: readonly string[] | undefined;
}

/** Escapes LIKE wildcards so that a search for "50%" finds that text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function agreementRepository(db: Db) {
  return {
    async list(filter: AgreementFilter): Promise<{ items: Agreement[]; total: number }> {
      const conditions: SQL[] = [];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(or(ilike(agreements.title, pattern), ilike(agreements.slug, pattern))!);
      }
      if (filter.status) conditions.push(eq(agreements.status, filter.status));
      if (filter.readableIds) {
        conditions.push(
          filter.readableIds.length > 0
            ? or(eq(agreements.public, true), inArray(agreements.id, [...filter.readableIds]))!
            : eq(agreements.public, true),
        );
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const column = agreements[filter.sort];
      const rows = await db
        .select()
        .from(agreements)
        .where(where)
        .orderBy(filter.order === 'desc' ? desc(column) : asc(column), asc(agreements.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const [total] = await db.select({ n: count() }).from(agreements).where(where);
      return { items: rows.map(toAgreement), total: Number(total?.n ?? 0) };
    },

    /** By id or slug. */
    async find(ref: string): Promise<Agreement | null> {
      const rows = await db
        .select()
        .from(agreements)
        .where(isUuid(ref) ? eq(agreements.id, ref) : eq(agreements.slug, ref));
      return rows[0] ? toAgreement(rows[0]) : null;
    },

    async get(ref: string): Promise<Agreement> {
      const found = await this.find(ref);
      if (!found) throw new NotFoundError('Agreement', ref);
      return found;
    },

    async insert(values: typeof agreements.$inferInsert): Promise<Agreement> {
      try {
        const [row] = await db.insert(agreements).values(values).returning();
        return toAgreement(row!);
      } catch (err) {
        throw mapWriteError(err, 'Agreement', { values });
      }
    },

    async update(id: string, version: number, patch: Partial<typeof agreements.$inferInsert>): Promise<Agreement> {
      let rows: Row[];
      try {
        rows = await db
          .update(agreements)
          .set({ ...patch, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(agreements.id, id), eq(agreements.version, version)))
          .returning();
      } catch (err) {
        throw mapWriteError(err, 'Agreement', { values: patch });
      }
      if (rows[0]) return toAgreement(rows[0]);
      const current = await this.find(id);
      if (!current) throw new NotFoundError('Agreement', id);
      throw staleVersion('Agreement', id, version, current.version);
    },

    /** Deletes an agreement with everything under it. */
    async remove(id: string): Promise<void> {
      await db.delete(agreements).where(eq(agreements.id, id));
    },
  };
}
export type AgreementRepository = ReturnType<typeof agreementRepository>;
