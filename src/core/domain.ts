/**
 * The vocabulary of a phased ceasefire: statuses, roles and the provision taxonomy.
 * Plain values, shared by the API contract, the database and the web UI.
 */

export const AGREEMENT_STATUSES = ['drafting', 'in_force', 'suspended', 'collapsed', 'completed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const PARTY_ROLES = ['belligerent', 'mediator', 'guarantor', 'contributor', 'observer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PHASE_STATUSES = ['planned', 'negotiating', 'active', 'completed', 'suspended'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/**
 * Provision categories, after the Peace Accords Matrix (Kroc Institute) provision types,
 * narrowed to what a ceasefire-to-settlement agreement carries.
 */
export const PROVISION_CATEGORIES = [
  'ceasefire',
  'withdrawal',
  'prisoner_exchange',
  'aid_access',
  'stabilization_force',
  'governance',
  'verification',
  'guarantees',
  'reconstruction',
  'disarmament',
  'security_sector',
  'displaced_persons',
  'human_rights',
  'transitional_justice',
  'other',
] as const;
export type ProvisionCategory = (typeof PROVISION_CATEGORIES)[number];

/** Implementation status on the PAM scale (0 to 3), plus "disputed" when the parties contest it. */
export const IMPLEMENTATION_STATUSES = ['not_started', 'minimal', 'intermediate', 'full', 'disputed'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

const PAM_SCORES: Record<ImplementationStatus, number | null> = {
  not_started: 0,
  minimal: 1,
  intermediate: 2,
  full: 3,
  disputed: null,
};

/** The PAM score 0-3 of a status; null for "disputed", which has no place on the scale. */
export function pamScore(status: ImplementationStatus): number | null {
  return PAM_SCORES[status];
}

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: '0 · not started',
  minimal: '1 · minimal',
  intermediate: '2 · intermediate',
  full: '3 · full',
  disputed: 'disputed',
};

export const CATEGORY_LABELS: Record<ProvisionCategory, string> = {
  ceasefire: 'Ceasefire',
  withdrawal: 'Withdrawal of forces',
  prisoner_exchange: 'Prisoner and detainee release',
  aid_access: 'Humanitarian aid access',
  stabilization_force: 'Stabilization force',
  governance: 'Governance and administration',
  verification: 'Verification and monitoring',
  guarantees: 'Guarantees',
  reconstruction: 'Reconstruction',
  disarmament: 'Disarmament and demobilization',
  security_sector: 'Security sector',
  displaced_persons: 'Refugees and displaced persons',
  human_rights: 'Human rights',
  transitional_justice: 'Transitional justice',
  other: 'Other',
};
