/**
 * Sessions of a negotiation round: where and when the delegations met, who mediated, the agenda in
 * order (each item optionally linked to clauses) and the outcome. Delegations, mediators and agenda
 * are small ordered lists read and written whole with their session, so they are jsonb, shaped and
 * checked by the contract (src/contract/rounds.ts); the ids they name are checked by the service.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { agreements, rounds } from './agreements.ts';

/** One delegation at a session: its party, the head of delegation and the members, by name. */
export interface SessionDelegation {
  partyId: string;
  head: string;
  members: string[];
}

/** A mediator present: a mediator party of the agreement, or a name, or both. */
export interface SessionMediator {
  partyId: string | null;
  name: string;
}

/** One agenda item, in order, with the clauses it takes up. */
export interface SessionAgendaItem {
  title: string;
  clauseIds: string[];
}

export const roundSessions = pgTable(
  'round_sessions',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    venue: text('venue').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Null when the end is not known. */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Whole days in the agreement's zone: the times were not reported. */
    allDay: boolean('all_day').notNull().default(false),
    delegations: jsonb('delegations').$type<SessionDelegation[]>().notNull().default(sql`'[]'::jsonb`),
    mediators: jsonb('mediators').$type<SessionMediator[]>().notNull().default(sql`'[]'::jsonb`),
    agenda: jsonb('agenda').$type<SessionAgendaItem[]>().notNull().default(sql`'[]'::jsonb`),
    outcome: text('outcome').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('round_sessions_round_idx').on(t.roundId, t.startsAt),
    index('round_sessions_agreement_idx').on(t.agreementId, t.startsAt),
    check('round_sessions_window_check', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
  ],
);
