/**
 * An app on a fresh in-memory PGlite (started from the migrated template) with a fixed clock, an
 * administrator and helpers for app.inject. `h.call` acts as the administrator (bearer token);
 * `h.as(token)` as anyone else; `h.anonymous` as a visitor.
 */
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { AgreementRole } from '../../core/index.ts';
import { repositories, type Database, type Repositories } from '../../db/index.ts';
import { openTestDatabase } from '../../db/test/template.ts';
import { buildApp, services, type AppDeps, type Services } from '../app.ts';
import { fixedClock } from '../clock.ts';

/** The instant the tests see: a week after the demo's one deadline (2026-06-13T21:00Z). */
export const TEST_NOW = '2026-06-20T12:00:00.000Z';
const SYSTEM = { id: null, name: 'test setup' };

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export type Caller = <T = Record<string, unknown>>(
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) => Promise<JsonResponse<T>>;

export interface Harness {
  app: FastifyInstance;
  database: Database;
  svc: Services;
  /** The repositories over the same database, for tests that look beside the API. */
  repos: Repositories;
  adminToken: string;
  /** Calls as the administrator. */
  call: Caller;
  /** Calls with another bearer token. */
  as(token: string): Caller;
  anonymous: Caller;
  /** A user with a role on an agreement (or none), and a bearer token for them. */
  userWith(role: AgreementRole | null, agreementRef?: string, partyId?: string | null): Promise<{ userId: string; token: string }>;
  close(): Promise<void>;
}

function caller(app: FastifyInstance, token: string | null): Caller {
  return async <T>(method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const json = res.body && res.headers['content-type']?.toString().includes('json') ? (JSON.parse(res.body) as T) : (undefined as T);
    return { status: res.statusCode, body: json, headers: res.headers };
  };
}

let userCounter = 0;

export async function startHarness(now: string = TEST_NOW, options: Partial<AppDeps> = {}): Promise<Harness> {
  const database = await openTestDatabase();
  // Live event streams end at once unless a test asks (app.inject waits for the whole answer).
  const deps = { database, clock: fixedClock(now), logger: false as const, liveStreamMs: 0, ...options };
  const app = await buildApp(deps);
  const svc = services(database, deps);
  const admin = await svc.auth.createUser({ email: 'admin@test.example', name: 'Admin', admin: true }, SYSTEM);
  const { token: adminToken } = await svc.auth.createToken(admin.id, { name: 'tests', expiresInDays: null }, SYSTEM);
  return {
    app,
    database,
    svc,
    repos: repositories(database.db),
    adminToken,
    call: caller(app, adminToken),
    as: (token) => caller(app, token),
    anonymous: caller(app, null),
    async userWith(role, agreementRef, partyId = null) {
      userCounter += 1;
      const user = await svc.auth.createUser({ email: `user${userCounter}@test.example`, name: `User ${userCounter}`, admin: false }, SYSTEM);
      if (role && agreementRef) await svc.members.set(agreementRef, user.id, { role, partyId }, SYSTEM);
      const { token } = await svc.auth.createToken(user.id, { name: 'tests', expiresInDays: null }, SYSTEM);
      return { userId: user.id, token };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;
/** Creates an agreement through the API (as the administrator) and returns its view. */
export async function createAgreement(h: Harness, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const res = await h.call<{ id: string; slug: string; version: number }>('POST', '/api/agreements', {
    slug: `test-${Date.now().toString(36)}-${counter}`,
    title: `Agreement ${counter}`,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`createAgreement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An agreement in Asia/Gaza with one party (Hamas) and one phase, made through the API. */
export async function agreementWithPartyAndPhase(h: Harness) {
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza' });
  const base = `/api/agreements/${a.slug}`;
  const party = (await h.call<{ id: string; version: number }>('POST', `${base}/parties`, { name: 'Hamas', localName: 'حماس', role: 'belligerent' })).body;
  const phase = (await h.call<{ id: string; version: number }>('POST', `${base}/phases`, { name: 'Phase One Finalization' })).body;
  return { a, base, party, phase };
}

/**
 * The harness of a whole test file: started before its tests and closed after them. Read it only
 * inside tests and hooks; it stands for the harness started then.
 */
export function harnessForFile(now: string = TEST_NOW, options: Partial<AppDeps> = {}): Harness {
  let started: Harness | null = null;
  beforeAll(async () => {
    started = await startHarness(now, options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as Harness, {
    get(_, key: keyof Harness) {
      if (!started) throw new Error('the harness starts before the tests');
      return started[key];
    },
  });
}
