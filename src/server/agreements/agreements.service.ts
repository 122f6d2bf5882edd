/**
 * Agreements and their parts: parties, phases, pillars and negotiation rounds.
 * Rules that span rows (a round's parties belong to its agreement, windows are ordered) live here.
 */
import type {
  AgreementCreate,
  AgreementListQuery,
  AgreementUpdate,
  Parsed,
  PartyCreate,
  PartyUpdate,
  PhaseCreate,
  PhaseUpdate,
  PillarCreate,
  PillarUpdate,
  RoundCreate,
  RoundUpdate,
} from '../../contract/index.ts';
import { assertRules, checkWindow, RuleViolationError, type Agreement, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Actor, Write } from '../write.ts';
import { auditedParts, type PartContext } from '../parts/audited-parts.ts';
import { checkReferences, refuseWhileReferenced } from '../references.ts';

const nextOrdinal = (items: ReadonlyArray<{ ordinal: number }>) => Math.max(0, ...items.map((i) => i.ordinal)) + 1;

/** The parties a round names must be parties to its agreement. */
const checkPartiesBelong = ({ repos, agreementId }: PartContext, partyIds: readonly string[]): Promise<void> =>
  checkReferences(repos, agreementId, [{ path: 'partyIds', kind: 'party', ids: partyIds }]);

export function agreementService({ repos, write }: { repos: Repositories; write: Write }) {
  const resolve = (ref: string): Promise<Agreement> => repos.agreements.get(ref);
  const deps = { repos, write };

  return {
    resolve,
    /** The agreements the principal may read: all for an administrator, else public ones and their own. */
    list: (query: Parsed<typeof AgreementListQuery>, principal: Principal) =>
      repos.agreements.list({
        ...query,
        readableIds:
          principal.kind === 'user' && principal.admin
            ? undefined
            : principal.kind === 'user'
              ? principal.memberships.map((m) => m.agreementId)
              : [],
      }),

    create: (input: Parsed<typeof AgreementCreate>, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.insert(input);
        await record({ action: 'create', entity: 'agreement', entityId: agreement.id, agreementId: agreement.id, before: null, after: agreement });
        return agreement;
      }),

    update: (ref: string, { version, ...patch }: Parsed<typeof AgreementUpdate>, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const before = await tx.agreements.get(ref);
        const after = await tx.agreements.update(before.id, version, patch);
        await record({ action: 'update', entity: 'agreement', entityId: before.id, agreementId: before.id, before, after });
        return after;
      }),

    remove: (ref: string, version: number, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const before = await tx.agreements.get(ref);
        // A no-op update checks the version first, so a stale delete is refused like a stale edit.
        await tx.agreements.update(before.id, version, {});
        await tx.agreements.remove(before.id);
        await record({ action: 'delete', entity: 'agreement', entityId: before.id, agreementId: before.id, before, after: null });
      }),

    parties: auditedParts<Awaited<ReturnType<Repositories['parties']['get']>>, Parsed<typeof PartyCreate>, Parsed<typeof PartyUpdate>>(deps, {
      entity: 'party',
      repo: (r) => r.parties,
      // Its notes and its delegates' roles would go with it (cascade), rounds keep its id: refuse instead.
      async prepareRemove(ctx, current) {
        refuseWhileReferenced('party', current, await ctx.repos.references.toParty(ctx.agreementId, current.id));
      },
    }),

    phases: auditedParts<Awaited<ReturnType<Repositories['phases']['get']>>, Parsed<typeof PhaseCreate>, Parsed<typeof PhaseUpdate>>(deps, {
      entity: 'phase',
      repo: (r) => r.phases,
      async prepareCreate(ctx, input) {
        assertRules(checkWindow(input.plannedStart, input.plannedEnd, ['plannedStart', 'plannedEnd']));
        return { ...input, ordinal: input.ordinal ?? nextOrdinal(await ctx.repos.phases.list(ctx.agreementId)) };
      },
      async preparePatch(ctx, current, patch) {
        const merged = { ...current, ...patch };
        assertRules(checkWindow(merged.plannedStart, merged.plannedEnd, ['plannedStart', 'plannedEnd']));
        // A gated phase begins only through its gate, so that every start is evaluated and recorded.
        if (patch.status === 'active' && current.status !== 'active' && (await ctx.repos.gates.find(ctx.agreementId, current.id))) {
          throw new RuleViolationError(`Phase "${current.name}" has a gate: advance it through the gate (POST .../phases/${current.id}/advance) to make it active`, {
            issues: [{ path: 'status', message: 'cannot be set to active on a phase with a gate: advance it through the gate' }],
          });
        }
        return patch;
      },
    }),

    pillars: auditedParts<Awaited<ReturnType<Repositories['pillars']['get']>>, Parsed<typeof PillarCreate>, Parsed<typeof PillarUpdate>>(deps, {
      entity: 'pillar',
      repo: (r) => r.pillars,
      async prepareCreate(ctx, input) {
        return { ...input, ordinal: input.ordinal ?? nextOrdinal(await ctx.repos.pillars.list(ctx.agreementId)) };
      },
    }),

    rounds: auditedParts<Awaited<ReturnType<Repositories['rounds']['get']>>, Parsed<typeof RoundCreate>, Parsed<typeof RoundUpdate>>(deps, {
      entity: 'round',
      repo: (r) => r.rounds,
      async prepareCreate(ctx, input) {
        assertRules(checkWindow(input.startsOn, input.endsOn, ['startsOn', 'endsOn']));
        await checkPartiesBelong(ctx, input.partyIds);
        return input;
      },
      async preparePatch(ctx, current, patch) {
        const merged = { ...current, ...patch };
        assertRules(checkWindow(merged.startsOn, merged.endsOn, ['startsOn', 'endsOn']));
        await checkPartiesBelong(ctx, patch.partyIds ?? []);
        return patch;
      },
    }),
  };
}
export type AgreementService = ReturnType<typeof agreementService>;
