/**
 * Accounts and credentials: login sessions, API tokens, the first administrator, invitations and
 * password changes; and turning a session cookie or a bearer token into a Principal.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, RuleViolationError, UnauthenticatedError, type AgreementRole, type Principal } from '../../core/index.ts';
import type { Repositories, User } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Write } from '../write.ts';
import { decoyHash, hashPassword, newSecret, secretHash, verifyPassword } from './secrets.ts';

const INVITATION_TTL_MS = 7 * 86_400_000;

/** The audit log's view of a user: never the password hash. */
const auditUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, admin: u.admin, disabledAt: u.disabledAt });

export interface AuthDeps {
  repos: Repositories;
  write: Write;
  clock: Clock;
  sessionTtlMs: number;
  /** One-time token that lets the first administrator be created through the API; null disables it. */
  setupToken: string | null;
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function authService(deps: AuthDeps) {
  const { repos, write, clock } = deps;

  async function principalOf(user: User): Promise<Principal> {
    const memberships = await repos.accounts.membershipsOf(user.id);
    return {
      kind: 'user',
      userId: user.id,
      name: user.email,
      admin: user.admin,
      memberships: memberships.map(({ agreementId, role, partyId }) => ({ agreementId, role, partyId })),
    };
  }

  async function startSession(userId: string): Promise<SessionInfo> {
    const token = newSecret('pls');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(clock.now().getTime() + deps.sessionTtlMs);
    await repos.accounts.insertSession({ userId, tokenHash: secretHash(token), csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async function activeUser(id: string): Promise<User | null> {
    const user = await repos.accounts.getUser(id).catch(() => null);
    return user && !user.disabledAt ? user : null;
  }

  return {
    principalOf,

    /** The principal behind a session cookie, with the session's CSRF token; null when it is not valid. */
    async fromSession(token: string): Promise<{ principal: Principal; user: User; csrfToken: string } | null> {
      const session = await repos.accounts.findSession(secretHash(token), clock.now());
      const user = session && (await activeUser(session.userId));
      if (!session || !user) return null;
      return { principal: await principalOf(user), user, csrfToken: session.csrfToken };
    },

    /** The principal behind an API token; null when it is unknown, revoked or expired. */
    async fromBearer(token: string): Promise<{ principal: Principal; user: User } | null> {
      const found = await repos.accounts.findLiveToken(secretHash(token), clock.now());
      const user = found && (await activeUser(found.userId));
      if (!found || !user) return null;
      // "Last used" to the minute is enough, and spares a write on every request.
      const now = clock.now();
      if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > 60_000) await repos.accounts.touchToken(found.id, now);
      return { principal: await principalOf(user), user };
    },

    async login(email: string, password: string): Promise<SessionInfo & { user: User }> {
      const user = await repos.accounts.findUserByEmail(email);
      // Verify against a decoy when there is no such user, so that the answer takes as long.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !user.passwordHash || !ok || user.disabledAt) {
        throw new UnauthenticatedError('Wrong e-mail or password, or the account is disabled');
      }
      await repos.accounts.deleteExpiredSessions(clock.now());
      return { ...(await startSession(user.id)), user };
    },

    logout: (token: string) => repos.accounts.deleteSession(secretHash(token)),

    /** True while no administrator (who is not disabled) exists: the first one must be created. */
    setupRequired: async () => (await repos.accounts.countActiveAdmins()) === 0,

    /** Creates the first administrator with the server's one-time setup token, while none exists. */
    async setup(input: { token: string; email: string; name: string; password: string }) {
      if (deps.setupToken === null || input.token !== deps.setupToken) {
        throw new UnauthenticatedError('The setup token is wrong; use the one the server printed at start');
      }
      const passwordHash = await hashPassword(input.password);
      return write({ id: null, name: 'first-start setup' }, async ({ repos: tx, record }) => {
        if ((await tx.accounts.countActiveAdmins()) > 0) throw new ConflictError('already_set_up', 'An administrator already exists');
        const user = await tx.accounts.insertUser({ email: input.email, name: input.name, passwordHash, admin: true });
        await record({ action: 'create', entity: 'user', entityId: user.id, agreementId: null, before: null, after: auditUser(user) });
        return user;
      });
    },

    /** Creates an account; with a password it can log in at once, without one it gets an invitation. */
    async createUser(input: { email: string; name: string; admin: boolean; password?: string | undefined }, actor: Actor) {
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return write(actor, async ({ repos: tx, record }) => {
        const user = await tx.accounts.insertUser({ email: input.email, name: input.name, admin: input.admin, passwordHash });
        await record({ action: 'create', entity: 'user', entityId: user.id, agreementId: null, before: null, after: auditUser(user) });
        return user;
      });
    },

    async updateUser(id: string, patch: { version: number; name?: string | undefined; admin?: boolean | undefined; disabled?: boolean | undefined }, actor: Actor) {
      return write(actor, async ({ repos: tx, record }) => {
        const before = await tx.accounts.getUser(id);
        if (actor.id === id && (patch.disabled === true || patch.admin === false)) {
          throw new RuleViolationError('You cannot disable yourself or take away your own administrator flag');
        }
        const disabledAt = patch.disabled === undefined ? undefined : patch.disabled ? clock.now() : null;
        const after = await tx.accounts.updateUser(id, patch.version, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.admin !== undefined ? { admin: patch.admin } : {}),
          ...(disabledAt !== undefined ? { disabledAt } : {}),
        });
        if (patch.disabled) await tx.accounts.deleteSessionsOf(id);
        await record({ action: 'update', entity: 'user', entityId: id, agreementId: null, before: auditUser(before), after: auditUser(after) });
        return after;
      });
    },

    listUsers: () => repos.accounts.listUsers(),

    /** Every account with the roles it holds (agreement and party named), for the accounts table. */
    async listAccounts() {
      const [users, roles] = await Promise.all([repos.accounts.listUsers(), repos.accounts.rolesOfAll()]);
      const byUser = new Map<string, typeof roles>();
      for (const r of roles) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
      return users.map((u) => ({
        ...u,
        roles: (byUser.get(u.id) ?? []).map((r) => ({ agreementSlug: r.agreementSlug, agreementTitle: r.agreementTitle, role: r.role as AgreementRole, partyName: r.partyName })),
      }));
    },

    /** The account with this e-mail address; 404 when there is none. */
    async userByEmail(email: string): Promise<User> {
      const user = await repos.accounts.findUserByEmail(email);
      if (!user) throw new NotFoundError('User', email);
      return user;
    },

    /** A one-time link for the user to set a password; any earlier open link stays valid until it expires. */
    async invite(userId: string, actor: Actor) {
      const token = newSecret('pli');
      const expiresAt = new Date(clock.now().getTime() + INVITATION_TTL_MS);
      await write(actor, async ({ repos: tx, record }) => {
        const user = await tx.accounts.getUser(userId);
        await tx.accounts.insertInvitation({ userId: user.id, tokenHash: secretHash(token), expiresAt });
        await record({ action: 'create', entity: 'invitation', entityId: user.id, agreementId: null, before: null, after: { userId: user.id, expiresAt: expiresAt.toISOString() } });
      });
      return { userId, token, path: `/invite/${token}`, expiresAt };
    },

    /** The open invitation a link holds (its account's name and address, until when); 404 when used, expired or unknown. */
    async checkInvitation(token: string) {
      const invitation = await repos.accounts.findOpenInvitation(secretHash(token), clock.now());
      if (!invitation) throw new NotFoundError('Invitation', 'link (used, expired or unknown)');
      const user = await repos.accounts.getUser(invitation.userId);
      return { name: user.name, email: user.email, expiresAt: invitation.expiresAt.toISOString() };
    },

    async acceptInvitation(token: string, password: string) {
      const passwordHash = await hashPassword(password);
      const user = await write({ id: null, name: 'invitation' }, async ({ repos: tx, record }) => {
        const invitation = await tx.accounts.findOpenInvitation(secretHash(token), clock.now());
        if (!invitation || !(await tx.accounts.acceptInvitation(invitation.id, clock.now()))) {
          throw new NotFoundError('Invitation', 'link (used, expired or unknown)');
        }
        const before = await tx.accounts.getUser(invitation.userId);
        const after = await tx.accounts.updateUser(before.id, before.version, { passwordHash });
        await record({ action: 'update', entity: 'user', entityId: after.id, agreementId: null, before: auditUser(before), after: { ...auditUser(after), passwordSet: true } });
        return after;
      });
      return { ...(await startSession(user.id)), user };
    },

    /** Changes the password after checking the current one, and ends the user's other sessions. */
    async changePassword(userId: string, current: string, next: string, keepSessionToken: string | null) {
      const user = await repos.accounts.getUser(userId);
      if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
        throw new RuleViolationError('The current password is wrong', { issues: [{ path: 'currentPassword', message: 'is wrong' }] });
      }
      const passwordHash = await hashPassword(next);
      await write({ id: user.id, name: user.email }, async ({ repos: tx, record }) => {
        await tx.accounts.updateUser(user.id, user.version, { passwordHash });
        await tx.accounts.deleteSessionsOf(user.id, keepSessionToken ? secretHash(keepSessionToken) : undefined);
        await record({ action: 'update', entity: 'user', entityId: user.id, agreementId: null, before: null, after: { passwordChanged: true } });
      });
    },

    async createToken(userId: string, input: { name: string; expiresInDays: number | null }, actor: Actor) {
      const token = newSecret('plt');
      const expiresAt = input.expiresInDays === null ? null : new Date(clock.now().getTime() + input.expiresInDays * 86_400_000);
      const view = await write(actor, async ({ repos: tx, record }) => {
        const created = await tx.accounts.insertToken({ userId, name: input.name, tokenHash: secretHash(token), expiresAt });
        await record({ action: 'create', entity: 'api_token', entityId: created.id, agreementId: null, before: null, after: created });
        return created;
      });
      return { ...view, token };
    },

    tokensOf: (userId: string) => repos.accounts.tokensOf(userId),

    /** Revokes a token: its owner may, and so may an administrator. */
    async revokeToken(id: string, principal: Principal, actor: Actor) {
      return write(actor, async ({ repos: tx, record }) => {
        const before = await tx.accounts.getToken(id);
        const mayRevoke = principal.kind === 'user' && (principal.admin || principal.userId === before.userId);
        if (!mayRevoke) throw new NotFoundError('API token', id);
        const after = await tx.accounts.revokeToken(id, clock.now());
        await record({ action: 'update', entity: 'api_token', entityId: id, agreementId: null, before, after });
        return after;
      });
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
