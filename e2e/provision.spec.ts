/**
 * A provision's page, its permalink (docs/DESK.md), on the cairo-2026 demo: opened from the Strategic
 * Matrix, its status changed with a reason, a source, a grade and evidence (an incident bearing on it
 * and a link), the change seen in the history with its date in Gaza time, and the history downloaded
 * as CSV; a change without a reason is refused before it is sent; a change made meanwhile by someone
 * else asks for a reload; a visitor reads the page without the form or any incident; and the page
 * fits a phone (the history a block per change). Each test works on its own provisions (2.2, 2.3, 3.1), so their order does not matter.
 */
import { readFile } from 'node:fs/promises';
import { agreementPage } from './page-models/agreement-page.ts';
import { provisionPage } from './page-models/provision-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { provisionByCode } from './support/demo-data.ts';
import { expect, test } from './support/fixtures.ts';
import { writtenTime } from './support/time.ts';

const SLUG = 'cairo-2026';

/** A status of the scale other than the one the provision has, so that a second run changes it too. */
const anotherStatus = (status: string): [string, string] => (status === 'intermediate' ? ['minimal', '1 · minimal'] : ['intermediate', '2 · intermediate']);

test('the mediator opens a provision from the matrix, changes its status with a reason, source, grade and evidence, sees it in the history and downloads the CSV', async ({ page, request }) => {
  const before = await provisionByCode(request, '2.2');
  // An incident that bears on 2.2, filed by the demo monitor, to give as evidence.
  const monitor = await apiAs(demoAccount('monitor'));
  const filed = await monitor.post(`/api/agreements/${SLUG}/incidents`, {
    data: { occurredAt: '2026-05-20T07:00:00Z', category: 'incursion', place: 'Netzarim corridor', description: 'Armour seen in the corridor (provision e2e)', provisionIds: [before.id] },
  });
  expect(filed.status()).toBe(201);
  await monitor.dispose();

  await logIn(page, demoAccount('mediator'));
  await agreementPage(page).goto(SLUG);
  const provision = provisionPage(page);
  await provision.fromMatrix('2.2').click();
  await expect(page).toHaveURL(`/agreements/${SLUG}/provisions/${before.id}`);
  await expect(provision.heading).toContainText(before.title);
  await expect(provision.fact('Obligated party')).toContainText('Israel');
  await expect(provision.fact('Clause')).toContainText('Clause 4 of Phase Two: structural text (illustrative draft)');
  await expect(provision.incidents).toContainText('Incursion at Netzarim corridor');
  const rowsBefore = await provision.historyRows.count();
  expect(rowsBefore).toBeGreaterThanOrEqual(1);
  await expect(provision.historyRows.first()).toContainText('Status as the illustrative scenario gives it');

  const [status, label] = anotherStatus(before.status);
  const reason = `Two armoured units left the corridor (${Date.now()})`;
  await provision.change.status.selectOption(status);
  await provision.change.reason.fill(reason);
  await provision.change.source.fill('UNTSO patrol report 14');
  await provision.change.grade.selectOption('B2');
  // The newest incident bearing on 2.2 comes first: the one just filed.
  await provision.change.incident.selectOption({ index: 1 });
  await expect(provision.change.incident).toContainText('Incursion at Netzarim corridor');
  await provision.change.addIncident.click();
  await provision.change.link.fill('https://untso.example/reports/14');
  await provision.change.linkLabel.fill('UNTSO report 14');
  await provision.change.addLink.click();
  await expect(provision.change.drafts).toHaveCount(2);
  await provision.change.submit.click();

  await expect(provision.notice).toContainText(`Status changed to “${label}”`);
  await expect(provision.status).toHaveText(label);
  await expect(provision.historyRows).toHaveCount(rowsBefore + 1);
  const row = provision.historyRows.last();
  await expect(row).toContainText(reason);
  await expect(row).toContainText('UNTSO patrol report 14 · B2 · usually reliable, probably true');
  await expect(row.getByRole('link', { name: 'UNTSO report 14' })).toHaveAttribute('href', 'https://untso.example/reports/14');
  await expect(row.getByRole('link', { name: /Incursion at Netzarim corridor/ })).toHaveAttribute('href', /\/agreements\/cairo-2026\/incidents\/[0-9a-f-]{36}$/);
  // The evidence leads to the incident, whose page links back to the provision's.
  await row.getByRole('link', { name: /Incursion at Netzarim corridor/ }).click();
  await expect(page.locator('dl.incident-facts').getByRole('link', { name: new RegExp(`^2\\.2 `) })).toHaveAttribute('href', `/agreements/${SLUG}/provisions/${before.id}`);
  await page.goBack();
  await expect(row).toContainText('Demo mediator');
  // Its date in Gaza time, not the browser's New York time.
  const at = await row.locator('time').getAttribute('datetime');
  await expect(row.locator('time')).toHaveText(writtenTime(at!, 'Asia/Gaza'));

  const [download] = await Promise.all([page.waitForEvent('download'), provision.csv.click()]);
  expect(download.suggestedFilename()).toBe('cairo-2026-provision-2.2-status-history.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('seq,at,from,to,reason,source,grade,evidence,actor');
  expect(lines.at(-1)).toContain(`,${before.status},${status},${reason},UNTSO patrol report 14,B2,`);
  expect(lines.at(-1)).toContain('https://untso.example/reports/14');

  // The matrix shows the new status.
  await page.goto(`/agreements/${SLUG}`);
  await expect(agreementPage(page).reality('2.2')).toContainText(label);
});

test('a change of status without a reason is refused beside its field, and nothing is sent', async ({ page, request }) => {
  const before = await provisionByCode(request, '2.3');
  await logIn(page, demoAccount('mediator'));
  const provision = provisionPage(page);
  await provision.goto(SLUG, before.id);
  await expect(provision.historyRows.first()).toBeVisible();
  const rows = await provision.historyRows.count();
  await provision.change.status.selectOption('full');
  await provision.change.reason.fill('   ');
  await provision.change.submit.click();
  await expect(provision.change.problems).toContainText('Nothing was saved');
  await expect(provision.change.form.locator('.field-error')).toContainText('Say why the status changes');
  await expect(provision.change.reason).toHaveAttribute('aria-invalid', 'true');
  expect((await provisionByCode(request, '2.3')).version).toBe(before.version);
  await expect(provision.historyRows).toHaveCount(rows);
});

test('a status changed by someone else meanwhile asks for a reload, then the change goes through', async ({ page, request }) => {
  const before = await provisionByCode(request, '2.3');
  await logIn(page, demoAccount('mediator'));
  const provision = provisionPage(page);
  await provision.goto(SLUG, before.id);
  await expect(provision.change.form).toBeVisible();

  const [theirs] = anotherStatus(before.status);
  const monitor = await apiAs(demoAccount('monitor'));
  const other = await monitor.post(`/api/agreements/${SLUG}/provisions/${before.id}/status`, { data: { status: theirs, reason: 'Monitors saw the pullout begin', version: before.version } });
  expect(other.status()).toBe(200);
  await monitor.dispose();

  await provision.change.status.selectOption('disputed');
  await provision.change.reason.fill('Israel says the schedule was never agreed');
  await provision.change.submit.click();
  await expect(provision.change.conflict).toContainText('changed by someone else — reload');
  await provision.change.conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(provision.historyRows.last()).toContainText('Monitors saw the pullout begin');

  await provision.change.status.selectOption('disputed');
  await provision.change.reason.fill('Israel says the schedule was never agreed');
  await provision.change.submit.click();
  await expect(provision.notice).toContainText('Status changed to “disputed”');
  await expect(provision.historyRows.last()).toContainText('Israel says the schedule was never agreed');
  // Back to where it was, for another run against the same server.
  const now = await provisionByCode(request, '2.3');
  const mediator = await apiAs(demoAccount('mediator'));
  expect((await mediator.post(`/api/agreements/${SLUG}/provisions/${before.id}/status`, { data: { status: before.status, reason: 'Reset by the e2e test', version: now.version } })).status()).toBe(200);
  await mediator.dispose();
});

test('a visitor reads a provision’s page and its history, with no form and no incident', async ({ page, request }) => {
  const p = await provisionByCode(request, '3.1');
  const provision = provisionPage(page);
  await provision.goto(SLUG, p.id);
  await expect(provision.heading).toContainText(p.title);
  await expect(provision.indicators.getByRole('link').first()).toHaveAttribute('href', /\/agreements\/cairo-2026\/indicators\/[0-9a-f-]{36}$/);
  await expect(provision.incidents).toContainText('Log in to see incident reports');
  await expect(provision.historyRows.first()).toBeVisible();
  await expect(provision.change.form).toHaveCount(0);
  await expect(provision.json).toHaveAttribute('href', `/api/agreements/${SLUG}/provisions/${p.id}/history?format=json`);
  // An unknown provision says so.
  await provision.goto(SLUG, '00000000-0000-4000-8000-000000000000');
  await expect(provision.heading).toHaveText('Provision not found');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the page and its form fit the screen’s width; each change of the history reads down the screen', async ({ page, request }) => {
    const p = await provisionByCode(request, '2.2');
    await logIn(page, demoAccount('mediator'));
    const provision = provisionPage(page);
    await provision.goto(SLUG, p.id);
    await expect(provision.change.form).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(390);
    const inner = await provision.history.evaluate((table) => {
      const box = table.closest('.table-scroll')!;
      return box.scrollWidth - box.clientWidth;
    });
    expect(inner, 'the history scrolls sideways in its box').toBeLessThanOrEqual(0);
    // Arabic and Hebrew names run right to left.
    await expect(provision.fact('Obligated party').getByText('ישראל')).toHaveCSS('direction', 'rtl');
  });
});
