/**
 * Provisions: each must sit in a phase, pillar and obligated party of its own agreement. Every
 * provision has a status history (docs/DESK.md): adding one writes its first row; a PATCH that
 * changes the status must say why (`statusReason`, else 400) and appends a row; both audited with
 * the provision's own entry, in one transaction.
 */
import type { IndicatorView, Parsed, ProvisionCreate, ProvisionListQuery, ProvisionUpdate } from '../../contract/index.ts';
import { FIRST_STATUS_REASON, patchChangesStatus, statusChangeIssues, type Provision } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { withDateColumns } from '../columns.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import { checkReferences, refuseWhileReferenced, type NamedIds } from '../references.ts';
import type { Actor, Write } from '../write.ts';
import { appendChange, invalid, provisionStatusService, resolveEvidence } from './provision-status.service.ts';

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

type Create = Parsed<typeof ProvisionCreate>;
type Update = Parsed<typeof ProvisionUpdate>;

export function provisionService({ repos, write, clock, indicators }: { repos: Repositories; write: Write; clock: Clock; indicators: { list(ref: string): Promise<IndicatorView[]> } }) {
  // list, get and remove as every part has them; create and update below, with the status history.
  const parts = auditedParts<Provision, Create, Update>(
    { repos, write },
    {
      entity: 'provision',
      repo: (r) => r.provisions,
      // Its notes would go with it (the foreign key cascades): refuse instead, as for incidents.
      async prepareRemove(ctx, current) {
        const name = [current.code, current.title].filter(Boolean).join(' ');
        refuseWhileReferenced('provision', { id: current.id, name }, await ctx.repos.references.toProvision(ctx.agreementId, current.id));
      },
    },
  );

  return {
    ...parts,

    /** Adds a provision and starts its history: the reason given (statusReason), else "Added with this status". */
    create: (ref: string, input: Create, actor: Actor): Promise<Provision> =>
      write(actor, async (ctx) => {
        const { repos: tx, record } = ctx;
        const agreement = await tx.agreements.get(ref);
        const { statusReason, statusSource, statusSourceGrade, statusEvidence, ...fields } = input;
        await checkReferences(tx, agreement.id, provisionReferences(fields));
        const evidence = await resolveEvidence(tx, agreement, statusEvidence ?? [], 'statusEvidence');
        const row = await tx.provisions.insert({
          ...withDateColumns(fields, ['deadline']),
          ordinal: fields.ordinal ?? (await tx.provisions.nextOrdinal(fields.phaseId)),
          agreementId: agreement.id,
        });
        await record({ action: 'create', entity: 'provision', entityId: row.id, agreementId: agreement.id, before: null, after: row });
        await appendChange(ctx, clock, actor, row, { from: null, reason: statusReason?.trim() || FIRST_STATUS_REASON, source: statusSource, sourceGrade: statusSourceGrade, evidence });
        return row;
      }),

    /**
     * Edits a provision with the version read. A change of status needs `statusReason` (400 naming
     * it); a patch that leaves the status as it is needs none, and its status fields are ignored.
     */
    update: (ref: string, id: string, input: Update, actor: Actor): Promise<Provision> =>
      write(actor, async (ctx) => {
        const { repos: tx, record } = ctx;
        const { version, statusReason, statusSource, statusSourceGrade, statusEvidence, ...patch } = input;
        const agreement = await tx.agreements.get(ref);
        const before = await tx.provisions.get(agreement.id, id);
        const changes = patchChangesStatus(before.status, patch.status);
        if (changes) {
          const issues = statusChangeIssues({ from: before.status, to: patch.status!, reason: statusReason }, { status: 'body.status', reason: 'body.statusReason' });
          if (issues.length > 0) invalid(issues);
        }
        await checkReferences(tx, agreement.id, provisionReferences(patch));
        const evidence = changes ? await resolveEvidence(tx, agreement, statusEvidence ?? [], 'statusEvidence') : [];
        const after = await tx.provisions.update(agreement.id, id, version, withDateColumns(patch, ['deadline']));
        await record({ action: 'update', entity: 'provision', entityId: id, agreementId: agreement.id, before, after });
        if (changes) await appendChange(ctx, clock, actor, after, { from: before.status, reason: statusReason!, source: statusSource, sourceGrade: statusSourceGrade, evidence });
        return after;
      }),

    async page(ref: string, query: Parsed<typeof ProvisionListQuery>) {
      const agreement = await repos.agreements.get(ref);
      return repos.provisions.page(agreement.id, query);
    },

    /** Status changes with their reasons, the published history, and a provision's page. */
    status: provisionStatusService({ repos, write, clock, indicators }),
  };
}
export type ProvisionService = ReturnType<typeof provisionService>;
