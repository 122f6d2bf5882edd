/**
 * The demo accounts e2e/serve.ts created (with generated passwords), and ways to act as one: in the
 * browser (the page's context gets the session cookie) or through the API (a request context that
 * sends the session's CSRF token on writes).
 */
import { readFileSync } from 'node:fs';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { ACCOUNTS_FILE, PORT } from './env.ts';

export type DemoRole = 'admin' | 'mediator' | 'monitor' | 'viewer' | 'party_delegate';

export interface DemoAccount {
  email: string;
  password: string;
  role: DemoRole;
  party: string | null;
}

export const BASE_URL = `http://127.0.0.1:${PORT}`;

let cached: DemoAccount[] | null = null;

function accounts(): DemoAccount[] {
  cached ??= JSON.parse(readFileSync(ACCOUNTS_FILE, 'utf8')) as DemoAccount[];
  return cached;
}

/** The demo account of a role, or the delegate of a party ("Israel", "Hamas", ...). */
export function demoAccount(role: Exclude<DemoRole, 'party_delegate'>): DemoAccount;
export function demoAccount(role: 'party_delegate', party: string): DemoAccount;
export function demoAccount(role: DemoRole, party?: string): DemoAccount {
  const found = accounts().find((a) => a.role === role && (party === undefined || a.party === party));
  if (!found) throw new Error(`No demo account for ${role}${party ? ` of ${party}` : ''} in ${ACCOUNTS_FILE}`);
  return found;
}

/**
 * Logs the page's browser context in (the cookie is shared by the page), without the login form.
 * Any earlier session's cookie goes first: with it, the login would be a cookie write needing its CSRF token.
 */
export async function logIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), `login as ${account.email}`).toBe(200);
}

/** An API client logged in as the account; writes carry its CSRF token. Dispose it after use. */
export async function apiAs(account: { email: string; password: string }): Promise<APIRequestContext> {
  const login = await request.newContext({ baseURL: BASE_URL });
  const response = await login.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), `login as ${account.email}`).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const storageState = await login.storageState();
  await login.dispose();
  return request.newContext({ baseURL: BASE_URL, storageState, extraHTTPHeaders: { 'x-csrf-token': csrfToken } });
}

/** A fresh account (invited by the admin, password set through the invitation), for tests that change it. */
export async function freshAccount(label: string): Promise<{ id: string; email: string; name: string; password: string }> {
  const admin = await apiAs(demoAccount('admin'));
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `${label}-${suffix}@e2e.phaseline.invalid`;
  const name = `E2E ${label} ${suffix}`;
  const created = await admin.post('/api/users', { data: { email, name, admin: false } });
  expect(created.status()).toBe(201);
  const { user, invitation } = (await created.json()) as { user: { id: string }; invitation: { token: string } };
  await admin.dispose();
  const password = `e2e-password-${suffix}-long`;
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  expect((await anonymous.post('/api/auth/invitations/accept', { data: { token: invitation.token, password } })).status()).toBe(200);
  await anonymous.dispose();
  return { id: user.id, email, name, password };
}
