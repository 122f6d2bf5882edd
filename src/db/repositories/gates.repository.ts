/**
 * Phase gates and transitions (docs/GATES.md): one gate per phase with its conditions as jsonb,
 * versioned; each advance of a phase appended as a transition; and the verified violations a
 * `no_verified_violation` condition reads, dated in the agreement's time zone.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { NotFoundError, staleVersion } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { phaseGates, phaseTransitions } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

export interface PhaseGate {
  id: string;
  agreementId: string;
  phaseId: string;
  /** As stored: checked by core's parseGateConditions when written. */
  conditions: unknown[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type PhaseTransition = typeof phaseTransitions.$inferSelect;
export type PhaseTransitionInsert = Omit<typeof phaseTransitions.$inferInsert, 'id'>;

/** A verified incident as a gate reads it: its day in the agreement's zone. */
export interface VerifiedViolation {
  id: string;
  category: string;
  place: string;
  occurredOn: string;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function gatesRepository(db: Db) {
  const scope = (agreementId: string, phaseId: string) => and(eq(phaseGates.agreementId, agreementId), eq(phaseGates.phaseId, phaseId));

  async function find(agreementId: string, phaseId: string): Promise<PhaseGate | null> {
    const [row] = await db.select().from(phaseGates).where(scope(agreementId, phaseId));
    return row ?? null;
  }

  return {
    find,

    /** Every gate of the agreement. */
    list: (agreementId: string): Promise<PhaseGate[]> => db.select().from(phaseGates).where(eq(phaseGates.agreementId, agreementId)),

    /**
     * Sets a phase's conditions: creates its gate when it has none (`version` must then be absent),
     * else replaces them at `version` (the one read; a stale or missing one is 409).
     */
    async put(agreementId: string, phaseId: string, conditions: unknown[], version: number | undefined): Promise<{ before: PhaseGate | null; after: PhaseGate }> {
      const before = await find(agreementId, phaseId);
      try {
        if (before === null) {
          if (version !== undefined) throw new NotFoundError('Gate of phase', phaseId);
          const [after] = await db.insert(phaseGates).values({ agreementId, phaseId, conditions }).returning();
          return { before, after: after! };
        }
        if (version !== before.version) throw staleVersion('Gate of phase', phaseId, version ?? 0, before.version);
        const [after] = await db
          .update(phaseGates)
          .set({ conditions, version: sql`${phaseGates.version} + 1`, updatedAt: sql`now()` })
          .where(and(scope(agreementId, phaseId), eq(phaseGates.version, version)))
          .returning();
        if (!after) throw staleVersion('Gate of phase', phaseId, version, before.version + 1);
        return { before, after };
      } catch (err) {
        throw mapWriteError(err, 'Gate', { values: { conditions } });
      }
    },

    /** Deletes the gate at `version`: 404 when the phase has none, 409 when stale. */
    async remove(agreementId: string, phaseId: string, version: number): Promise<PhaseGate> {
      const before = await find(agreementId, phaseId);
      if (!before) throw new NotFoundError('Gate of phase', phaseId);
      const rows = await db
        .delete(phaseGates)
        .where(and(scope(agreementId, phaseId), eq(phaseGates.version, version)))
        .returning({ id: phaseGates.id });
      if (!rows[0]) throw staleVersion('Gate of phase', phaseId, version, before.version);
      return before;
    },

    async insertTransition(values: PhaseTransitionInsert): Promise<PhaseTransition> {
      const [row] = await db.insert(phaseTransitions).values(values).returning();
      return row!;
    },

    /** A phase's transitions, newest first. */
    transitions: (agreementId: string, phaseId: string): Promise<PhaseTransition[]> =>
      db
        .select()
        .from(phaseTransitions)
        .where(and(eq(phaseTransitions.agreementId, agreementId), eq(phaseTransitions.phaseId, phaseId)))
        .orderBy(desc(phaseTransitions.at), desc(phaseTransitions.id)),

    /** The newest transition of each phase of the agreement that has one, by phase id. */
    async latestTransitions(agreementId: string): Promise<Map<string, PhaseTransition>> {
      const rows = await db
        .selectDistinctOn([phaseTransitions.phaseId])
        .from(phaseTransitions)
        .where(eq(phaseTransitions.agreementId, agreementId))
        .orderBy(asc(phaseTransitions.phaseId), desc(phaseTransitions.at), desc(phaseTransitions.id));
      return new Map(rows.map((r) => [r.phaseId, r]));
    },

    /**
     * Verified incidents that occurred since `since` (a window's start), and the newest one of each
     * category before it (so a gate can say when the last one was), each dated in `timeZone`.
     */
    async verifiedViolations(agreementId: string, since: Date, timeZone: string): Promise<VerifiedViolation[]> {
      return rowsOf<{ id: string; category: string; place: string; occurred_on: string }>(
        await db.execute(sql`
          SELECT i.id, i.category, i.place, (i.occurred_at AT TIME ZONE ${timeZone}::text)::date::text AS occurred_on
          FROM incidents i
          WHERE i.agreement_id = ${agreementId} AND i.status = 'verified'
            AND (i.occurred_at >= ${since.toISOString()}::timestamptz OR i.id IN (
              SELECT DISTINCT ON (o.category) o.id FROM incidents o
              WHERE o.agreement_id = ${agreementId} AND o.status = 'verified'
              ORDER BY o.category, o.occurred_at DESC, o.id))
          ORDER BY i.occurred_at DESC, i.id`),
      ).map((r) => ({ id: r.id, category: r.category, place: r.place, occurredOn: r.occurred_on }));
    },
  };
}
export type GatesRepository = ReturnType<typeof gatesRepository>;
