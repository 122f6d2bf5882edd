/**
 * The stabilization force and its money (docs/GATES.md): requirements, contributors and their
 * pledges at a readiness level, each party's acceptability of each contributor (under audiences, as
 * stances), budget lines and funding entries, and the rules of engagement and authority boundaries
 * with the clauses that hold them. `illustrative` marks figures that are not real (the demo's).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { users } from './accounts.ts';
import { agreements, parties, phases } from './agreements.ts';
import { zones } from './monitoring.ts';
import { clauses } from './negotiation.ts';

/** Personnel (and equipment) a capability needs in a sector; a null sector is the whole area. */
export const forceRequirements = pgTable(
  'force_requirements',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => phases.id, { onDelete: 'set null' }),
    capability: text('capability').notNull(),
    sectorId: uuid('sector_id').references(() => zones.id, { onDelete: 'restrict' }),
    personnel: integer('personnel').notNull(),
    equipment: text('equipment').notNull().default(''),
    notes: text('notes').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('force_requirements_agreement_idx').on(t.agreementId)],
);

/** A contributing nation (or organization). */
export const forceContributors = pgTable(
  'force_contributors',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2, or empty for an organization. */
    country: text('country').notNull().default(''),
    notes: text('notes').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('force_contributors_agreement_name_key').on(t.agreementId, t.name)],
);

/** A contributor's pledge of a capability to a sector, at a readiness level of the UN PCRS. */
export const forcePledges = pgTable(
  'force_pledges',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    contributorId: uuid('contributor_id')
      .notNull()
      .references(() => forceContributors.id, { onDelete: 'cascade' }),
    capability: text('capability').notNull(),
    sectorId: uuid('sector_id').references(() => zones.id, { onDelete: 'restrict' }),
    personnel: integer('personnel').notNull(),
    readiness: text('readiness').notNull(),
    caveats: text('caveats').notNull().default(''),
    pledgedOn: date('pledged_on', { mode: 'string' }).notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('force_pledges_agreement_idx').on(t.agreementId),
    check('force_pledges_readiness_check', sql`${t.readiness} IN ('L1', 'L2', 'L3', 'RDL')`),
  ],
);

/**
 * A party's position on a contributor, under an audience as stances have: append-only, so that the
 * newest a reader may see is that party's current position for them.
 */
export const contributorAcceptability = pgTable(
  'contributor_acceptability',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    contributorId: uuid('contributor_id')
      .notNull()
      .references(() => forceContributors.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    position: text('position').notNull(),
    reason: text('reason').notNull().default(''),
    statedOn: date('stated_on', { mode: 'string' }).notNull(),
    audience: text('audience').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('contributor_acceptability_agreement_idx').on(t.agreementId, t.createdAt),
    check('contributor_acceptability_position_check', sql`${t.position} IN ('accepted', 'objected', 'no_position')`),
    check('contributor_acceptability_audience_check', sql`${t.audience} IN ('party', 'mediators', 'all')`),
  ],
);

/** What the force costs, line by line, in the agreement's one currency. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    amount: doublePrecision('amount').notNull(),
    currency: text('currency').notNull().default('USD'),
    notes: text('notes').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('budget_lines_agreement_name_key').on(t.agreementId, t.name)],
);

/** A stage money reached from a donor: pledged, committed or disbursed. */
export const fundingEntries = pgTable(
  'funding_entries',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    budgetLineId: uuid('budget_line_id').references(() => budgetLines.id, { onDelete: 'set null' }),
    donor: text('donor').notNull(),
    kind: text('kind').notNull(),
    amount: doublePrecision('amount').notNull(),
    datedOn: date('dated_on', { mode: 'string' }).notNull(),
    source: text('source').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('funding_entries_agreement_idx').on(t.agreementId, t.datedOn),
    check('funding_entries_kind_check', sql`${t.kind} IN ('pledge', 'commitment', 'disbursement')`),
  ],
);

/** A rule of engagement or an authority boundary of the force, and the clause that holds it. */
export const forceMandateItems = pgTable(
  'force_mandate_items',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    clauseId: uuid('clause_id').references(() => clauses.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('force_mandate_items_agreement_idx').on(t.agreementId),
    check('force_mandate_items_kind_check', sql`${t.kind} IN ('rules_of_engagement', 'authority_boundary')`),
  ],
);
