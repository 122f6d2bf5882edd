/**
 * Provisions' status history (migration 0012): rows are appended, one per change, numbered from 1
 * per provision; the table refuses updates and deletes (a trigger), so nothing here offers them.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import type { ImplementationStatus, ProvisionStatusChange } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { provisionStatusChanges } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

type Row = typeof provisionStatusChanges.$inferSelect;

export function toStatusChange(r: Row): ProvisionStatusChange {
  return {
    id: r.id,
    agreementId: r.agreementId,
    provisionId: r.provisionId,
    seq: r.seq,
    from: r.fromStatus as ImplementationStatus | null,
    to: r.toStatus as ImplementationStatus,
    reason: r.reason,
    source: r.source,
    sourceGrade: r.sourceGrade,
    evidence: r.evidence,
    actorId: r.actorId,
    actorName: r.actorName,
    at: r.at.toISOString(),
  };
}

/** A change to append; its number follows the provision's last one. */
export type StatusChangeInsert = Omit<ProvisionStatusChange, 'id' | 'seq' | 'at'> & { at: Date };

export function provisionStatusRepository(db: Db) {
  return {
    /**
     * Appends the provision's next change. Two writers at once are kept apart by the provision's row
     * (each updates it first, with its version); the unique (provision, seq) is the last guard (409).
     */
    async append(change: StatusChangeInsert): Promise<ProvisionStatusChange> {
      const [last] = await db.select({ seq: max(provisionStatusChanges.seq) }).from(provisionStatusChanges).where(eq(provisionStatusChanges.provisionId, change.provisionId));
      try {
        const [row] = await db
          .insert(provisionStatusChanges)
          .values({
            agreementId: change.agreementId,
            provisionId: change.provisionId,
            seq: (last?.seq ?? 0) + 1,
            fromStatus: change.from,
            toStatus: change.to,
            reason: change.reason,
            source: change.source,
            sourceGrade: change.sourceGrade,
            evidence: change.evidence,
            actorId: change.actorId,
            actorName: change.actorName,
            at: change.at,
          })
          .returning();
        return toStatusChange(row!);
      } catch (err) {
        throw mapWriteError(err, 'Status change');
      }
    },

    /** A provision's changes, oldest first. */
    async history(agreementId: string, provisionId: string): Promise<ProvisionStatusChange[]> {
      const rows = await db
        .select()
        .from(provisionStatusChanges)
        .where(and(eq(provisionStatusChanges.agreementId, agreementId), eq(provisionStatusChanges.provisionId, provisionId)))
        .orderBy(asc(provisionStatusChanges.seq));
      return rows.map(toStatusChange);
    },

    /** Every change in an agreement, oldest first (by instant, then provision and number). */
    async ofAgreement(agreementId: string): Promise<ProvisionStatusChange[]> {
      const rows = await db
        .select()
        .from(provisionStatusChanges)
        .where(eq(provisionStatusChanges.agreementId, agreementId))
        .orderBy(asc(provisionStatusChanges.at), asc(provisionStatusChanges.provisionId), asc(provisionStatusChanges.seq));
      return rows.map(toStatusChange);
    },
  };
}
export type ProvisionStatusRepository = ReturnType<typeof provisionStatusRepository>;
