/**
 * Shared machinery for versioned rows: optimistic concurrency (a write names the version it read;
 * a stale one is refused with 409), unique-violation mapping, and CRUD scoped to one agreement.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError, staleVersion } from '../../core/index.ts';
import type { Db } from '../open.ts';

/** The SQLSTATE and constraint of a PostgreSQL error, as pg and PGlite report it, possibly wrapped by Drizzle. */
export function pgError(err: unknown): { code: string; constraint: string } | null {
  for (let e: unknown = err; e !== null && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : '' };
    }
  }
  return null;
}

type ScopedTable = PgTable & { id: PgColumn; agreementId: PgColumn; version: PgColumn };

export interface ScopedRepository<Row, Model> {
  /** All rows of an agreement, ordered. */
  list(agreementId: string): Promise<Model[]>;
  /** One row or NotFoundError. */
  get(agreementId: string, id: string): Promise<Model>;
  insert(values: Record<string, unknown>): Promise<Model>;
  /** Applies `patch` when `version` is current, bumping the version; 404 or 409 otherwise. */
  update(agreementId: string, id: string, version: number, patch: Record<string, unknown>): Promise<Model>;
  /** Deletes when `version` is current; 404 or 409 otherwise. */
  remove(agreementId: string, id: string, version: number): Promise<void>;
  readonly _row?: Row;
}

/** CRUD for a table whose rows belong to one agreement and carry a version. */
export function scopedRepository<Row, Model>(
  db: Db,
  config: {
    table: ScopedTable;
    entity: string;
    orderBy: PgColumn[];
    toModel: (row: Row) => Model;
    extraSet?: () => Record<string, SQL>;
  },
): ScopedRepository<Row, Model> {
  const { table, entity, toModel } = config;
  const scope = (agreementId: string, id: string) => and(eq(table.id, id), eq(table.agreementId, agreementId));

  async function currentVersion(agreementId: string, id: string): Promise<number | null> {
    const rows = await db.select({ version: table.version }).from(table).where(scope(agreementId, id));
    return rows[0] ? Number(rows[0].version) : null;
  }

  async function refuse(agreementId: string, id: string, version: number): Promise<never> {
    const actual = await currentVersion(agreementId, id);
    if (actual === null) throw new NotFoundError(entity, id);
    throw staleVersion(entity, id, version, actual);
  }

  return {
    async list(agreementId) {
      const rows = await db
        .select()
        .from(table)
        .where(eq(table.agreementId, agreementId))
        .orderBy(...config.orderBy.map((c) => asc(c)), asc(table.id));
      return (rows as Row[]).map(toModel);
    },
    async get(agreementId, id) {
      const rows = await db.select().from(table).where(scope(agreementId, id));
      if (!rows[0]) throw new NotFoundError(entity, id);
      return toModel(rows[0] as Row);
    },
    async insert(values) {
      try {
        const rows = await db.insert(table).values(values).returning();
        return toModel(rows[0] as Row);
      } catch (err) {
        throw mapWriteError(err, entity);
      }
    },
    async update(agreementId, id, version, patch) {
      let rows: unknown[];
      try {
        rows = await db
          .update(table)
          .set({ ...patch, ...config.extraSet?.(), version: sql`${table.version} + 1` })
          .where(and(scope(agreementId, id), eq(table.version, version)))
          .returning();
      } catch (err) {
        throw mapWriteError(err, entity);
      }
      if (!rows[0]) return refuse(agreementId, id, version);
      return toModel(rows[0] as Row);
    },
    async remove(agreementId, id, version) {
      let rows: unknown[];
      try {
        rows = await db
          .delete(table)
          .where(and(scope(agreementId, id), eq(table.version, version)))
          .returning({ id: table.id });
      } catch (err) {
        throw mapWriteError(err, entity);
      }
      if (!rows[0]) await refuse(agreementId, id, version);
    },
  };
}

/** Database constraint errors as domain conflicts; anything else passes through. */
export function mapWriteError(err: unknown, entity: string): unknown {
  const pgErr = pgError(err);
  if (pgErr?.code === '23505') {
    return new ConflictError('already_exists', `${entity} already exists (${pgErr.constraint})`, {
      entity,
      constraint: pgErr.constraint,
    });
  }
  // 23001 is what PostgreSQL 18 (PGlite) reports for ON DELETE RESTRICT; 15 reports 23503.
  if (pgErr?.code === '23503' || pgErr?.code === '23001') {
    return new ConflictError(
      'still_referenced',
      `${entity} is referenced elsewhere or refers to a missing row (${pgErr.constraint})`,
      { entity, constraint: pgErr.constraint },
    );
  }
  return err;
}
