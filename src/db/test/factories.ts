/**
 * Test factories: each builds one row and the parents it needs, with unique names, so that every
 * test makes its own agreement and no test depends on another's data.
 */
import { randomUUID } from 'node:crypto';
import type { Agreement, Party, Phase, Provision } from '../../core/index.ts';
import type { Repositories } from '../index.ts';

export const uniqueSlug = (prefix = 'test') => `${prefix}-${randomUUID().slice(0, 8)}`;

export function buildAgreement(repos: Repositories, overrides: Partial<Omit<Agreement, 'id'>> = {}) {
  return repos.agreements.insert({
    slug: uniqueSlug(),
    title: 'Test agreement',
    status: 'drafting',
    ...overrides,
    createdAt: undefined,
    updatedAt: undefined,
  });
}

export async function buildParty(
  repos: Repositories,
  overrides: Partial<Party> & { agreementId?: string } = {},
): Promise<Party> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  return repos.parties.insert({ name: `Party ${randomUUID().slice(0, 6)}`, role: 'belligerent', ...overrides, agreementId });
}

export async function buildPhase(
  repos: Repositories,
  overrides: Partial<Phase> & { agreementId?: string } = {},
): Promise<Phase> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  return repos.phases.insert({ ordinal: 1, name: 'Phase One', status: 'planned', ...overrides, agreementId });
}

export async function buildProvision(
  repos: Repositories,
  overrides: Partial<Omit<Provision, 'deadline'>> & { deadline?: Date | null } = {},
): Promise<Provision> {
  const phase = overrides.phaseId
    ? await repos.phases.get(overrides.agreementId!, overrides.phaseId)
    : await buildPhase(repos, overrides.agreementId ? { agreementId: overrides.agreementId } : {});
  return repos.provisions.insert({
    ordinal: 1,
    title: 'Halt attacks',
    category: 'ceasefire',
    status: 'not_started',
    ...overrides,
    updatedAt: undefined,
    agreementId: phase.agreementId,
    phaseId: phase.id,
  });
}
