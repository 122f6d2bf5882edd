/**
 * The stabilization force's vocabulary (docs/GATES.md): readiness levels after the UN Peacekeeping
 * Capability Readiness System (PCRS), the parties' positions on a contributor, the stages money
 * reaches, and the kinds of mandate item. Capabilities are free text, matched by normalizeCapability.
 */
import { keysOf } from '../vocabulary.ts';

export const READINESS_LABELS = {
  L1: 'Level 1 · pledged',
  L2: 'Level 2 · assessed',
  L3: 'Level 3 · ready',
  RDL: 'Rapid deployment level',
};
/** The PCRS levels, lowest first. */
export const READINESS_LEVELS = keysOf(READINESS_LABELS);
export type ReadinessLevel = keyof typeof READINESS_LABELS;

/**
 * What each level means, as the UN describes the PCRS (Manual for the Generation and Deployment of
 * Military and Formed Police Units, 2021, chapter 3). Only RDL carries the 60-day deployment promise.
 */
export const READINESS_DESCRIPTIONS: Record<ReadinessLevel, string> = {
  L1: 'Pledge registered in the PCRS by the contributing country',
  L2: 'Assessment and Advisory Visit made: eligible for a future deployment',
  L3: 'Personnel and equipment aligned with a UN statement of unit requirements',
  RDL: 'Deployable to a UN mission within 60 days of a UN request',
};

/** The levels whose pledges count as cover: a unit assessed at least once (an L1 pledge is only a promise). */
export const COVERING_READINESS: readonly ReadinessLevel[] = Object.freeze(['L2', 'L3', 'RDL'] as const);

/** Whether a pledge at this level counts toward a requirement. */
export function coversRequirement(level: ReadinessLevel): boolean {
  return COVERING_READINESS.includes(level);
}

export const ACCEPTABILITY_LABELS = {
  accepted: 'Accepted',
  objected: 'Objected',
  no_position: 'No position',
};
/** A party's position on a contributor; an objection carries its reason. */
export const ACCEPTABILITY_POSITIONS = keysOf(ACCEPTABILITY_LABELS);
export type AcceptabilityPosition = keyof typeof ACCEPTABILITY_LABELS;

export const FUNDING_KIND_LABELS = {
  pledge: 'Pledged',
  commitment: 'Committed',
  disbursement: 'Disbursed',
};
/** The stage a funding entry records, as OCHA's Financial Tracking Service counts them. */
export const FUNDING_KINDS = keysOf(FUNDING_KIND_LABELS);
export type FundingKind = keyof typeof FUNDING_KIND_LABELS;

export const MANDATE_KIND_LABELS = {
  rules_of_engagement: 'Rules of engagement',
  authority_boundary: 'Authority boundary',
};
export const MANDATE_KINDS = keysOf(MANDATE_KIND_LABELS);
export type MandateKind = keyof typeof MANDATE_KIND_LABELS;

/**
 * Capabilities a form may suggest. Not a closed list: a requirement or pledge may name any
 * capability, and the two match through normalizeCapability.
 */
export const FORCE_CAPABILITY_SUGGESTIONS: readonly string[] = Object.freeze([
  'Infantry',
  'Engineering',
  'Medical',
  'Police',
  'Aviation',
  'Logistics',
  'Signals',
  'Military observers',
]);

/**
 * The form of a capability that matching compares: trimmed, inner spaces collapsed, lower case, so
 * that " Infantry" and "infantry" are one capability. The text shown is always what was typed.
 */
export function normalizeCapability(capability: string): string {
  return capability.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether two capabilities are the same once normalized. */
export function sameCapability(a: string, b: string): boolean {
  return normalizeCapability(a) === normalizeCapability(b);
}
