// A phone, 390 x 844 CSS pixels: the agreement, incident list and map pages fit its width (nothing
// scrolls sideways), the matrix's provisions and bottlenecks are on screen, the calendar's labels
// stand apart, incidents are cards with their time, category, status and zone, and the map gets the
// screen (its filters and key fold away).
import type { Locator, Page } from '@playwright/test';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { agreementPage } from './page-models/agreement-page.ts';
import { incidentsPage } from './page-models/incidents-page.ts';
import { mapPage } from './page-models/map-page.ts';

const SLUG = 'cairo-2026';
const WIDTH = 390;
const HEIGHT = 844;
test.use({ viewport: { width: WIDTH, height: HEIGHT } });

async function expectNoSidewaysScroll(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(WIDTH);
}

/** Every element of the locator lies within the screen's width, and there is at least `atLeast` of them. */
async function expectWithinWidth(locator: Locator, atLeast = 1) {
  const boxes = await locator.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThanOrEqual(atLeast);
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(WIDTH);
  }
}

/** A box of the element's scroll container that its content does not overflow sideways. */
async function expectNoInnerSidewaysScroll(locator: Locator) {
  const overflow = await locator.evaluate((e) => {
    const scroller = e.closest('.table-scroll') ?? e;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  expect(overflow, 'the table scrolls sideways inside its box').toBeLessThanOrEqual(0);
}

test('the agreement page: the matrix and the pillars read down the screen, provisions and bottlenecks within its width', async ({ page }) => {
  const agreement = agreementPage(page);
  await agreement.goto(SLUG);
  await expect(agreement.matrix).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoInnerSidewaysScroll(agreement.matrix);
  // The demo: 13 provisions in three phases; the disputed ones are always bottlenecks.
  await expectWithinWidth(page.locator('.matrix .reality'), 13);
  await expectWithinWidth(page.locator('.matrix .bottleneck'), 3);
  await expectWithinWidth(page.locator('.matrix .bottleneck .reason'), 3);
  // The pillars too: each one's provisions, bottlenecks and progress under its name.
  await expectNoInnerSidewaysScroll(agreement.pillars);
  await expectWithinWidth(agreement.pillars.locator('tbody td'), 9);
  await agreement.reality('2.4').scrollIntoViewIfNeeded();
  await expect(agreement.reality('2.4')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/phone-matrix.png' });
});

test('the calendar shows as many month labels as fit, none over another', async ({ page }) => {
  // An agreement of its own over two years: far more months than 390 pixels can name.
  const admin = await apiAs(demoAccount('admin'));
  const slug = `phone-calendar-${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.post('/api/agreements', { data: { slug, title: 'Phone calendar', public: true } })).status()).toBe(201);
  const phases = [
    ['Separation', '2025-01-01', '2025-08-31'],
    ['Withdrawal', '2025-09-01', '2026-03-31'],
    ['Reconstruction', '2026-04-01', '2026-12-31'],
  ] as const;
  for (const [name, plannedStart, plannedEnd] of phases) {
    const created = await admin.post(`/api/agreements/${slug}/phases`, { data: { name, plannedStart, plannedEnd } });
    expect(created.status(), await created.text()).toBe(201);
  }
  const round = await admin.post(`/api/agreements/${slug}/rounds`, { data: { title: 'Opening talks', venue: 'Geneva', startsOn: '2025-02-10' } });
  expect(round.status()).toBe(201);
  await admin.dispose();

  await page.goto(`/agreements/${slug}`);
  const axis = page.getByRole('group', { name: /^Calendar from / });
  await expect(axis).toBeVisible();
  await axis.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);
  const labels = axis.locator('.tick');
  await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: 'test-results/phone-calendar.png' });
  const axisBox = (await axis.boundingBox())!;
  const boxes = await labels.evaluateAll((elements) =>
    elements.map((e) => ({ text: e.textContent ?? '', ...(e.getBoundingClientRect().toJSON() as DOMRect) })),
  );
  for (const box of boxes) {
    expect(box.left, box.text).toBeGreaterThanOrEqual(axisBox.x);
    expect(box.right, box.text).toBeLessThanOrEqual(axisBox.x + axisBox.width);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `"${a.text}" overlaps "${b.text}"`).toBe(true);
    }
  }
  // The lanes' names sit above their tracks, whole.
  await expectWithinWidth(axis.locator('.lane-label').filter({ hasText: /\S/ }), 4);
});

test('the incident list: one card per incident with its time, category, status and zone', async ({ page }) => {
  const monitor = await apiAs(demoAccount('monitor'));
  // A month nobody else files in, inside Khan Younis.
  const created = await monitor.post(`/api/agreements/${SLUG}/incidents`, {
    data: { occurredAt: '2002-07-15T09:00:00Z', category: 'airstrike', lon: 34.3, lat: 31.345, description: 'Phone card test' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await monitor.dispose();

  await logIn(page, demoAccount('monitor'));
  const incidents = incidentsPage(page);
  await incidents.goto(SLUG, '?from=2002-07-01&to=2002-07-31');
  await expect(incidents.table).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoInnerSidewaysScroll(incidents.table);
  const card = incidents.table.locator('tbody tr').first();
  await expect(card.getByRole('link', { name: /15 Jul 2002/ })).toBeVisible();
  for (const text of ['Airstrike', 'Reported', 'Khan Younis']) {
    await expect(card.getByText(text, { exact: true })).toBeVisible();
    await expectWithinWidth(card.getByText(text, { exact: true }));
  }
  await expectWithinWidth(incidents.table.locator('tbody td'), 7);
  // The sort button stays.
  await expect(page.getByRole('button', { name: /^Time \(/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/phone-incidents.png', fullPage: true });
});

test('the map page: the map fills the width in the first screen, filters and key fold away', async ({ page }) => {
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();
  await expectNoSidewaysScroll(page);
  const box = (await map.canvas.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  expect(box.width).toBeGreaterThan(WIDTH * 0.85);
  expect(box.height).toBeGreaterThan(HEIGHT * 0.5);
  // The map starts on the first screen and most of it is on it.
  expect(box.y + box.height * 0.75).toBeLessThan(HEIGHT);
  await expect(map.zoneLabel('Khan Younis')).toBeVisible();
  await expect(map.scaleBar).toBeVisible();

  await expect(map.filters).toBeHidden();
  await expect(map.filtersToggle).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: 'test-results/phone-map.png' });
  await map.filtersToggle.click();
  await expect(map.filters).toBeVisible();
  await expect(map.filters.getByLabel('Status')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await map.filtersToggle.click();
  await expect(map.filters).toBeHidden();

  await expect(map.legend).toBeHidden();
  await map.keyToggle.click();
  await expect(map.legend.getByText('Sector')).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test('the collapse risk, the brief and the precedents fit the screen: long sources break, wide tables scroll in their box', async ({ page }) => {
  await logIn(page, demoAccount('mediator'));
  for (const [path, heading] of [
    [`/agreements/${SLUG}/risk`, /collapse risk/i],
    [`/agreements/${SLUG}/brief`, /brief/i],
    ['/precedents', /precedents/i],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    // Sections load after the heading: wait until nothing is loading any more.
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
    await expectNoSidewaysScroll(page);
  }
});
