/** Provisions: each must sit in a phase, pillar and obligated party of its own agreement. */
import type { z } from 'zod';
import type { ProvisionCreate, ProvisionListQuery, ProvisionUpdate } from '../../contract/index.ts';
import { computeMatrix, type Matrix, type RuleIssue } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { assertRules } from '../agreements/agreements.service.ts';

type Out<T extends z.ZodType> = z.output<T>;

interface References {
  phaseId?: string | undefined;
  pillarId?: string | null | undefined;
  obligatedPartyId?: string | null | undefined;
}

export function provisionService({ repos, clock }: { repos: Repositories; clock: Clock }) {
  async function checkReferences(agreementId: string, refs: References): Promise<void> {
    const issues: RuleIssue[] = [];
    const [phases, pillars, parties] = await Promise.all([
      refs.phaseId ? repos.phases.list(agreementId) : [],
      refs.pillarId ? repos.pillars.list(agreementId) : [],
      refs.obligatedPartyId ? repos.parties.list(agreementId) : [],
    ]);
    if (refs.phaseId && !phases.some((p) => p.id === refs.phaseId)) {
      issues.push({ path: 'phaseId', message: 'is not a phase of this agreement' });
    }
    if (refs.pillarId && !pillars.some((p) => p.id === refs.pillarId)) {
      issues.push({ path: 'pillarId', message: 'is not a pillar of this agreement' });
    }
    if (refs.obligatedPartyId && !parties.some((p) => p.id === refs.obligatedPartyId)) {
      issues.push({ path: 'obligatedPartyId', message: 'is not a party to this agreement' });
    }
    assertRules(issues);
  }

  const toRow = <T extends { deadline?: string | null | undefined }>(input: T) => ({
    ...input,
    ...(input.deadline !== undefined ? { deadline: input.deadline === null ? null : new Date(input.deadline) } : {}),
  });

  return {
    async page(ref: string, query: Out<typeof ProvisionListQuery>) {
      const agreement = await repos.agreements.get(ref);
      return repos.provisions.page(agreement.id, query);
    },
    get: async (ref: string, id: string) => repos.provisions.get((await repos.agreements.get(ref)).id, id),
    async create(ref: string, input: Out<typeof ProvisionCreate>) {
      const agreement = await repos.agreements.get(ref);
      await checkReferences(agreement.id, input);
      const ordinal = input.ordinal ?? (await repos.provisions.nextOrdinal(input.phaseId));
      return repos.provisions.insert({ ...toRow(input), ordinal, agreementId: agreement.id });
    },
    async update(ref: string, id: string, { version, ...patch }: Out<typeof ProvisionUpdate>) {
      const agreement = await repos.agreements.get(ref);
      await checkReferences(agreement.id, patch);
      return repos.provisions.update(agreement.id, id, version, toRow(patch));
    },
    remove: async (ref: string, id: string, version: number) =>
      repos.provisions.remove((await repos.agreements.get(ref)).id, id, version),

    /** The Strategic Matrix of an agreement as of now. */
    async matrix(ref: string): Promise<Matrix> {
      const agreement = await repos.agreements.get(ref);
      const [parties, phases, pillars, provisions] = await Promise.all([
        repos.parties.list(agreement.id),
        repos.phases.list(agreement.id),
        repos.pillars.list(agreement.id),
        repos.provisions.list(agreement.id),
      ]);
      return computeMatrix({ agreement, parties, phases, pillars, provisions, now: clock.now() });
    },
  };
}
export type ProvisionService = ReturnType<typeof provisionService>;
