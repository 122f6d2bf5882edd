/**
 * What the caller may do on one agreement, from the role matrix of src/core/access.ts: the UI shows
 * only these controls. The server checks the same matrix and refuses the rest all the same.
 */
import { actsForParty, can, mayWriteFor, writableAudiences, type Audience, type Audienced, type Principal } from '../../../src/core/access.ts';

export interface AgreementAbilities {
  /** Title, summary, status, time zone. */
  updateAgreement: boolean;
  /** The public flag (administrators). */
  publish: boolean;
  /** Phases, parties, pillars, rounds. */
  structureWrite: boolean;
  /** Provisions and their implementation status. */
  provisionWrite: boolean;
  auditRead: boolean;
  /** Roles on the agreement (administrators). */
  membersManage: boolean;
  /** The parties whose notes the caller writes: a delegate's own, every party for mediators and administrators. */
  noteParties: string[];
  /** The audiences the caller may give a note: a delegate their party's circle or everyone; mediators also their own room. */
  noteAudiences: Audience[];
  /** Whether the caller may edit or delete a note with this party and audience. */
  writeNote: (note: Audienced) => boolean;
  /** Incident reports with their history, evidence and responses (members only; visitors see compliance counts). */
  incidentRead: boolean;
  /** Report incidents and add evidence. */
  incidentReport: boolean;
  /** Move incidents through the verification workflow. */
  incidentVerify: boolean;
  /** Respond to an allegation: a delegate for its own party only. */
  incidentRespond: boolean;
  /** Drawing, editing and deleting zones. */
  zoneWrite: boolean;
}

export const NO_ABILITIES: AgreementAbilities = {
  updateAgreement: false,
  publish: false,
  structureWrite: false,
  provisionWrite: false,
  auditRead: false,
  membersManage: false,
  noteParties: [],
  noteAudiences: [],
  writeNote: () => false,
  incidentRead: false,
  incidentReport: false,
  incidentVerify: false,
  incidentRespond: false,
  zoneWrite: false,
};

export function agreementAbilities(
  principal: Principal,
  agreement: { id: string; public: boolean },
  partyIds: readonly string[],
): AgreementAbilities {
  const writesNotes = can(principal, 'note:write', agreement);
  return {
    updateAgreement: can(principal, 'agreement:update', agreement),
    publish: can(principal, 'agreement:publish', agreement),
    structureWrite: can(principal, 'structure:write', agreement),
    provisionWrite: can(principal, 'provision:write', agreement),
    auditRead: can(principal, 'audit:read', agreement),
    membersManage: can(principal, 'members:manage', agreement),
    noteParties: writesNotes ? partyIds.filter((id) => actsForParty(principal, agreement.id, id)) : [],
    noteAudiences: writesNotes ? writableAudiences(principal, agreement.id) : [],
    writeNote: (note) => writesNotes && mayWriteFor(principal, agreement.id, note),
    incidentRead: can(principal, 'incident:read', agreement),
    incidentReport: can(principal, 'incident:report', agreement),
    incidentVerify: can(principal, 'incident:verify', agreement),
    incidentRespond: can(principal, 'incident:respond', agreement),
    zoneWrite: can(principal, 'zone:write', agreement),
  };
}

/** Whether the caller may create agreements (administrators). */
export const canCreateAgreements = (principal: Principal): boolean => can(principal, 'agreement:create');

/** What the caller may do with an agreement's negotiated documents (docs/NEGOTIATION.md). */
export interface NegotiationAbilities {
  /** Import, edit and delete documents and clauses, and settle agreed groups (mediators, administrators). */
  documentWrite: boolean;
  /** The parties whose stances the caller states: a delegate's own, every party for mediators and administrators. */
  stanceParties: string[];
  /** The audiences the caller may give a stance: a delegate their party's circle or everyone; mediators also their own room. */
  stanceAudiences: Audience[];
}

export function negotiationAbilities(
  principal: Principal,
  agreement: { id: string; public: boolean },
  partyIds: readonly string[],
): NegotiationAbilities {
  const writesStances = can(principal, 'stance:write', agreement);
  return {
    documentWrite: can(principal, 'document:write', agreement),
    stanceParties: writesStances ? partyIds.filter((id) => actsForParty(principal, agreement.id, id)) : [],
    stanceAudiences: writesStances ? writableAudiences(principal, agreement.id) : [],
  };
}

/** What the caller may do with phase gates and the stabilization force (docs/GATES.md). */
export interface GateForceAbilities {
  /** Set a phase's gate conditions (mediators, administrators). */
  gateWrite: boolean;
  /** Advance a phase through its gate, or over a failing one with a reason (mediators, administrators). */
  phaseAdvance: boolean;
  /** Requirements, contributors, pledges, budget, funding, mandate (mediators, administrators). */
  forceWrite: boolean;
  /** The parties whose positions on contributors the caller states: a delegate's own, every party for mediators and administrators. */
  acceptabilityParties: string[];
  /** The audiences the caller may give a position: a delegate their party's circle or everyone; mediators also their own room. */
  acceptabilityAudiences: Audience[];
}

export function gateForceAbilities(
  principal: Principal,
  agreement: { id: string; public: boolean },
  partyIds: readonly string[],
): GateForceAbilities {
  const states = can(principal, 'acceptability:write', agreement);
  return {
    gateWrite: can(principal, 'ground:write', agreement),
    phaseAdvance: can(principal, 'phase:advance', agreement),
    forceWrite: can(principal, 'force:write', agreement),
    acceptabilityParties: states ? partyIds.filter((id) => mayWriteFor(principal, agreement.id, { partyId: id, audience: 'party' })) : [],
    acceptabilityAudiences: states ? writableAudiences(principal, agreement.id) : [],
  };
}

/** Whether the caller sets the collapse risk's weights and records its score (docs/FORECAST.md: mediators, administrators). */
export const writesRisk = (principal: Principal, agreement: { id: string; public: boolean }): boolean => can(principal, 'risk:write', agreement);
