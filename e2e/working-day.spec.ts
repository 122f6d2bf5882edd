/**
 * A working day on the demo (issue 13's acceptance): a party's delegate looks at what changed; a
 * monitor verifies an incident on evidence; a mediator changes a provision's status with a reason
 * and a source, and writes notes the delegate may not read. The next morning (the server's clock and
 * the browser's moved forward) the delegate's "since" view shows the verification and the status
 * change and nothing they may not see; the provision's history shows the change; the audit page,
 * filtered by the mediator, shows the mediator's change and not the monitor's step.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, demoAccount, freshAccount, logIn } from './support/accounts.ts';
import { setServerClock } from './support/clock.ts';
import { expect, test } from './support/fixtures.ts';
import { auditPage } from './page-models/audit-page.ts';
import { incidentPage } from './page-models/incidents-page.ts';
import { provisionPage } from './page-models/provision-page.ts';
import { sincePage } from './page-models/since-page.ts';

const SLUG = 'cairo-2026';
const BASE = `/api/agreements/${SLUG}`;

interface Summary {
  parties: Array<{ id: string; name: string }>;
}

interface ProvisionRow {
  id: string;
  code: string;
  title: string;
  status: string;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The next morning: 07:00 in Gaza (05:00 UTC) of the day after the server's today. */
function nextMorning(): Date {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${tomorrow}T05:00:00.000Z`);
}

/** An incident the monitor filed this morning and took to "under investigation", through the API. */
async function incidentUnderInvestigation(monitor: APIRequestContext, place: string): Promise<{ id: string }> {
  const incident = await json<{ id: string }>(
    await monitor.post(`${BASE}/incidents`, {
      data: {
        occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        category: 'shelling',
        place,
        description: `Shelling reported near ${place}; two monitors on site`,
        reliability: 'B',
        credibility: 2,
      },
    }),
    201,
  );
  for (const to of ['triaged', 'under_investigation']) {
    await json(await monitor.post(`${BASE}/incidents/${incident.id}/transitions`, { data: { to, reason: 'Reports agree on place and time' } }));
  }
  return incident;
}

async function showsNone(page: Page, texts: string[]): Promise<void> {
  const body = (await page.locator('body').textContent()) ?? '';
  for (const text of texts) expect(body, `the page shows "${text}"`).not.toContain(text);
}

test.afterEach(async () => {
  // Whatever happened, the specs after this one run on today.
  await setServerClock(null);
});

test('a working day: verified on evidence, a status changed with its reason and source, seen the next morning by a delegate', async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const admin = await apiAs(demoAccount('admin'));
  const mediatorApi = await apiAs(demoAccount('mediator'));
  const monitorApi = await apiAs(demoAccount('monitor'));
  try {
    const { parties } = await json<Summary>(await admin.get(`${BASE}/summary`));
    const israel = parties.find((p) => p.name === 'Israel')!;
    const hamas = parties.find((p) => p.name === 'Hamas')!;
    // A new delegate of Israel, so that the last visit is this test's own.
    const delegate = await freshAccount(`day-israel-${tag}`);
    await json(await admin.put(`${BASE}/members/${delegate.id}`, { data: { role: 'party_delegate', partyId: israel.id } }));

    // Day one, morning: the delegate looks at what changed; the page marks the visit.
    await logIn(page, delegate);
    const since = sincePage(page);
    const marked = page.waitForResponse((r) => r.url().endsWith(`${BASE}/since/seen`) && r.request().method() === 'POST');
    await since.open(SLUG);
    expect((await marked).status()).toBe(200);

    // The monitor verifies an incident on evidence, in the browser.
    const place = `Bani Suheila ${tag}`;
    const incident = await incidentUnderInvestigation(monitorApi, place);
    await logIn(page, demoAccount('monitor'));
    const incidentView = incidentPage(page);
    await incidentView.goto(SLUG, incident.id);
    await incidentView.verifyWithEvidence({ url: `https://monitoring.example.org/reports/${tag}`, reason: 'Two monitors saw the impact; photographs filed' });

    // The mediator changes a provision's status with a reason and a source, in the browser.
    const provisions = await json<{ items: ProvisionRow[] }>(await mediatorApi.get(`${BASE}/provisions?limit=200`));
    const provision = provisions.items.find((p) => p.status !== 'full' && p.status !== 'minimal') ?? provisions.items[0]!;
    const label = `${provision.code} ${provision.title}`;
    const newStatus = provision.status === 'minimal' ? 'intermediate' : 'minimal';
    const reason = `Crossing opened for four hours on the day ${tag}`;
    const source = `Monitoring mission daily report ${tag}`;
    await logIn(page, demoAccount('mediator'));
    const provisionView = provisionPage(page);
    await provisionView.goto(SLUG, provision.id);
    await provisionView.change.status.selectOption(newStatus);
    await provisionView.change.reason.fill(reason);
    await provisionView.change.source.fill(source);
    await provisionView.change.grade.selectOption('B2');
    await provisionView.change.submit.click();
    await expect(provisionView.notice).toBeVisible();

    // And writes what the delegate of Israel may not read: Hamas's circle, the mediators' room.
    const hidden = { hamasCircle: `Hamas's position on the crossing ${tag}`, mediators: `Mediators' read of the day ${tag}` };
    await json(await mediatorApi.post(`${BASE}/notes`, { data: { partyId: hamas.id, title: hidden.hamasCircle, audience: 'party' } }), 201);
    await json(await mediatorApi.post(`${BASE}/notes`, { data: { title: hidden.mediators, audience: 'mediators' } }), 201);

    // The next morning, on the server and in the browser.
    const morning = nextMorning();
    const serverNow = await setServerClock(morning);
    expect(Math.abs(serverNow.getTime() - morning.getTime())).toBeLessThan(60_000);
    await page.clock.setFixedTime(morning);

    await logIn(page, delegate);
    await since.open(SLUG);
    await expect(since.sinceFrom).toContainText('last visit');
    // The window ends at the server's next morning, written in the agreement's zone.
    await expect(since.sinceFrom).toContainText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Gaza' }).format(serverNow));
    await expect(since.items('incident_verified').filter({ hasText: place })).toHaveCount(1);
    await expect(since.items('provision_status').filter({ hasText: label })).toHaveCount(1);
    await expect(since.items('provision_status').filter({ hasText: label })).toContainText(reason.slice(0, 40));
    await showsNone(page, [hidden.hamasCircle, hidden.mediators]);
    // The API the page reads carries none of it either.
    const view = await page.request.get(`${BASE}/since?since=${encodeURIComponent(new Date(morning.getTime() - 2 * 86_400_000).toISOString())}`);
    const text = await view.text();
    expect(text).not.toContain(hidden.hamasCircle);
    expect(text).not.toContain(hidden.mediators);

    // The item leads to the provision's page, whose history shows the change with its reason and source.
    await since.link('provision_status', new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).click();
    await expect(page).toHaveURL(`/agreements/${SLUG}/provisions/${provision.id}`);
    const last = provisionView.historyRows.last();
    await expect(last).toContainText(reason);
    await expect(last).toContainText(source);
    await expect(last).toContainText('B2');

    // The audit page, filtered by the mediator: the status change, not the monitor's verification.
    await logIn(page, demoAccount('mediator'));
    const audit = auditPage(page);
    await audit.goto(SLUG);
    await audit.filterByActor('Demo mediator');
    await expect(page).toHaveURL(/actor=/);
    await expect(audit.entry(reason).first()).toBeVisible();
    await expect(audit.entry('Incident verification step')).toHaveCount(0);
  } finally {
    await Promise.all([admin.dispose(), mediatorApi.dispose(), monitorApi.dispose()]);
  }
});
