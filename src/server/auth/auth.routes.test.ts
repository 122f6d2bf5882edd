import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.ts';
import { openTestDatabase } from '../../db/test/template.ts';
import { buildApp, services } from '../app.ts';
import type { Clock } from '../clock.ts';
import { createAgreement, startHarness, type Harness } from '../test/harness.ts';

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
function browser(app: FastifyInstance, remoteAddress = '127.0.0.1') {
  let cookie: string | null = null;
  let csrf: string | null = null;
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, withCsrf = true) => {
    const res = await app.inject({
      method,
      url,
      remoteAddress,
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

async function userWithPassword(h: Harness, email = 'delegate@test.example', admin = false) {
  const user = await h.svc.auth.createUser({ email, name: 'Delegate', admin, password: PASSWORD }, { id: null, name: 'test' });
  return user;
}

/** A browser logged in as a new account with a password (an administrator when `admin`). */
async function loggedIn(h: Harness, email: string, options: { admin?: boolean; remoteAddress?: string } = {}) {
  const user = await userWithPassword(h, email, options.admin ?? false);
  const b = browser(h.app, options.remoteAddress);
  expect((await b.send('POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  return { user, b };
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

  it('ends the session on logout, which needs the CSRF token like any cookie write', async () => {
    const h = await harness();
    await userWithPassword(h);
    const b = browser(h.app);
    await b.send('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD });
    const cookie = b.cookie!;
    // A forged logout (another site, no token) is refused and leaves the session alone.
    const forged = await b.send('POST', '/api/auth/logout', undefined, false);
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/x-csrf-token/);
    expect(forged.headers['set-cookie']).toBeUndefined();
    expect((await b.send('GET', '/api/auth/me')).body.user).toMatchObject({ email: 'delegate@test.example' });
    expect((await b.send('POST', '/api/auth/logout')).status).toBe(200);
    const replay = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(JSON.parse(replay.body).user).toBeNull();
    // A cookie of an ended session is anonymous: logging out clears it without a token.
    const stale = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(stale.statusCode).toBe(200);
    expect(String(stale.headers['set-cookie'])).toMatch(/^phaseline_session=;/);
  });

  it('expires a session after its lifetime', async () => {
    const database: Database = await openTestDatabase();
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

  it('limits password changes per account and per address, as logins are', async () => {
    const h = await harness({ loginRateLimit: 3 });
    const { b: first } = await loggedIn(h, 'first@test.example', { remoteAddress: '10.0.0.1' });
    const wrong = { currentPassword: 'not the password', newPassword: 'another long password' };
    for (let i = 0; i < 3; i++) expect((await first.send('POST', '/api/auth/password', wrong)).status).toBe(422);
    const limited = await first.send('POST', '/api/auth/password', wrong);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/^Too many password attempts: wait \d+ seconds/) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Even the right password waits: the limit counts attempts, not failures.
    expect((await first.send('POST', '/api/auth/password', { ...wrong, currentPassword: PASSWORD })).status).toBe(429);

    // The same account from another address: still limited (per account).
    const elsewhere = browser(h.app, '10.0.0.2');
    await elsewhere.send('POST', '/api/auth/login', { email: 'first@test.example', password: PASSWORD });
    expect((await elsewhere.send('POST', '/api/auth/password', wrong)).status).toBe(429);
    // Another account from the first address: limited too (per address)...
    const { b: sameAddress } = await loggedIn(h, 'second@test.example', { remoteAddress: '10.0.0.1' });
    expect((await sameAddress.send('POST', '/api/auth/password', wrong)).status).toBe(429);
    // ...and from a third address it is not.
    const { b: fresh } = await loggedIn(h, 'third@test.example', { remoteAddress: '10.0.0.3' });
    expect((await fresh.send('POST', '/api/auth/password', wrong)).status).toBe(422);
    expect((await fresh.send('POST', '/api/auth/password', { ...wrong, currentPassword: PASSWORD })).status).toBe(200);
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
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
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
    const database = await openTestDatabase();
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

  it('stays open while the only accounts are not administrators, or are disabled', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ database, logger: false, setupToken: 'setup-token-456' });
    open.push({ close: async () => { await app.close(); await database.close(); } });
    const svc = services(database);
    const cli = { id: null, name: 'cli' };
    await svc.auth.createUser({ email: 'viewer@test.example', name: 'Viewer', admin: false, password: PASSWORD }, cli);
    const disabled = await svc.auth.createUser({ email: 'gone@test.example', name: 'Gone', admin: true, password: PASSWORD }, cli);
    await svc.auth.updateUser(disabled.id, { version: disabled.version, disabled: true }, cli);
    const setupRequired = async () => JSON.parse((await app.inject({ method: 'GET', url: '/api/auth/me' })).body).setupRequired;
    expect(await setupRequired()).toBe(true);

    const body = { email: 'admin@test.example', name: 'Admin', password: PASSWORD, token: 'setup-token-456' };
    const ok = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: body });
    expect(ok.statusCode).toBe(201);
    expect(await setupRequired()).toBe(false);
    const again = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...body, email: 'other@test.example' } });
    expect(again.statusCode).toBe(409);
  });
});

describe('API tokens', () => {
  it('are created from a logged-in session, and work as bearer credentials until revoked', async () => {
    const h = await harness();
    const { b } = await loggedIn(h, 'scripter@test.example');
    const created = await b.send('POST', '/api/auth/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^plt_/);
    const asScript = h.as(created.body.token);
    expect((await asScript('GET', '/api/auth/me')).body).toMatchObject({ user: { email: 'scripter@test.example' } });
    const listed = await b.send('GET', '/api/auth/tokens');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await b.send('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await asScript('GET', '/api/auth/me')).status).toBe(401);
    expect((await h.as('plt_made_up')('GET', '/api/agreements')).status).toBe(401);
  });

  it('cannot mint tokens, change the password or administer accounts, so revoking one revokes all it could do', async () => {
    const h = await harness();
    const { user, b } = await loggedIn(h, 'boss@test.example', { admin: true });
    const parent = (await b.send('POST', '/api/auth/tokens', { name: 'parent' })).body as { id: string; token: string };
    const asToken = h.as(parent.token);
    const refusals: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/api/auth/tokens', { name: 'child' }, /An API token cannot create API tokens: log in/],
      ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'taken over by a token' }, /cannot change a password/],
      ['POST', '/api/users', { email: 'sleeper@test.example', name: 'Sleeper', admin: true }, /cannot create, invite or change accounts/],
      ['PATCH', `/api/users/${user.id}`, { version: user.version, name: 'Renamed' }, /cannot create, invite or change accounts/],
      ['POST', `/api/users/${user.id}/invitation`, undefined, /cannot create, invite or change accounts/],
    ];
    for (const [method, url, payload, message] of refusals) {
      const res = await asToken<{ error: { code: string; message: string } }>(method as 'POST', url, payload);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.message, `${method} ${url}`).toMatch(message);
    }
    // Nothing changed: still one token, the same password and account, no new account.
    expect((await b.send('GET', '/api/auth/tokens')).body.items).toHaveLength(1);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'boss@test.example', password: PASSWORD })).status).toBe(200);
    expect((await h.svc.auth.listUsers()).map((u) => u.email).sort()).toEqual(['admin@test.example', 'boss@test.example']);
    // What a token is for still works: reading, writing agreements, listing and revoking tokens.
    expect((await asToken('GET', '/api/users')).status).toBe(200);
    expect((await asToken('POST', '/api/agreements', { slug: 'made-by-token', title: 'By a script' })).status).toBe(201);
    expect((await asToken('GET', '/api/auth/tokens')).status).toBe(200);
    expect((await asToken('DELETE', `/api/auth/tokens/${parent.id}`)).status).toBe(200);
    expect((await asToken('GET', '/api/auth/me')).status).toBe(401);
  });

  it("cannot be revoked by another user who is not an administrator", async () => {
    const h = await harness();
    const { b } = await loggedIn(h, 'owner@test.example');
    const created = await b.send('POST', '/api/auth/tokens', { name: 'mine' });
    const other = await h.userWith(null);
    expect((await h.as(other.token)('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(404);
  });
});

describe('users and invitations', () => {
  it('invites a user, who sets a password through the link once', async () => {
    const h = await harness();
    const { b: admin } = await loggedIn(h, 'boss@test.example', { admin: true });
    const invited = (await admin.send('POST', '/api/users', { email: 'new@test.example', name: 'New Monitor' })) as {
      status: number;
      body: { user: { id: string; hasPassword: boolean }; invitation: { token: string; path: string } };
    };
    expect(invited.status).toBe(201);
    expect(invited.body.user.hasPassword).toBe(false);
    expect(invited.body.invitation.path).toBe(`/invite/${invited.body.invitation.token}`);
    // Checked before a password is asked for: open, then (once used) closed; unknown links say the same.
    const open = await h.anonymous<{ name: string; email: string }>('POST', '/api/auth/invitations/check', { token: invited.body.invitation.token });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ name: 'New Monitor', email: 'new@test.example' });
    expect((await h.anonymous('POST', '/api/auth/invitations/check', { token: 'not-a-token' })).status).toBe(404);
    expect((await h.anonymous('POST', '/api/auth/invitations/check', {})).status).toBe(400);
    const accept = await h.anonymous('POST', '/api/auth/invitations/accept', { token: invited.body.invitation.token, password: PASSWORD });
    expect(accept.status).toBe(200);
    expect(String(accept.headers['set-cookie'])).toMatch(/phaseline_session=/);
    const again = await h.anonymous('POST', '/api/auth/invitations/accept', { token: invited.body.invitation.token, password: PASSWORD });
    expect(again.status).toBe(404);
    expect((await h.anonymous('POST', '/api/auth/invitations/check', { token: invited.body.invitation.token })).status).toBe(404);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'new@test.example', password: PASSWORD })).status).toBe(200);
  });

  it('disables an account: no login, no token, no session', async () => {
    const h = await harness();
    const user = await userWithPassword(h);
    const { token } = await h.svc.auth.createToken(user.id, { name: 't', expiresInDays: null }, { id: null, name: 't' });
    const { b: admin } = await loggedIn(h, 'boss@test.example', { admin: true });
    const res = await admin.send('PATCH', `/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.status).toBe(200);
    expect((await h.anonymous('POST', '/api/auth/login', { email: 'delegate@test.example', password: PASSWORD })).status).toBe(401);
    expect((await h.as(token)('GET', '/api/auth/me')).status).toBe(401);
  });

  it('lists each account with the roles it holds, the agreement and the party named', async () => {
    const h = await harness();
    const agreement = await createAgreement(h, { title: 'هدنة غزة 2026' });
    const party = (await h.call<{ id: string }>('POST', `/api/agreements/${agreement.slug}/parties`, { name: 'حماس', role: 'belligerent' })).body;
    const delegate = await h.userWith('party_delegate', agreement.slug, party.id);
    const monitor = await h.userWith('monitor', agreement.slug);
    const nobody = await h.userWith(null);
    const list = await h.call<{ items: Array<{ id: string; roles: unknown[] }> }>('GET', '/api/users');
    expect(list.status).toBe(200);
    const rolesOf = (id: string) => list.body.items.find((u) => u.id === id)?.roles;
    expect(rolesOf(delegate.userId)).toEqual([{ agreementSlug: agreement.slug, agreementTitle: 'هدنة غزة 2026', role: 'party_delegate', partyName: 'حماس' }]);
    expect(rolesOf(monitor.userId)).toEqual([{ agreementSlug: agreement.slug, agreementTitle: 'هدنة غزة 2026', role: 'monitor', partyName: null }]);
    expect(rolesOf(nobody.userId)).toEqual([]);
  });

  it('never shows a password hash', async () => {
    const h = await harness();
    await userWithPassword(h);
    const list = await h.call('GET', '/api/users');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|passwordHash/);
  });
});
