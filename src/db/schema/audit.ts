import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log, one hash chain for the whole database. No foreign keys: an entry
 * outlives what it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    agreementId: uuid('agreement_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_agreement_idx').on(t.agreementId, t.seq)],
);

/**
 * The confidential scopes ("party:<id>", "mediators") under which an entity's audit entries were
 * written, kept beside the append-only log as it grows: a reader outside any scope an entity ever
 * had sees none of its entries, whatever its state when each was written.
 */
export const auditScopes = pgTable(
  'audit_scopes',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    agreementId: uuid('agreement_id'),
    scope: text('scope').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId, t.scope] })],
);

/** The newest link of the chain, updated with every append: removing the newest entries shows. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
