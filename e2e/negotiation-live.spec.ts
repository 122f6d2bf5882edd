/**
 * Negotiated texts, live and confidential, in two browsers at once:
 *  - a clause moved from blocked to agreed in one browser shows as agreed in the other without a reload;
 *  - a party's confidential reject reaches its own delegate's page live, and nothing of it reaches the
 *    other party's delegate: not the stance, not its effect on the clause's status, not after a reload.
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { documentPage } from './page-models/negotiation-page.ts';
import { apiAs, demoAccount, freshAccount, logIn } from './support/accounts.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';

// A change reaches the other page within a second or two; allow for a loaded machine all the same.
const expect = baseExpect.configure({ timeout: 15_000 });

const MARKDOWN = `# Force annex

1. The force is led by [the United Nations] [the African Union].
2. The parties respect the force's freedom of movement.
`;
const GROUP = 'g0:the United Nations | the African Union';

interface Setup {
  slug: string;
  documentId: string;
  clauseId: string;
  parties: Record<'north' | 'south', string>;
}

async function setUp(admin: APIRequestContext): Promise<Setup> {
  const slug = `live-${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.post('/api/agreements', { data: { slug, title: `Live ${slug}`, timeZone: 'Asia/Gaza' } })).status()).toBe(201);
  const parties = { north: '', south: '' };
  for (const [key, name] of [['north', 'Northern Party'], ['south', 'Southern Party']] as const) {
    const res = await admin.post(`/api/agreements/${slug}/parties`, { data: { name, role: 'belligerent' } });
    expect(res.status()).toBe(201);
    parties[key] = ((await res.json()) as { id: string }).id;
  }
  const created = await admin.post(`/api/agreements/${slug}/documents`, { data: { markdown: MARKDOWN } });
  expect(created.status(), await created.text()).toBe(201);
  const doc = (await created.json()) as { id: string; clauses: Array<{ id: string; number: string }> };
  return { slug, documentId: doc.id, clauseId: doc.clauses.find((c) => c.number === '1')!.id, parties };
}

async function stance(api: APIRequestContext, s: Setup, partyId: string, alternative: number, position: string, audience = 'all'): Promise<void> {
  const res = await api.post(`/api/agreements/${s.slug}/documents/${s.documentId}/clauses/${s.clauseId}/stances`, {
    data: { groupKey: GROUP, alternative, partyId, position, reason: 'Stated in the room', statedOn: '2026-06-18', audience },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** A fresh account given a role on the agreement, logged in on a page of its own. */
async function pageFor(browser: Browser, admin: APIRequestContext, slug: string, role: string, partyId: string | null = null): Promise<Page> {
  const account = await freshAccount(role);
  expect((await admin.put(`/api/agreements/${slug}/members/${account.id}`, { data: { role, partyId } })).status()).toBe(200);
  const page = await (await browser.newContext({ timezoneId: 'America/New_York' })).newPage();
  await logIn(page, account);
  return page;
}

/** Marks the page's window, so that a later check can tell it was not reloaded. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const stillSameWindow = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

test('a clause moved from blocked to agreed in one browser shows as agreed in a second one, live', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(demoAccount('admin'));
  const s = await setUp(admin);
  // Blocked: the north rejects the United Nations, the south the African Union.
  await stance(admin, s, s.parties.north, 0, 'reject');
  await stance(admin, s, s.parties.north, 1, 'accept');
  await stance(admin, s, s.parties.south, 1, 'reject');

  const watcher = await pageFor(browser, admin, s.slug, 'viewer');
  const watched = documentPage(watcher);
  await watched.goto(s.slug, s.documentId);
  await expect(watched.live).toHaveText('Live');
  await expect(watched.clauseStatus('1')).toHaveText('Blocked');
  await markWindow(watcher);

  // The mediator (here the administrator) records the south's acceptance in the first browser.
  await logIn(page, demoAccount('admin'));
  const doc = documentPage(page);
  await doc.goto(s.slug, s.documentId);
  await expect(doc.clauseStatus('1')).toHaveText('Blocked');
  await doc.stateStance('1').click();
  await doc.stance.party.selectOption({ label: 'Southern Party' });
  await doc.stance.alternative.selectOption({ label: '2: the African Union' });
  await doc.stance.position.selectOption({ label: 'Accept' });
  await doc.stance.reason.fill('Accepts a regional force');
  // Shared with everyone: a stance confidential to the party would (rightly) change nothing the viewer sees.
  await doc.stance.audience.selectOption({ label: 'Everyone who reads the agreement' });
  await doc.stance.submit.click();
  await expect(doc.clauseStatus('1')).toHaveText('Agreed');

  // The second browser shows it without a reload.
  await expect(watched.clauseStatus('1')).toHaveText('Agreed');
  await expect(watched.stanceCell('1', 1, 'Southern Party', 2)).toContainText('Accept');
  expect(await stillSameWindow(watcher)).toBe(true);

  // Settled in the first browser: the second sees the text without its brackets.
  await doc.settle('1', 1).click();
  await expect(watched.clauseText('1')).toHaveText('The force is led by the African Union.');
  expect(await stillSameWindow(watcher)).toBe(true);
  await watcher.context().close();
  await admin.dispose();
});

test("a party's confidential reject reaches its own delegate live, and nothing of it the other party's delegate", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(demoAccount('admin'));
  const s = await setUp(admin);
  // Converging: the north accepts the African Union, openly.
  await stance(admin, s, s.parties.north, 1, 'accept');

  const south = await pageFor(browser, admin, s.slug, 'party_delegate', s.parties.south);
  const north = await pageFor(browser, admin, s.slug, 'party_delegate', s.parties.north);
  const southDoc = documentPage(south);
  const northDoc = documentPage(north);
  for (const d of [southDoc, northDoc]) {
    await d.goto(s.slug, s.documentId);
    await expect(d.live).toHaveText('Live');
    await expect(d.clauseStatus('1')).toHaveText('Converging');
  }
  await markWindow(north);

  // The south's reject of the African Union, for its own circle only: recorded by the mediators.
  await stance(admin, s, s.parties.south, 1, 'reject', 'party');

  // The south's delegate sees it arrive; the clause is now blocked for its circle (with the north's other reject below).
  await expect(southDoc.stanceCell('1', 1, 'Southern Party', 2)).toContainText('Reject');
  // A shared change after it: when the north's page shows this, it has had every event before it too.
  await stance(admin, s, s.parties.north, 0, 'reject');
  await expect(northDoc.stanceCell('1', 1, 'Northern Party', 1)).toContainText('Reject');
  await expect(southDoc.clauseStatus('1')).toHaveText('Blocked');

  // The north's delegate: the clause still converging, no cell of the south's, the same page all along.
  await expect(northDoc.clauseStatus('1')).toHaveText('Converging');
  await expect(northDoc.stanceCell('1', 1, 'Southern Party', 2)).not.toContainText('Reject');
  await expect(northDoc.blockers('1', 1)).not.toContainText('Southern Party');
  expect(await stillSameWindow(north)).toBe(true);
  await north.reload();
  await expect(northDoc.clauseStatus('1')).toHaveText('Converging');
  const body = await north.locator('main').innerText();
  expect(body).not.toContain('Southern Party rejects');

  await south.context().close();
  await north.context().close();
  await admin.dispose();
});
