/**
 * Administration: the demo administrator invites a user, the invitation link sets their password,
 * they log in, get a role on cairo-2026, and see exactly the controls of that role; disabling the
 * account ends their session. Each run invites a new random address.
 */
import { adminPage } from './page-models/admin-page.ts';
import { agreementPage } from './page-models/agreement-page.ts';
import { header, loginPage } from './page-models/login-page.ts';
import { demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';

test('an invited user sets a password, logs in, gets the monitor role and its controls only', async ({ page, browser }) => {
  const admin = adminPage(page);
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `monitor-${suffix}@e2e.phaseline.invalid`;
  const name = `Invited monitor ${suffix}`;
  const password = `a long password ${suffix}`;

  await logIn(page, demoAccount('admin'));
  await page.goto('/');
  await header(page).menuButton.click();
  await header(page).administration.click();
  await expect(admin.heading).toBeVisible();

  // The form checks the address before asking the server.
  await admin.invite.email.fill('not an address');
  await admin.invite.name.fill(name);
  await admin.invite.submit.click();
  await expect(admin.invite.email).toHaveAccessibleDescription(/valid e-mail/);

  await admin.invite.email.fill(email);
  await admin.invite.submit.click();
  await expect(admin.invitationLink).toBeVisible();
  const link = await admin.invitationLink.inputValue();
  expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/invite/\\S+$`));
  await expect(admin.user(email)).toContainText('Invited, not yet set');
  await page.screenshot({ path: '/tmp/phaseline-admin.png', fullPage: true });

  // The invitee, in a browser of their own.
  const invitee = await browser.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await invitee.getByLabel('New password').fill('too short');
  await invitee.getByRole('button', { name: 'Set password and log in' }).click();
  await expect(invitee.getByLabel('New password')).toHaveAccessibleDescription(/at least 12 characters/);
  await invitee.getByLabel('New password').fill(password);
  await invitee.getByLabel('Repeat the password').fill(password);
  await invitee.getByRole('button', { name: 'Set password and log in' }).click();
  await expect(invitee).toHaveURL('/');
  await expect(invitee.getByRole('status').filter({ hasText: 'Welcome' })).toContainText(`Welcome, ${name}: your password is set`);
  await expect(header(invitee).menuButton).toContainText(name);

  // The link works once: opened again, the page says so before asking for any password.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole('alert')).toContainText('already used, has expired or is unknown');
  await expect(again.getByLabel('New password')).toHaveCount(0);
  await again.close();

  // Out, and in again through the login form. Without a role, cairo-2026 reads as for a visitor.
  await header(invitee).logOut();
  await expect(header(invitee).loginLink).toBeVisible();
  const login = loginPage(invitee);
  await login.goto(`/agreements/${SLUG}`);
  await login.logIn(email, password);
  await expect(invitee).toHaveURL(`/agreements/${SLUG}`);
  const inviteeAgreement = agreementPage(invitee);
  await expect(inviteeAgreement.matrixRows).toHaveCount(3);
  await expect(inviteeAgreement.editButtons).toHaveCount(0);

  // The administrator gives them the monitor role on cairo-2026.
  await page.reload();
  await expect(admin.user(email)).toContainText('Set');
  const agreement = agreementPage(page);
  await agreement.goto(SLUG);
  await agreement.members.user.selectOption({ label: `${name} <${email}>` });
  await agreement.members.role.selectOption({ label: 'Party delegate' });
  await agreement.members.submit.click();
  await expect(agreement.members.party).toHaveAccessibleDescription(/pick it/);
  await agreement.members.role.selectOption({ label: 'Monitor' });
  await expect(agreement.members.party).toHaveCount(0);
  await agreement.members.submit.click();
  await expect(agreement.notice).toContainText(`${email} is now monitor on this agreement.`);
  await expect(agreement.members.member(email)).toContainText('Monitor');

  // A monitor updates provisions: Edit on provisions, but no phase controls.
  await invitee.reload();
  await expect(inviteeAgreement.editProvision('1.1')).toBeVisible();
  await expect(inviteeAgreement.addProvision('Phase One Finalization')).toBeVisible();
  await expect(inviteeAgreement.addPhase).toHaveCount(0);
  await expect(inviteeAgreement.editPhase('Phase One Finalization')).toHaveCount(0);
  await expect(inviteeAgreement.notes.form).toHaveCount(0);
  await expect(inviteeAgreement.members.section).toHaveCount(0);
  await expect(inviteeAgreement.auditLink).toBeVisible();

  // Disabled, their session ends: the next page load is a visitor's.
  await admin.goto();
  // The accounts table names each role, with its agreement linked.
  await expect(admin.user(email)).toContainText('Monitor on');
  await expect(admin.user(email).getByRole('link', { name: /Gaza ceasefire/ })).toHaveAttribute('href', `/agreements/${SLUG}`);
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(admin.notice).toContainText(`${email} disabled.`);
  await expect(admin.user(email)).toContainText('Disabled');
  await invitee.reload();
  await expect(header(invitee).loginLink).toBeVisible();
  await expect(inviteeAgreement.editButtons).toHaveCount(0);
  await login.goto();
  await login.logIn(email, password);
  await expect(login.error).toContainText('Wrong e-mail or password, or the account is disabled');
  await invitee.close();

  // Taking the role away again leaves the members as they were.
  await agreement.goto(SLUG);
  await agreement.members.member(email).getByRole('button', { name: `Remove ${email} from this agreement` }).click();
  await expect(agreement.members.member(email)).toHaveCount(0);
});

test('a new invitation link for an existing account, shown once', async ({ page }) => {
  const admin = adminPage(page);
  await logIn(page, demoAccount('admin'));
  await admin.goto();
  await page.getByRole('button', { name: 'New invitation link for viewer@demo.phaseline.invalid' }).click();
  const link = page.getByRole('region', { name: 'New invitation link' }).getByLabel('Invitation link for viewer@demo.phaseline.invalid');
  await expect(link).toHaveValue(/\/invite\/\S+$/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(link).toHaveCount(0);
  // An administrator cannot disable themselves or drop their own flag: no such buttons on their row.
  await expect(admin.user('admin@demo.phaseline.invalid').getByRole('button', { name: /Disable|administrator/ })).toHaveCount(0);
});

test('only administrators reach the administration and the members', async ({ page }) => {
  await logIn(page, demoAccount('mediator'));
  await page.goto('/');
  await header(page).menuButton.click();
  await expect(header(page).account).toBeVisible();
  await expect(header(page).administration).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeVisible();
  await agreementPage(page).goto(SLUG);
  await expect(agreementPage(page).matrixRows).toHaveCount(3);
  await expect(agreementPage(page).members.section).toHaveCount(0);
  await expect(agreementPage(page).publicToggle).toHaveCount(0);
});

test('the administrator makes a private agreement public and private again; visitors follow', async ({ page, browser }) => {
  const agreement = agreementPage(page);
  const suffix = Math.random().toString(36).slice(2, 8);
  const slug = `publish-${suffix}`;
  await logIn(page, demoAccount('admin'));
  expect((await page.request.post('/api/agreements', { data: { slug, title: `Publish ${suffix}` }, headers: { 'x-csrf-token': await csrf(page) } })).status()).toBe(201);
  await agreement.goto(slug);
  await expect(agreement.publicToggle).not.toBeChecked();

  const visitor = await browser.newPage();
  await visitor.goto(`/agreements/${slug}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Agreement not found' })).toBeVisible();
  await expect(visitor.getByRole('main').getByRole('link', { name: 'log in' })).toBeVisible();

  await agreement.publicToggle.check();
  await expect(agreement.notice).toContainText('The agreement is now public.');
  await visitor.reload();
  await expect(visitor.getByRole('heading', { level: 1, name: `Publish ${suffix}` })).toBeVisible();
  await expect(agreementPage(visitor).editButtons).toHaveCount(0);

  await agreement.publicToggle.uncheck();
  await expect(agreement.notice).toContainText('The agreement is now private.');
  await visitor.reload();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Agreement not found' })).toBeVisible();
  await visitor.close();
});

/** The CSRF token of the page's session, for a write through page.request. */
async function csrf(page: import('@playwright/test').Page): Promise<string> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}
