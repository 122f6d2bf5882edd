/**
 * The daily desk (docs/DESK.md): what happened in an agreement in a window, read for core to shape
 * per reader (core applies the audiences; nothing here filters by reader), and each user's last
 * visit. Lists that can be long come newest first up to a limit, with their total.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type {
  Agreement,
  Audience,
  Capped,
  DeskNote,
  DeskProvision,
  DeskResponse,
  DeskStatusChange,
  DeskTransition,
  ImplementationStatus,
  IncidentCategory,
  ReportedIncident,
  VerifiedIncident,
} from '../../core/index.ts';
import type { Db } from '../open.ts';
import {
  agreements,
  agreementVisits,
  clauses,
  documents,
  incidentHistory,
  incidentResponses,
  incidents,
  notes,
  phaseGates,
  phases,
  phaseTransitions,
  provisions,
  provisionStatusChanges,
  stances,
  users,
} from '../schema/index.ts';
import { toAgreement } from './agreements.repository.ts';

export interface DeskWindow {
  since: Date;
  until: Date;
}

/** A clause with its document's title, as the desk names it. */
export interface DeskClauseRow {
  id: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
  text: string;
}

/** The total of the rows a windowed query matched before its limit. */
const total = sql<number>`count(*) over ()`.mapWith(Number);

const capped = <T extends { total: number }>(rows: T[]) => ({
  rows: rows.map(({ total: _total, ...row }) => row),
  total: rows[0]?.total ?? 0,
});

const incidentColumns = {
  id: incidents.id,
  category: incidents.category,
  place: incidents.place,
  allegedPartyId: incidents.allegedPartyId,
  reportingPartyId: incidents.reportingPartyId,
  attributedPartyId: incidents.attributedPartyId,
};

const label = (p: { code: string; title: string }) => (p.code ? `${p.code} ${p.title}` : p.title);

export function deskRepository(db: Db) {
  const within = (column: Parameters<typeof gt>[0], w: DeskWindow) => and(gt(column, w.since), lte(column, w.until));

  return {
    /** The agreements of these ids (null: every agreement), by title: whose counts the home page shows. */
    async agreements(ids: readonly string[] | null): Promise<Agreement[]> {
      if (ids !== null && ids.length === 0) return [];
      const rows = await db
        .select()
        .from(agreements)
        .where(ids === null ? undefined : inArray(agreements.id, [...ids]))
        .orderBy(asc(agreements.title), asc(agreements.id));
      return rows.map(toAgreement);
    },

    /** When the user last marked the agreement's view seen; null if never. */
    async lastVisit(userId: string, agreementId: string): Promise<Date | null> {
      const [row] = await db
        .select({ seenAt: agreementVisits.seenAt })
        .from(agreementVisits)
        .where(and(eq(agreementVisits.userId, userId), eq(agreementVisits.agreementId, agreementId)));
      return row?.seenAt ?? null;
    },

    /** Every last visit of the user, by agreement id. */
    async lastVisits(userId: string): Promise<Map<string, Date>> {
      const rows = await db.select().from(agreementVisits).where(eq(agreementVisits.userId, userId));
      return new Map(rows.map((r) => [r.agreementId, r.seenAt]));
    },

    /** Records a visit at `at`; a visit never moves back (two tabs, a window read earlier). Returns the visit kept. */
    async markSeen(userId: string, agreementId: string, at: Date): Promise<Date> {
      const [row] = await db
        .insert(agreementVisits)
        .values({ userId, agreementId, seenAt: at })
        .onConflictDoUpdate({
          target: [agreementVisits.userId, agreementVisits.agreementId],
          set: { seenAt: sql`greatest(${agreementVisits.seenAt}, excluded.seen_at)` },
        })
        .returning({ seenAt: agreementVisits.seenAt });
      return row!.seenAt;
    },

    /** Incidents reported in the window, newest first. */
    async reported(agreementId: string, w: DeskWindow, limit: number): Promise<Capped<ReportedIncident>> {
      const rows = await db
        .select({ ...incidentColumns, reportedAt: incidents.reportedAt, total })
        .from(incidents)
        .where(and(eq(incidents.agreementId, agreementId), within(incidents.reportedAt, w)))
        .orderBy(desc(incidents.reportedAt), desc(incidents.id))
        .limit(limit);
      const { rows: items, total: count } = capped(rows);
      return { rows: items.map((r) => ({ ...r, category: r.category as IncidentCategory })), total: count };
    },

    /** Steps to "verified" taken in the window, newest first, with the incident and the attribution the step made. */
    async verified(agreementId: string, w: DeskWindow, limit: number): Promise<Capped<VerifiedIncident>> {
      const rows = await db
        .select({
          ...incidentColumns,
          attributedPartyId: incidentHistory.attributedPartyId,
          at: incidentHistory.at,
          seq: incidentHistory.seq,
          reason: incidentHistory.reason,
          total,
        })
        .from(incidentHistory)
        .innerJoin(incidents, eq(incidents.id, incidentHistory.incidentId))
        .where(and(eq(incidents.agreementId, agreementId), eq(incidentHistory.toStatus, 'verified'), within(incidentHistory.at, w)))
        .orderBy(desc(incidentHistory.at), desc(incidents.id))
        .limit(limit);
      const { rows: items, total: count } = capped(rows);
      return { rows: items.map((r) => ({ ...r, category: r.category as IncidentCategory })), total: count };
    },

    /**
     * Provision status changes in the window, newest first. A history's first row (from no status:
     * a provision added, or the start written by migration 0012) is not a change and is left out.
     */
    async statusChanges(agreementId: string, w: DeskWindow, limit: number): Promise<Capped<DeskStatusChange>> {
      const rows = await db
        .select({
          id: provisionStatusChanges.id,
          provisionId: provisionStatusChanges.provisionId,
          code: provisions.code,
          title: provisions.title,
          fromStatus: provisionStatusChanges.fromStatus,
          toStatus: provisionStatusChanges.toStatus,
          reason: provisionStatusChanges.reason,
          source: provisionStatusChanges.source,
          sourceGrade: provisionStatusChanges.sourceGrade,
          actorName: provisionStatusChanges.actorName,
          at: provisionStatusChanges.at,
          total,
        })
        .from(provisionStatusChanges)
        .innerJoin(provisions, eq(provisions.id, provisionStatusChanges.provisionId))
        .where(and(eq(provisionStatusChanges.agreementId, agreementId), isNotNull(provisionStatusChanges.fromStatus), within(provisionStatusChanges.at, w)))
        .orderBy(desc(provisionStatusChanges.at), desc(provisionStatusChanges.seq))
        .limit(limit);
      const { rows: items, total: count } = capped(rows);
      return {
        rows: items.map(({ code, title, ...r }) => ({
          ...r,
          provisionLabel: label({ code, title }),
          fromStatus: r.fromStatus as ImplementationStatus | null,
          toStatus: r.toStatus as ImplementationStatus,
        })),
        total: count,
      };
    },

    /** Provisions with a deadline that are not in full: what may be overdue or due. */
    async openDeadlines(agreementId: string): Promise<DeskProvision[]> {
      const rows = await db
        .select({ id: provisions.id, code: provisions.code, title: provisions.title, obligatedPartyId: provisions.obligatedPartyId, deadline: provisions.deadline, status: provisions.status })
        .from(provisions)
        .where(and(eq(provisions.agreementId, agreementId), isNotNull(provisions.deadline), ne(provisions.status, 'full')))
        .orderBy(asc(provisions.deadline), asc(provisions.id));
      return rows.map(({ code, title, ...r }) => ({ ...r, label: label({ code, title }), status: r.status as ImplementationStatus }));
    },

    /** Notes written in the window, whatever their audience, with their author's name. */
    async notes(agreementId: string, w: DeskWindow): Promise<DeskNote[]> {
      const rows = await db
        .select({
          id: notes.id,
          partyId: notes.partyId,
          provisionId: notes.provisionId,
          title: notes.title,
          audience: notes.audience,
          authorId: notes.authorId,
          authorName: users.name,
          createdAt: notes.createdAt,
        })
        .from(notes)
        .leftJoin(users, eq(users.id, notes.authorId))
        .where(and(eq(notes.agreementId, agreementId), within(notes.createdAt, w)))
        .orderBy(desc(notes.createdAt), desc(notes.id));
      return rows.map((r) => ({ ...r, audience: r.audience as Audience }));
    },

    /** Responses filed in the window, with the parties their incident names. */
    async responses(agreementId: string, w: DeskWindow): Promise<DeskResponse[]> {
      const rows = await db
        .select({
          id: incidentResponses.id,
          partyId: incidentResponses.partyId,
          body: incidentResponses.body,
          authorId: incidentResponses.authorId,
          authorName: incidentResponses.authorName,
          createdAt: incidentResponses.createdAt,
          incident: incidentColumns,
        })
        .from(incidentResponses)
        .innerJoin(incidents, eq(incidents.id, incidentResponses.incidentId))
        .where(and(eq(incidents.agreementId, agreementId), within(incidentResponses.createdAt, w)))
        .orderBy(desc(incidentResponses.createdAt), desc(incidentResponses.id));
      return rows.map((r) => ({ ...r, incident: { ...r.incident, category: r.incident.category as IncidentCategory } }));
    },

    /**
     * The clauses of the agreement's documents on which a stance was stated in the window (by
     * anyone: core sees only the reader's), with their document's title.
     */
    async clausesStatedOn(agreementId: string, w: DeskWindow): Promise<DeskClauseRow[]> {
      const stated = db
        .selectDistinct({ clauseId: stances.clauseId })
        .from(stances)
        .where(and(eq(stances.agreementId, agreementId), within(stances.createdAt, w)));
      return db
        .select({ id: clauses.id, documentId: clauses.documentId, documentTitle: documents.title, number: clauses.number, text: clauses.text })
        .from(clauses)
        .innerJoin(documents, eq(documents.id, clauses.documentId))
        .where(and(eq(documents.agreementId, agreementId), inArray(clauses.id, stated)))
        .orderBy(asc(documents.createdAt), asc(documents.id), asc(clauses.position));
    },

    /** Phase advances in the window, with the phase's name and whether it has a gate now. */
    async transitions(agreementId: string, w: DeskWindow): Promise<DeskTransition[]> {
      const rows = await db
        .select({
          id: phaseTransitions.id,
          phaseId: phaseTransitions.phaseId,
          phaseName: phases.name,
          gatePassed: phaseTransitions.gatePassed,
          overridden: phaseTransitions.overridden,
          reason: phaseTransitions.reason,
          actorName: phaseTransitions.actorName,
          at: phaseTransitions.at,
          gateId: phaseGates.id,
        })
        .from(phaseTransitions)
        .innerJoin(phases, eq(phases.id, phaseTransitions.phaseId))
        .leftJoin(phaseGates, eq(phaseGates.phaseId, phaseTransitions.phaseId))
        .where(and(eq(phaseTransitions.agreementId, agreementId), within(phaseTransitions.at, w)))
        .orderBy(desc(phaseTransitions.at), desc(phaseTransitions.id));
      return rows.map(({ gateId, ...r }) => ({ ...r, hasGate: gateId !== null }));
    },
  };
}
export type DeskRepository = ReturnType<typeof deskRepository>;
