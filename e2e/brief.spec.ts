/**
 * The situation brief (docs/FORECAST.md): the demo's mediator reads the brief of cairo-2026 (headline,
 * matrix, negotiation state, force gaps, forecast, collapse risk with its parts), follows the risk to
 * its explanation, and downloads the PDF and the HTML; a party's delegate's brief holds no other
 * party's confidential stance, on the page or in its downloads.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { briefPage } from './page-models/brief-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';

/** The bytes a download link gives, through the browser's own download. */
async function downloaded(page: Page, link: ReturnType<ReturnType<typeof briefPage>['download']>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test('the demo’s mediator reads the brief, follows the risk to its explanation, and downloads its PDF and HTML', async ({ page }) => {
  // The brief computes every view (matrix, gates, forecast, risk, precedents) and Chromium prints the PDF: slow on a busy runner.
  test.setTimeout(120_000);
  await logIn(page, demoAccount('mediator'));
  const brief = briefPage(page);
  await brief.goto(SLUG, '2026-06-20');
  await expect(brief.title).toHaveText('Situation brief', { timeout: 30_000 });
  await expect(brief.subtitle).toContainText('As of the end of 2026-06-20 (Asia/Gaza) · the view of the mediators');
  await expect(brief.headline).toContainText(/Phase Two Mechanics is next, its gate at \d of 6 conditions/);
  await expect(brief.section('The Strategic Matrix').getByRole('row', { name: /Phase One Finalization/ })).toBeVisible();
  await expect(brief.section('Negotiation state')).toContainText('Phase Two: structural text (illustrative draft)');
  await expect(brief.section('Negotiation state')).toContainText(/\d+ of 11 clauses agreed/);
  await expect(brief.section('Force gaps and funding')).toContainText(/Personnel: [\d,]+ of [\d,]+ required are covered; gap [\d,]+/);
  await expect(brief.section('Forecast')).toContainText('Aid trucks entering Gaza per day');
  await expect(brief.section('Forecast')).toContainText('Beats no-change');
  const risk = brief.section('Collapse risk');
  await expect(risk).toContainText(/Score \d+ of 100/);
  await expect(risk.getByRole('row', { name: /Failing gate conditions/ })).toBeVisible();
  await expect(risk.getByRole('row', { name: /Force and funding gaps/ })).toBeVisible();
  await expect(brief.section('Sources')).toContainText('CC BY 4.0');

  // The downloads are of the same day.
  await expect(brief.download('PDF')).toHaveAttribute('href', `/api/agreements/${SLUG}/brief?format=pdf&asOf=2026-06-20`);
  // Chromium shows a PDF link in its viewer rather than saving it: fetch the link's address with the page's session.
  const pdf = await page.request.get((await brief.download('PDF').getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}-brief-2026-06-20-mediators.pdf"`);
  const bytes = await pdf.body();
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const html = await downloaded(page, brief.download('HTML'));
  expect(html.name).toBe(`${SLUG}-brief-2026-06-20-mediators.html`);
  expect(html.bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
  expect(html.bytes.toString('utf8')).toContain('<h2 dir="auto">Collapse risk</h2>');

  // The risk's parts explained, on the risk page of the same day.
  await brief.riskLink.click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}/risk\\?asOf=2026-06-20$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collapse risk', { timeout: 30_000 });
  const gatePart = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Failing gate conditions' }) });
  await gatePart.getByText('How the value becomes the score').click();
  await expect(gatePart.getByText(/Score = conditions of the next phase's gate not met/)).toBeVisible();
});

test('a party’s delegate’s brief holds no other party’s confidential stance, on the page or downloaded', async ({ page }) => {
  test.setTimeout(90_000);
  const SECRET = `HAMAS-CIRCLE-RESERVATION-${Math.random().toString(36).slice(2, 8)}`;
  const MEDIATORS = `MEDIATORS-ROOM-RESERVATION-${Math.random().toString(36).slice(2, 8)}`;
  // An agreement of the test's own, so the demo's stances stay as they are.
  const admin = await apiAs(demoAccount('admin'));
  const slug = `brief-e2e-${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.post('/api/agreements', { data: { slug, title: `Brief ${slug}`, timeZone: 'Asia/Gaza' } })).status()).toBe(201);
  const party = async (name: string) => ((await (await admin.post(`/api/agreements/${slug}/parties`, { data: { name, role: 'belligerent' } })).json()) as { id: string }).id;
  const [hamas, israel] = [await party('Hamas'), await party('Israel')];
  const doc = (await (await admin.post(`/api/agreements/${slug}/documents`, { data: { markdown: '# Text\n\n1. Funding shall come from [the donor conference].\n' } })).json()) as {
    id: string;
    clauses: Array<{ id: string }>;
  };
  const stance = (partyId: string, reservation: string, audience: string) =>
    admin.post(`/api/agreements/${slug}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}/stances`, {
      data: { groupKey: 'g0:the donor conference | ', alternative: 0, partyId, position: 'accept_with_reservation', reservation, reason: 'Stated', statedOn: '2026-06-18', audience },
    });
  expect((await stance(hamas, SECRET, 'party')).status()).toBe(201);
  expect((await stance(israel, MEDIATORS, 'mediators')).status()).toBe(201);
  const delegate = demoAccount('party_delegate', 'Israel');
  const users = (await (await admin.get('/api/users')).json()) as { items: Array<{ id: string; email: string }> };
  const delegateId = users.items.find((u) => u.email === delegate.email)!.id;
  expect((await admin.put(`/api/agreements/${slug}/members/${delegateId}`, { data: { role: 'party_delegate', partyId: israel } })).status()).toBe(200);
  // The mediators see both.
  const asAdmin = await (await admin.get(`/api/agreements/${slug}/brief?format=md`)).text();
  expect(asAdmin).toContain(SECRET);
  expect(asAdmin).toContain(MEDIATORS);
  await admin.dispose();

  await logIn(page, delegate);
  const brief = briefPage(page);
  await brief.goto(slug);
  await expect(brief.subtitle).toContainText("the view of Israel's circle", { timeout: 30_000 });
  await expect(brief.section('Negotiation state')).toContainText('0 of 1 clauses agreed');
  expect(await page.content()).not.toContain(SECRET);
  expect(await page.content()).not.toContain(MEDIATORS);
  const md = await downloaded(page, brief.download('Markdown'));
  expect(md.name).toMatch(new RegExp(`^${slug}-brief-\\d{4}-\\d{2}-\\d{2}-party\\.md$`));
  const html = (await downloaded(page, brief.download('HTML'))).bytes.toString('utf8');
  expect(md.bytes.toString('utf8')).toContain("the view of Israel's circle");
  expect(html).toContain('the view of Israel&#39;s circle');
  for (const text of [md.bytes.toString('utf8'), html]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(MEDIATORS);
  }
});
