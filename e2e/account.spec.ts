/**
 * The account page, for a fresh invited account (the demo accounts keep their passwords): an API
 * token shown once that works as a bearer token until revoked, and a password change that ends the
 * account's other sessions.
 */
import { request } from '@playwright/test';
import { header, loginPage } from './page-models/login-page.ts';
import { BASE_URL, freshAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

async function meWithToken(token: string): Promise<{ status: number; email: string | null }> {
  const client = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const response = await client.get('/api/auth/me');
  const body = response.ok() ? ((await response.json()) as { user: { email: string } | null }) : null;
  await client.dispose();
  return { status: response.status(), email: body?.user?.email ?? null };
}

test('an API token: its secret shown once, it works as a bearer token, then it is revoked', async ({ page }) => {
  const account = await freshAccount('tokens');
  await logIn(page, account);
  await page.goto('/');
  await header(page).menuButton.click();
  await header(page).account.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText(account.email, { exact: true })).toBeVisible();

  const form = page.getByRole('form', { name: 'New API token' });
  await expect(page.getByText('No API tokens yet.')).toBeVisible();
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByLabel('Token name')).toHaveAccessibleDescription(/Name the token/);
  await form.getByLabel('Token name').fill('nightly export');
  await form.getByLabel('Expires after').selectOption({ label: '30 days' });
  await form.getByRole('button', { name: 'Create token' }).click();

  const created = page.getByRole('region', { name: 'New API token' });
  const secret = created.getByLabel('Secret of “nightly export”');
  await expect(secret).toHaveValue(/^plt_/);
  const token = await secret.inputValue();
  expect(await meWithToken(token)).toEqual({ status: 200, email: account.email });

  await created.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  const item = page.getByRole('list', { name: 'Your API tokens' }).getByRole('listitem', { name: 'Token nightly export' });
  await expect(item).toContainText('active');
  await expect(item).toContainText('expires');

  await item.getByRole('button', { name: 'Revoke' }).click();
  await item.getByRole('button', { name: 'Revoke now' }).click();
  await expect(item).toContainText('revoked');
  await expect(item.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  expect((await meWithToken(token)).status).toBe(401);
});

test('changing the password checks the current one and ends the other sessions', async ({ page, browser }) => {
  const account = await freshAccount('password');
  const other = await browser.newPage();
  await logIn(other, account);
  await logIn(page, account);
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Change password' });
  const newPassword = `${account.password}-changed`;

  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('short');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(/at least 12 characters/);

  await form.getByLabel('New password', { exact: true }).fill(newPassword);
  await form.getByLabel('Repeat the new password').fill(newPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription(/is wrong/);

  await form.getByLabel('Current password').fill(account.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toContainText('Your other sessions have ended.');
  await expect(form.getByLabel('Current password')).toHaveValue('');

  // This session goes on; the other one has ended.
  await page.reload();
  await expect(header(page).menuButton).toContainText(account.name);
  await other.goto('/account');
  await expect(other.getByRole('heading', { level: 1, name: 'Log in to see this page' })).toBeVisible();
  await other.close();

  await header(page).logOut();
  const login = loginPage(page);
  await login.goto();
  await login.logIn(account.email, account.password);
  await expect(login.error).toContainText('Wrong e-mail or password');
  await login.logIn(account.email, newPassword);
  await expect(page).toHaveURL('/');
  await expect(header(page).menuButton).toContainText(account.name);
});
