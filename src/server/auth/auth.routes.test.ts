import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/index.ts';
import { buildApp } from '../app.ts';
import type { Clock } from '../clock.ts';
import { startHarness, type Harness } from '../test/harness.ts';

const PASSWORD = 'correct horse battery staple';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function harness(options: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  const h = await startHarness(undefined, options);
  open.push(h);
  return h;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token it was given. */
function browser(app: FastifyInstance) {
  let cookie: string | null = null;
  let csrf: string | null = null;
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, withCsrf = true) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(withCsrf && csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const set = res.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) cookie = first.split(';')[0]!.endsWith('=') ? null : first.split(';')[0]!;
    const body = res.body ? JSON.parse(res.body) : undefined;
    if (body?.csrfToken !== undefined) csrf = body.csrfToken;
    return { status: res.statusCode, body, headers: res.headers };
  };
  return { send, get cookie() { return cookie; } };
}

async function userWithPassword(h: Harness, email = 'delegate@test.example') {
  const user = await h.svc.auth.createUser({ email, name: 'Delegate', admin: false, password: PASSWORD }, { id: null, name: 'test' });
  return user;
}

describe('login sessions', () => {
  it('sets an HTTP-only, SameSite cookie and answers /me with the user and a CSRF token', async () => {
    const h = await harness();
    await userWithPassword(h);
    const b = browser(h.app);
    const login = await b.send('POST', '/api/auth/login', { email: 'Delegate@Test.example', password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/phaseline_session=pls_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await b.send('GET', '/api/auth/me');
    expect(me.body).toMatchObject({ user: { email: 'delegate@test.example' }, csrfToken: expect.any(String), setupRequired: false });
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt/);
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const h = await harness();
    await userWithPassword(h);
    const wrong = await h.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: 'not the password' });
    const unknown = await h.anonymous('POST', '/api/auth/login', { email: 'nobody@test.example', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a cookie write without the CSRF token, and takes it with the token', async () => {
    const h = await harness();
    const admin = await h.svc.auth.createUser({ email: 'boss@test.example', name: 'Boss', admin: true, password: PASSWORD }, { id: null, name: 't' });
    expect(admin.admin).toBe(true);
    const b = browser(h.app);
    await b.send('POST', '/api/auth/login', { email: 'boss@test.example', password: PASSWORD });
    const forged = await b.send('POST', '/api/agreements', { slug: 'csrf-test', title: 'Forged' }, false);
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('forbidden');
    expect((await h.call('GET', '/api/agreements/csrf-test')).status).toBe(404);
    const real = await b.send('POST', '/api/agreements', { slug: 'csrf-test', title: 'Real' });
    expect(real.status).toBe(201);
  });

  it('lets a browser with a stale or live session cookie log in again without the CSRF token', async () => {
    const h = await harness();
    await userWithPassword(h);
    const b = browser(h.app);
    await b.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    const again = await b.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD }, false);
    expect(again.status).toBe(200);
  });

  it('ends the session on logout', async () => {
    const h = await harness();
    await userWithPassword(h);
    const b = browser(h.app);
    await b.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    const cookie = b.cookie!;
    await b.send('POST', '/api/auth/logout');
    const replay = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(JSON.parse(replay.body).user).toBeNull();
  });

  it('expires a session after its lifetime', async () => {
    const database: Database = await openDatabase({});
    let now = new Date('2026-06-06T08:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const app = await buildApp({ database, clock, logger: false, sessionTtlMs: 3_600_000 });
    open.push({ close: async () => { await app.close(); await database.close(); } });
    const { services } = await import('../app.ts');
    await services(database, { clock }).auth.createUser({ email: 'a@test.example', name: 'A', admin: false, password: PASSWORD }, { id: null, name: 't' });
    const b = browser(app);
    await b.send('POST', '/api/auth/login', { email: 'a@test.example', password: PASSWORD });
    expect((await b.send('GET', '/api/auth/me')).body.user).not.toBeNull();
    now = new Date('2026-06-06T09:00:01Z');
    expect((await b.send('GET', '/api/auth/me')).body.user).toBeNull();
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const h = await harness();
    await userWithPassword(h);
    const first = browser(h.app);
    const second = browser(h.app);
    await first.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    await second.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    await first.send('GET', '/api/auth/me');
    const wrong = await first.send('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'another long password' });
    expect(wrong.status).toBe(422);
    const short = await first.send('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    const ok = await first.send('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another long password' });
    expect(ok.status).toBe(200);
    expect((await first.send('GET', '/api/auth/me')).body.user).not.toBeNull();
    expect((await second.send('GET', '/api/auth/me')).body.user).toBeNull();
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD })).status).toBe(401);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: 'another long password' })).status).toBe(200);
  });

  it('limits login attempts per address', async () => {
    const h = await harness({ loginRateLimit: 3 });
    const attempt = () => h.anonymous('POST', '/api/auth/login', { email: 'x@test.example', password: 'wrong password' });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('sends security headers, and the HTTPS-only ones only when served over HTTPS', async () => {
    const h = await harness();
    const res = await h.anonymous('GET', '/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    // Over plain HTTP (a LAN install), upgrade-insecure-requests would make the page blank.
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();

    const secure = await harness({ https: true });
    const overHttps = await secure.anonymous('GET', '/api/health');
    expect(String(overHttps.headers['content-security-policy'])).toMatch(/upgrade-insecure-requests/);
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(overHttps.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(overHttps.headers['x-frame-options']).toBe('DENY');
    await userWithPassword(secure);
    const login = await secure.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    expect(String(login.headers['set-cookie'])).toMatch(/; Secure/);
  });
});

describe('first administrator', () => {
  it('is created once, with the setup token only', async () => {
    const database = await openDatabase({});
    const app = await buildApp({ database, logger: false, setupToken: 'setup-token-123' });
    open.push({ close: async () => { await app.close(); await database.close(); } });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(JSON.parse(me.body)).toMatchObject({ user: null, setupRequired: true });
    const body = { email: 'first@test.example', name: 'First', password: PASSWORD };
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...body, token: 'guess' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...body, token: 'setup-token-123' } });
    expect(ok.statusCode).toBe(201);
    expect(JSON.parse(ok.body).user).toMatchObject({ admin: true, email: 'first@test.example' });
    const again = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...body, email: 'second@test.example', token: 'setup-token-123' } });
    expect(again.statusCode).toBe(409);
  });
});

describe('API tokens', () => {
  it('work as bearer credentials until revoked', async () => {
    const h = await harness();
    const created = await h.call<{ id: string; token: string }>('POST', '/api/auth/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^plt_/);
    const asScript = h.as(created.body.token);
    expect((await asScript('GET', '/api/auth/me')).body).toMatchObject({ user: { email: 'admin@test.example' } });
    const listed = await h.call<{ items: Array<Record<string, unknown>> }>('GET', '/api/auth/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await h.call('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await asScript('GET', '/api/auth/me')).status).toBe(401);
    expect((await h.as('plt_made_up')('GET', '/api/agreements')).status).toBe(401);
  });

  it("cannot be revoked by another user who is not an administrator", async () => {
    const h = await harness();
    const created = await h.call<{ id: string }>('POST', '/api/auth/tokens', { name: 'mine' });
    const other = await h.userWith(null);
    expect((await h.as(other.token)('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(404);
  });
});

describe('users and invitations', () => {
  it('invites a user, who sets a password through the link once', async () => {
    const h = await harness();
    const invited = await h.call<{ user: { id: string; hasPassword: boolean }; invitation: { token: string; path: string } }>('POST', '/api/users', {
      email: 'new@test.example',
      name: 'New Monitor',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.user.hasPassword).toBe(false);
    expect(invited.body.invitation.path).toBe(`/invite/${invited.body.invitation.token}`);
    const accept = await h.anonymous('POST', '/api/auth/invitations/accept', { token: invited.body.invitation.token, password: PASSWORD });
    expect(accept.status).toBe(200);
    expect(String(accept.headers['set-cookie'])).toMatch(/phaseline_session=/);
    const again = await h.anonymous('POST', '/api/auth/invitations/accept', { token: invited.body.invitation.token, password: PASSWORD });
    expect(again.status).toBe(404);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'new@test.example', password: PASSWORD })).status).toBe(200);
  });

  it('disables an account: no login, no token, no session', async () => {
    const h = await harness();
    const user = await userWithPassword(h);
    const { token } = await h.svc.auth.createToken(user.id, { name: 't', expiresInDays: null }, { id: null, name: 't' });
    const res = await h.call('PATCH', `/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.status).toBe(200);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD })).status).toBe(401);
    expect((await h.as(token)('GET', '/api/auth/me')).status).toBe(401);
  });

  it('never shows a password hash', async () => {
    const h = await harness();
    await userWithPassword(h);
    const list = await h.call('GET', '/api/users');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|passwordHash/);
  });
});
