/**
 * Who may do what. One role matrix, read by the server's single permission check, by the web UI
 * to hide what a role cannot do, and by docs/SECURITY.md. Every party is held to the same rules:
 * a delegate's rights never depend on which party they represent.
 */
import { keysOf } from './vocabulary.ts';

/** Roles held on one agreement. "admin" is not among them: it is a flag on the account. */
export const AGREEMENT_ROLES = ['mediator', 'monitor', 'party_delegate', 'viewer'] as const;
export type AgreementRole = (typeof AGREEMENT_ROLES)[number];

/** The roles of the matrix: the per-agreement ones, the administrator, and a visitor not logged in. */
export const MATRIX_ROLES = ['admin', ...AGREEMENT_ROLES, 'anonymous'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const PERMISSION_DESCRIPTIONS = {
  public: 'Anyone, logged in or not (health, API docs, login)',
  authenticated: 'Any logged-in user: their own account, sessions and tokens',
  'agreement:list': 'List the agreements one may read',
  'agreement:create': 'Create an agreement',
  'agreement:read': 'Read an agreement, its parts, provisions, matrix, negotiated documents, and the notes and stances of the audiences one is in',
  'agreement:update': 'Edit the agreement itself (title, summary, status, time zone)',
  'agreement:delete': 'Delete an agreement with everything under it',
  'agreement:publish': 'Make an agreement public (readable without logging in) or private',
  'structure:write': 'Add, edit and delete parties, phases, pillars and negotiation rounds',
  'provision:write': 'Add, edit and delete provisions, including their implementation status',
  'note:write': "Write notes: a delegate for its own party's circle or for everyone; mediators for any party, for everyone or for the mediators only",
  'document:write': 'Import, edit and delete negotiated documents and their clauses, and settle agreed bracket groups',
  'stance:write':
    "State a party's stance on a bracketed alternative: a delegate for its own party, for its circle or for everyone; mediators for any party and audience",
  'incident:read': 'Read incident reports, their history, evidence and responses (visitors see only compliance counts)',
  'incident:report': 'Report incidents and add evidence; a delegate reports as a party complaint and edits only its own party\'s reports',
  'incident:verify': 'Move incidents through the verification workflow, attributing them on verification; edit any report',
  'incident:respond': 'File a response to an allegation: a delegate for its own party only; mediators for the party named',
  'zone:write': 'Add, import, edit and delete zones and features on the map',
  'ground:write': 'Define the withdrawal schedule, indicators (aid flows among them) and the gates that open each phase',
  'ground:observe': "Record what is observed on the ground: verifications of withdrawal items and indicators' values, one by one or imported",
  'phase:advance': "Advance a phase through its gate, or over a failing gate with a reason (an override, kept in the audit log)",
  'force:write': 'Add, edit and delete the stabilization force: requirements, contributors, pledges, budget, funding, rules of engagement and authority boundaries',
  'acceptability:write':
    "State a party's position on a force contributor: a delegate for its own party, for its circle or for everyone; mediators for any party and audience",
  'risk:write': "Set the collapse risk's weights and record its score in the history (once per audience)",
  'audit:read': "Read the audit log of the agreement, less every entry of work confidential to an audience one is outside of",
  'desk:visit': "Mark the agreement's \"what changed\" view as seen, so that one's next view starts there (one's own place, kept out of the audit log)",
  'members:manage': 'Give and take roles on the agreement',
  'users:manage': 'Create, invite and disable accounts',
};
export type Permission = keyof typeof PERMISSION_DESCRIPTIONS;
export const PERMISSIONS = keysOf(PERMISSION_DESCRIPTIONS);

const ALL: readonly MatrixRole[] = MATRIX_ROLES;
const MEMBERS: readonly MatrixRole[] = ['admin', ...AGREEMENT_ROLES];

/**
 * The role matrix. Agreement permissions hold for a role on that agreement; "anonymous" reads
 * only agreements marked public.
 */
export const ROLE_MATRIX: Record<Permission, readonly MatrixRole[]> = {
  public: ALL,
  authenticated: MEMBERS,
  'agreement:list': ALL,
  'agreement:create': ['admin'],
  'agreement:read': ALL,
  'agreement:update': ['admin', 'mediator'],
  'agreement:delete': ['admin'],
  'agreement:publish': ['admin'],
  'structure:write': ['admin', 'mediator'],
  'provision:write': ['admin', 'mediator', 'monitor'],
  'note:write': ['admin', 'mediator', 'party_delegate'],
  'document:write': ['admin', 'mediator'],
  'stance:write': ['admin', 'mediator', 'party_delegate'],
  'incident:read': MEMBERS,
  'incident:report': ['admin', 'mediator', 'monitor', 'party_delegate'],
  'incident:verify': ['admin', 'mediator', 'monitor'],
  'incident:respond': ['admin', 'mediator', 'party_delegate'],
  'zone:write': ['admin', 'mediator'],
  'ground:write': ['admin', 'mediator'],
  'ground:observe': ['admin', 'mediator', 'monitor'],
  'phase:advance': ['admin', 'mediator'],
  'force:write': ['admin', 'mediator'],
  'risk:write': ['admin', 'mediator'],
  'acceptability:write': ['admin', 'mediator', 'party_delegate'],
  'audit:read': ['admin', 'mediator', 'monitor', 'party_delegate'],
  'desk:visit': MEMBERS,
  'members:manage': ['admin'],
  'users:manage': ['admin'],
};

/** Permissions that need no agreement; every other one is checked against a role on one agreement. */
const GLOBAL_PERMISSIONS: readonly Permission[] = ['public', 'authenticated', 'agreement:list', 'agreement:create', 'users:manage'];

export const AGREEMENT_SCOPED: ReadonlySet<Permission> = new Set(PERMISSIONS.filter((p) => !GLOBAL_PERMISSIONS.includes(p)));

export interface Membership {
  agreementId: string;
  role: AgreementRole;
  /** The party a delegate speaks for; null for every other role. */
  partyId: string | null;
}

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; name: string; admin: boolean; memberships: readonly Membership[] };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The role a principal holds on an agreement, or null when it holds none. */
export function roleOn(principal: Principal, agreement: { id: string; public: boolean } | null): MatrixRole | null {
  if (principal.kind === 'anonymous') return agreement === null || agreement.public ? 'anonymous' : null;
  if (principal.admin) return 'admin';
  if (agreement === null) return 'viewer';
  const membership = principal.memberships.find((m) => m.agreementId === agreement.id);
  if (membership) return membership.role;
  // A logged-in user reads a public agreement as any visitor does.
  return agreement.public ? 'anonymous' : null;
}

/** Whether the principal holds `permission`, on `agreement` when the permission is scoped to one. */
export function can(principal: Principal, permission: Permission, agreement: { id: string; public: boolean } | null = null): boolean {
  if (permission === 'authenticated') return principal.kind === 'user';
  if (permission === 'users:manage' || permission === 'agreement:create') {
    return principal.kind === 'user' && principal.admin;
  }
  const role = roleOn(principal, AGREEMENT_SCOPED.has(permission) ? agreement : null);
  return role !== null && ROLE_MATRIX[permission].includes(role);
}

/**
 * Whether the principal acts inside `partyId`'s circle on an agreement: that party's delegates, the
 * agreement's mediators and administrators. They alone see what is confidential to the party and
 * write its notes; another party's delegate never does.
 */
export function actsForParty(principal: Principal, agreementId: string, partyId: string): boolean {
  if (principal.kind === 'anonymous') return false;
  if (principal.admin) return true;
  return principal.memberships.some(
    (m) => m.agreementId === agreementId && (m.role === 'mediator' || (m.role === 'party_delegate' && m.partyId === partyId)),
  );
}

/**
 * Audiences: who may read a confidential entry (a note today; stances, acceptability and briefs
 * later). One party's circle (its delegates and the mediators), the mediators only, or everyone who
 * reads the agreement. Outside an audience one learns nothing, not even that the entry exists.
 */
export const AUDIENCES = ['party', 'mediators', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  party: 'One party and the mediators',
  mediators: 'The mediators only',
  all: 'Everyone who reads the agreement',
};

/** An entry's audience; `partyId` names the party when the audience is one party's circle. */
export interface Audienced {
  audience: Audience;
  partyId: string | null;
}

function membershipOn(principal: Principal, agreementId: string): Membership | undefined {
  return principal.kind === 'user' ? principal.memberships.find((m) => m.agreementId === agreementId) : undefined;
}

/** Whether the principal sees every audience of the agreement: its mediators and administrators. */
export function seesEveryAudience(principal: Principal, agreementId: string): boolean {
  if (principal.kind === 'anonymous') return false;
  return principal.admin || membershipOn(principal, agreementId)?.role === 'mediator';
}

/**
 * Whether the principal is inside an entry's audience. "all" holds for anyone who may read the
 * agreement at all (that is checked before); the other two only for the circles they name.
 */
export function inAudience(principal: Principal, agreementId: string, entry: Audienced): boolean {
  if (entry.audience === 'all') return true;
  if (seesEveryAudience(principal, agreementId)) return true;
  if (entry.audience === 'mediators') return false;
  const membership = membershipOn(principal, agreementId);
  return membership?.role === 'party_delegate' && entry.partyId !== null && membership.partyId === entry.partyId;
}

/**
 * Whether the principal may write (create, edit or delete) an entry filed for `partyId` with this
 * audience: mediators and administrators for any party and audience; a party's delegate only for
 * its own party, shared with its circle or with everyone, never the mediators' room.
 */
export function mayWriteFor(principal: Principal, agreementId: string, entry: Audienced): boolean {
  if (seesEveryAudience(principal, agreementId)) return true;
  const membership = membershipOn(principal, agreementId);
  return (
    membership?.role === 'party_delegate' &&
    entry.audience !== 'mediators' &&
    entry.partyId !== null &&
    membership.partyId === entry.partyId
  );
}

/** The audiences the principal may choose when writing: every one for mediators, none of the mediators' room for a delegate. */
export function writableAudiences(principal: Principal, agreementId: string): Audience[] {
  if (seesEveryAudience(principal, agreementId)) return [...AUDIENCES];
  return membershipOn(principal, agreementId)?.role === 'party_delegate' ? ['party', 'all'] : [];
}

/**
 * The confidential scope of an audience as the audit log keeps it: "mediators", "party:<id>", or
 * null for an entry everyone may read.
 */
export function audienceScope(entry: Audienced): string | null {
  if (entry.audience === 'mediators') return 'mediators';
  if (entry.audience === 'party') return `party:${entry.partyId ?? ''}`;
  return null;
}

/**
 * The confidential scopes a reader is inside on one agreement, for filtering lists in the database:
 * null means every scope (mediators, administrators); otherwise the list of scopes they may read.
 */
export function readableScopes(principal: Principal, agreementId: string): string[] | null {
  if (seesEveryAudience(principal, agreementId)) return null;
  const membership = membershipOn(principal, agreementId);
  return membership?.role === 'party_delegate' && membership.partyId ? [`party:${membership.partyId}`] : [];
}

/**
 * Rules on one incident, for the server's checks and the web UI's controls alike. Every party is
 * held to the same rules: a delegate acts on what names its own party, never for another party.
 */

/** The party a principal speaks for on an agreement when it is that party's delegate; null for every other role. */
export function delegatePartyOf(principal: Principal, agreementId: string): string | null {
  if (principal.kind !== 'user' || principal.admin) return null;
  const m = principal.memberships.find((x) => x.agreementId === agreementId);
  return m?.role === 'party_delegate' ? m.partyId : null;
}

/** The parties an incident names: who reported it, who it alleges, who it was attributed to. */
export interface PartiesNamed {
  agreementId: string;
  reportingPartyId: string | null;
  allegedPartyId: string | null;
  attributedPartyId: string | null;
}

/** Whether a caller with incident:report may add evidence here: a delegate only where its party is named. */
export function mayAddEvidence(principal: Principal, incident: PartiesNamed): boolean {
  const party = delegatePartyOf(principal, incident.agreementId);
  return party === null || [incident.reportingPartyId, incident.allegedPartyId, incident.attributedPartyId].includes(party);
}

/** Whether a caller with incident:report may edit a report: a delegate only its own party's, while still "reported". */
export function mayEditIncident(principal: Principal, incident: Pick<PartiesNamed, 'agreementId' | 'reportingPartyId'> & { status: string }): boolean {
  const party = delegatePartyOf(principal, incident.agreementId);
  return party === null || (incident.reportingPartyId === party && incident.status === 'reported');
}

/** The parties the caller may respond for: those the allegation names (alleged, attributed) that it acts for. */
export function respondingParties(principal: Principal, incident: Omit<PartiesNamed, 'reportingPartyId'>): string[] {
  const named = [incident.allegedPartyId, incident.attributedPartyId].filter((id): id is string => id !== null);
  return [...new Set(named)].filter((id) => actsForParty(principal, incident.agreementId, id));
}

/**
 * The daily desk (docs/DESK.md): whether the responses filed on an incident are addressed to the
 * principal, and so listed in their "since" view. The mediators' (and administrators') for every
 * incident; a party's delegate's for those that name its party: reported by it, alleging it, or
 * attributed to it. Everyone else reads responses on the incident's page, if they may read incidents.
 */
export function responsesAddressedTo(principal: Principal, incident: PartiesNamed): boolean {
  if (seesEveryAudience(principal, incident.agreementId)) return true;
  const party = delegatePartyOf(principal, incident.agreementId);
  return party !== null && [incident.reportingPartyId, incident.allegedPartyId, incident.attributedPartyId].includes(party);
}
