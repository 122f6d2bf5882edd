/**
 * What still refers to a party or a provision, counted before it is deleted: a delete that would
 * cascade (a party's notes, stances and its delegates' roles, a provision's notes) or leave a dangling id
 * (a negotiation round's parties, a round session's delegations and mediators) is refused instead,
 * naming what is in the way.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../open.ts';
import { incidentProvisions, incidentResponses, incidents, memberships, notes, parties, provisions, rounds, roundSessions, stances } from '../schema/index.ts';

/** One kind of record that refers to the row, with how many there are (only kinds with at least one). */
export interface Reference {
  kind: string;
  count: number;
}

async function counted(db: Db, kinds: Array<[kind: string, table: PgTable, where: SQL | undefined]>): Promise<Reference[]> {
  const found: Reference[] = [];
  for (const [kind, table, where] of kinds) {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    if (row && row.n > 0) found.push({ kind, count: Number(row.n) });
  }
  return found;
}

export function referenceRepository(db: Db) {
  return {
    /**
     * Locks the party's row until the transaction ends, so that nothing new can refer to it
     * meanwhile (a referring insert waits, then fails), and counts what refers to it.
     */
    async toParty(agreementId: string, partyId: string): Promise<Reference[]> {
      await db.select({ id: parties.id }).from(parties).where(and(eq(parties.agreementId, agreementId), eq(parties.id, partyId))).for('update');
      return counted(db, [
        ['provisions', provisions, and(eq(provisions.agreementId, agreementId), eq(provisions.obligatedPartyId, partyId))],
        ['notes', notes, and(eq(notes.agreementId, agreementId), eq(notes.partyId, partyId))],
        ['delegates', memberships, and(eq(memberships.agreementId, agreementId), eq(memberships.partyId, partyId))],
        ['incidentsAlleging', incidents, and(eq(incidents.agreementId, agreementId), eq(incidents.allegedPartyId, partyId))],
        ['incidentsAttributed', incidents, and(eq(incidents.agreementId, agreementId), eq(incidents.attributedPartyId, partyId))],
        ['incidentsReported', incidents, and(eq(incidents.agreementId, agreementId), eq(incidents.reportingPartyId, partyId))],
        ['responses', incidentResponses, eq(incidentResponses.partyId, partyId)],
        ['rounds', rounds, and(eq(rounds.agreementId, agreementId), sql`${partyId}::uuid = ANY(${rounds.partyIds})`)],
        ['stances', stances, and(eq(stances.agreementId, agreementId), eq(stances.partyId, partyId))],
        [
          'sessions',
          roundSessions,
          and(
            eq(roundSessions.agreementId, agreementId),
            sql`(${roundSessions.delegations} @> ${JSON.stringify([{ partyId }])}::jsonb OR ${roundSessions.mediators} @> ${JSON.stringify([{ partyId }])}::jsonb)`,
          ),
        ],
      ]);
    },

    /** Locks the provision's row until the transaction ends, and counts what refers to it. */
    async toProvision(agreementId: string, provisionId: string): Promise<Reference[]> {
      await db
        .select({ id: provisions.id })
        .from(provisions)
        .where(and(eq(provisions.agreementId, agreementId), eq(provisions.id, provisionId)))
        .for('update');
      return counted(db, [
        ['notes', notes, and(eq(notes.agreementId, agreementId), eq(notes.provisionId, provisionId))],
        ['incidents', incidentProvisions, eq(incidentProvisions.provisionId, provisionId)],
      ]);
    },
  };
}
export type ReferenceRepository = ReturnType<typeof referenceRepository>;
