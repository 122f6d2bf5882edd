/**
 * The Strategic Matrix of an agreement: read its parts and the verified violations of the last
 * VIOLATION_WINDOW_DAYS, and let core compute the matrix as of the clock's now.
 */
import { computeMatrix, VIOLATION_WINDOW_DAYS, type Agreement, type Matrix } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';

const DAY_MS = 86_400_000;

export function matrixService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  /** The matrix of an agreement already read (the access check reads it first). */
  async function of(agreement: Agreement): Promise<Matrix> {
    const now = clock.now();
    const since = new Date(now.getTime() - VIOLATION_WINDOW_DAYS * DAY_MS);
    const [parties, phases, pillars, provisions, recentViolations] = await Promise.all([
      repos.parties.list(agreement.id),
      repos.phases.list(agreement.id),
      repos.pillars.list(agreement.id),
      repos.provisions.list(agreement.id),
      repos.incidents.recentViolations(agreement.id, since, now),
    ]);
    return computeMatrix({ agreement, parties, phases, pillars, provisions, recentViolations, now });
  }

  return {
    of,
    /** The matrix of the agreement named by id or slug, as of now. */
    get: async (ref: string): Promise<Matrix> => of(await repos.agreements.get(ref)),
  };
}
export type MatrixService = ReturnType<typeof matrixService>;
