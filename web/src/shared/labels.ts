/** Display labels for the domain's enum values that src/core does not label itself. */
import type { AgreementRole } from '../../../src/core/access.ts';
import type { AgreementStatus, PartyRole, PhaseStatus } from '../../../src/core/domain.ts';
import type { IncidentStatus, SourceType } from '../../../src/core/incidents.ts';

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  drafting: 'Drafting',
  in_force: 'In force',
  suspended: 'Suspended',
  collapsed: 'Collapsed',
  completed: 'Completed',
};

export const PHASE_STATUS_LABELS: Record<PhaseStatus, string> = {
  planned: 'Planned',
  negotiating: 'Negotiating',
  active: 'Active',
  completed: 'Completed',
  suspended: 'Suspended',
};

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  belligerent: 'Belligerent',
  mediator: 'Mediator',
  guarantor: 'Guarantor',
  contributor: 'Contributor',
  observer: 'Observer',
};

export const AGREEMENT_ROLE_LABELS: Record<AgreementRole, string> = {
  mediator: 'Mediator',
  monitor: 'Monitor',
  party_delegate: 'Party delegate',
  viewer: 'Viewer',
};

/** Entries of a label record in declaration order, for <select> options. */
export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  reported: 'Reported',
  triaged: 'Triaged',
  under_investigation: 'Under investigation',
  verified: 'Verified',
  not_verified: 'Not verified',
  disputed: 'Disputed',
  duplicate: 'Duplicate',
};

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  monitor: 'Monitor',
  party_complaint: 'Party complaint',
  media: 'Media',
  public: 'Public',
};
