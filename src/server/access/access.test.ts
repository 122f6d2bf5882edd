/**
 * The role matrix, enforced: every route of the OpenAPI document is called as every role, and
 * the answer must be a refusal exactly when the matrix says the role lacks the route's permission
 * (or the route is session-only: the callers here hold API tokens).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_SCOPED, can, MATRIX_ROLES, PERMISSIONS, ROLE_MATRIX, type Principal } from '../../core/index.ts';
import { createAgreement, harnessForFile, type Caller } from '../test/harness.ts';
import { roleMatrixMarkdown } from './role-matrix.ts';

const h = harnessForFile();
let agreement: { id: string; slug: string };
let partyId: string;
const callers: Record<string, { call: Caller; principal: Principal }> = {};

beforeAll(async () => {
  agreement = await createAgreement(h, { public: false });
  partyId = (await h.call<{ id: string }>('POST', `/api/agreements/${agreement.slug}/parties`, { name: 'P', role: 'belligerent' })).body.id;
  callers.admin = { call: h.call, principal: await principalOf(h.adminToken) };
  for (const role of ['mediator', 'monitor', 'party_delegate', 'viewer'] as const) {
    const { token } = await h.userWith(role, agreement.slug, role === 'party_delegate' ? partyId : null);
    callers[role] = { call: h.as(token), principal: await principalOf(token) };
  }
  const outsider = await h.userWith(null);
  callers.outsider = { call: h.as(outsider.token), principal: await principalOf(outsider.token) };
  callers.anonymous = { call: h.anonymous, principal: { kind: 'anonymous' } };
});

async function principalOf(token: string): Promise<Principal> {
  const found = await h.svc.auth.fromBearer(token);
  if (!found) throw new Error('token did not resolve');
  return found.principal;
}

type ErrorBody = { error?: { code: string; details?: { entity?: string } } };

/** A refusal: 401, 403, or the 404 that hides an agreement the caller may not read. */
const refused = (status: number, body: ErrorBody | undefined) =>
  status === 401 || status === 403 || (status === 404 && body?.error?.details?.entity === 'Agreement');

describe('route permissions', () => {
  it('every operation of the OpenAPI document has a declared permission', async () => {
    const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/json');
    const operations = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path]));
    expect(operations.length).toBeGreaterThan(30);
    for (const [method, path] of operations) {
      const url = path!.replace(/\{(\w+)\}/g, ':$1');
      const route = h.app.routePermissions.find((r) => r.method === method && r.url === url);
      expect(route, `${method} ${path}`).toBeDefined();
      // A write never hides behind a read permission, except the public account flows.
      if (method !== 'GET' && !url.startsWith('/api/auth/')) {
        expect(['public', 'agreement:read', 'agreement:list'], `${method} ${url}`).not.toContain(route!.permission);
      }
    }
  });

  it('refuses each role exactly where the matrix says it lacks the permission', async () => {
    const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/json');
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.body.paths)) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        const { permission, sessionOnly } = h.app.routePermissions.find((r) => r.method === method && r.url === url)!;
        // Logging out would end the session other checks rely on; it is public anyway.
        if (url === '/api/auth/logout') continue;
        const concrete = path
          .replace('{agreement}', agreement.slug)
          .replace(/\{(id|userId|document|clause|round)\}/g, '00000000-0000-4000-8000-000000000000');
        for (const [role, { call, principal }] of Object.entries(callers)) {
          const permitted = AGREEMENT_SCOPED.has(permission) ? can(principal, permission, { id: agreement.id, public: false }) : can(principal, permission);
          // Every caller here but the visitor holds an API token, which session-only routes refuse.
          const expected = permitted && !sessionOnly;
          // An empty body: a permitted caller gets past the check and fails validation or lookup instead.
          const res = await call<ErrorBody>(method as 'GET', concrete, method === 'GET' || method === 'DELETE' ? undefined : {});
          expect(res.status, `${role} ${method} ${path}`).toBeLessThan(500);
          expect(refused(res.status, res.body), `${role} ${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`).toBe(!expected);
          checked.push(`${role} ${method} ${path}`);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(200);
    // Every route as every role: over a thousand requests.
  }, 120_000);

  it('lets visitors read a public agreement but not a private one', async () => {
    const open = await createAgreement(h, { public: true });
    expect((await h.anonymous('GET', `/api/agreements/${open.slug}/matrix`)).status).toBe(200);
    expect((await h.anonymous('GET', `/api/agreements/${agreement.slug}`)).status).toBe(404);
    const list = await h.anonymous<{ items: Array<{ slug: string }> }>('GET', '/api/agreements?limit=500');
    expect(list.body.items.map((a) => a.slug)).toContain(open.slug);
    expect(list.body.items.map((a) => a.slug)).not.toContain(agreement.slug);
  });

  it('keeps publishing to administrators, even for a mediator who may edit the agreement', async () => {
    const mediator = callers.mediator!.call;
    const current = await mediator<{ version: number }>('GET', `/api/agreements/${agreement.slug}`);
    const res = await mediator('PATCH', `/api/agreements/${agreement.slug}`, { version: current.body.version, public: true });
    expect(res.status).toBe(403);
    const renamed = await mediator('PATCH', `/api/agreements/${agreement.slug}`, { version: current.body.version, summary: 'Edited by the mediator' });
    expect(renamed.status).toBe(200);
  });
});

describe('docs/SECURITY.md', () => {
  it('holds the role matrix the code enforces', () => {
    const doc = readFileSync(new URL('../../../docs/SECURITY.md', import.meta.url), 'utf8');
    expect(doc).toContain(roleMatrixMarkdown());
    expect(PERMISSIONS.every((p) => ROLE_MATRIX[p].every((r) => MATRIX_ROLES.includes(r)))).toBe(true);
  });
});
