/** Parties, phases, pillars, negotiation rounds and party notes: rows scoped to one agreement. */
import { sql } from 'drizzle-orm';
import type { Audience, NegotiationRound, Party, PartyNote, PartyRole, Phase, PhaseStatus, Pillar } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { notes, parties, phases, pillars, rounds } from '../schema/index.ts';
import { scopedRepository } from './versioned.ts';

export function partyRepository(db: Db) {
  return scopedRepository<typeof parties.$inferSelect, Party>(db, {
    table: parties,
    entity: 'Party',
    orderBy: [parties.name],
    toModel: (row) => ({ ...row, role: row.role as PartyRole }),
  });
}

export function phaseRepository(db: Db) {
  return scopedRepository<typeof phases.$inferSelect, Phase>(db, {
    table: phases,
    entity: 'Phase',
    orderBy: [phases.ordinal],
    toModel: (row) => ({ ...row, status: row.status as PhaseStatus }),
  });
}

export function pillarRepository(db: Db) {
  return scopedRepository<typeof pillars.$inferSelect, Pillar>(db, {
    table: pillars,
    entity: 'Pillar',
    orderBy: [pillars.ordinal],
    toModel: (row) => row,
  });
}

export function roundRepository(db: Db) {
  return scopedRepository<typeof rounds.$inferSelect, NegotiationRound>(db, {
    table: rounds,
    entity: 'Negotiation round',
    orderBy: [rounds.startsOn],
    toModel: (row) => row,
  });
}

export function noteRepository(db: Db) {
  return scopedRepository<typeof notes.$inferSelect, PartyNote>(db, {
    table: notes,
    entity: 'Note',
    // Notes written in one transaction share a timestamp; the title keeps their order stable.
    orderBy: [notes.createdAt, notes.title],
    toModel: (row) => ({
      ...row,
      audience: row.audience as Audience,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
    extraSet: () => ({ updatedAt: sql`now()` }),
  });
}
