/**
 * What accumulates on an incident: its workflow history (append-only), its evidence (links, and
 * files whose bytes sit in their own table) and the parties' responses.
 */
import { and, asc, count, eq, max } from 'drizzle-orm';
import type { Evidence, IncidentResponse, IncidentStatus, IncidentStep } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { incidentEvidence, incidentEvidenceFiles, incidentHistory, incidentResponses } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

type StepRow = typeof incidentHistory.$inferSelect;
type EvidenceRow = typeof incidentEvidence.$inferSelect;
type ResponseRow = typeof incidentResponses.$inferSelect;

const toStep = (r: StepRow): IncidentStep => ({
  incidentId: r.incidentId,
  seq: r.seq,
  from: r.fromStatus as IncidentStatus,
  to: r.toStatus as IncidentStatus,
  reason: r.reason,
  actorId: r.actorId,
  actorName: r.actorName,
  at: r.at.toISOString(),
  attributedPartyId: r.attributedPartyId,
  duplicateOfId: r.duplicateOfId,
  noEvidenceReason: r.noEvidenceReason,
});

const toEvidence = (r: EvidenceRow): Evidence => ({
  ...r,
  kind: r.kind as Evidence['kind'],
  createdAt: r.createdAt.toISOString(),
});

const toResponse = (r: ResponseRow): IncidentResponse => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Evidence to store; the id and the time come from the database. */
export type EvidenceInsert = Omit<Evidence, 'id' | 'createdAt'>;

export function incidentRecordRepository(db: Db) {
  return {
    /** Appends the next step of an incident's history; the seq follows the last one. */
    async appendStep(step: Omit<IncidentStep, 'seq' | 'at' | 'noEvidenceReason'> & { at: Date; noEvidenceReason?: string | null }): Promise<IncidentStep> {
      const [last] = await db.select({ seq: max(incidentHistory.seq) }).from(incidentHistory).where(eq(incidentHistory.incidentId, step.incidentId));
      const [row] = await db
        .insert(incidentHistory)
        .values({
          incidentId: step.incidentId,
          seq: (last?.seq ?? 0) + 1,
          fromStatus: step.from,
          toStatus: step.to,
          reason: step.reason,
          actorId: step.actorId,
          actorName: step.actorName,
          at: step.at,
          attributedPartyId: step.attributedPartyId,
          duplicateOfId: step.duplicateOfId,
          noEvidenceReason: step.noEvidenceReason ?? null,
        })
        .returning();
      return toStep(row!);
    },

    async history(incidentId: string): Promise<IncidentStep[]> {
      const rows = await db.select().from(incidentHistory).where(eq(incidentHistory.incidentId, incidentId)).orderBy(asc(incidentHistory.seq));
      return rows.map(toStep);
    },

    /** Adds evidence; a file's bytes go in the same transaction as its description. */
    async addEvidence(values: EvidenceInsert, bytes?: Uint8Array): Promise<Evidence> {
      try {
        const [row] = await db.insert(incidentEvidence).values(values).returning();
        if (bytes) await db.insert(incidentEvidenceFiles).values({ evidenceId: row!.id, bytes });
        return toEvidence(row!);
      } catch (err) {
        throw mapWriteError(err, 'Evidence');
      }
    },

    /** How many evidence items (links and files) an incident has; evidence is never removed, so this only grows. */
    async evidenceCount(incidentId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(incidentEvidence).where(eq(incidentEvidence.incidentId, incidentId));
      return row?.n ?? 0;
    },

    async evidence(incidentId: string): Promise<Evidence[]> {
      const rows = await db.select().from(incidentEvidence).where(eq(incidentEvidence.incidentId, incidentId)).orderBy(asc(incidentEvidence.createdAt), asc(incidentEvidence.id));
      return rows.map(toEvidence);
    },

    /** One piece of evidence of an incident with its bytes (null for a link), or null when there is none. */
    async evidenceFile(incidentId: string, evidenceId: string): Promise<{ evidence: Evidence; bytes: Uint8Array | null } | null> {
      const [row] = await db
        .select({ evidence: incidentEvidence, bytes: incidentEvidenceFiles.bytes })
        .from(incidentEvidence)
        .leftJoin(incidentEvidenceFiles, eq(incidentEvidenceFiles.evidenceId, incidentEvidence.id))
        .where(and(eq(incidentEvidence.incidentId, incidentId), eq(incidentEvidence.id, evidenceId)));
      return row ? { evidence: toEvidence(row.evidence), bytes: row.bytes ?? null } : null;
    },

    async addResponse(values: Omit<IncidentResponse, 'id' | 'createdAt'>): Promise<IncidentResponse> {
      try {
        const [row] = await db.insert(incidentResponses).values(values).returning();
        return toResponse(row!);
      } catch (err) {
        throw mapWriteError(err, 'Response');
      }
    },

    async responses(incidentId: string): Promise<IncidentResponse[]> {
      const rows = await db.select().from(incidentResponses).where(eq(incidentResponses.incidentId, incidentId)).orderBy(asc(incidentResponses.createdAt), asc(incidentResponses.id));
      return rows.map(toResponse);
    },
  };
}
export type IncidentRecordRepository = ReturnType<typeof incidentRecordRepository>;
