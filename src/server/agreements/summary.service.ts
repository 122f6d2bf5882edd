/**
 * The agreement loader: an agreement with its parties, phases and provisions, as the pages about it
 * (incidents, the map) need them to show it and to file against it, without the matrix's computation.
 */
import type { AgreementSummaryView } from '../../contract/index.ts';
import { inPhaseOrder, type Agreement } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';

export function summaryService({ repos }: { repos: Repositories }) {
  /** The summary of an agreement already read (the access check reads it first). */
  async function of(agreement: Agreement): Promise<AgreementSummaryView> {
    const [parties, phaseRows, provisionRows] = await Promise.all([
      repos.parties.list(agreement.id),
      repos.phases.list(agreement.id),
      repos.provisions.list(agreement.id),
    ]);
    const { phases, provisions } = inPhaseOrder(phaseRows, provisionRows);
    return {
      agreement,
      parties,
      phases,
      provisions: provisions.map((p) => ({
        id: p.id,
        phaseId: p.phaseId,
        pillarId: p.pillarId,
        ordinal: p.ordinal,
        code: p.code,
        title: p.title,
        category: p.category,
        obligatedPartyId: p.obligatedPartyId,
        deadline: p.deadline,
        status: p.status,
      })),
    };
  }

  return {
    of,
    get: async (ref: string): Promise<AgreementSummaryView> => of(await repos.agreements.get(ref)),
  };
}
export type SummaryService = ReturnType<typeof summaryService>;
