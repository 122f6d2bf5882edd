/**
 * The records an audit page names: of the agreement's parties, phases, pillars, provisions,
 * incidents, zones, documents, clauses, indicators, rounds, force contributors and budget lines, and
 * users, those whose id is among the ids the page shows. Records under an audience (notes, stances,
 * positions, risk records) are never looked up: nothing here may name what a reader could not open.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { NamedRecord } from '../../core/index.ts';
import type { Db } from '../open.ts';
import {
  agreements,
  budgetLines,
  clauses,
  documents,
  forceContributors,
  incidents,
  indicators,
  parties,
  phases,
  pillars,
  provisions,
  rounds,
  users,
  zones,
} from '../schema/index.ts';

/** Each kind named by its `name` column (or `title`), within one agreement. */
const BY_NAME = [
  { kind: 'party', table: parties, name: parties.name },
  { kind: 'phase', table: phases, name: phases.name },
  { kind: 'pillar', table: pillars, name: pillars.title },
  { kind: 'zone', table: zones, name: zones.name },
  { kind: 'document', table: documents, name: documents.title },
  { kind: 'indicator', table: indicators, name: indicators.name },
  { kind: 'round', table: rounds, name: rounds.title },
  { kind: 'force_contributor', table: forceContributors, name: forceContributors.name },
  { kind: 'budget_line', table: budgetLines, name: budgetLines.name },
] as const;

/** The records of agreement `agreementId` (and the users) whose ids are among `ids` (UUIDs only). */
export async function namedRecords(db: Db, agreementId: string, ids: readonly string[]): Promise<NamedRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const found: NamedRecord[] = [];
  for (const spec of BY_NAME) {
    const { table } = spec;
    const rows = await db
      .select({ id: table.id, name: spec.name })
      .from(table)
      .where(and(eq(table.agreementId, agreementId), inArray(table.id, list)));
    for (const row of rows) found.push({ kind: spec.kind, id: row.id, name: row.name });
  }
  const agreement = await db.select({ id: agreements.id, name: agreements.title }).from(agreements).where(and(eq(agreements.id, agreementId), inArray(agreements.id, list)));
  for (const row of agreement) found.push({ kind: 'agreement', ...row });

  const provisionRows = await db
    .select({ id: provisions.id, code: provisions.code, title: provisions.title })
    .from(provisions)
    .where(and(eq(provisions.agreementId, agreementId), inArray(provisions.id, list)));
  for (const row of provisionRows) found.push({ kind: 'provision', ...row });

  const incidentRows = await db
    .select({ id: incidents.id, category: incidents.category, place: incidents.place, occurredAt: incidents.occurredAt })
    .from(incidents)
    .where(and(eq(incidents.agreementId, agreementId), inArray(incidents.id, list)));
  for (const row of incidentRows) found.push({ kind: 'incident', ...row, occurredAt: row.occurredAt.toISOString() });

  const clauseRows = await db
    .select({ id: clauses.id, documentId: clauses.documentId, documentTitle: documents.title, number: clauses.number, position: clauses.position })
    .from(clauses)
    .innerJoin(documents, eq(documents.id, clauses.documentId))
    .where(and(eq(documents.agreementId, agreementId), inArray(clauses.id, list)));
  for (const row of clauseRows) found.push({ kind: 'clause', ...row });

  const userRows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list));
  for (const row of userRows) found.push({ kind: 'user', ...row });
  return found;
}
