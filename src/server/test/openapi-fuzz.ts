/**
 * The fuzz test's app (src/server/fuzz.test.ts): on PGlite or on the shared PostgreSQL server, with
 * an administrator and an agreement of its own filled with a row of every kind, and snapshots of the
 * rows a run could touch.
 */
import { randomUUID } from 'node:crypto';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../../db/index.ts';
import * as schema from '../../db/schema/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../access/access.hook.ts';
import { buildApp, services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { TEST_NOW } from './harness.ts';
import type { Kind } from './schema-arbitraries.ts';


export interface FuzzTarget {
  name: 'pglite' | 'postgres';
  app: FastifyInstance;
  database: Database;
  adminToken: string;
  adminId: string;
  /** Tokens of a mediator, a monitor and a viewer of the agreement, and their accounts. */
  roleTokens: string[];
  roleUsers: string[];
  /** Ids by kind: the seed's, then whatever the run creates. */
  pools: Record<Kind, string[]>;
  /** Last version seen of each id. */
  versions: Map<string, number>;
  slug: string;
  /** The administrator's current password: a run may change it. */
  password: string;
  /** Headers of an administrator's session (cookie and CSRF token), logging in again after a logout. */
  session(): Promise<Record<string, string>>;
  endSession(): void;
  close(): Promise<void>;
}

const SYSTEM = { id: null, name: 'fuzz set-up' };
/** The administrator's password, which the run's password changes may keep. */
export const ADMIN_PASSWORD = 'correct horse battery staple';

/**
 * An app on a fresh in-memory PGlite, or on the shared PostgreSQL server (where other test files
 * write at the same time: everything here is named uniquely, and snapshots read only its rows).
 */
export async function openFuzzTarget(name: FuzzTarget['name']): Promise<FuzzTarget> {
  const database = await testDrivers.find((d) => d.name === name)!.open();
  // Live event streams end at once: an injected request waits for the whole answer.
  const deps = { database, clock: fixedClock(TEST_NOW), logger: false as const, liveStreamMs: 0 };
  const app = await buildApp(deps);
  const svc = services(database, deps);
  const tag = randomUUID().slice(0, 8);
  const adminEmail = `fuzz-admin-${tag}@test.example`;
  const admin = await svc.auth.createUser({ email: adminEmail, name: 'Fuzz admin', admin: true, password: ADMIN_PASSWORD }, SYSTEM);
  const { token: adminToken } = await svc.auth.createToken(admin.id, { name: 'fuzz', expiresInDays: null }, SYSTEM);
  const pools = Object.fromEntries(
    ['agreement', 'spare', 'party', 'phase', 'pillar', 'round', 'provision', 'note', 'zone', 'incident', 'evidence', 'user', 'token', 'document', 'clause', 'session'].map((k) => [
      k,
      [] as string[],
    ]),
  ) as Record<Kind, string[]>;
  const versions = new Map<string, number>();
  const call = async <T = { id: string; version?: number }>(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
    if (res.statusCode >= 300) throw new Error(`fuzz set-up: ${method} ${url} -> ${res.statusCode} ${res.body}`);
    const body = JSON.parse(res.body) as T & { id?: string; version?: number };
    if (body.id && body.version) versions.set(body.id, body.version);
    return body;
  };

  const slug = `fuzz-${tag}`;
  const main = await call('POST', '/api/agreements', { slug, title: 'Fuzz agreement', timeZone: 'Asia/Gaza', public: true });
  pools.agreement.push(main.id);
  for (let i = 0; i < 3; i += 1) pools.spare.push((await call('POST', '/api/agreements', { slug: `${slug}-spare-${i}`, title: `Spare ${i}` })).id);
  const base = `/api/agreements/${main.id}`;
  for (const name of ['Israel', 'Hamas']) pools.party.push((await call('POST', `${base}/parties`, { name, role: 'belligerent' })).id);
  for (const name of ['Phase One', 'Phase Two']) pools.phase.push((await call('POST', `${base}/phases`, { name, plannedStart: '2026-01-19' })).id);
  pools.pillar.push((await call('POST', `${base}/pillars`, { title: 'Security' })).id);
  pools.round.push((await call('POST', `${base}/rounds`, { title: 'Cairo', startsOn: '2026-06-06', partyIds: pools.party })).id);
  for (const code of ['1.1', '1.2']) {
    pools.provision.push((await call('POST', `${base}/provisions`, { phaseId: pools.phase[0], code, title: `Provision ${code}`, category: 'ceasefire', deadline: '2026-06-13T21:00:00Z' })).id);
  }
  pools.note.push((await call('POST', `${base}/notes`, { partyId: pools.party[0], title: 'Note', body: 'Confidential' })).id);
  // Two documents, so that one deleted early leaves the other for the document and clause routes.
  const texts = ['# Phase Two\n\n1. The force of [Egypt] [Qatar].\n2. Funded by [donors].\n', '# Annex\n\n1. Schedules [fixed] [flexible].\n'];
  const docs = [];
  for (const markdown of texts) {
    const created = await call<{ id: string; version: number; clauses: Array<{ id: string; version: number }> }>('POST', `${base}/documents`, { markdown });
    pools.document.push(created.id);
    for (const clause of created.clauses) {
      pools.clause.push(clause.id);
      versions.set(clause.id, clause.version);
    }
    docs.push(created);
  }
  const doc = docs[0]!;
  await call('POST', `${base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}/stances`, {
    groupKey: 'g0:Egypt | Qatar',
    alternative: 0,
    partyId: pools.party[0],
    position: 'reject',
    reason: 'Red line',
    statedOn: '2026-06-18',
    audience: 'party',
  });
  const roundSession = { startsAt: '2026-06-06T07:00:00Z', delegations: [{ partyId: pools.party[0], head: 'Head' }], agenda: [{ title: 'Phase Two', clauseIds: pools.clause }] };
  pools.session.push((await call('POST', `${base}/rounds/${pools.round[0]}/sessions`, roundSession)).id);
  const square = { type: 'Polygon', coordinates: [[[34.4, 31.4], [34.5, 31.4], [34.5, 31.5], [34.4, 31.5], [34.4, 31.4]]] };
  pools.zone.push((await call('POST', `${base}/zones`, { name: 'Gaza', kind: 'sector', geometry: square })).id);
  for (const occurredAt of ['2026-06-19T08:00:00Z', '2026-06-18T21:30:00Z', '2026-06-10T12:00:00Z']) {
    const incident = await call('POST', `${base}/incidents`, { occurredAt, category: 'shelling', description: 'Shelling reported', lon: 34.45, lat: 31.45, provisionIds: [pools.provision[0]], allegedPartyId: pools.party[0] });
    pools.incident.push(incident.id);
  }
  const verified = `${base}/incidents/${pools.incident[0]}`;
  for (const to of ['triaged', 'under_investigation']) await call('POST', `${verified}/transitions`, { to, reason: 'checked' });
  // Verified on its evidence (docs/DESK.md): the evidence comes first.
  pools.evidence.push((await call('POST', `${verified}/evidence`, { url: 'https://example.org/report' })).id);
  pools.evidence.push((await call('PUT', `${verified}/evidence?name=photo.jpg`, Buffer.from('jpeg'), { 'content-type': 'application/octet-stream' })).id);
  await call('POST', `${verified}/transitions`, { to: 'verified', reason: 'confirmed', attributedPartyId: pools.party[0] });
  await call('POST', `${verified}/responses`, { partyId: pools.party[0], body: 'We deny it.' });

  // The callers' accounts and tokens stay out of the pools, so that the run cannot disable or revoke
  // them; the pools get accounts and tokens of their own to change.
  const roleTokens: string[] = [];
  const roleUsers: string[] = [];
  for (const role of ['mediator', 'monitor', 'viewer'] as const) {
    const user = await svc.auth.createUser({ email: `fuzz-${role}-${tag}@test.example`, name: `Fuzz ${role}`, admin: false }, SYSTEM);
    await svc.members.set(main.id, user.id, { role, partyId: null }, SYSTEM);
    roleUsers.push(user.id);
    roleTokens.push((await svc.auth.createToken(user.id, { name: 'fuzz', expiresInDays: null }, SYSTEM)).token);
  }
  for (const [i, partyId] of [null, pools.party[1]!].entries()) {
    const user = await svc.auth.createUser({ email: `fuzz-target-${i}-${tag}@test.example`, name: `Fuzz target ${i}`, admin: false }, SYSTEM);
    await svc.members.set(main.id, user.id, partyId ? { role: 'party_delegate', partyId } : { role: 'viewer', partyId: null }, SYSTEM);
    pools.user.push(user.id);
    pools.token.push((await svc.auth.createToken(user.id, { name: 'fuzz target', expiresInDays: 30 }, SYSTEM)).id);
  }
  let session: Record<string, string> | null = null;
  const target: FuzzTarget = {
    name,
    app,
    database,
    adminToken,
    adminId: admin.id,
    roleTokens,
    roleUsers,
    pools,
    versions,
    slug,
    password: ADMIN_PASSWORD,
    async session() {
      if (!session) {
        const { token, csrfToken } = await svc.auth.login(adminEmail, target.password);
        session = { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken };
      }
      return session;
    },
    endSession() {
      session = null;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return target;
}

// ---- Snapshots ----------------------------------------------------------------------------------

/** Columns that change on reads: a bearer request touches its token. */
const VOLATILE: Record<string, string[]> = { api_tokens: ['last_used_at'] };

/** Every table of the Drizzle schema with its columns, so that a new table is never left out. */
export function schemaTables(): Array<{ name: string; columns: string[] }> {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return { name: config.name, columns: config.columns.map((c) => c.name).filter((c) => !VOLATILE[config.name]?.includes(c)) };
    });
}

/**
 * A digest per table of the rows the run could touch. On PGlite that is every row. On the shared
 * server it is the rows of the run's agreements and users (and, through its incidents and evidence,
 * theirs), plus every audit entry its users wrote: every write is audited, so a write anywhere shows.
 * Tables with no such column (audit_head) move with every other test there and are left out.
 */
export async function snapshot(t: FuzzTarget): Promise<Record<string, string>> {
  const agreements = [...t.pools.agreement, ...t.pools.spare];
  const users = [t.adminId, ...t.roleUsers, ...t.pools.user];
  const out: Record<string, string> = {};
  for (const { name, columns } of schemaTables()) {
    const has = (c: string) => columns.includes(c);
    const scopes: string[] = [];
    if (name === 'agreements') scopes.push('x.id = ANY($1::uuid[])');
    if (name === 'users') scopes.push('x.id = ANY($2::uuid[])');
    if (has('agreement_id')) scopes.push('x.agreement_id = ANY($1::uuid[])');
    if (has('user_id')) scopes.push('x.user_id = ANY($2::uuid[])');
    if (has('actor_id')) scopes.push('x.actor_id = ANY($2::uuid[])');
    if (has('document_id')) scopes.push('x.document_id IN (SELECT id FROM documents WHERE agreement_id = ANY($1::uuid[]))');
    if (has('clause_id') && name !== 'provisions') {
      scopes.push('x.clause_id IN (SELECT c.id FROM clauses c JOIN documents d ON d.id = c.document_id WHERE d.agreement_id = ANY($1::uuid[]))');
    }
    if (has('incident_id')) scopes.push('x.incident_id IN (SELECT id FROM incidents WHERE agreement_id = ANY($1::uuid[]))');
    if (has('evidence_id')) {
      scopes.push('x.evidence_id IN (SELECT e.id FROM incident_evidence e JOIN incidents i ON i.id = e.incident_id WHERE i.agreement_id = ANY($1::uuid[]))');
    }
    if (t.name === 'postgres' && scopes.length === 0) continue;
    // Both parameters appear in every query, as PostgreSQL requires of a prepared statement.
    const where = `WHERE $1::uuid[] IS NOT NULL AND $2::uuid[] IS NOT NULL${t.name === 'postgres' ? ` AND (${scopes.join(' OR ')})` : ''}`;
    const row = columns.map((c) => `x."${c}"`).join(', ');
    const [digest] = await t.database.query<{ digest: string; n: number }>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest, count(*)::int AS n FROM (SELECT ROW(${row})::text AS r FROM "${name}" x ${where}) s`,
      [agreements, users],
    );
    out[name] = `${digest!.n} rows ${digest!.digest}`;
  }
  return out;
}
