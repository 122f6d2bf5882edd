/**
 * What changed (docs/DESK.md) on the demo: new delegates of Israel and of Hamas open the page from
 * the home page's counts, see what is theirs to see grouped by kind (another circle's note and the
 * mediators' room never show), follow an item to its page; the visit is marked, so the next view
 * starts there and says so, and a chosen day goes into the address. At a phone's width nothing
 * scrolls sideways.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, demoAccount, freshAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { homeCounts, sincePage } from './page-models/since-page.ts';

const SLUG = 'cairo-2026';
const BASE = `/api/agreements/${SLUG}`;

interface Summary {
  agreement: { title: string };
  parties: Array<{ id: string; name: string }>;
}

/** A fresh account holding a delegate's role for the party (no visit yet), logged in on the page. */
async function freshDelegate(page: Page, admin: APIRequestContext, partyId: string, label: string) {
  const account = await freshAccount(label);
  expect((await admin.put(`${BASE}/members/${account.id}`, { data: { role: 'party_delegate', partyId } })).status()).toBe(200);
  await logIn(page, account);
  return account;
}

/** Notes the mediator writes now: one for a party's circle, one for the mediators only, one for everyone. */
async function notesOfTheDay(mediator: APIRequestContext, partyId: string, tag: string) {
  const note = async (data: Record<string, unknown>) => {
    const res = await mediator.post(`${BASE}/notes`, { data });
    expect(res.status(), await res.text()).toBe(201);
  };
  const titles = { circle: `Crossing times for the circle ${tag}`, mediators: `Mediators’ assessment ${tag}`, everyone: `Schedule for everyone ${tag}` };
  await note({ partyId, title: titles.circle, audience: 'party' });
  await note({ title: titles.mediators, audience: 'mediators' });
  await note({ title: titles.everyone, audience: 'all' });
  return titles;
}

test('a delegate sees what changed for them, follows an item, and the next view starts at the visit', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await apiAs(demoAccount('admin'));
  const mediator = await apiAs(demoAccount('mediator'));
  try {
    const summary = (await (await admin.get(`${BASE}/summary`)).json()) as Summary;
    const israel = summary.parties.find((p) => p.name === 'Israel')!;
    const hamas = summary.parties.find((p) => p.name === 'Hamas')!;
    const tag = Math.random().toString(36).slice(2, 8);
    await freshDelegate(page, admin, israel.id, 'since-israel');
    const titles = await notesOfTheDay(mediator, hamas.id, tag);

    // The home page counts what is new for this delegate, and links to the page.
    await page.goto('/');
    const counts = homeCounts(page, summary.agreement.title);
    await expect(counts).toHaveText(/^\d+ new · \d+ overdue$/, { timeout: 15_000 });
    const seen = page.waitForResponse((r) => r.url().endsWith(`${BASE}/since/seen`) && r.request().method() === 'POST');
    await counts.click();
    await expect(page).toHaveURL(`/agreements/${SLUG}/since`);

    const since = sincePage(page);
    await expect(since.heading).toHaveText(/^What changed since \d{1,2} \w{3} \d{4}, \d{2}:\d{2} (EET|EEST|GMT\+\d)$/);
    await expect(since.sinceFrom).toContainText('From 7 days ago to');
    await expect(since.link('note', titles.everyone)).toBeVisible();
    // Another party's circle and the mediators' room: not there, not counted.
    await expect(page.getByText(titles.circle)).toHaveCount(0);
    await expect(page.getByText(titles.mediators)).toHaveCount(0);
    const noteCount = Number(await since.count('note').textContent());
    expect(noteCount).toBe(await since.items('note').count());
    const values = await since.countValues();
    expect(values.new).toBeGreaterThanOrEqual(noteCount);
    await expect(since.items('note').filter({ hasText: titles.everyone })).toContainText('For everyone');

    // The visit is marked once the view has loaded; the item leads to its page.
    expect((await seen).status()).toBe(200);
    await since.link('note', titles.everyone).click();
    await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}#notes-heading$`));
    // The agreement page computes the matrix first: slower on a busy runner.
    await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible({ timeout: 20_000 });
    await since.open(SLUG);
    await expect(since.sinceFrom).toContainText('From your last visit to');
    await expect(since.empty).toHaveText(/^Nothing changed since /);
    await expect(since.group('note')).toHaveCount(0);
    await expect(since.counts).toHaveText(/^0 new · /);

    // A chosen day: in the address, and the notes of today are back.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await since.sinceInput.fill(yesterday);
    await expect(page).toHaveURL(`/agreements/${SLUG}/since?since=${yesterday}`);
    await expect(since.sinceFrom).toContainText('From the day you chose to');
    await expect(since.link('note', titles.everyone)).toBeVisible();
    await since.defaultStart.click();
    await expect(page).toHaveURL(`/agreements/${SLUG}/since`);
    await expect(since.sinceFrom).toContainText('From your last visit to');

    // Hamas's new delegate, by the same rule: its own circle's note, never the mediators' room.
    await freshDelegate(page, admin, hamas.id, 'since-hamas');
    await since.open(SLUG);
    await expect(since.link('note', titles.circle)).toBeVisible();
    await expect(since.items('note').filter({ hasText: titles.circle })).toContainText('For the circle of Hamas');
    await expect(since.link('note', titles.everyone)).toBeVisible();
    await expect(page.getByText(titles.mediators)).toHaveCount(0);
  } finally {
    await admin.dispose();
    await mediator.dispose();
  }
});

test('the mediator sees every audience but their own notes, and the agreement page links to the view', async ({ page }) => {
  const hamasDelegate = await apiAs(demoAccount('party_delegate', 'Hamas'));
  try {
    const title = `Hamas circle note ${Math.random().toString(36).slice(2, 8)}`;
    const summary = (await (await hamasDelegate.get(`${BASE}/summary`)).json()) as Summary;
    const hamas = summary.parties.find((p) => p.name === 'Hamas')!;
    expect((await hamasDelegate.post(`${BASE}/notes`, { data: { partyId: hamas.id, title, audience: 'party' } })).status()).toBe(201);
    await logIn(page, demoAccount('mediator'));
    await page.goto(`/agreements/${SLUG}`);
    await page.getByRole('navigation', { name: 'Monitoring' }).getByRole('link', { name: 'What changed' }).click();
    const since = sincePage(page);
    await expect(since.link('note', title)).toBeVisible();
    await expect(since.items('note').filter({ hasText: title })).toContainText('For the circle of Hamas');
  } finally {
    await hamasDelegate.dispose();
  }
});

test.describe('at a phone’s width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the page reads down the screen, nothing wider than it', async ({ page }) => {
    await logIn(page, demoAccount('mediator'));
    const since = sincePage(page);
    await since.open(SLUG, '2026-01-01');
    await expect(since.heading).toBeVisible();
    await expect(since.items('note').first()).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/phone-since.png', fullPage: false });
  });
});
