/**
 * The main pages, for a visitor and for each kind of account, load under the server's strict
 * Content-Security-Policy with nothing at all in the browser console: no CSP violation, no
 * exception, not even a failed request.
 */
import { demoAccount, logIn, type DemoAccount } from './support/accounts.ts';
import { provisionByCode } from './support/demo-data.ts';
import { expect, test } from './support/fixtures.ts';

const AGREEMENT = '/agreements/cairo-2026';
/** A demo provision's page; its id is read from the API when the test runs. */
const PROVISION = `${AGREEMENT}/provisions/{1.1}`;

const VISITS: { who: string; account: () => DemoAccount | null; paths: string[] }[] = [
  { who: 'a visitor', account: () => null, paths: ['/', AGREEMENT, `${AGREEMENT}/since`, PROVISION, '/login', '/no-such-page'] },
  { who: 'the Israel delegate', account: () => demoAccount('party_delegate', 'Israel'), paths: ['/', AGREEMENT, `${AGREEMENT}/since`, `${AGREEMENT}/audit`, PROVISION, '/account'] },
  { who: 'the mediator', account: () => demoAccount('mediator'), paths: [AGREEMENT, `${AGREEMENT}/since`, `${AGREEMENT}/audit`, PROVISION, '/account'] },
  { who: 'the viewer', account: () => demoAccount('viewer'), paths: [AGREEMENT] },
  { who: 'the administrator', account: () => demoAccount('admin'), paths: ['/', AGREEMENT, '/admin/users', '/account'] },
];

test('the server sends a strict Content-Security-Policy with the page', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("connect-src 'self'");
});

for (const { who, account, paths } of VISITS) {
  test(`main pages as ${who}: no console error and no CSP violation`, async ({ page, browserLog }) => {
    const demo = account();
    if (demo) await logIn(page, demo);
    const provision = await provisionByCode(page.request, '1.1');
    for (const path of paths.map((p) => p.replace('{1.1}', provision.id))) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.state-loading')).toHaveCount(0);
      await expect(page.getByRole('alert').filter({ hasText: /Could not/ })).toHaveCount(0);
      expect(browserLog.all, `console errors on ${path} as ${who}`).toEqual([]);
    }
  });
}
