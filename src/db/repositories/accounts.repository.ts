/** Accounts: users, their roles on agreements, sessions, API tokens and invitations. */
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { NotFoundError, staleVersion, type AgreementRole, type Membership } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { agreements, apiTokens, invitations, memberships, parties, sessions, users } from '../schema/index.ts';
import { mapWriteError } from './versioned.ts';

type UserRow = typeof users.$inferSelect;

/** A user as the rest of the code sees one: never with the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  admin: boolean;
  disabledAt: string | null;
  hasPassword: boolean;
  version: number;
  createdAt: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    admin: row.admin,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    hasPassword: row.passwordHash !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface MembershipRow extends Membership {
  id: string;
  userId: string;
  version: number;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const toToken = (row: typeof apiTokens.$inferSelect): ApiToken => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export function accountRepository(db: Db) {
  return {
    async countUsers(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
    /** Administrators who are not disabled: none means the first-start setup is open. */
    async countActiveAdmins(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.admin, true), isNull(users.disabledAt)));
      return row?.n ?? 0;
    },
    async listUsers(): Promise<User[]> {
      return (await db.select().from(users).orderBy(asc(users.email))).map(toUser);
    },
    /** Every role of every account, with the agreement's title and the party's name, for the accounts table. */
    async rolesOfAll(): Promise<Array<{ userId: string; agreementSlug: string; agreementTitle: string; role: string; partyName: string | null }>> {
      return db
        .select({ userId: memberships.userId, agreementSlug: agreements.slug, agreementTitle: agreements.title, role: memberships.role, partyName: parties.name })
        .from(memberships)
        .innerJoin(agreements, eq(agreements.id, memberships.agreementId))
        .leftJoin(parties, eq(parties.id, memberships.partyId))
        .orderBy(asc(agreements.title), asc(memberships.userId));
    },
    /** The names of the given users, by id (unknown ids are left out). */
    async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async findUserByEmail(email: string): Promise<(User & { passwordHash: string | null }) | null> {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
    },
    async getUser(id: string): Promise<User & { passwordHash: string | null }> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      if (!row) throw new NotFoundError('User', id);
      return { ...toUser(row), passwordHash: row.passwordHash };
    },
    async insertUser(values: { email: string; name: string; passwordHash: string | null; admin: boolean }): Promise<User> {
      try {
        const [row] = await db
          .insert(users)
          .values({ ...values, email: values.email.toLowerCase() })
          .returning();
        return toUser(row!);
      } catch (err) {
        throw mapWriteError(err, 'User', { values });
      }
    },
    async updateUser(
      id: string,
      version: number,
      patch: Partial<{ name: string; admin: boolean; disabledAt: Date | null; passwordHash: string }>,
    ): Promise<User> {
      const [row] = await db
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, id), eq(users.version, version)))
        .returning();
      if (row) return toUser(row);
      const current = await this.getUser(id);
      throw staleVersion('User', id, version, current.version);
    },

    async membershipsOf(userId: string): Promise<MembershipRow[]> {
      const rows = await db.select().from(memberships).where(eq(memberships.userId, userId));
      return rows.map((r) => ({ ...r, role: r.role as AgreementRole }));
    },
    async membersOf(agreementId: string): Promise<Array<MembershipRow & { email: string; name: string }>> {
      const rows = await db
        .select({ m: memberships, email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.agreementId, agreementId))
        .orderBy(asc(users.email));
      return rows.map(({ m, email, name }) => ({ ...m, role: m.role as AgreementRole, email, name }));
    },
    /** Gives a user a role on an agreement, replacing the one they had there. */
    async setMembership(values: { userId: string; agreementId: string; role: AgreementRole; partyId: string | null }) {
      try {
        const [row] = await db
          .insert(memberships)
          .values(values)
          .onConflictDoUpdate({
            target: [memberships.userId, memberships.agreementId],
            set: { role: values.role, partyId: values.partyId, version: sql`${memberships.version} + 1` },
          })
          .returning();
        return { ...row!, role: row!.role as AgreementRole };
      } catch (err) {
        throw mapWriteError(err, 'Membership');
      }
    },
    async removeMembership(userId: string, agreementId: string): Promise<MembershipRow | null> {
      const [row] = await db
        .delete(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.agreementId, agreementId)))
        .returning();
      return row ? { ...row, role: row.role as AgreementRole } : null;
    },

    async insertSession(values: { userId: string; tokenHash: string; csrfToken: string; expiresAt: Date }) {
      await db.insert(sessions).values(values);
    },
    async findSession(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row ?? null;
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    /** Ends every session of a user, or all but one (after a password change). */
    async deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void> {
      const keep = keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : sql`true`;
      await db.delete(sessions).where(and(eq(sessions.userId, userId), keep));
    },
    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },

    async insertToken(values: { userId: string; name: string; tokenHash: string; expiresAt: Date | null }): Promise<ApiToken> {
      const [row] = await db.insert(apiTokens).values(values).returning();
      return toToken(row!);
    },
    async findLiveToken(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          ),
        );
      return row ? toToken(row) : null;
    },
    async touchToken(id: string, now: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
    },
    async tokensOf(userId: string): Promise<ApiToken[]> {
      return (await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt))).map(toToken);
    },
    async getToken(id: string): Promise<ApiToken> {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
      if (!row) throw new NotFoundError('API token', id);
      return toToken(row);
    },
    async revokeToken(id: string, now: Date): Promise<ApiToken> {
      const [row] = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning();
      if (!row) return this.getToken(id);
      return toToken(row);
    },

    async insertInvitation(values: { userId: string; tokenHash: string; expiresAt: Date }) {
      await db.insert(invitations).values(values);
    },
    async findOpenInvitation(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
      return row ?? null;
    },
    async acceptInvitation(id: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },
  };
}
export type AccountRepository = ReturnType<typeof accountRepository>;
