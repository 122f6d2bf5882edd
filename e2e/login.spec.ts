/**
 * Logging in and out: the login page's messages (missing fields, wrong password, too many attempts),
 * the way back to the page one came from, the header's user menu, a session that ends while editing,
 * and the first-start and invitation pages when their token is wrong.
 */
import { agreementPage } from './page-models/agreement-page.ts';
import { editorDialog } from './page-models/editor-dialog.ts';
import { header, loginPage } from './page-models/login-page.ts';
import { demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';

test('a visitor logs in from an agreement, comes back to it with edit controls, and logs out', async ({ page }) => {
  const agreement = agreementPage(page);
  const login = loginPage(page);
  const mediator = demoAccount('mediator');
  await agreement.goto(SLUG);
  await expect(agreement.editButtons).toHaveCount(0);
  await header(page).loginLink.click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/agreements/${SLUG}`)}`);
  await expect(login.heading).toBeVisible();

  await login.submit.click();
  await expect(login.email).toHaveAccessibleDescription(/Enter your e-mail address/);
  await expect(login.password).toHaveAccessibleDescription(/Enter your password/);

  await login.logIn(mediator.email, 'not the password at all');
  await expect(login.error).toHaveText('Wrong e-mail or password, or the account is disabled');
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: '/tmp/phaseline-login.png' });

  await login.logIn(mediator.email, mediator.password);
  await expect(page).toHaveURL(`/agreements/${SLUG}`);
  await expect(header(page).menuButton).toContainText('Demo mediator');
  await expect(agreement.editProvision('1.1')).toBeVisible();
  await expect(agreement.addPhase).toBeVisible();

  await header(page).menuButton.click();
  await expect(header(page).menu).toContainText(mediator.email);
  await expect(header(page).administration).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(header(page).menu).toHaveCount(0);

  await header(page).logOut();
  await expect(page).toHaveURL('/');
  await expect(header(page).loginLink).toBeVisible();
  await agreement.goto(SLUG);
  await expect(agreement.matrixRows).toHaveCount(3);
  await expect(agreement.editButtons).toHaveCount(0);
  // The session is gone on the server too.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: unknown };
  expect(me.user).toBeNull();
});

test('too many attempts get a clear message', async ({ page }) => {
  const login = loginPage(page);
  // The e2e server allows many logins a minute; the real limit's answer is played back here.
  await page.route('**/api/auth/login', (route) =>
    route.fulfill({
      status: 429,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'bad_request', message: 'Rate limit exceeded, retry in 1 minute', details: {} } }),
    }),
  );
  await login.goto();
  await login.logIn('someone@example.invalid', 'whatever it is');
  await expect(login.error).toHaveText('Too many attempts from this address. Wait a minute, then try again.');
});

test('logging in as someone else from the login page replaces the session', async ({ page }) => {
  const login = loginPage(page);
  const viewer = demoAccount('viewer');
  await logIn(page, demoAccount('monitor'));
  await login.goto();
  await expect(page.getByText('You are logged in as Demo monitor.')).toBeVisible();
  await login.logIn(viewer.email, viewer.password);
  await expect(page).toHaveURL('/');
  await expect(header(page).menuButton).toContainText('Demo viewer');
});

test('a session that ends while editing: nothing is saved, and the page asks to log in again', async ({ page }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  const mediator = demoAccount('mediator');
  await logIn(page, mediator);
  await agreement.goto(SLUG);
  await agreement.editProvision('3.5').click();
  await editor.field('Verification method').fill('Checked after the session ended');

  // The session ends (expired, or ended elsewhere): the browser no longer holds it.
  await page.context().clearCookies();
  await editor.save.click();
  await expect(editor.problems).toContainText('log in again, then repeat your change. Nothing was saved.');
  await editor.cancel.click();
  const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
  await expect(banner).toBeVisible();
  await expect(agreement.editButtons).toHaveCount(0);

  await banner.getByRole('link', { name: 'Log in again' }).click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/agreements/${SLUG}`)}`);
  await expect(page.getByText('Your session has ended. Log in again to continue.')).toBeVisible();
  await loginPage(page).logIn(mediator.email, mediator.password);
  await expect(page).toHaveURL(`/agreements/${SLUG}`);
  await expect(agreement.editProvision('3.5')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(agreement.reality('3.5')).toBeVisible();
  const provisions = (await (await page.request.get(`/api/agreements/${SLUG}/provisions?limit=500`)).json()) as {
    items: { code: string; verificationMethod: string }[];
  };
  expect(provisions.items.find((p) => p.code === '3.5')?.verificationMethod).not.toBe('Checked after the session ended');
});

test('first-start setup: the page says when it is not needed, and refuses a wrong token', async ({ page }) => {
  await page.goto('/setup?token=anything');
  await expect(page.getByText('Phaseline is already set up')).toBeVisible();

  // As a server with no administrator yet would answer /api/auth/me; the setup request itself goes to the real server.
  await page.route('**/api/auth/me', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ user: null, memberships: [], csrfToken: null, setupRequired: true }) }),
  );
  await page.goto('/');
  await expect(page.getByText('Phaseline has no administrator yet')).toBeVisible();
  await page.goto('/setup');
  await expect(page.getByText('This page needs the setup link the server printed')).toBeVisible();

  await page.goto('/setup?token=not-the-printed-token');
  const form = page.getByRole('form', { name: 'First administrator' });
  await form.getByLabel('Name').fill('First Admin');
  await form.getByLabel('E-mail').fill('first@e2e.phaseline.invalid');
  await form.getByLabel('Password', { exact: true }).fill('a long enough password');
  await form.getByLabel('Repeat the password').fill('a different password!');
  await form.getByRole('button', { name: 'Create administrator' }).click();
  await expect(form.getByLabel('Repeat the password')).toHaveAccessibleDescription(/Does not match the password/);
  await form.getByLabel('Repeat the password').fill('a long enough password');
  await form.getByRole('button', { name: 'Create administrator' }).click();
  await expect(form.getByRole('alert')).toContainText('The setup token is wrong');
});

test('an unknown invitation link says so before asking for a password', async ({ page }) => {
  await page.goto('/invite/pli_not-a-real-invitation');
  await expect(page.getByRole('alert')).toContainText('already used, has expired or is unknown');
  await expect(page.getByLabel('New password')).toHaveCount(0);
  await expect(header(page).loginLink).toBeVisible();
});
