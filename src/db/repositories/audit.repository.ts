/**
 * The audit log: appends under a lock on the chain's head row (one writer at a time, in the
 * writer's own transaction), lists an agreement's entries, and reads the whole chain for verification.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, notExists, notInArray, sql } from 'drizzle-orm';
import { confidentialScopes, entryHash, type AuditAction, type AuditEntry, type AuditFields, type ChainPoint } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { auditEvents, auditHead, auditScopes } from '../schema/index.ts';

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
     * An agreement's entries, a page at a time. `scopes` are the confidential scopes the reader may
     * read (null: every one): an entity that ever had another scope is left out of the items and the total.
     */
    async page(agreementId: string, options: { limit: number; offset: number; order: 'asc' | 'desc'; scopes: string[] | null }) {
      const outside = options.scopes === null
        ? undefined
        : notExists(
            db
              .select({ one: sql`1` })
              .from(auditScopes)
              .where(
                and(
                  eq(auditScopes.entity, auditEvents.entity),
                  eq(auditScopes.entityId, auditEvents.entityId),
                  options.scopes.length > 0 ? notInArray(auditScopes.scope, options.scopes) : undefined,
                ),
              ),
          );
      const where = and(eq(auditEvents.agreementId, agreementId), outside);
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
