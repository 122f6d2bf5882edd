/**
 * The Strategic Matrix of an agreement: read its parts and the verified violations of the last
 * VIOLATION_WINDOW_DAYS, and let core compute the matrix as of the clock's now.
 */
import { computeMatrix, nextDeadlineChange, VIOLATION_WINDOW_DAYS, type Agreement, type Matrix, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { clauseStandings } from '../negotiation/document-view.ts';

/** Who reads the matrix from the CLI: the operator of the database itself, who sees every stance. */
const OPERATOR: Principal = { kind: 'user', userId: 'operator', name: 'operator', admin: true, memberships: [] };

const WINDOW_MS = VIOLATION_WINDOW_DAYS * 86_400_000;

export function matrixService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  /**
   * The matrix of an agreement already read (the access check reads it first), and the instant until
   * which it holds without a write: the next deadline that makes a provision overdue or one more day
   * overdue, or the next verified violation entering or leaving the window. Null: until a write.
   * The clauses not agreed are those of the stances `reader` may see (docs/NEGOTIATION.md).
   */
  async function current(agreement: Agreement, reader: Principal): Promise<{ matrix: Matrix; validUntil: Date | null }> {
    const now = clock.now();
    const since = new Date(now.getTime() - WINDOW_MS);
    const [parties, phases, pillars, provisions, recentViolations, violationChange, documents, stances] = await Promise.all([
      repos.parties.list(agreement.id),
      repos.phases.list(agreement.id),
      repos.pillars.list(agreement.id),
      repos.provisions.list(agreement.id),
      repos.incidents.recentViolations(agreement.id, since, now),
      repos.incidents.nextViolationChange(agreement.id, now, WINDOW_MS),
      repos.documents.list(agreement.id),
      repos.stances.ofAgreement(agreement.id),
    ]);
    const clauses = clauseStandings(reader, agreement.id, { documents, clauses: await repos.clauses.listIn(documents.map((d) => d.id)), stances, parties });
    const matrix = computeMatrix({ agreement, parties, phases, pillars, provisions, recentViolations, clauses, now });
    const changes = [nextDeadlineChange(provisions, now), violationChange].filter((d): d is Date => d !== null);
    return { matrix, validUntil: changes.length > 0 ? new Date(Math.min(...changes.map((d) => d.getTime()))) : null };
  }

  return {
    current,
    /** The matrix of the agreement named by id or slug, as of now, for the CLI's operator. */
    get: async (ref: string): Promise<Matrix> => (await current(await repos.agreements.get(ref), OPERATOR)).matrix,
  };
}
export type MatrixService = ReturnType<typeof matrixService>;
