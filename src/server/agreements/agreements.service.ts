/**
 * Agreements and their parts: parties, phases, pillars and negotiation rounds.
 * Rules that span rows (a round's parties belong to its agreement, windows are ordered) live here.
 */
import type { z } from 'zod';
import type {
  AgreementCreate,
  AgreementListQuery,
  AgreementUpdate,
  PartyCreate,
  PartyUpdate,
  PhaseCreate,
  PhaseUpdate,
  PillarCreate,
  PillarUpdate,
  RoundCreate,
  RoundUpdate,
} from '../../contract/index.ts';
import { checkWindow, RuleViolationError, type Agreement, type RuleIssue } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';

type Out<T extends z.ZodType> = z.output<T>;

export function assertRules(issues: RuleIssue[]): void {
  if (issues.length > 0) {
    throw new RuleViolationError(issues.map((i) => `${i.path} ${i.message}`).join('; '), { issues });
  }
}

const nextOrdinal = (items: ReadonlyArray<{ ordinal: number }>) => Math.max(0, ...items.map((i) => i.ordinal)) + 1;

export function agreementService({ repos }: { repos: Repositories }) {
  const resolve = (ref: string): Promise<Agreement> => repos.agreements.get(ref);

  async function checkPartiesBelong(agreementId: string, partyIds: readonly string[], path: string): Promise<void> {
    if (partyIds.length === 0) return;
    const known = new Set((await repos.parties.list(agreementId)).map((p) => p.id));
    assertRules(
      partyIds.filter((id) => !known.has(id)).map((id) => ({ path, message: `party ${id} is not a party to this agreement` })),
    );
  }

  return {
    resolve,
    list: (query: Out<typeof AgreementListQuery>) => repos.agreements.list(query),
    create: (input: Out<typeof AgreementCreate>) => repos.agreements.insert(input),
    async update(ref: string, { version, ...patch }: Out<typeof AgreementUpdate>) {
      const agreement = await resolve(ref);
      return repos.agreements.update(agreement.id, version, patch);
    },
    async remove(ref: string, version: number) {
      const agreement = await resolve(ref);
      // A no-op update checks the version first, so a stale delete is refused like a stale edit.
      await repos.agreements.update(agreement.id, version, {});
      await repos.agreements.remove(agreement.id);
    },

    parties: {
      list: async (ref: string) => repos.parties.list((await resolve(ref)).id),
      get: async (ref: string, id: string) => repos.parties.get((await resolve(ref)).id, id),
      create: async (ref: string, input: Out<typeof PartyCreate>) =>
        repos.parties.insert({ ...input, agreementId: (await resolve(ref)).id }),
      async update(ref: string, id: string, { version, ...patch }: Out<typeof PartyUpdate>) {
        return repos.parties.update((await resolve(ref)).id, id, version, patch);
      },
      remove: async (ref: string, id: string, version: number) =>
        repos.parties.remove((await resolve(ref)).id, id, version),
    },

    phases: {
      list: async (ref: string) => repos.phases.list((await resolve(ref)).id),
      get: async (ref: string, id: string) => repos.phases.get((await resolve(ref)).id, id),
      async create(ref: string, input: Out<typeof PhaseCreate>) {
        const agreement = await resolve(ref);
        assertRules(checkWindow(input.plannedStart, input.plannedEnd, ['plannedStart', 'plannedEnd']));
        const ordinal = input.ordinal ?? nextOrdinal(await repos.phases.list(agreement.id));
        return repos.phases.insert({ ...input, ordinal, agreementId: agreement.id });
      },
      async update(ref: string, id: string, { version, ...patch }: Out<typeof PhaseUpdate>) {
        const agreement = await resolve(ref);
        const current = await repos.phases.get(agreement.id, id);
        const merged = { ...current, ...patch };
        assertRules(checkWindow(merged.plannedStart, merged.plannedEnd, ['plannedStart', 'plannedEnd']));
        return repos.phases.update(agreement.id, id, version, patch);
      },
      remove: async (ref: string, id: string, version: number) =>
        repos.phases.remove((await resolve(ref)).id, id, version),
    },

    pillars: {
      list: async (ref: string) => repos.pillars.list((await resolve(ref)).id),
      get: async (ref: string, id: string) => repos.pillars.get((await resolve(ref)).id, id),
      async create(ref: string, input: Out<typeof PillarCreate>) {
        const agreement = await resolve(ref);
        const ordinal = input.ordinal ?? nextOrdinal(await repos.pillars.list(agreement.id));
        return repos.pillars.insert({ ...input, ordinal, agreementId: agreement.id });
      },
      async update(ref: string, id: string, { version, ...patch }: Out<typeof PillarUpdate>) {
        return repos.pillars.update((await resolve(ref)).id, id, version, patch);
      },
      remove: async (ref: string, id: string, version: number) =>
        repos.pillars.remove((await resolve(ref)).id, id, version),
    },

    rounds: {
      list: async (ref: string) => repos.rounds.list((await resolve(ref)).id),
      get: async (ref: string, id: string) => repos.rounds.get((await resolve(ref)).id, id),
      async create(ref: string, input: Out<typeof RoundCreate>) {
        const agreement = await resolve(ref);
        assertRules(checkWindow(input.startsOn, input.endsOn, ['startsOn', 'endsOn']));
        await checkPartiesBelong(agreement.id, input.partyIds, 'partyIds');
        return repos.rounds.insert({ ...input, agreementId: agreement.id });
      },
      async update(ref: string, id: string, { version, ...patch }: Out<typeof RoundUpdate>) {
        const agreement = await resolve(ref);
        const current = await repos.rounds.get(agreement.id, id);
        const merged = { ...current, ...patch };
        assertRules(checkWindow(merged.startsOn, merged.endsOn, ['startsOn', 'endsOn']));
        await checkPartiesBelong(agreement.id, patch.partyIds ?? [], 'partyIds');
        return repos.rounds.update(agreement.id, id, version, patch);
      },
      remove: async (ref: string, id: string, version: number) =>
        repos.rounds.remove((await resolve(ref)).id, id, version),
    },
  };
}
export type AgreementService = ReturnType<typeof agreementService>;
