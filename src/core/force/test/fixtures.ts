/** Builders for force tests: each test makes its own input. */
import type { ForceGapsInput, ForcePledgeInput, ForceRequirementInput } from '../gaps.ts';

export const PARTIES = [
  { id: 'p-north', name: 'Northern Government', signatory: true },
  { id: 'p-south', name: 'Southern Front', signatory: true },
  { id: 'p-med', name: 'Mediation Office', signatory: false },
];
export const CONTRIBUTORS = [
  { id: 'c-gh', name: 'Ghana' },
  { id: 'c-uy', name: 'Uruguay' },
  { id: 'c-np', name: 'Nepal' },
];

export function requirement(overrides: Partial<ForceRequirementInput> & { id: string }): ForceRequirementInput {
  return { capability: 'Infantry', sectorId: 's-north', sectorName: 'Sector North', personnel: 100, ...overrides };
}

export function pledge(overrides: Partial<ForcePledgeInput> & { id: string }): ForcePledgeInput {
  return { contributorId: 'c-gh', capability: 'Infantry', sectorId: 's-north', personnel: 100, readiness: 'L3', ...overrides };
}

export function forceInput(overrides: Partial<ForceGapsInput> = {}): ForceGapsInput {
  return { requirements: [], pledges: [], contributors: CONTRIBUTORS, parties: PARTIES, acceptability: [], ...overrides };
}
