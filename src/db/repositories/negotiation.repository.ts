/**
 * Negotiated documents: the document (versioned, scoped to its agreement), its sections and clauses
 * written in one statement each on import, every clause version, and the append-only stances.
 */
import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { NotFoundError, staleVersion, type Audience, type POSITIONS, type StanceStatement } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { clauses, clauseVersions, documents, documentSections, provisions, stances } from '../schema/index.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

type Position = (typeof POSITIONS)[number];

export interface NegotiationDocument {
  id: string;
  agreementId: string;
  title: string;
  deadline: string | null;
  revision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentSection {
  id: string;
  documentId: string;
  position: number;
  level: number;
  title: string;
}

export interface Clause {
  id: string;
  documentId: string;
  sectionId: string | null;
  position: number;
  marker: string;
  number: string | null;
  text: string;
  deadline: string | null;
  version: number;
  updatedAt: string;
}

export interface ClauseVersion {
  id: string;
  clauseId: string;
  version: number;
  documentRevision: number;
  text: string;
  authorId: string | null;
  reason: string;
  createdAt: string;
}

/** A stance as stored: the statement core's consensus reads (`createdAt` a Date, to order them), with its agreement and author. */
export interface Stance extends StanceStatement {
  agreementId: string;
  authorId: string | null;
}

export type StanceInsert = Omit<Stance, 'id' | 'createdAt'>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toDocument = (row: typeof documents.$inferSelect): NegotiationDocument => ({
  ...row,
  deadline: iso(row.deadline),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const toClause = (row: typeof clauses.$inferSelect): Clause => ({ ...row, deadline: iso(row.deadline), updatedAt: row.updatedAt.toISOString() });
const toVersion = (row: typeof clauseVersions.$inferSelect): ClauseVersion => ({ ...row, createdAt: row.createdAt.toISOString() });
const toStance = (row: typeof stances.$inferSelect): Stance => ({ ...row, position: row.position as Position, audience: row.audience as Audience });

export function documentRepository(db: Db) {
  const scoped = scopedRepository<typeof documents.$inferSelect, NegotiationDocument>(db, {
    table: documents,
    entity: 'Document',
    orderBy: [documents.createdAt, documents.title],
    toModel: toDocument,
    extraSet: () => ({ updatedAt: sql`now()` }),
  });
  return {
    ...scoped,
    /** The agreement a document belongs to, found by the document's id alone; null when there is none. */
    async agreementIdOf(documentId: string): Promise<string | null> {
      const rows = await db.select({ agreementId: documents.agreementId }).from(documents).where(eq(documents.id, documentId));
      return rows[0]?.agreementId ?? null;
    },
    /** How many clauses each document of the agreement holds. */
    async clauseCounts(agreementId: string): Promise<Map<string, number>> {
      const rows = await db
        .select({ documentId: clauses.documentId, n: count() })
        .from(clauses)
        .innerJoin(documents, eq(documents.id, clauses.documentId))
        .where(eq(documents.agreementId, agreementId))
        .groupBy(clauses.documentId);
      return new Map(rows.map((r) => [r.documentId, Number(r.n)]));
    },
    /** Moves the document's revision on by one (a clause edit) and returns the new revision. */
    async nextRevision(documentId: string): Promise<number> {
      const rows = await db
        .update(documents)
        .set({ revision: sql`${documents.revision} + 1`, updatedAt: sql`now()` })
        .where(eq(documents.id, documentId))
        .returning({ revision: documents.revision });
      if (!rows[0]) throw new NotFoundError('Document', documentId);
      return rows[0].revision;
    },
  };
}

export function clauseRepository(db: Db) {
  return {
    /** Writes a document's sections in one statement; returns them in position order. */
    async insertSections(rows: Array<Omit<DocumentSection, 'id'>>): Promise<DocumentSection[]> {
      if (rows.length === 0) return [];
      const inserted = await db.insert(documentSections).values(rows).returning();
      return inserted.sort((a, b) => a.position - b.position);
    },
    async sections(documentId: string): Promise<DocumentSection[]> {
      return db.select().from(documentSections).where(eq(documentSections.documentId, documentId)).orderBy(asc(documentSections.position));
    },
    /** Writes a document's clauses in one statement; returns them in position order. */
    async insertMany(rows: Array<Omit<Clause, 'id' | 'version' | 'updatedAt' | 'deadline'>>): Promise<Clause[]> {
      if (rows.length === 0) return [];
      const inserted = await db.insert(clauses).values(rows).returning();
      return inserted.map(toClause).sort((a, b) => a.position - b.position);
    },
    async list(documentId: string): Promise<Clause[]> {
      const rows = await db.select().from(clauses).where(eq(clauses.documentId, documentId)).orderBy(asc(clauses.position));
      return rows.map(toClause);
    },
    /** The clauses of several documents, in each one's order. */
    async listIn(documentIds: readonly string[]): Promise<Clause[]> {
      if (documentIds.length === 0) return [];
      const rows = await db
        .select()
        .from(clauses)
        .where(inArray(clauses.documentId, [...documentIds]))
        .orderBy(asc(clauses.documentId), asc(clauses.position));
      return rows.map(toClause);
    },
    /** One clause of a document, or NotFoundError. */
    async get(documentId: string, clauseId: string): Promise<Clause> {
      const rows = await db
        .select()
        .from(clauses)
        .where(and(eq(clauses.id, clauseId), eq(clauses.documentId, documentId)));
      if (!rows[0]) throw new NotFoundError('Clause', clauseId);
      return toClause(rows[0]);
    },
    /** Whether the clause belongs to a document of the agreement. */
    async inAgreement(agreementId: string, clauseId: string): Promise<boolean> {
      const rows = await db
        .select({ id: clauses.id })
        .from(clauses)
        .innerJoin(documents, eq(documents.id, clauses.documentId))
        .where(and(eq(clauses.id, clauseId), eq(documents.agreementId, agreementId)));
      return rows.length > 0;
    },
    /** Applies `patch` when `version` is current, bumping the version; 404 or 409 otherwise. */
    async update(documentId: string, clauseId: string, version: number, patch: { text?: string; deadline?: Date | null }): Promise<Clause> {
      const rows = await db
        .update(clauses)
        .set({ ...patch, version: sql`${clauses.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(clauses.id, clauseId), eq(clauses.documentId, documentId), eq(clauses.version, version)))
        .returning();
      if (rows[0]) return toClause(rows[0]);
      const current = await this.get(documentId, clauseId);
      throw staleVersion('Clause', clauseId, version, current.version);
    },

    /** Writes clause versions in one statement (a whole document's on import). */
    async insertVersions(rows: Array<Omit<ClauseVersion, 'id' | 'createdAt'>>): Promise<ClauseVersion[]> {
      if (rows.length === 0) return [];
      try {
        return (await db.insert(clauseVersions).values(rows).returning()).map(toVersion);
      } catch (err) {
        throw mapWriteError(err, 'Clause version');
      }
    },
    /** A clause's versions, oldest first. */
    async versions(clauseId: string): Promise<ClauseVersion[]> {
      const rows = await db.select().from(clauseVersions).where(eq(clauseVersions.clauseId, clauseId)).orderBy(asc(clauseVersions.version));
      return rows.map(toVersion);
    },
    /** Each clause's newest version at or before a document revision (clauses that did not exist yet are left out). */
    async versionsAt(documentId: string, revision: number): Promise<ClauseVersion[]> {
      const rows = await db
        .selectDistinctOn([clauseVersions.clauseId], getTableColumns(clauseVersions))
        .from(clauseVersions)
        .innerJoin(clauses, eq(clauses.id, clauseVersions.clauseId))
        .where(and(eq(clauses.documentId, documentId), lte(clauseVersions.documentRevision, revision)))
        .orderBy(asc(clauseVersions.clauseId), desc(clauseVersions.version));
      return rows.map(toVersion);
    },
    /** The provisions that come from clauses of these documents: id, code and title. */
    async provisionsOf(agreementId: string): Promise<Array<{ id: string; clauseId: string; code: string; title: string }>> {
      const rows = await db
        .select({ id: provisions.id, clauseId: provisions.clauseId, code: provisions.code, title: provisions.title })
        .from(provisions)
        .where(and(eq(provisions.agreementId, agreementId), isNotNull(provisions.clauseId)))
        .orderBy(asc(provisions.ordinal), asc(provisions.id));
      return rows.map((r) => ({ ...r, clauseId: r.clauseId! }));
    },
  };
}

export function stanceRepository(db: Db) {
  return {
    async insert(values: StanceInsert): Promise<Stance> {
      try {
        const rows = await db.insert(stances).values(values).returning();
        return toStance(rows[0]!);
      } catch (err) {
        throw mapWriteError(err, 'Stance', { values });
      }
    },
    /** Every statement on a clause, newest first. */
    async ofClause(clauseId: string): Promise<Stance[]> {
      const rows = await db
        .select()
        .from(stances)
        .where(eq(stances.clauseId, clauseId))
        .orderBy(desc(stances.createdAt), desc(stances.id));
      return rows.map(toStance);
    },
    /** Every statement on the clauses of an agreement's documents (or of one document), newest first. */
    async ofAgreement(agreementId: string, documentId?: string): Promise<Stance[]> {
      const rows = await db
        .select({ stance: stances })
        .from(stances)
        .innerJoin(clauses, eq(clauses.id, stances.clauseId))
        .where(and(eq(stances.agreementId, agreementId), documentId ? eq(clauses.documentId, documentId) : undefined))
        .orderBy(desc(stances.createdAt), desc(stances.id));
      return rows.map((r) => toStance(r.stance));
    },
    /** Renames a bracket group's key on one clause (settling a twin group renumbers the later ones). */
    async renameGroup(clauseId: string, from: string, to: string): Promise<void> {
      await db
        .update(stances)
        .set({ groupKey: to })
        .where(and(eq(stances.clauseId, clauseId), eq(stances.groupKey, from)));
    },
  };
}
