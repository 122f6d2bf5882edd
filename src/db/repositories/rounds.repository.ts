/** Sessions of negotiation rounds, scoped to their agreement, and the clauses their agendas name. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../open.ts';
import { clauses, documents, roundSessions, type SessionAgendaItem, type SessionDelegation, type SessionMediator } from '../schema/index.ts';
import { scopedRepository } from './versioned.ts';

export interface RoundSession {
  id: string;
  agreementId: string;
  roundId: string;
  venue: string;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  delegations: SessionDelegation[];
  mediators: SessionMediator[];
  agenda: SessionAgendaItem[];
  outcome: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A clause named by an agenda, with its document's title. */
export interface ClauseLabel {
  id: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
  marker: string;
}

const toSession = (row: typeof roundSessions.$inferSelect): RoundSession => ({
  ...row,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export function roundSessionRepository(db: Db) {
  const scoped = scopedRepository<typeof roundSessions.$inferSelect, RoundSession>(db, {
    table: roundSessions,
    entity: 'Session',
    orderBy: [roundSessions.startsAt],
    toModel: toSession,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });
  return {
    ...scoped,
    /** The sessions of one round, by start. */
    async listOfRound(agreementId: string, roundId: string): Promise<RoundSession[]> {
      const rows = await db
        .select()
        .from(roundSessions)
        .where(and(eq(roundSessions.agreementId, agreementId), eq(roundSessions.roundId, roundId)))
        .orderBy(asc(roundSessions.startsAt), asc(roundSessions.id));
      return rows.map(toSession);
    },
    /** The clauses among `ids` that belong to a document of the agreement. */
    async clauseLabels(agreementId: string, ids: readonly string[]): Promise<ClauseLabel[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: clauses.id, documentId: clauses.documentId, documentTitle: documents.title, number: clauses.number, marker: clauses.marker })
        .from(clauses)
        .innerJoin(documents, eq(documents.id, clauses.documentId))
        .where(and(eq(documents.agreementId, agreementId), inArray(clauses.id, [...ids])));
    },
  };
}
export type RoundSessionRepository = ReturnType<typeof roundSessionRepository>;
