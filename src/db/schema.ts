/**
 * Drizzle schema. Migrations under ./migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) and never edited after they land.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const version = () => integer('version').notNull().default(1);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('provisions_agreement_phase_idx').on(t.agreementId, t.phaseId, t.ordinal),
    index('provisions_obligated_party_idx').on(t.obligatedPartyId),
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
