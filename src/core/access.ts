/**
 * Who may do what. One role matrix, read by the server's single permission check, by the web UI
 * to hide what a role cannot do, and by docs/SECURITY.md. Every party is held to the same rules:
 * a delegate's rights never depend on which party they represent.
 */

/** Roles held on one agreement. "admin" is not among them: it is a flag on the account. */
export const AGREEMENT_ROLES = ['mediator', 'monitor', 'party_delegate', 'viewer'] as const;
export type AgreementRole = (typeof AGREEMENT_ROLES)[number];

/** The roles of the matrix: the per-agreement ones, the administrator, and a visitor not logged in. */
export const MATRIX_ROLES = ['admin', ...AGREEMENT_ROLES, 'anonymous'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const PERMISSIONS = [
  'public',
  'authenticated',
  'agreement:list',
  'agreement:create',
  'agreement:read',
  'agreement:update',
  'agreement:delete',
  'agreement:publish',
  'structure:write',
  'provision:write',
  'note:write',
  'incident:read',
  'incident:report',
  'incident:verify',
  'incident:respond',
  'zone:write',
  'audit:read',
  'members:manage',
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  public: 'Anyone, logged in or not (health, API docs, login)',
  authenticated: 'Any logged-in user: their own account, sessions and tokens',
  'agreement:list': 'List the agreements one may read',
  'agreement:create': 'Create an agreement',
  'agreement:read': 'Read an agreement, its parts, provisions, matrix and the notes one may see',
  'agreement:update': 'Edit the agreement itself (title, summary, status, time zone)',
  'agreement:delete': 'Delete an agreement with everything under it',
  'agreement:publish': 'Make an agreement public (readable without logging in) or private',
  'structure:write': 'Add, edit and delete parties, phases, pillars and negotiation rounds',
  'provision:write': 'Add, edit and delete provisions, including their implementation status',
  'note:write': "Write a party's notes: a delegate for their own party only; mediators for any",
  'incident:read': 'Read incident reports, their history, evidence and responses (visitors see only compliance counts)',
  'incident:report': 'Report incidents and add evidence; a delegate reports as a party complaint and edits only its own party\'s reports',
  'incident:verify': 'Move incidents through the verification workflow, attributing them on verification; edit any report',
  'incident:respond': 'File a response to an allegation: a delegate for its own party only; mediators for the party named',
  'zone:write': 'Add, import, edit and delete zones and features on the map',
  'audit:read': 'Read the audit log of the agreement (confidential content of other parties redacted)',
  'members:manage': 'Give and take roles on the agreement',
  'users:manage': 'Create, invite and disable accounts',
};

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
  'incident:read': MEMBERS,
  'incident:report': ['admin', 'mediator', 'monitor', 'party_delegate'],
  'incident:verify': ['admin', 'mediator', 'monitor'],
  'incident:respond': ['admin', 'mediator', 'party_delegate'],
  'zone:write': ['admin', 'mediator'],
  'audit:read': ['admin', 'mediator', 'monitor', 'party_delegate'],
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
