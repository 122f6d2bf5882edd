/**
 * The Strategic Matrix of an agreement: read its parts and the verified violations of the last
 * VIOLATION_WINDOW_DAYS, and let core compute the matrix as of the clock's now.
 */
import { computeMatrix, nextDeadlineChange, VIOLATION_WINDOW_DAYS, type Agreement, type Matrix, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { GatesService } from '../gates/gates.service.ts';
import { clauseStandings } from '../negotiation/document-view.ts';

/** Who reads the matrix from the CLI: the operator of the database itself, who sees every stance. */
const OPERATOR: Principal = { kind: 'user', userId: 'operator', name: 'operator', admin: true, memberships: [] };

const WINDOW_MS = VIOLATION_WINDOW_DAYS * 86_400_000;

/** The clause a provision comes from, with its document: what the matrix links a provision to. */
export interface ClauseSource {
  clauseId: string;
  documentId: string;
  documentTitle: string;
  number: string | null;
}

function clauseSources(
  documents: ReadonlyArray<{ id: string; title: string }>,
  clauses: ReadonlyArray<{ id: string; documentId: string; number: string | null }>,
  provisions: ReadonlyArray<{ clauseId: string | null }>,
): ClauseSource[] {
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const linked = new Set(provisions.flatMap((p) => (p.clauseId ? [p.clauseId] : [])));
  return clauses
    .filter((c) => linked.has(c.id))
    .map((c) => ({ clauseId: c.id, documentId: c.documentId, documentTitle: titles.get(c.documentId) ?? '', number: c.number }));
}

export function matrixService({ repos, clock, gates }: { repos: Repositories; clock: Clock; gates: Pick<GatesService, 'forMatrix' | 'nextMidnight'> }) {
  /**
   * The matrix of an agreement already read (the access check reads it first), and the instant until
   * which it holds without a write: the next deadline that makes a provision overdue or one more day
   * overdue, or the next verified violation entering or leaving the window. Null: until a write.
   * The clauses not agreed are those of the stances `reader` may see (docs/NEGOTIATION.md), and so
   * are the gates and the force's gaps (docs/GATES.md); gates and withdrawal statuses also change at
   * the agreement's midnight.
   */
  async function current(agreement: Agreement, reader: Principal): Promise<{ matrix: Matrix & { clauseSources: ClauseSource[] }; validUntil: Date | null }> {
    const now = clock.now();
    const since = new Date(now.getTime() - WINDOW_MS);
    const [parties, phases, pillars, provisions, recentViolations, violationChange, documents, stances, ground] = await Promise.all([
      repos.parties.list(agreement.id),
      repos.phases.list(agreement.id),
      repos.pillars.list(agreement.id),
      repos.provisions.list(agreement.id),
      repos.incidents.recentViolations(agreement.id, since, now),
      repos.incidents.nextViolationChange(agreement.id, now, WINDOW_MS),
      repos.documents.list(agreement.id),
      repos.stances.ofAgreement(agreement.id),
      gates.forMatrix(agreement, reader),
    ]);
    const allClauses = await repos.clauses.listIn(documents.map((d) => d.id));
    const clauses = clauseStandings(reader, agreement.id, { documents, clauses: allClauses, stances, parties });
    const { evaluations, facts, timeBound } = ground;
    const matrix = {
      ...computeMatrix({ agreement, parties, phases, pillars, provisions, recentViolations, clauses, gates: evaluations, withdrawals: facts.withdrawals, force: facts.force, funding: facts.funding, now }),
      clauseSources: clauseSources(documents, allClauses, provisions),
    };
    const changes = [nextDeadlineChange(provisions, now), violationChange, timeBound ? gates.nextMidnight(agreement) : null].filter((d): d is Date => d !== null);
    return { matrix, validUntil: changes.length > 0 ? new Date(Math.min(...changes.map((d) => d.getTime()))) : null };
  }

  return {
    current,
    /** The matrix of the agreement named by id or slug, as of now, for the CLI's operator. */
    get: async (ref: string): Promise<Matrix & { clauseSources: ClauseSource[] }> => (await current(await repos.agreements.get(ref), OPERATOR)).matrix,
  };
}
export type MatrixService = ReturnType<typeof matrixService>;
