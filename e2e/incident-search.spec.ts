/**
 * The incident list's text search on the cairo-2026 demo (whose incidents have no Arabic text: the
 * spec files its own through the API): an Arabic word, and the start of one, find the report; the
 * totals by status follow the search and choose a status; the incident's page has a locator map, or
 * says that no location was recorded; a phone's width fits both pages.
 */
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { incidentSearch, locatorMap } from './page-models/incident-search.ts';

const SLUG = 'cairo-2026';
const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** A word of Arabic letters nobody else files: the run's time, one letter per digit. */
const uniqueArabicWord = () => `رقم${String(Date.now()).split('').map((d) => ARABIC_LETTERS[Number(d)]).join('')}`;

async function fileIncident(description: string, point: { lon: number; lat: number } | null, place = ''): Promise<string> {
  const monitor = await apiAs(demoAccount('monitor'));
  const response = await monitor.post(`/api/agreements/${SLUG}/incidents`, {
    data: { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), category: 'shelling', description, place, ...(point ?? {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await monitor.dispose();
  return id;
}

test('an Arabic word finds the report, with the totals by status, and its page shows where it happened', async ({ page }) => {
  const word = uniqueArabicWord();
  const description = `قصف مدفعي على حي الشجاعية شرق مدينة غزة، ${word}`;
  const id = await fileIncident(description, { lon: 34.4668, lat: 31.5017 }, 'حي الشجاعية');

  await logIn(page, demoAccount('monitor'));
  await page.goto(`/agreements/${SLUG}/incidents`);
  const search = incidentSearch(page);
  await search.box.fill('الشجا');
  // The pause, then the address and the list.
  await expect(page).toHaveURL(/[?&]q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('الشجا');
  const row = search.rows.filter({ hasText: word });
  await expect(row).toBeVisible();
  await expect(row.getByText('حي الشجاعية', { exact: true })).toHaveAttribute('dir', 'auto');
  await expect(row.locator('.incident-excerpt')).toHaveAttribute('title', description);

  // The run's own word: one report, and its total.
  await search.box.fill(word);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(word);
  await expect(search.rows).toHaveCount(1);
  await expect(search.total('Reported')).toHaveText('Reported 1');
  await expect(search.totals.getByRole('button')).toHaveCount(1);
  await search.total('Reported').click();
  await expect(page).toHaveURL(/status=reported/);
  await expect(search.total('Reported')).toHaveAttribute('aria-pressed', 'true');
  await expect(search.rows).toHaveCount(1);
  // The address keeps the search: a reload shows the same list.
  await page.reload();
  await expect(search.box).toHaveValue(word);
  await expect(search.rows).toHaveCount(1);

  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}$`));
  const locator = locatorMap(page);
  await expect(locator.map).toBeVisible();
  await expect(locator.map).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(locator.canvas).toHaveCount(1);
  const box = (await locator.map.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeGreaterThan(150);
  await locator.map.screenshot({ path: 'test-results/incident-locator.png' });
});

test('a report without a point says so instead of a map', async ({ page }) => {
  const id = await fileIncident(`Report without a point ${Date.now()}`, null);
  await logIn(page, demoAccount('monitor'));
  await page.goto(`/agreements/${SLUG}/incidents/${id}`);
  const locator = locatorMap(page);
  await expect(locator.none).toBeVisible();
  await expect(locator.map).toHaveCount(0);
});

test.describe('on a phone', () => {
  const WIDTH = 390;
  test.use({ viewport: { width: WIDTH, height: 844 } });

  test('the searched list and the incident page fit the width', async ({ page }) => {
    const word = uniqueArabicWord();
    const id = await fileIncident(`${'تقرير طويل عن قصف مدفعي على حي الشجاعية '.repeat(8)}${word}`, { lon: 34.4668, lat: 31.5017 }, 'حي الشجاعية شرق مدينة غزة');
    await logIn(page, demoAccount('monitor'));
    await page.goto(`/agreements/${SLUG}/incidents?q=${encodeURIComponent(word)}`);
    const search = incidentSearch(page);
    await expect(search.rows).toHaveCount(1);
    await expect(search.totals).toBeVisible();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width(), 'the list scrolls sideways').toBeLessThanOrEqual(WIDTH);
    const summary = search.rows.first().locator('.incident-summary');
    const cell = (await summary.boundingBox())!;
    expect(cell.x).toBeGreaterThanOrEqual(0);
    expect(cell.x + cell.width).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: 'test-results/phone-incident-search.png', fullPage: true });

    await page.goto(`/agreements/${SLUG}/incidents/${id}`);
    await expect(locatorMap(page).map).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    expect(await width(), 'the incident page scrolls sideways').toBeLessThanOrEqual(WIDTH);
    const map = (await locatorMap(page).map.boundingBox())!;
    expect(map.x + map.width).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: 'test-results/phone-incident-locator.png', fullPage: true });
  });
});
