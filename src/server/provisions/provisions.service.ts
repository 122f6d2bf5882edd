/** Provisions: each must sit in a phase, pillar and obligated party of its own agreement. */
import type { Parsed, ProvisionCreate, ProvisionListQuery, ProvisionUpdate } from '../../contract/index.ts';
import { assertRules, type Provision, type RuleIssue } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { auditedParts, type PartContext } from '../parts/audited-parts.ts';
import { refuseWhileReferenced } from '../agreements/references.ts';
import type { Write } from '../write.ts';

interface References {
  phaseId?: string | undefined;
  pillarId?: string | null | undefined;
  obligatedPartyId?: string | null | undefined;
}

async function checkReferences({ repos, agreementId }: PartContext, refs: References): Promise<void> {
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

/** API deadlines are ISO strings; the column takes a Date. */
const toRow = <T extends { deadline?: string | null | undefined }>(input: T) => ({
  ...input,
  ...(input.deadline !== undefined ? { deadline: input.deadline === null ? null : new Date(input.deadline) } : {}),
});

export function provisionService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<Provision, Parsed<typeof ProvisionCreate>, Parsed<typeof ProvisionUpdate>>(
    { repos, write },
    {
      entity: 'provision',
      repo: (r) => r.provisions,
      async prepareCreate(ctx, input) {
        await checkReferences(ctx, input);
        return { ...toRow(input), ordinal: input.ordinal ?? (await ctx.repos.provisions.nextOrdinal(input.phaseId)) };
      },
      async preparePatch(ctx, _current, patch) {
        await checkReferences(ctx, patch);
        return toRow(patch);
      },
      // Its notes would go with it (the foreign key cascades): refuse instead, as for incidents.
      async prepareRemove(ctx, current) {
        const name = [current.code, current.title].filter(Boolean).join(' ');
        refuseWhileReferenced('provision', { id: current.id, name }, await ctx.repos.references.toProvision(ctx.agreementId, current.id));
      },
    },
  );

  return {
    ...parts,
    async page(ref: string, query: Parsed<typeof ProvisionListQuery>) {
      const agreement = await repos.agreements.get(ref);
      return repos.provisions.page(agreement.id, query);
    },
  };
}
export type ProvisionService = ReturnType<typeof provisionService>;
