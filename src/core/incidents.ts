/**
 * Ceasefire incidents: the violation taxonomy, source grading on the Admiralty scale, and the
 * verification workflow. The workflow is a table of allowed transitions; attribution to a party
 * happens only when an incident is verified, which needs evidence or a reason for going without.
 */
import { keysOf } from './vocabulary.ts';

export const INCIDENT_CATEGORY_LABELS = {
  armed_attack: 'Armed attack',
  shelling: 'Shelling',
  airstrike: 'Airstrike',
  incursion: 'Incursion',
  movement_beyond_line: 'Movement beyond an agreed line',
  checkpoint_obstruction: 'Checkpoint obstruction',
  obstruction_of_aid: 'Obstruction of aid',
  detention: 'Detention',
  other: 'Other',
};
export type IncidentCategory = keyof typeof INCIDENT_CATEGORY_LABELS;
export const INCIDENT_CATEGORIES = keysOf(INCIDENT_CATEGORY_LABELS);

export const SOURCE_TYPES = ['monitor', 'party_complaint', 'media', 'public'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Admiralty (NATO) source reliability, A (completely reliable) to F (cannot be judged). */
export const RELIABILITY_LABELS = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
export type Reliability = keyof typeof RELIABILITY_LABELS;
export const RELIABILITY_GRADES = keysOf(RELIABILITY_LABELS);

/** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged). */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];
export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export const INCIDENT_STATUSES = [
  'reported',
  'triaged',
  'under_investigation',
  'verified',
  'not_verified',
  'disputed',
  'duplicate',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Where each status may go next. Verified, not verified and duplicate are final. */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['triaged', 'duplicate'],
  triaged: ['under_investigation', 'duplicate'],
  under_investigation: ['verified', 'not_verified', 'disputed', 'duplicate'],
  disputed: ['under_investigation'],
  verified: [],
  not_verified: [],
  duplicate: [],
};

/** A workflow step as proposed: from, to, why, and what the target status asks for. */
export interface ProposedTransition {
  from: IncidentStatus;
  to: IncidentStatus;
  reason: string;
  /** The party the verified incident is attributed to; only with "verified". */
  attributedPartyId?: string | null | undefined;
  /** The incident this one duplicates; only with "duplicate". */
  duplicateOfId?: string | null | undefined;
  /** How many evidence items the incident has when the step is taken. */
  evidenceCount: number;
  /** Why the incident is verified without any evidence; only with "verified" and no evidence. */
  noEvidenceReason?: string | null | undefined;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'illegal_transition'; message: string; allowed: readonly IncidentStatus[] }
  | { ok: false; code: 'rule_violation'; message: string; path: string };

/** Whether a workflow step is allowed, and complete; never throws. */
export function checkTransition(request: ProposedTransition): TransitionCheck {
  const allowed = INCIDENT_TRANSITIONS[request.from];
  if (!allowed.includes(request.to)) {
    return {
      ok: false,
      code: 'illegal_transition',
      message: `An incident that is ${request.from} cannot become ${request.to}; allowed: ${allowed.join(', ') || 'none (final)'}`,
      allowed,
    };
  }
  if (request.reason.trim() === '') {
    return { ok: false, code: 'rule_violation', message: 'Every step needs a reason', path: 'reason' };
  }
  if (request.to !== 'verified' && request.attributedPartyId) {
    return { ok: false, code: 'rule_violation', message: 'An incident is attributed only when it is verified', path: 'attributedPartyId' };
  }
  if (request.to === 'duplicate' && !request.duplicateOfId) {
    return { ok: false, code: 'rule_violation', message: 'Name the incident this one duplicates', path: 'duplicateOfId' };
  }
  if (request.to !== 'duplicate' && request.duplicateOfId) {
    return { ok: false, code: 'rule_violation', message: 'duplicateOfId goes only with "duplicate"', path: 'duplicateOfId' };
  }
  return checkEvidence(request);
}

/**
 * Verification rests on evidence: the step to "verified" needs at least one evidence item, or a
 * reason for verifying without one. The reason is kept only where it is true: with "verified" and
 * no evidence (an incident with evidence is verified on it, so a reason would mislead its readers).
 */
function checkEvidence(request: ProposedTransition): TransitionCheck {
  const noEvidenceReason = request.noEvidenceReason?.trim() ?? '';
  if (request.to !== 'verified') {
    return noEvidenceReason === '' ? { ok: true } : { ok: false, code: 'rule_violation', message: 'noEvidenceReason goes only with "verified"', path: 'noEvidenceReason' };
  }
  if (request.evidenceCount > 0 && noEvidenceReason !== '') {
    return {
      ok: false,
      code: 'rule_violation',
      message: 'The incident has evidence: verify it on that evidence, without a reason for verifying without any',
      path: 'noEvidenceReason',
    };
  }
  if (request.evidenceCount === 0 && noEvidenceReason === '') {
    return {
      ok: false,
      code: 'rule_violation',
      message: 'Add at least one evidence item before verifying, or give a reason for verifying without evidence',
      path: 'noEvidenceReason',
    };
  }
  return { ok: true };
}
