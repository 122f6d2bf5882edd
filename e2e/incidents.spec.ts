/**
 * Incidents in the web UI on the cairo-2026 demo (which has none: each test files its own through
 * the API). A monitor takes a report to verified step by step, on its evidence, and the compliance
 * chart counts it; verifying without evidence asks why, and the incident shows it; each party's
 * delegate responds only to allegations against its own party; a visitor sees the counts but no report.
 */
import { createHash } from 'node:crypto';
import { request, type APIRequestContext } from '@playwright/test';
import { incidentPage, incidentsPage } from './page-models/incidents-page.ts';
import { apiAs, BASE_URL, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';
const HOUR = 3_600_000;

interface Party {
  id: string;
  name: string;
}

async function partyId(api: APIRequestContext, name: string): Promise<string> {
  const { parties } = (await (await api.get(`/api/agreements/${SLUG}/matrix`)).json()) as { parties: Party[] };
  const party = parties.find((p) => p.name === name);
  if (!party) throw new Error(`No party ${name} in ${SLUG}`);
  return party.id;
}

/**
 * Files an incident as the demo monitor and returns its id and time; through `as` (a monitor's API
 * client the caller keeps and disposes) when many are filed, else through a login of its own.
 */
async function fileIncident(fields: { allegedParty: string; description: string; occurredAt?: Date }, as?: APIRequestContext): Promise<{ id: string; occurredAt: string }> {
  const monitor = as ?? (await apiAs(demoAccount('monitor')));
  const occurredAt = (fields.occurredAt ?? new Date(Date.now() - 2 * HOUR)).toISOString();
  const response = await monitor.post(`/api/agreements/${SLUG}/incidents`, {
    data: {
      occurredAt,
      category: 'shelling',
      lon: 34.4668,
      lat: 31.5017,
      sourceType: 'monitor',
      reliability: 'B',
      credibility: 2,
      allegedPartyId: await partyId(monitor, fields.allegedParty),
      killed: null,
      injured: 3,
      description: fields.description,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  if (!as) await monitor.dispose();
  return { id, occurredAt };
}

/** The verified count of a party on the local day (in the agreement's zone) of an instant, from the API. */
async function verifiedCount(api: APIRequestContext, partyName: string, day: string): Promise<number> {
  const view = (await (await api.get(`/api/agreements/${SLUG}/compliance?by=party&granularity=day`)).json()) as {
    buckets: { key: string }[];
    series: { label: string; counts: number[] }[];
  };
  const index = view.buckets.findIndex((b) => b.key === day);
  return view.series.find((s) => s.label === partyName)?.counts[index] ?? 0;
}

const gazaDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Gaza' }).format(new Date(iso));
const gazaDayLabel = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${gazaDay(iso)}T00:00:00Z`));

test('a monitor takes a report to verified, each step in the history, and the chart counts it', async ({ page }) => {
  const description = `Shelling near the junction, e2e ${Date.now()}`;
  const visitor = await request.newContext({ baseURL: BASE_URL });
  const incident = await fileIncident({ allegedParty: 'Israel', description });
  const day = gazaDay(incident.occurredAt);
  const before = await verifiedCount(visitor, 'Israel', day);

  await logIn(page, demoAccount('monitor'));
  const one = incidentPage(page);
  await one.goto(SLUG, incident.id);
  await expect(page.getByText(description)).toBeVisible();
  await expect(one.status).toHaveText('Status: Reported');
  // The agreement's zone (Asia/Gaza), with the UTC value beside it and the viewer's own time
  // (Playwright runs the browser in New York) in the tooltip.
  await expect(one.fact('Occurred')).toContainText('Asia/Gaza');
  await expect(one.fact('Occurred')).toContainText(`${incident.occurredAt.replace('.000Z', 'Z')} UTC`);
  const hhmm = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(incident.occurredAt));
  await expect(one.fact('Occurred').locator('time')).toContainText(hhmm('Asia/Gaza'));
  await expect(one.fact('Occurred').locator('time')).toHaveAttribute('title', new RegExp(`^Your time: .*${hhmm('America/New_York')} GMT-[45] \\(America/New_York\\)$`));
  await expect(one.fact('Killed')).toHaveText('not known (civilians: not known)');
  await expect(one.fact('Source')).toContainText('B2: Usually reliable (B); Probably true (2)');

  const steps = [
    { button: 'Triage', reason: 'Two monitors confirm the report is about the ceasefire line.', label: 'Triaged' },
    { button: 'Investigate', reason: 'Team sent to the junction with the liaison officers.', label: 'Under investigation' },
    { button: 'Verify', reason: 'Craters and fragments match the reported fire.', label: 'Verified' },
  ];
  const takeStep = async (i: number) => {
    const step = steps[i]!;
    await one.step(step.button).click();
    await expect(one.dialog.root).toBeVisible();
    if (step.label === 'Verified') {
      // The alleged party is the default; the choice is explicit here all the same.
      await one.dialog.attributedTo.selectOption({ label: 'Israel' });
      // Evidence is on the incident: no reason for verifying without it is asked.
      await expect(one.dialog.noEvidenceReason).toHaveCount(0);
      await expect(one.dialog.noEvidenceNote).toHaveCount(0);
    }
    await one.dialog.reason.fill(step.reason);
    await one.dialog.submit.click();
    await expect(one.dialog.root).toBeHidden();
    await expect(one.status).toHaveText(`Status: ${step.label}`);
    await expect(one.history).toHaveCount(i + 1);
    await expect(one.history.nth(i)).toContainText(step.reason);
    await expect(one.history.nth(i)).toContainText(step.label);
  };
  await takeStep(0);
  await takeStep(1);

  // Evidence, before verifying: a file, with the checksum the server computed, and a link.
  const bytes = Buffer.from(`crater photo placeholder ${description}`);
  await page.getByRole('form', { name: 'Upload a file' }).getByLabel('File (at most 20 MB)').setInputFiles({ name: 'crater.txt', mimeType: 'text/plain', buffer: bytes });
  await page.getByRole('form', { name: 'Upload a file' }).getByRole('button', { name: 'Upload' }).click();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await expect(page.getByRole('listitem', { name: 'crater.txt' })).toContainText(sha256);
  await expect(one.notice).toContainText(sha256);
  const download = await page.request.get((await page.getByRole('link', { name: 'crater.txt' }).getAttribute('href'))!);
  expect(createHash('sha256').update(await download.body()).digest('hex')).toBe(sha256);
  await page.getByRole('form', { name: 'Add a link' }).getByLabel('Link', { exact: true }).fill('https://example.org/monitoring/report-1');
  await page.getByRole('form', { name: 'Add a link' }).getByRole('button', { name: 'Add link' }).click();
  await expect(page.getByRole('link', { name: 'https://example.org/monitoring/report-1' })).toBeVisible();

  await takeStep(2);
  await expect(one.history.nth(0)).toContainText('Reported');
  await expect(one.fact('Attributed to')).toHaveText('Israel');
  await expect(one.withoutEvidence).toHaveCount(0);
  await expect(one.history.nth(2)).not.toContainText('without evidence');
  // Verified is final: no step is offered any more.
  await expect(one.nextSteps).toHaveCount(0);

  const list = incidentsPage(page);
  await list.goto(SLUG, '?status=verified');
  await expect(list.row(/Verified/).first()).toBeVisible();
  await expect(list.compliance.table).toBeVisible();
  await expect(await list.compliance.cell(gazaDayLabel(incident.occurredAt), 'Israel')).toHaveText(String(before + 1));
  await expect(list.compliance.chart.locator('svg').first()).toBeVisible();
  expect(await verifiedCount(visitor, 'Israel', day)).toBe(before + 1);
  await visitor.dispose();

  // By ISO week: the same incident in its week's row.
  await list.compliance.section.getByText('Week', { exact: true }).click();
  await expect(list.compliance.table.locator('thead th').first()).toHaveText('Week');
  await expect(list.compliance.table.locator('tfoot td').last()).not.toHaveText('0');
});

/** Files an incident and takes it to "under investigation" through the API, as the demo monitor. */
async function investigatedIncident(description: string): Promise<string> {
  const { id } = await fileIncident({ allegedParty: 'Hamas', description });
  const monitor = await apiAs(demoAccount('monitor'));
  for (const to of ['triaged', 'under_investigation']) {
    expect((await monitor.post(`/api/agreements/${SLUG}/incidents/${id}/transitions`, { data: { to, reason: 'Credible; team sent.' } })).status()).toBe(200);
  }
  await monitor.dispose();
  return id;
}

test('verifying an incident without evidence asks why, and the incident shows the reason', async ({ page }) => {
  const id = await investigatedIncident(`Fire on a patrol, no evidence, e2e ${Date.now()}`);
  const noEvidenceReason = 'Seen by two monitors on the spot; photographs were not allowed at the crossing.';
  await logIn(page, demoAccount('monitor'));
  const one = incidentPage(page);
  await one.goto(SLUG, id);
  await expect(one.status).toHaveText('Status: Under investigation');

  await one.step('Verify').click();
  await expect(one.dialog.noEvidenceNote).toContainText('This incident has no evidence yet.');
  await one.dialog.reason.fill('Both monitors saw the fire from the checkpoint.');
  await one.dialog.submit.click();
  // The reason is required: nothing is sent without it.
  await expect(one.dialog.noEvidenceReason).toHaveAccessibleDescription(/Add at least one evidence item before verifying, or give a reason for verifying without evidence/);
  await expect(one.status).toHaveText('Status: Under investigation');

  await one.dialog.noEvidenceReason.fill(noEvidenceReason);
  await one.dialog.submit.click();
  await expect(one.dialog.root).toBeHidden();
  await expect(one.status).toHaveText('Status: Verified');
  await expect(one.withoutEvidence).toHaveText(`Verified without evidence: ${noEvidenceReason}`);
  await expect(one.history.last()).toContainText(`Verified without evidence: ${noEvidenceReason}`);
  await expect(one.history.first()).not.toContainText('without evidence');

  // Every reader of the incident sees it, a party's delegate as well.
  await logIn(page, demoAccount('party_delegate', 'Hamas'));
  await one.goto(SLUG, id);
  await expect(one.withoutEvidence).toHaveText(`Verified without evidence: ${noEvidenceReason}`);
  const api = await apiAs(demoAccount('monitor'));
  const detail = (await (await api.get(`/api/agreements/${SLUG}/incidents/${id}`)).json()) as { history: { to: string; noEvidenceReason: string | null }[] };
  await api.dispose();
  expect(detail.history.at(-1)).toMatchObject({ to: 'verified', noEvidenceReason });
});

test('verifying after adding an evidence link asks no reason', async ({ page }) => {
  const id = await investigatedIncident(`Fire on a patrol, with a link, e2e ${Date.now()}`);
  await logIn(page, demoAccount('monitor'));
  const one = incidentPage(page);
  await one.goto(SLUG, id);

  // The note in the dialog leads to the evidence section.
  await one.step('Verify').click();
  await one.dialog.noEvidenceNote.getByRole('button', { name: 'Go to the evidence section' }).click();
  await expect(one.dialog.root).toBeHidden();
  await expect(one.evidence).toBeInViewport();

  await one.verifyWithEvidence({ url: 'https://example.org/monitoring/patrol-report-7', reason: 'The patrol report and its photographs match.', attributedTo: 'Hamas' });
  await expect(one.withoutEvidence).toHaveCount(0);
  await expect(one.history.last()).toContainText('The patrol report and its photographs match.');
  await expect(one.history.last()).not.toContainText('without evidence');
  await expect(one.fact('Attributed to')).toHaveText('Hamas');
});

test('filters live in the address bar, pages follow by cursor, and the back button returns', async ({ page }) => {
  // 27 reports on one day of 2025, alone on it: two pages of 25 and 2.
  const day = '2025-03-11';
  const tag = `Paging e2e ${Date.now()}`;
  // One login for the 27 (each login hashes a password: 27 of them took most of the test's time).
  const monitor = await apiAs(demoAccount('monitor'));
  for (let i = 0; i < 27; i++) {
    await fileIncident({ allegedParty: i % 2 ? 'Hamas' : 'Israel', description: `${tag} #${i}`, occurredAt: new Date(Date.parse(`${day}T12:00:00Z`) + i * 60_000) }, monitor);
  }
  await monitor.dispose();
  await logIn(page, demoAccount('monitor'));
  const list = incidentsPage(page);
  await list.goto(SLUG, `?from=${day}&to=${day}`);
  await expect(list.filters.getByLabel('From day')).toHaveValue(day);
  await expect(list.table.locator('tbody tr')).toHaveCount(25);
  await expect(list.pager).toContainText('Page 1 · 27 incidents');
  const csv = list.download('CSV');
  // The day is Gaza's (EET, UTC+2, in March), not the browser's.
  await expect(csv).toHaveAttribute('href', /from=2025-03-10T22%3A00%3A00\.000Z.*format=csv/);

  await list.next.click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(list.table.locator('tbody tr')).toHaveCount(2);
  await expect(list.pager).toContainText('Page 2');
  await list.previous.click();
  await expect(list.table.locator('tbody tr')).toHaveCount(25);
  await page.goBack();
  await expect(list.table.locator('tbody tr')).toHaveCount(2);
  await expect(list.previous).toBeEnabled();

  // A filter starts again from the first page, and is in the address.
  await list.filters.getByLabel('Alleged party').selectOption({ label: 'Hamas' });
  await expect(page).toHaveURL(/party=/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(list.pager).toContainText('13 incidents');
  await page.goBack();
  await expect(list.filters.getByLabel('Alleged party')).toHaveValue('');

  // Oldest first, by the time column.
  await list.goto(SLUG, `?from=${day}&to=${day}`);
  await list.table.getByRole('button', { name: /^Time/ }).click();
  await expect(page).toHaveURL(/order=asc/);
  await list.table.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByText(`${tag} #0`, { exact: true })).toBeVisible();
});

test('an incident changed meanwhile is reloaded, and nothing is saved', async ({ page }) => {
  const { id } = await fileIncident({ allegedParty: 'Hamas', description: `Stale step, e2e ${Date.now()}` });
  await logIn(page, demoAccount('monitor'));
  const one = incidentPage(page);
  await one.goto(SLUG, id);
  await one.step('Triage').click();
  await one.dialog.reason.fill('Opened before the other monitor moved it');

  const other = await apiAs(demoAccount('monitor'));
  expect((await other.post(`/api/agreements/${SLUG}/incidents/${id}/transitions`, { data: { to: 'triaged', reason: 'Moved first elsewhere' } })).status()).toBe(200);
  await other.dispose();

  await one.dialog.submit.click();
  await expect(one.dialog.alert).toContainText('Someone changed this incident first');
  await one.dialog.back.click();
  await expect(one.status).toHaveText('Status: Triaged');
  await expect(one.history).toHaveCount(1);
  await expect(one.history.first()).toContainText('Moved first elsewhere');
});

test('each party delegate responds only to an allegation against its own party', async ({ page }) => {
  const { id } = await fileIncident({ allegedParty: 'Israel', description: `Alleged incursion, e2e ${Date.now()}` });
  const one = incidentPage(page);

  await logIn(page, demoAccount('party_delegate', 'Hamas'));
  await one.goto(SLUG, id);
  await expect(one.status).toBeVisible();
  await expect(one.responseForm).toHaveCount(0);

  await logIn(page, demoAccount('party_delegate', 'Israel'));
  await one.goto(SLUG, id);
  await expect(one.responseForm).toContainText('Responding for Israel');
  await one.responseBody.fill('Our units were not in that sector at the time.');
  await one.responseSubmit.click();
  await expect(one.responses).toHaveCount(1);
  await expect(one.responses.first()).toContainText('Israel');
  await expect(one.responses.first()).toContainText('Our units were not in that sector at the time.');
  // A delegate cannot verify.
  await expect(one.nextSteps).toHaveCount(0);

  // The other way round: an allegation against Hamas is Hamas's to answer, not Israel's.
  const { id: against } = await fileIncident({ allegedParty: 'Hamas', description: `Alleged fire, e2e ${Date.now()}` });
  await one.goto(SLUG, against);
  await expect(one.status).toBeVisible();
  await expect(one.responseForm).toHaveCount(0);
  await logIn(page, demoAccount('party_delegate', 'Hamas'));
  await one.goto(SLUG, against);
  await expect(one.responseForm).toContainText('Responding for Hamas');
});

test('a visitor sees the verified counts but no incident report', async ({ page }) => {
  const description = `Unverified report, e2e ${Date.now()}`;
  const { id } = await fileIncident({ allegedParty: 'Hamas', description });
  await page.context().clearCookies();

  const list = incidentsPage(page);
  await list.goto(SLUG);
  await expect(list.heading).toBeVisible();
  await expect(list.closed).toBeVisible();
  await expect(list.table).toHaveCount(0);
  await expect(list.reportOnMap).toHaveCount(0);
  await expect(list.compliance.section).toBeVisible();
  await expect(list.compliance.table.or(list.compliance.empty)).toBeVisible();

  const one = incidentPage(page);
  await one.goto(SLUG, id);
  await expect(one.closed).toBeVisible();
  await expect(page.getByText(description)).toHaveCount(0);

  const visitor = await request.newContext({ baseURL: BASE_URL });
  expect((await visitor.get(`/api/agreements/${SLUG}/incidents`)).status()).toBe(401);
  expect((await visitor.get(`/api/agreements/${SLUG}/incidents/${id}`)).status()).toBe(401);
  await visitor.dispose();
});
