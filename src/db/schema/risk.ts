/**
 * The collapse risk (docs/FORECAST.md): each agreement's weights for the risk's parts, and the
 * score's history, recorded once per audience (everyone's view, the mediators', each party's circle)
 * and kept: snapshots are only ever added.
 */
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { users } from './accounts.ts';
import { agreements, parties } from './agreements.ts';

/** The weight of each part of the risk, by part key; parts not named weigh the default. */
export type RiskWeights = Record<string, number>;

export const riskSettings = pgTable('risk_settings', {
  agreementId: uuid('agreement_id')
    .primaryKey()
    .references(() => agreements.id, { onDelete: 'cascade' }),
  weights: jsonb('weights').$type<RiskWeights>().notNull(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One recorded score: the parts as they were, for one audience's view, on one day. */
export const riskSnapshots = pgTable(
  'risk_snapshots',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** The as-of day, in the agreement's time zone. */
    day: date('day', { mode: 'string' }).notNull(),
    audience: text('audience').notNull(),
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'cascade' }),
    /** 0 to 100; null when no part had data. */
    score: doublePrecision('score'),
    /** The parts as computed (contract RiskPartView[]). */
    parts: jsonb('parts').$type<unknown[]>().notNull(),
    weights: jsonb('weights').$type<RiskWeights>().notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_snapshots_agreement_idx').on(t.agreementId, t.audience, t.day),
    check('risk_snapshots_audience_check', sql`${t.audience} IN ('party', 'mediators', 'all')`),
    check('risk_snapshots_party_check', sql`(${t.audience} = 'party') = (${t.partyId} IS NOT NULL)`),
    check('risk_snapshots_score_check', sql`${t.score} IS NULL OR (${t.score} >= 0 AND ${t.score} <= 100)`),
  ],
);
