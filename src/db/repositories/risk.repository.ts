/** The collapse risk's weights per agreement (versioned) and its snapshots per audience (append-only). */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { staleVersion, type Audience } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { riskSettings, riskSnapshots, type RiskWeights } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

export interface RiskSettings {
  agreementId: string;
  weights: RiskWeights;
  version: number;
}

export type RiskSnapshot = typeof riskSnapshots.$inferSelect;
export type RiskSnapshotInsert = Omit<typeof riskSnapshots.$inferInsert, 'id' | 'recordedAt'> & { audience: Audience };

/** The history a reader is shown: at most this many snapshots, the newest. */
export const RISK_HISTORY_LIMIT = 365;

export function riskRepository(db: Db) {
  async function settings(agreementId: string): Promise<RiskSettings | null> {
    const [row] = await db.select({ agreementId: riskSettings.agreementId, weights: riskSettings.weights, version: riskSettings.version }).from(riskSettings).where(eq(riskSettings.agreementId, agreementId));
    return row ?? null;
  }

  return {
    /** The agreement's weights as set, or null when never set (version 0). */
    settings,

    /** Sets the weights at `version` (0 when never set); a stale one is 409 stale_version. */
    async putWeights(agreementId: string, weights: RiskWeights, version: number): Promise<{ before: RiskSettings | null; after: RiskSettings }> {
      const before = await settings(agreementId);
      const current = before?.version ?? 0;
      if (version !== current) throw staleVersion('Risk weights of agreement', agreementId, version, current);
      try {
        if (before === null) {
          const [after] = await db.insert(riskSettings).values({ agreementId, weights }).returning({ agreementId: riskSettings.agreementId, weights: riskSettings.weights, version: riskSettings.version });
          return { before, after: after! };
        }
        const [after] = await db
          .update(riskSettings)
          .set({ weights, version: sql`${riskSettings.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(riskSettings.agreementId, agreementId), eq(riskSettings.version, version)))
          .returning({ agreementId: riskSettings.agreementId, weights: riskSettings.weights, version: riskSettings.version });
        if (!after) throw staleVersion('Risk weights of agreement', agreementId, version, version + 1);
        return { before, after };
      } catch (err) {
        throw mapWriteError(err, 'Risk weights');
      }
    },

    async insertSnapshots(rows: readonly RiskSnapshotInsert[]): Promise<RiskSnapshot[]> {
      if (rows.length === 0) return [];
      return db.insert(riskSnapshots).values([...rows]).returning();
    },

    /** The snapshots of one audience (one party's circle when `partyId`), oldest first: the newest RISK_HISTORY_LIMIT. */
    async snapshots(agreementId: string, audience: Audience, partyId: string | null, limit = RISK_HISTORY_LIMIT): Promise<RiskSnapshot[]> {
      const rows = await db
        .select()
        .from(riskSnapshots)
        .where(and(eq(riskSnapshots.agreementId, agreementId), eq(riskSnapshots.audience, audience), partyId === null ? isNull(riskSnapshots.partyId) : eq(riskSnapshots.partyId, partyId)))
        .orderBy(desc(riskSnapshots.day), desc(riskSnapshots.recordedAt), desc(riskSnapshots.id))
        .limit(limit);
      return rows.reverse();
    },
  };
}
export type RiskRepository = ReturnType<typeof riskRepository>;
