/**
 * The ground against the agreement (docs/GATES.md): the withdrawal schedule and its verifications,
 * measured indicators (aid flows among them) and their observations, and the gates that open a phase
 * with the record of each phase's advance.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { users } from './accounts.ts';
import { agreements, parties, phases, provisions } from './agreements.ts';
import { zones } from './monitoring.ts';

/** One evidence link of a verification. */
export interface EvidenceLink {
  name: string;
  url: string;
}

/** A force or unit leaving an area for behind a line or zone, by a deadline. */
export const withdrawalItems = pgTable(
  'withdrawal_items',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'restrict' }),
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'no action' }),
    provisionId: uuid('provision_id').references(() => provisions.id, { onDelete: 'set null' }),
    force: text('force').notNull(),
    fromZoneId: uuid('from_zone_id').references(() => zones.id, { onDelete: 'set null' }),
    behindZoneId: uuid('behind_zone_id').references(() => zones.id, { onDelete: 'set null' }),
    /** A date in the agreement's time zone. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('withdrawal_items_agreement_idx').on(t.agreementId, t.deadline)],
);

/** What monitors observed of a withdrawal item, append-only, graded as incidents are. */
export const withdrawalVerifications = pgTable(
  'withdrawal_verifications',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => withdrawalItems.id, { onDelete: 'cascade' }),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    finding: text('finding').notNull(),
    sourceReliability: text('source_reliability').notNull(),
    credibility: smallint('credibility').notNull(),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('withdrawal_verifications_item_idx').on(t.itemId, t.observedOn),
    check('withdrawal_verifications_finding_check', sql`${t.finding} IN ('completed', 'partial', 'not_observed', 'disputed')`),
  ],
);

/** A measured quantity with a target: tied to a provision, or to a corridor or crossing's flows. */
export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id').references(() => provisions.id, { onDelete: 'set null' }),
    zoneId: uuid('zone_id').references(() => zones.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    category: text('category').notNull().default(''),
    target: doublePrecision('target').notNull(),
    comparison: text('comparison').notNull(),
    period: text('period').notNull().default('day'),
    sourceNote: text('source_note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('indicators_agreement_name_key').on(t.agreementId, t.name),
    check('indicators_comparison_check', sql`${t.comparison} IN ('>=', '<=', '=')`),
    check('indicators_period_check', sql`${t.period} IN ('day', 'week')`),
  ],
);

/** One value of an indicator on a date, with its source and grade. */
export const indicatorObservations = pgTable(
  'indicator_observations',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull().default(''),
    sourceReliability: text('source_reliability'),
    credibility: smallint('credibility'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('indicator_observations_indicator_date_key').on(t.indicatorId, t.observedOn)],
);

/** The gate that opens a phase: its conditions as data (src/core/gates), checked by the contract and core. */
export const phaseGates = pgTable(
  'phase_gates',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    conditions: jsonb('conditions').$type<unknown[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('phase_gates_phase_key').on(t.phaseId)],
);

/** Each advance of a phase: through a passing gate, or overridden by a mediator with a reason. */
export const phaseTransitions = pgTable(
  'phase_transitions',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    gatePassed: boolean('gate_passed').notNull(),
    overridden: boolean('overridden').notNull().default(false),
    reason: text('reason').notNull().default(''),
    /** The gate's conditions and their states when it advanced. */
    evaluation: jsonb('evaluation').$type<unknown>().notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('phase_transitions_phase_idx').on(t.phaseId, t.at)],
);

