/**
 * The audit log: appends under a lock on the chain's head row (one writer at a time, in the
 * writer's own transaction), lists an agreement's entries by filters with the records they name,
 * and reads the whole chain for verification.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, isNull, lt, notExists, notInArray, sql, type SQL } from 'drizzle-orm';
import { confidentialScopes, entryHash, type AuditAction, type AuditEntry, type AuditFields, type ChainPoint } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { auditEvents, auditHead, auditScopes, users } from '../schema/index.ts';
import { namedRecords } from './audit-names.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What a writer records; the sequence number and the link to the previous entry are added on append. */
export type AuditRecord = Omit<AuditFields, 'seq' | 'prevHash' | 'at'> & { at: Date };

type Row = typeof auditEvents.$inferSelect;

function toEntry(row: Row): AuditEntry {
  return {
    ...row,
    action: row.action as AuditAction,
    at: row.at.toISOString(),
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** JSON values as jsonb returns them, so that the hash computed now matches the one recomputed later. */
const asStored = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** What verification reads: the recorded head, one entry's link, and the whole chain in order. */
export interface AuditReader {
  head(): Promise<ChainPoint>;
  point(seq: number): Promise<(ChainPoint & { at: string }) | null>;
  entries(batchSize?: number): AsyncGenerator<AuditEntry>;
}

/** What a page of entries is filtered by, beside the reader's scopes. */
export interface AuditPageQuery {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
  /** The confidential scopes the reader may read; null for every one. */
  scopes: string[] | null;
  /** A user's id, or null for the entries written without a user; undefined for any actor. */
  actorId?: string | null;
  entity?: string;
  action?: AuditAction;
  /** Written at or after. */
  from?: Date;
  /** Written before. */
  to?: Date;
}

/**
 * An agreement's entries a reader may see: none of an entity that ever had a confidential scope
 * outside `scopes` (null: the reader sees every scope).
 */
function visibleTo(db: Db, agreementId: string, scopes: string[] | null): SQL | undefined {
  const outside =
    scopes === null
      ? undefined
      : notExists(
          db
            .select({ one: sql`1` })
            .from(auditScopes)
            .where(
              and(
                eq(auditScopes.entity, auditEvents.entity),
                eq(auditScopes.entityId, auditEvents.entityId),
                scopes.length > 0 ? notInArray(auditScopes.scope, scopes) : undefined,
              ),
            ),
        );
  return and(eq(auditEvents.agreementId, agreementId), outside);
}

function filterConditions(options: AuditPageQuery): Array<SQL | undefined> {
  const { actorId, entity, action, from, to } = options;
  return [
    actorId === undefined ? undefined : actorId === null ? isNull(auditEvents.actorId) : eq(auditEvents.actorId, actorId),
    entity === undefined ? undefined : eq(auditEvents.entity, entity),
    action === undefined ? undefined : eq(auditEvents.action, action),
    from === undefined ? undefined : gte(auditEvents.at, from),
    to === undefined ? undefined : lt(auditEvents.at, to),
  ];
}

export function auditRepository(db: Db) {
  return {
    /** Appends one entry. Call inside the transaction of the write it records. */
    async append(record: AuditRecord): Promise<AuditEntry> {
      const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
      if (!head) throw new Error('audit_head is missing: run the migrations');
      const fields = {
        ...record,
        at: new Date(record.at.getTime()).toISOString(),
        before: asStored(record.before),
        after: asStored(record.after),
        seq: head.seq + 1,
        prevHash: head.hash,
      };
      const hash = entryHash(fields, sha256);
      await db.insert(auditEvents).values({ ...fields, at: new Date(fields.at), hash });
      await db.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1));
      const scopes = confidentialScopes(fields.before, fields.after);
      if (scopes.length > 0) {
        await db
          .insert(auditScopes)
          .values(scopes.map((scope) => ({ entity: fields.entity, entityId: fields.entityId, agreementId: fields.agreementId, scope })))
          .onConflictDoNothing();
      }
      return { ...fields, hash };
    },

    /**
     * An agreement's entries, a page at a time, by the filters given. `scopes` are the confidential
     * scopes the reader may read (null: every one): an entity that ever had another scope is left
     * out of the items and the total.
     */
    async page(agreementId: string, options: AuditPageQuery) {
      const where = and(visibleTo(db, agreementId, options.scopes), ...filterConditions(options));
      const rows = await db
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(options.order === 'desc' ? desc(auditEvents.seq) : asc(auditEvents.seq))
        .limit(options.limit)
        .offset(options.offset);
      const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
      return { items: rows.map(toEntry), total: Number(total?.n ?? 0) };
    },

    /**
     * Who wrote the entries the reader may see, and their entity kinds, whatever the filters: the
     * choices a filter offers. A user is named as their account is now, else by the names recorded.
     */
    async facets(agreementId: string, scopes: string[] | null): Promise<{ actors: Array<{ id: string | null; name: string }>; entities: string[] }> {
      const where = visibleTo(db, agreementId, scopes);
      const actors = await db
        .select({ id: auditEvents.actorId, recorded: sql<string>`string_agg(DISTINCT ${auditEvents.actorName}, ', ')`, name: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(where)
        .groupBy(auditEvents.actorId, users.name);
      const entities = await db.selectDistinct({ entity: auditEvents.entity }).from(auditEvents).where(where);
      return {
        actors: actors.map((a) => ({ id: a.id, name: a.name ?? a.recorded })).sort((a, b) => a.name.localeCompare(b.name)),
        // Sorted here: the database's collation would order `incident_step` differently on each server.
        entities: entities.map((e) => e.entity).sort(),
      };
    },

    /** The records of the agreement (and the users) among `ids`, for naming what a page of entries shows. */
    names: (agreementId: string, ids: readonly string[]) => namedRecords(db, agreementId, ids),

    async head(): Promise<ChainPoint> {
      const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
      return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: '0'.repeat(64) };
    },

    /** The whole chain in order, read in batches so that a long log does not fill memory. */
    async *entries(batchSize = 5_000): AsyncGenerator<AuditEntry> {
      let after = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(gt(auditEvents.seq, after))
          .orderBy(asc(auditEvents.seq))
          .limit(batchSize);
        for (const row of rows) yield toEntry(row);
        if (rows.length < batchSize) return;
        after = rows[rows.length - 1]!.seq;
      }
    },

    /** Entry `seq`'s link and the time it was appended, or null when there is no such entry. */
    async point(seq: number): Promise<(ChainPoint & { at: string }) | null> {
      const [row] = await db
        .select({ seq: auditEvents.seq, hash: auditEvents.hash, at: auditEvents.at })
        .from(auditEvents)
        .where(eq(auditEvents.seq, seq));
      return row ? { seq: row.seq, hash: row.hash, at: row.at.toISOString() } : null;
    },

    /**
     * Runs `read` on one consistent snapshot of the log (a read-only, repeatable-read transaction):
     * the head and the entries as they stood when it began, however long it takes, while writers
     * carry on. Without it, an entry appended during a verification would lie past the head read first.
     */
    snapshot<T>(read: (audit: AuditReader) => Promise<T>): Promise<T> {
      return db.transaction((tx) => read(auditRepository(tx as unknown as Db)), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    },

    async countFor(agreementId: string, entity?: string): Promise<number> {
      const where = entity
        ? and(eq(auditEvents.agreementId, agreementId), eq(auditEvents.entity, entity))
        : eq(auditEvents.agreementId, agreementId);
      const [row] = await db.select({ n: count() }).from(auditEvents).where(where);
      return Number(row?.n ?? 0);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
