/**
 * One time-zone rule: every date and time of an agreement is shown, typed and filtered in the
 * agreement's zone (the demo's Asia/Gaza), labelled with the zone's abbreviation, with the viewer's
 * own time in the tooltip; the browser runs in America/New_York (playwright.config.ts), so a time
 * shown in the wrong zone shows. Day filters are whole days in Gaza: on 28 March 2026 the clocks
 * there go from 02:00 to 03:00, a day of 23 hours, EET (UTC+2) then EEST (UTC+3).
 */
import type { APIRequestContext, Locator } from '@playwright/test';
import { agreementPage } from './page-models/agreement-page.ts';
import { auditPage } from './page-models/audit-page.ts';
import { incidentPage, incidentsPage } from './page-models/incidents-page.ts';
import { mapPage } from './page-models/map-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { writtenTime } from './support/time.ts';

const SLUG = 'cairo-2026';
const AGREEMENT_ZONE = 'Asia/Gaza';
const VIEWER_ZONE = 'America/New_York';
/** The day the clocks change in Gaza, and the days either side. */
const DAY = '2026-03-28';

/** An instant as the web UI writes it in a zone: "28 Mar 2026, 23:30 EEST". */
const written = writtenTime;

/** A <time> of the agreement: Gaza's time with its abbreviation, New York's in the tooltip. */
async function expectAgreementTime(time: Locator, label: string): Promise<string> {
  await expect(time, label).toBeVisible();
  const iso = await time.getAttribute('datetime');
  expect(iso, `${label}: datetime`).toBeTruthy();
  const shown = written(iso!, AGREEMENT_ZONE);
  expect(shown, `${label}: Gaza's abbreviation`).toMatch(/ EES?T$/);
  await expect(time, label).toHaveText(shown);
  await expect(time, `${label}: the viewer's own time`).toHaveAttribute('title', `Your time: ${written(iso!, VIEWER_ZONE)} (${VIEWER_ZONE})`);
  return iso!;
}

/** Files an incident as the demo monitor; returns its id. */
async function file(api: APIRequestContext, occurredAt: string, description: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await api.post(`/api/agreements/${SLUG}/incidents`, { data: { occurredAt, category: 'shelling', description, reliability: 'B', credibility: 2, ...extra } });
  expect(response.status(), `filing "${description}"`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('the agreement page and its audit log show times in Gaza, labelled, with New York’s in the tooltip', async ({ page }) => {
  await logIn(page, demoAccount('mediator'));
  const agreement = agreementPage(page);
  await agreement.goto(SLUG);
  await expect(page.getByText(`times in ${AGREEMENT_ZONE}, where the agreement is`)).toBeVisible();

  await expectAgreementTime(agreement.asOf.locator('time'), 'as of');
  await expectAgreementTime(agreement.matrix.locator('.deadline time').first(), 'a deadline in the matrix');
  await expectAgreementTime(agreement.notes.list.getByRole('listitem').first().locator('time'), 'a note');
  const audit = auditPage(page);
  await agreement.auditLink.click();
  await expect(audit.table.getByRole('columnheader', { name: `Time (${AGREEMENT_ZONE})` })).toBeVisible();
  await expectAgreementTime(audit.rows.first().locator('time'), 'the newest audit entry');

  // Times of no agreement are the viewer's, and say so.
  await page.goto('/account');
  await expect(page.getByText(`they are in your time zone, ${VIEWER_ZONE}`)).toBeVisible();
  await expect(page.locator('footer')).toContainText('an agreement’s times are shown in its own time zone');
});

test('a day filter on the incident list is the whole day in Gaza, and the list and the incident page write Gaza time', async ({ page }) => {
  const tag = `Time zones e2e ${Date.now()}`;
  const api = await apiAs(demoAccount('monitor'));
  // Either side of the day's start (EET, UTC+2) and of its end (EEST, UTC+3), in Gaza.
  const incidents = {
    before: await file(api, '2026-03-27T21:30:00.000Z', `${tag} 27 March 23:30`),
    first: await file(api, '2026-03-27T22:30:00.000Z', `${tag} 28 March 00:30`),
    last: await file(api, '2026-03-28T20:30:00.000Z', `${tag} 28 March 23:30`),
    after: await file(api, '2026-03-28T21:30:00.000Z', `${tag} 29 March 00:30`),
  };
  expect((await api.post(`/api/agreements/${SLUG}/incidents/${incidents.last}/transitions`, { data: { to: 'triaged', reason: 'Seen by two monitors.' } })).status()).toBe(200);
  await api.dispose();

  await logIn(page, demoAccount('monitor'));
  const list = incidentsPage(page);
  await list.goto(SLUG, '?order=asc');
  await expect(list.filters.getByLabel('From day')).toHaveAccessibleDescription(`Whole days in ${AGREEMENT_ZONE}`);
  // Both days changed in one tick (as an autofill does): each filter builds on the address as it is
  // now, so neither is lost (it once wrote the URL from the last render's filters, dropping `from`).
  await page.evaluate((day) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const label of ['From day', 'To day']) {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label))?.control as HTMLInputElement;
      setValue.call(input, day);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, DAY);
  await expect(page).toHaveURL(new RegExp(`from=${DAY}&to=${DAY}`));
  await expect(list.table.getByRole('columnheader', { name: new RegExp(`^Time \\(${AGREEMENT_ZONE}\\)`) })).toBeVisible();

  // The two of 28 March in Gaza, not the two beside them (in New York's 28 March it would be the last two).
  const ours = list.table.getByRole('row').filter({ has: page.getByRole('link') });
  const rowOf = (id: string) => list.table.getByRole('row').filter({ has: page.locator(`a[href$="/incidents/${id}"]`) });
  await expect(rowOf(incidents.first)).toHaveCount(1);
  await expect(rowOf(incidents.last)).toHaveCount(1);
  await expect(rowOf(incidents.before)).toHaveCount(0);
  await expect(rowOf(incidents.after)).toHaveCount(0);
  expect(await ours.count()).toBeGreaterThanOrEqual(2);
  expect(await expectAgreementTime(rowOf(incidents.first).locator('time'), 'the first of the day')).toBe('2026-03-27T22:30:00.000Z');
  await expect(rowOf(incidents.first).locator('time')).toHaveText('28 Mar 2026, 00:30 EET');
  await expect(rowOf(incidents.last).locator('time')).toHaveText('28 Mar 2026, 23:30 EEST');
  await expect(rowOf(incidents.last).locator('time')).toHaveAttribute('title', `Your time: 28 Mar 2026, 16:30 GMT-4 (${VIEWER_ZONE})`);
  // The download is the same selection: from the start of the day in Gaza.
  await expect(list.download('CSV')).toHaveAttribute('href', /from=2026-03-27T22%3A00%3A00\.000Z&to=2026-03-28T21%3A00%3A00\.000Z/);

  // The next day holds the one after midnight.
  await list.goto(SLUG, '?from=2026-03-29&to=2026-03-29');
  await expect(rowOf(incidents.after)).toHaveCount(1);
  await expect(rowOf(incidents.last)).toHaveCount(0);

  // The incident page: when it occurred and was reported, and its history, in Gaza time.
  const one = incidentPage(page);
  await one.goto(SLUG, incidents.last);
  await expect(one.fact('Occurred')).toContainText(`local time in ${AGREEMENT_ZONE}, EEST`);
  expect(await expectAgreementTime(one.fact('Occurred').locator('time'), 'occurred')).toBe('2026-03-28T20:30:00.000Z');
  await expectAgreementTime(one.fact('Reported').locator('time'), 'reported');
  await expectAgreementTime(one.history.first().locator('time'), 'the triage step');
});

test('the map files a time typed in Gaza, filters whole Gaza days and writes Gaza time in its popup', async ({ page }) => {
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();
  await expect(map.filters).toContainText(`Dates are whole days in the agreement’s time zone, ${AGREEMENT_ZONE}`);
  await map.zone('Deir Al-Balah').click();
  const point = await map.selectedPoint();
  await map.reportButton.click();
  await map.canvas.click({ position: point });
  const description = `Time zones map e2e ${Date.now()}`;
  // 23:45 on 28 March in Gaza (EEST) is 20:45 UTC, 16:45 in New York.
  await map.dialog.getByLabel('When it happened').fill(`${DAY}T23:45`);
  await expect(map.dialog.getByLabel('When it happened')).toHaveAccessibleDescription(
    `Local time in ${AGREEMENT_ZONE} (EEST), the agreement’s time zone; stored in UTC. Your time: 28 Mar 2026, 16:45 GMT-4 (${VIEWER_ZONE}).`,
  );
  await map.dialog.getByLabel('Category').selectOption('shelling');
  await map.dialog.getByLabel('Description').fill(description);
  await map.dialog.getByRole('button', { name: 'File the report' }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  const api = await apiAs(demoAccount('monitor'));
  expect(((await (await api.get(`/api/agreements/${SLUG}/incidents/${id}`)).json()) as { occurredAt: string }).occurredAt).toBe('2026-03-28T20:45:00.000Z');
  await api.dispose();

  // Filtered to that Gaza day (asked of the API as its first and last instants there), the incident
  // is drawn; its popup writes Gaza time, New York's in the tooltip.
  const asked = page.waitForRequest(/\/incidents\/export\?.*from=2026-03-27T22%3A00%3A00\.000Z&to=2026-03-28T21%3A00%3A00\.000Z/);
  await map.goto(SLUG, `?from=${DAY}&to=${DAY}`);
  await asked;
  await map.ready();
  await map.zone('Deir Al-Balah').click();
  await map.canvas.click({ position: await map.selectedPoint() });
  await expect(map.popup).toContainText('Shelling');
  await expect(map.popup.locator('time')).toHaveText('28 Mar 2026, 23:45 EEST');
  await expect(map.popup.locator('time')).toHaveAttribute('title', `Your time: 28 Mar 2026, 16:45 GMT-4 (${VIEWER_ZONE})`);
});
