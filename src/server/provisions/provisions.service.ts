/** Provisions: each must sit in a phase, pillar and obligated party of its own agreement. */
import type { Parsed, ProvisionCreate, ProvisionListQuery, ProvisionUpdate } from '../../contract/index.ts';
import type { Provision } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { withDateColumns } from '../columns.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import { checkReferences, refuseWhileReferenced, type NamedIds } from '../references.ts';
import type { Write } from '../write.ts';

/** The ids a provision names, each of which must belong to its agreement. */
const provisionReferences = (refs: {
  phaseId?: string | undefined;
  pillarId?: string | null | undefined;
  obligatedPartyId?: string | null | undefined;
  clauseId?: string | null | undefined;
}): NamedIds[] => [
  { path: 'phaseId', kind: 'phase', id: refs.phaseId },
  { path: 'pillarId', kind: 'pillar', id: refs.pillarId },
  { path: 'obligatedPartyId', kind: 'party', id: refs.obligatedPartyId },
  { path: 'clauseId', kind: 'clause', id: refs.clauseId },
];

export function provisionService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<Provision, Parsed<typeof ProvisionCreate>, Parsed<typeof ProvisionUpdate>>(
    { repos, write },
    {
      entity: 'provision',
      repo: (r) => r.provisions,
      async prepareCreate(ctx, input) {
        await checkReferences(ctx.repos, ctx.agreementId, provisionReferences(input));
        return { ...withDateColumns(input, ['deadline']), ordinal: input.ordinal ?? (await ctx.repos.provisions.nextOrdinal(input.phaseId)) };
      },
      async preparePatch(ctx, _current, patch) {
        await checkReferences(ctx.repos, ctx.agreementId, provisionReferences(patch));
        return withDateColumns(patch, ['deadline']);
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
