// The map in a real browser against the real server (strict CSP, MapLibre's worker): zones of the
// demo, filing an incident at a clicked point, drawing and editing a zone, and who sees which tools.
import type { Page } from '@playwright/test';
import { apiAs, BASE_URL, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { mapPage } from './page-models/map-page.ts';

const SLUG = 'cairo-2026';
const GOVERNORATES = ['North Gaza', 'Gaza', 'Deir Al-Balah', 'Khan Younis', 'Rafah'];

/** Distinct colours in a screenshot of the map: more than a few shows that MapLibre drew land, sea and zones. */
async function mapColours(page: Page): Promise<number> {
  const png = (await page.locator('canvas.maplibregl-canvas').screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4 * 31) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return colours.size;
  }, png);
}

test('a monitor sees the governorates, files an incident inside Gaza governorate and lands on its page', async ({ page }) => {
  // Offline: nothing the map loads (style, basemap, worker, glyphs, sprites) may come from another origin.
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(BASE_URL) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();
  await expect(page.locator('.maplibregl-ctrl-attrib')).toBeVisible();
  expect(elsewhere).toEqual([]);
  // The five governorates, the two crossings and three dated snapshots of the illustrative held area.
  await expect(map.zoneRows).toHaveCount(10);
  for (const name of GOVERNORATES) await expect(map.zone(name)).toBeVisible();
  await expect(map.legend.getByText('Sector')).toBeVisible();
  await expect(map.legend.getByText('Under investigation')).toBeVisible();
  // The demo has no incidents; other specs may have filed some by now.
  await expect(page.getByText(/No incidents have been reported\.|incidents? match/)).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OCHA oPt / COD-AB');
  expect(await mapColours(page)).toBeGreaterThan(3);
  // A scale bar, and the governorates' names on the map itself (HTML labels: no glyph requests).
  await expect(map.scaleBar).toHaveText(/^\d+\sk?m$/);
  for (const name of GOVERNORATES) await expect(map.zoneLabel(name)).toBeVisible();
  // A monitor files incidents but does not draw zones.
  await expect(map.drawButton).toHaveCount(0);

  await map.zone('Gaza').click();
  await expect(map.zone('Gaza')).toHaveAttribute('aria-pressed', 'true');
  const point = await map.selectedPoint();
  await page.screenshot({ path: 'test-results/map-monitor.png' });

  await map.reportButton.click();
  await expect(page.getByText('Click the place of the incident on the map.')).toBeVisible();
  await map.canvas.click({ position: point });
  const dialog = map.dialog;
  await expect(dialog.getByRole('heading', { name: 'Report an incident' })).toBeVisible();
  await expect(dialog.getByLabel('When it happened')).not.toHaveValue('');
  // The time is typed in the agreement's zone, with the viewer's own time (New York) beside it.
  await expect(dialog.getByLabel('When it happened')).toHaveAccessibleDescription(/^Local time in Asia\/Gaza \(EES?T\), the agreement’s time zone; stored in UTC\. Your time: .*\(America\/New_York\)\.$/);
  await expect(dialog.getByLabel('Source reliability').locator('option', { hasText: 'B — Usually reliable' })).toHaveCount(1);
  await dialog.getByLabel('When it happened').fill('2026-06-20T14:30');
  await dialog.getByLabel('Category').selectOption('shelling');
  await dialog.getByLabel('Description').fill('Shelling reported near the coastal road.');
  await dialog.getByLabel('Source reliability').selectOption('B');
  await dialog.getByLabel('Information credibility').selectOption('2');
  await dialog.getByLabel('Injured', { exact: true }).fill('3');
  await page.screenshot({ path: 'test-results/map-report-form.png', fullPage: true });
  await dialog.getByRole('button', { name: 'File the report' }).click();

  await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}/incidents/[0-9a-f-]{36}$`));
  const id = page.url().split('/').pop()!;
  const api = await apiAs(demoAccount('monitor'));
  const incident = (await (await api.get(`/api/agreements/${SLUG}/incidents/${id}`)).json()) as Record<string, unknown>;
  const zones = (await (await api.get(`/api/agreements/${SLUG}/zones`)).json()) as { items: { id: string; name: string }[] };
  await api.dispose();
  expect(zones.items.find((z) => z.id === incident.zoneId)?.name).toBe('Gaza');
  expect(incident).toMatchObject({
    category: 'shelling',
    status: 'reported',
    sourceType: 'monitor',
    reliability: 'B',
    credibility: 2,
    injured: 3,
    killed: null,
    civiliansKilled: null,
    // 14:30 in Gaza (EEST, UTC+3) is 11:30 UTC.
    occurredAt: '2026-06-20T11:30:00.000Z',
  });

  // Back on the map, the incident is drawn and counted, and its popup links to its page.
  await map.goto(SLUG, '?status=reported');
  await map.ready();
  await expect(map.count).toContainText(/\d+ incidents? match/);
  await expect(map.filters.getByLabel('Status')).toHaveValue('reported');
  await map.zone('Gaza').click();
  const again = await map.selectedPoint();
  await map.canvas.click({ position: again });
  await expect(map.popup).toContainText('Shelling');
  await expect(map.popup).toContainText('Reported');
  // 11:30 UTC is shown in the agreement's zone (Gaza), with the viewer's own (New York) in the title.
  await expect(map.popup.locator('time')).toHaveText('20 Jun 2026, 14:30 EEST');
  await expect(map.popup.locator('time')).toHaveAttribute('title', 'Your time: 20 Jun 2026, 07:30 GMT-4 (America/New_York)');
  await expect(map.popup).toContainText('B2 (usually reliable; probably true)');
  await expect(map.popup).toContainText('not known / 3');
  await page.screenshot({ path: 'test-results/map-popup.png' });
  await map.popup.getByRole('link', { name: 'Open the incident' }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}$`));
  // Nobody files incidents in 1990: the empty state, with the filters kept in the URL and the form.
  await map.goto(SLUG, '?from=1990-01-01&to=1990-01-02');
  await expect(page.getByText('No incident matches these filters.')).toBeVisible();
  await expect(map.filters.getByLabel('From')).toHaveValue('1990-01-01');
});

test('close in, the zone in view is still named and the scale bar shortens', async ({ page }) => {
  await logIn(page, demoAccount('viewer'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();
  await map.zone('Khan Younis').click();
  await expect(map.canvas).toHaveAttribute('data-selected-point', /^\d+,\d+$/);
  // Exact: a cluster's button is named "N incidents here: zoom in".
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  for (let i = 0; i < 3; i += 1) await zoomIn.click();
  await expect(map.scaleBar).toHaveText(/^\d+\sm$/);
  // The whole map is inside Khan Younis now: its name is written inside the map, the others are not shown.
  const label = map.zoneLabel('Khan Younis');
  await expect(label).toBeVisible();
  const [labelBox, canvasBox] = [(await label.boundingBox())!, (await map.canvas.boundingBox())!];
  expect(labelBox.x).toBeGreaterThan(canvasBox.x);
  expect(labelBox.x + labelBox.width).toBeLessThan(canvasBox.x + canvasBox.width);
  expect(labelBox.y).toBeGreaterThan(canvasBox.y);
  expect(labelBox.y + labelBox.height).toBeLessThan(canvasBox.y + canvasBox.height);
  await expect(map.canvas.locator('.map-zone-label:visible')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/map-close.png' });
});

test('"Use my location" files the report at the browser\'s position; a refusal says what to do instead', async ({ page }) => {
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  // Refused (Playwright grants no permission unless told): the message, and the map still works.
  await page.context().clearPermissions();
  await map.goto(SLUG);
  await map.ready();
  await map.reportButton.click();
  await map.useMyLocation.click();
  const problem = page.getByRole('alert').filter({ hasText: 'your location' });
  await expect(problem).toContainText('did not allow this page to use your location');
  await expect(problem).toContainText('click the place on the map');
  await expect(map.dialog).toHaveCount(0);

  // Allowed, at a point inside Khan Younis governorate: the form opens with it, and the server finds the zone.
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 31.345, longitude: 34.3 });
  await map.useMyLocation.click();
  const dialog = map.dialog;
  await expect(dialog.getByRole('heading', { name: 'Report an incident' })).toBeVisible();
  await expect(dialog.getByLabel('Longitude')).toHaveValue('34.300000');
  await expect(dialog.getByLabel('Latitude')).toHaveValue('31.345000');
  await dialog.getByLabel('When it happened').fill('2026-06-21T09:15');
  await dialog.getByLabel('Category').selectOption('checkpoint_obstruction');
  await dialog.getByLabel('Description').fill('Reported from the monitor’s own position.');
  await dialog.getByRole('button', { name: 'File the report' }).click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}/incidents/[0-9a-f-]{36}$`));
  const id = page.url().split('/').pop()!;
  const api = await apiAs(demoAccount('monitor'));
  const incident = (await (await api.get(`/api/agreements/${SLUG}/incidents/${id}`)).json()) as { zoneId: string; lon: number; lat: number };
  const zones = (await (await api.get(`/api/agreements/${SLUG}/zones`)).json()) as { items: { id: string; name: string }[] };
  await api.dispose();
  expect(incident).toMatchObject({ lon: 34.3, lat: 31.345 });
  expect(zones.items.find((z) => z.id === incident.zoneId)?.name).toBe('Khan Younis');
});

test('a mediator draws a zone with four clicks, saves it, renames it; a visitor sees zones only', async ({ page }) => {
  await logIn(page, demoAccount('mediator'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();
  const before = await map.zoneRows.count();
  await map.zone('Rafah').click();
  const centre = await map.selectedPoint();
  await map.drawButton.click();
  await expect(page.getByLabel('Shape')).toHaveValue('polygon');
  const name = `E2E sector ${Math.random().toString(36).slice(2, 7)}`;
  for (const [dx, dy] of [[-30, -30], [30, -30], [30, 30], [-30, 30]] as const) {
    await map.canvas.click({ position: { x: centre.x + dx, y: centre.y + dy } });
  }
  await expect(page.getByText('4 placed.')).toBeVisible();
  await page.screenshot({ path: 'test-results/map-draw.png' });
  await map.finishButton.click();
  await map.dialog.getByLabel('Name').fill(name);
  await map.dialog.getByLabel('Kind').selectOption('buffer_zone');
  await map.dialog.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByRole('status').getByText(`Zone “${name}” added.`)).toBeVisible();
  await expect(map.zone(name)).toBeVisible();
  await expect(map.zoneRows).toHaveCount(before + 1);

  // The new zone is selected: rename it, after someone else changed it meanwhile.
  await expect(map.zone(name)).toHaveAttribute('aria-pressed', 'true');
  const other = await apiAs(demoAccount('admin'));
  const listed = (await (await other.get(`/api/agreements/${SLUG}/zones`)).json()) as { items: { id: string; name: string; version: number }[] };
  const mine = listed.items.find((z) => z.name === name)!;
  expect((await other.patch(`/api/agreements/${SLUG}/zones/${mine.id}`, { data: { description: 'Changed by someone else', version: mine.version } })).status()).toBe(200);
  await other.dispose();
  await map.selectedZone.getByRole('button', { name: 'Edit name and kind' }).click();
  await map.dialog.getByLabel('Name').fill(`${name} renamed`);
  await map.dialog.getByRole('button', { name: 'Save zone' }).click();
  await expect(map.dialog.getByRole('alert')).toContainText('changed by someone else');
  await map.dialog.getByRole('button', { name: 'Reload' }).click();
  await expect(map.dialog.getByLabel('Description')).toHaveValue('Changed by someone else');
  await map.dialog.getByLabel('Name').fill(`${name} renamed`);
  await map.dialog.getByRole('button', { name: 'Save zone' }).click();
  await expect(map.zone(`${name} renamed`)).toBeVisible();

  const api = await apiAs(demoAccount('mediator'));
  const zones = (await (await api.get(`/api/agreements/${SLUG}/zones`)).json()) as { items: { name: string; kind: string; geometry: { type: string; coordinates: number[][][] } }[] };
  await api.dispose();
  const saved = zones.items.find((z) => z.name === `${name} renamed`)!;
  expect(saved.kind).toBe('buffer_zone');
  expect(saved.geometry.type).toBe('Polygon');
  expect(saved.geometry.coordinates[0]).toHaveLength(5);

  // Reshape it: drag its first corner outwards, save, and the server has the moved corner (ring still closed).
  await map.selectedZone.getByRole('button', { name: 'Edit shape' }).click();
  const corner = await map.firstHandle();
  const box = (await map.canvas.boundingBox())!;
  await page.mouse.move(box.x + corner.x, box.y + corner.y);
  await page.mouse.down();
  await page.mouse.move(box.x + corner.x - 25, box.y + corner.y - 25, { steps: 5 });
  await page.mouse.up();
  await page.screenshot({ path: 'test-results/map-edit.png' });
  await page.getByRole('button', { name: 'Save shape' }).click();
  await expect(page.getByRole('status').getByText(`The shape of “${name} renamed” was saved.`)).toBeVisible();
  const after = await apiAs(demoAccount('mediator'));
  const reshaped = ((await (await after.get(`/api/agreements/${SLUG}/zones`)).json()) as typeof zones).items.find((z) => z.name === `${name} renamed`)!;
  await after.dispose();
  const [first, ...rest] = reshaped.geometry.coordinates[0]!;
  const [oldFirst] = saved.geometry.coordinates[0]!;
  expect(first![0]).toBeLessThan(oldFirst![0]!);
  expect(first![1]).toBeGreaterThan(oldFirst![1]!);
  expect(rest[rest.length - 1]).toEqual(first);

  // Delete it, after the confirmation.
  await map.selectedZone.getByRole('button', { name: 'Delete' }).click();
  await map.dialog.getByRole('button', { name: 'Delete zone' }).click();
  await expect(page.getByRole('status').getByText(`Zone “${name} renamed” deleted.`)).toBeVisible();
  await expect(map.zone(`${name} renamed`)).toHaveCount(0);

  // A checkpoint is a point: one click, then Finish.
  await map.zone('Khan Younis').click();
  const spot = await map.selectedPoint();
  await map.drawButton.click();
  await page.getByLabel('Kind', { exact: true }).selectOption('checkpoint');
  await expect(page.getByLabel('Shape')).toHaveValue('point');
  await map.canvas.click({ position: spot });
  await map.finishButton.click();
  const checkpoint = `E2E checkpoint ${name.slice(-5)}`;
  await map.dialog.getByLabel('Name').fill(checkpoint);
  await expect(map.dialog.getByLabel('Kind')).toHaveValue('checkpoint');
  await map.dialog.getByRole('button', { name: 'Add zone' }).click();
  await expect(map.zone(checkpoint)).toBeVisible();
  await expect(map.legend.getByText('Checkpoint')).toBeVisible();

  // A visitor of the public demo sees the zones, a note instead of incidents, and no tools.
  await page.context().clearCookies();
  await map.goto(SLUG);
  await map.ready();
  await expect(map.zone(checkpoint)).toBeVisible();
  await expect(map.note).toContainText('members only');
  await expect(map.note.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(map.reportButton).toHaveCount(0);
  await expect(map.drawButton).toHaveCount(0);
  await expect(map.filters).toHaveCount(0);
  await page.screenshot({ path: 'test-results/map-visitor.png', fullPage: true });
});

test('?report=1 opens the reporting tool for a monitor, and a viewer gets no tools at all', async ({ page }) => {
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG, '?report=1');
  await map.ready();
  await expect(page.getByText('Click the place of the incident on the map.')).toBeVisible();
  // Escape leaves the tool; ?report=1 goes with it.
  await page.keyboard.press('Escape');
  await expect(page.getByText('Click the place of the incident on the map.')).toHaveCount(0);
  await expect(page).not.toHaveURL(/report=1/);
  await map.reportButton.click();
  // Without a pointer: the form opens with the coordinates to type.
  await page.getByRole('button', { name: 'Type the coordinates instead' }).click();
  await expect(map.dialog.getByLabel('Longitude')).toHaveValue('');
  await map.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(map.dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/report=1/);

  await logIn(page, demoAccount('viewer'));
  await map.goto(SLUG, '?report=1');
  await map.ready();
  await expect(map.zone('Gaza')).toBeVisible();
  await expect(map.reportButton).toHaveCount(0);
  await expect(map.drawButton).toHaveCount(0);
  await expect(page.getByText('Click the place of the incident on the map.')).toHaveCount(0);
  await expect(map.filters).toBeVisible();
});

test('incidents close together cluster into a count that zooms in when pressed', async ({ page }) => {
  const monitor = await apiAs(demoAccount('monitor'));
  // In March 2001, so that the filter shows these three alone whatever other specs filed.
  for (const [i, lon] of [34.301, 34.3015, 34.302].entries()) {
    const created = await monitor.post(`/api/agreements/${SLUG}/incidents`, {
      data: { occurredAt: `2001-03-0${i + 1}T10:00:00Z`, lon, lat: 31.34, category: 'checkpoint_obstruction', description: `E2E cluster ${i}` },
    });
    expect(created.status()).toBe(201);
  }
  await monitor.dispose();
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG, '?from=2001-03-01&to=2001-03-31');
  await map.ready();
  await expect(map.count).toHaveText('3 incidents match');
  const cluster = page.getByRole('button', { name: '3 incidents here: zoom in' });
  await expect(cluster).toBeVisible();
  await page.screenshot({ path: 'test-results/map-cluster.png' });
  await cluster.click();
  await expect(cluster).toHaveCount(0);
});

test('a party delegate files complaints of its own party, whichever party it is', async ({ page }) => {
  for (const party of ['Israel', 'Hamas']) {
    await logIn(page, demoAccount('party_delegate', party));
    const map = mapPage(page);
    await map.goto(SLUG, '?report=1');
    await map.ready();
    await map.zone('Deir Al-Balah').click();
    await map.canvas.click({ position: await map.selectedPoint() });
    await expect(map.dialog.getByLabel('Source type')).toBeDisabled();
    await expect(map.dialog.getByLabel('Source type')).toHaveValue('party_complaint');
    await expect(map.dialog.getByText(`Filed as a complaint of ${party}.`)).toBeVisible();
    await map.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(map.dialog).toHaveCount(0);
  }
});

test('the map of an agreement one may not read says so, with a way to log in', async ({ page }) => {
  const map = mapPage(page);
  await map.goto('no-such-agreement');
  await expect(page.getByRole('heading', { name: 'Agreement not found' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'log in', exact: true })).toHaveAttribute('href', '/login?next=%2Fagreements%2Fno-such-agreement%2Fmap');
});
