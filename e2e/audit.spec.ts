/**
 * The audit log's own page: an edit made as the demo mediator shows, filtered by record kind and
 * action, as "Updated", with the mediator's name, the provision linked to its page, the change in
 * words and the entry's hash; filters by actor and by days (in Gaza) live in the address; pages
 * go back through older entries; no raw id shows where a name exists; the monitor and a delegate
 * read the log (the delegate is told what is left out), the viewer is told who may; a phone reads
 * it without scrolling sideways.
 */
import type { Page } from '@playwright/test';
import { agreementPage } from './page-models/agreement-page.ts';
import { auditPage } from './page-models/audit-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { writtenTime } from './support/time.ts';

const SLUG = 'cairo-2026';
const ZONE = 'Asia/Gaza';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface ApiEntry {
  seq: number;
  hash: string;
  action: string;
  entity: string;
  at: string;
}

async function apiEntries(page: Page, query: string): Promise<{ items: ApiEntry[]; total: number }> {
  const response = await page.request.get(`/api/agreements/${SLUG}/audit?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { items: ApiEntry[]; total: number };
}

test('an edit as the mediator reads as an update in words, found by kind, action, actor and day', async ({ page }) => {
  const agreement = agreementPage(page);
  const audit = auditPage(page);
  const mediator = demoAccount('mediator');
  await logIn(page, mediator);

  // The mediator changes the obligated party of 3.3 (through the API: this spec is about the log,
  // not the provision form): an id in the log, a name on the page.
  const api = await apiAs(mediator);
  const provisions = (await (await api.get(`/api/agreements/${SLUG}/provisions?limit=500`)).json()) as {
    items: { id: string; code: string; version: number; obligatedPartyId: string | null }[];
  };
  const parties = (await (await api.get(`/api/agreements/${SLUG}/parties`)).json()) as { items: { id: string; name: string }[] };
  const before = provisions.items.find((p) => p.code === '3.3');
  const egypt = parties.items.find((p) => p.name === 'Egypt');
  if (!before || !egypt) throw new Error('No provision 3.3 or no Egypt in the demo');
  const [from, to] = before.obligatedPartyId === null ? ['—', 'Egypt'] : [parties.items.find((p) => p.id === before.obligatedPartyId)?.name ?? '', '—'];
  const saved = await api.patch(`/api/agreements/${SLUG}/provisions/${before.id}`, {
    data: { version: before.version, obligatedPartyId: before.obligatedPartyId === null ? egypt.id : null },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await api.dispose();
  await agreement.goto(SLUG);

  // From the agreement page's link; the kinds offered are in words.
  await agreement.auditLink.click();
  await expect(audit.title).toHaveText('Audit log');
  await expect(audit.rows.first()).toBeVisible();
  await expect(audit.filters.kind.locator('option', { hasText: 'Provision' }).first()).toBeAttached();
  await expect(audit.filters.kind.locator('option', { hasText: /_/ })).toHaveCount(0);

  await audit.filters.kind.selectOption({ label: 'Provision' });
  await audit.filters.action.selectOption({ label: 'Updated' });
  await expect(page).toHaveURL(/entity=provision/);
  await expect(page).toHaveURL(/action=update/);
  const top = audit.rows.first();
  await expect(audit.cell(top, 'action')).toHaveText('Updated');
  await expect(audit.cell(top, 'actor')).toContainText('Demo mediator');
  await expect(audit.cell(top, 'actor')).toContainText(mediator.email);
  const record = audit.cell(top, 'record');
  await expect(record).toContainText('Provision');
  await expect(record.getByRole('link', { name: /^3\.3 Contributing nations/ })).toHaveAttribute('href', `/agreements/${SLUG}/provisions/${before.id}`);
  await expect(audit.cell(top, 'change')).toHaveText(`Obligated party: ${from} → ${to}`);
  await expect(audit.cell(top, 'change').getByRole('link', { name: 'Egypt' })).toHaveAttribute('href', `/agreements/${SLUG}`);

  // Its time in Gaza, not in the browser's New York; its hash as the API gives it, whole in the tooltip.
  const entry = (await apiEntries(page, 'entity=provision&action=update&limit=1')).items[0]!;
  const time = top.locator('time');
  await expect(time).toHaveAttribute('datetime', entry.at);
  await expect(time).toHaveText(writtenTime(entry.at, ZONE));
  await expect(audit.cell(top, 'chain')).toContainText(`Entry ${entry.seq}`);
  await expect(audit.cell(top, 'chain').locator('.audit-hash')).toHaveText(entry.hash.slice(0, 12));
  await expect(audit.cell(top, 'chain').locator('.audit-hash')).toHaveAttribute('title', entry.hash);

  // By actor: every row the mediator's.
  await audit.filterByActor('Demo mediator');
  await expect(page).toHaveURL(/actor=[0-9a-f-]{36}/);
  await expect(audit.rows.first()).toBeVisible();
  for (const actor of await audit.rows.locator('td:nth-child(2)').allTextContents()) expect(actor).toContain('Demo mediator');

  // By days in Gaza: the day of the edit holds it; a day before the demo holds nothing.
  const day = writtenDay(entry.at);
  await audit.filters.from.fill(day);
  await audit.filters.to.fill(day);
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}`));
  await expect(audit.cell(audit.rows.first(), 'chain')).toContainText(`Entry ${entry.seq}`);
  await audit.filters.from.fill('2001-01-01');
  await audit.filters.to.fill('2001-01-02');
  await expect(audit.empty).toContainText('No entry matches these filters.');

  // The address holds the filters: a reload keeps them.
  await page.reload();
  await expect(audit.filters.kind).toHaveValue('provision');
  await expect(audit.filters.from).toHaveValue('2001-01-01');
  await audit.filters.clear.click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}/audit$`));
});

/** The calendar day of an instant in Gaza, as a date input holds it. */
function writtenDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

test('pages go back through older entries, oldest first on a click, and show names, not ids', async ({ page }) => {
  const audit = auditPage(page);
  await logIn(page, demoAccount('mediator'));
  await audit.goto(SLUG);
  const first = await apiEntries(page, 'limit=25&offset=25');
  await expect(audit.pager).toContainText(/^1–25 of \d+ entries/);
  await audit.next.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(audit.pager).toContainText(/^26–\d+ of \d+/);
  await expect(audit.cell(audit.rows.first(), 'chain')).toContainText(`Entry ${first.items[0]!.seq}`);

  await audit.sortByTime.click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(page).not.toHaveURL(/page=/);
  const oldest = await apiEntries(page, 'order=asc&limit=1');
  await expect(audit.cell(audit.rows.first(), 'chain')).toContainText(`Entry ${oldest.items[0]!.seq}`);

  // The demo's provisions, created with their phase and pillar: named and linked, no id shown.
  await audit.goto(SLUG, '?entity=provision&action=create');
  const created = audit.rows.first();
  await expect(audit.cell(created, 'change')).toContainText('Phase:');
  await expect(audit.cell(created, 'change').getByRole('link').first()).toHaveAttribute('href', new RegExp(`^/agreements/${SLUG}/`));
  for (const text of await audit.rows.allTextContents()) expect(text).not.toMatch(UUID);

  // For those who verify: how, with the command.
  await audit.verifyHelp.locator('summary').click();
  await expect(audit.verifyHelp).toContainText('phaseline audit verify --anchor');
});

test('the monitor and a delegate read the audit log, the delegate told what is left out; the viewer is told who may', async ({ page }) => {
  const agreement = agreementPage(page);
  const audit = auditPage(page);
  await logIn(page, demoAccount('monitor'));
  await audit.goto(SLUG);
  await expect(audit.rows.first()).toBeVisible();

  await logIn(page, demoAccount('party_delegate', 'Qatar'));
  await agreement.goto(SLUG);
  await agreement.auditLink.click();
  await expect(audit.rows.first()).toBeVisible();
  await expect(audit.omitted).toBeVisible();

  await logIn(page, demoAccount('viewer'));
  await agreement.goto(SLUG);
  await expect(agreement.matrixRows).toHaveCount(3);
  await expect(agreement.auditLink).toHaveCount(0);
  await audit.goto(SLUG);
  await expect(audit.closed).toBeVisible();
  await expect(audit.table).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the audit log reads down the screen, nothing scrolling sideways', async ({ page }) => {
    const audit = auditPage(page);
    await logIn(page, demoAccount('mediator'));
    await audit.goto(SLUG);
    await expect(audit.rows.first()).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(390);
    const inner = await audit.table.evaluate((table) => {
      const scroller = table.closest('.table-scroll') ?? table;
      return scroller.scrollWidth - scroller.clientWidth;
    });
    expect(inner, 'the table scrolls sideways inside its box').toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/phone-audit.png', fullPage: true });
  });
});
