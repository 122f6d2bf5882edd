/**
 * A LAN install: the offline field laptop that `HOST=0.0.0.0` serves at http://<its name>:8080.
 * Chromium resolves phaseline.lan to the e2e server, so the page is opened under a host name other
 * than localhost over plain HTTP, where a browser honours upgrade-insecure-requests (it does not
 * for localhost). The page must render, log in and log out, and no request may go to https.
 */
import type { Request } from '@playwright/test';
import config from '../playwright.config.ts';
import { agreementPage } from './page-models/agreement-page.ts';
import { homePage } from './page-models/home-page.ts';
import { header, loginPage } from './page-models/login-page.ts';
import { demoAccount } from './support/accounts.ts';
import { PORT } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';

const LAN_HOST = 'phaseline.lan';
const LAN_ORIGIN = `http://${LAN_HOST}:${PORT}`;
const projectLaunch = config.use?.launchOptions ?? {};

// The project's Chromium and flags, plus one name mapped to the e2e server.
test.use({
  baseURL: LAN_ORIGIN,
  launchOptions: { ...projectLaunch, args: [...(projectLaunch.args ?? []), `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`] },
});

/** Every request the page makes, and every one that failed (an https request to this server fails). */
function watchRequests(page: import('@playwright/test').Page) {
  const urls: string[] = [];
  const failed: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  page.on('requestfailed', (request: Request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  return { urls, failed };
}

test('over plain HTTP under a LAN name, the headers ask for no HTTPS', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.url()).toBe(`${LAN_ORIGIN}/`);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  expect(headers['strict-transport-security']).toBeUndefined();
  // Ignored on an untrustworthy origin, with a console error on every page.
  expect(headers['cross-origin-opener-policy']).toBeUndefined();
  expect(headers['x-frame-options']).toBe('DENY');
});

test('the UI renders, logs in and out at http://phaseline.lan, and nothing is asked for over https', async ({ page }) => {
  const requests = watchRequests(page);
  const home = homePage(page);
  await home.goto();
  await expect(home.heading).toBeVisible();
  await expect(home.agreementLink(/Gaza ceasefire/)).toBeVisible();

  const agreement = agreementPage(page);
  await agreement.goto('cairo-2026');
  await expect(agreement.matrixRows).toHaveCount(3);

  // A login, a cookie write with its CSRF token, and the logout: the session works over HTTP too.
  const mediator = demoAccount('mediator');
  await header(page).loginLink.click();
  await loginPage(page).logIn(mediator.email, mediator.password);
  await expect(header(page).menuButton).toContainText('Demo mediator');
  await expect(agreement.addPhase).toBeVisible();
  await header(page).logOut();
  await expect(header(page).loginLink).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(requests.urls.length).toBeGreaterThan(5);
  expect(requests.urls.filter((url) => !url.startsWith(`${LAN_ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  expect(requests.failed).toEqual([]);
});
