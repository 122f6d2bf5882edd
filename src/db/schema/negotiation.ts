/**
 * Negotiated texts (docs/NEGOTIATION.md): documents, their sections and clauses, every version of a
 * clause, and the parties' stances on each bracketed alternative, kept for ever as their history.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { users } from './accounts.ts';
import { agreements, parties } from './agreements.ts';

/** A negotiated text of an agreement; `revision` moves on by one with every clause edit. */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('documents_agreement_idx').on(t.agreementId, t.createdAt)],
);

/** A heading of a document: its level (1 for `#`) and title, in order. */
export const documentSections = pgTable(
  'document_sections',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level: integer('level').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('document_sections_document_idx').on(t.documentId, t.position)],
);

/** A paragraph or list item of a document, with its current text (brackets included). */
export const clauses = pgTable(
  'clauses',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id').references(() => documentSections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The list label as written (`1.`, `2.3`, `-`), empty for a paragraph. */
    marker: text('marker').notNull().default(''),
    /** The label without its trailing dot; null for bullets and paragraphs. */
    number: text('number'),
    text: text('text').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index('clauses_document_idx').on(t.documentId, t.position)],
);

/** Every text a clause has had, with who wrote it, why, and the document revision it made. */
export const clauseVersions = pgTable(
  'clause_versions',
  {
    id: id(),
    clauseId: uuid('clause_id')
      .notNull()
      .references(() => clauses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    documentRevision: integer('document_revision').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [unique('clause_versions_clause_version_key').on(t.clauseId, t.version), index('clause_versions_revision_idx').on(t.clauseId, t.documentRevision)],
);

/**
 * A party's statement on one alternative of a bracket group (by key), under an audience as notes
 * have: append-only, so that the newest a reader may see is that party's current stance for them.
 */
export const stances = pgTable(
  'stances',
  {
    id: id(),
    clauseId: uuid('clause_id')
      .notNull()
      .references(() => clauses.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    alternative: integer('alternative').notNull(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    position: text('position').notNull(),
    reservation: text('reservation').notNull().default(''),
    reason: text('reason').notNull().default(''),
    statedOn: date('stated_on', { mode: 'string' }).notNull(),
    audience: text('audience').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('stances_clause_idx').on(t.clauseId, t.createdAt),
    index('stances_agreement_idx').on(t.agreementId),
    check('stances_position_check', sql`${t.position} IN ('accept', 'accept_with_reservation', 'abstain', 'reject', 'no_position')`),
    check('stances_audience_check', sql`${t.audience} IN ('party', 'mediators', 'all')`),
  ],
);
