/**
 * The daily desk (docs/DESK.md): each provision's dated status history, and when each user last
 * looked at each agreement's "since" view.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, uniqueIndex, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../columns.ts';
import { users } from './accounts.ts';
import { agreements, provisions } from './agreements.ts';

/** A link to what supports a status change: an incident of the agreement, or a document on the web. */
export type StatusEvidence = { kind: 'incident'; incidentId: string; label: string } | { kind: 'url'; url: string; label: string };

/**
 * Every change of a provision's status, with who made it, why, on what source and grade, and the
 * evidence; append-only (a trigger refuses changes). The first row of a provision has from_status null.
 */
export const provisionStatusChanges = pgTable(
  'provision_status_changes',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id')
      .notNull()
      .references(() => provisions.id, { onDelete: 'cascade' }),
    /** Per provision, from 1. */
    seq: integer('seq').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    /** Who says so: a report, a monitoring mission, a party's statement. */
    source: text('source').notNull().default(''),
    /** Admiralty grade of the source: reliability A-F and credibility 1-6 ("B2"); null when not graded. */
    sourceGrade: text('source_grade'),
    evidence: jsonb('evidence').$type<StatusEvidence[]>().notNull().default([]),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('provision_status_changes_provision_idx').on(t.provisionId, t.seq),
    index('provision_status_changes_agreement_at_idx').on(t.agreementId, t.at),
    check('provision_status_changes_grade_check', sql`${t.sourceGrade} IS NULL OR ${t.sourceGrade} ~ '^[A-F][1-6]$'`),
  ],
);

/** When a user last marked an agreement's "since" view as seen: the default start of the next one. */
export const agreementVisits = pgTable(
  'agreement_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agreementId] })],
);
