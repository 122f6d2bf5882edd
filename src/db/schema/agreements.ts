/** Agreements and their parts: parties, phases, pillars, provisions, negotiation rounds and party notes. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { clauses } from './negotiation.ts';

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    illustrative: boolean('illustrative').notNull().default(false),
    /** Readable by visitors who are not logged in; confidential items stay hidden all the same. */
    public: boolean('public').notNull().default(false),
    sourceNote: text('source_note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agreements_slug_key').on(t.slug)],
);

export const parties = pgTable(
  'parties',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    localName: text('local_name'),
    role: text('role').notNull(),
    description: text('description').notNull().default(''),
    /** Whether it signs the agreement's texts (docs/NEGOTIATION.md); null follows the role: belligerents do. */
    signatory: boolean('signatory'),
    version: version(),
  },
  (t) => [uniqueIndex('parties_agreement_name_key').on(t.agreementId, t.name)],
);

export const phases = pgTable(
  'phases',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    objective: text('objective').notNull().default(''),
    status: text('status').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    version: version(),
  },
  (t) => [index('phases_agreement_idx').on(t.agreementId, t.ordinal)],
);

export const pillars = pgTable(
  'pillars',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
  },
  (t) => [index('pillars_agreement_idx').on(t.agreementId, t.ordinal)],
);

export const provisions = pgTable(
  'provisions',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'restrict' }),
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull().default(''),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    category: text('category').notNull(),
    obligatedPartyId: uuid('obligated_party_id').references(() => parties.id, { onDelete: 'restrict' }),
    deadline: timestamp('deadline', { withTimezone: true }),
    verificationMethod: text('verification_method').notNull().default(''),
    status: text('status').notNull(),
    /** The clause of a negotiated text it comes from. */
    clauseId: uuid('clause_id').references((): AnyPgColumn => clauses.id, { onDelete: 'set null' }),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('provisions_agreement_phase_idx').on(t.agreementId, t.phaseId, t.ordinal),
    index('provisions_obligated_party_idx').on(t.obligatedPartyId),
    index('provisions_clause_idx').on(t.clauseId),
  ],
);

export const rounds = pgTable(
  'negotiation_rounds',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    venue: text('venue').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    partyIds: uuid('party_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    agenda: text('agenda').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    version: version(),
  },
  (t) => [index('rounds_agreement_idx').on(t.agreementId, t.startsOn)],
);

/**
 * A note on the agreement or one provision, with its author and its audience: one party's circle
 * (party_id), the mediators only, or everyone who reads the agreement.
 */
export const notes = pgTable(
  'party_notes',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** The party the note is filed for; required when the audience is that party's circle. */
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id').references(() => provisions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    audience: text('audience').notNull().default('party'),
    authorId: uuid('author_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('party_notes_agreement_idx').on(t.agreementId, t.partyId),
    check('party_notes_audience_check', sql`${t.audience} IN ('party', 'mediators', 'all')`),
    check('party_notes_party_audience_check', sql`${t.audience} <> 'party' OR ${t.partyId} IS NOT NULL`),
  ],
);
