/**
 * The home page: finding agreements as a visitor, and creating one from scratch (as the demo
 * administrator, the only role that may) up to its first phase and an Arabic-titled provision.
 * The agreement made here has its own random slug.
 */
import { agreementPage } from './page-models/agreement-page.ts';
import { editorDialog } from './page-models/editor-dialog.ts';
import { homePage } from './page-models/home-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

test('search and status filter narrow the list, with an empty state', async ({ page }) => {
  const home = homePage(page);
  await home.goto();
  await expect(home.heading).toBeVisible();
  await expect(home.agreementLink(/Gaza ceasefire/)).toBeVisible();

  await home.search.fill('cairo talks');
  await expect(page).toHaveURL(/q=cairo\+talks/);
  await expect(home.agreementLink(/Gaza ceasefire/)).toBeVisible();

  await home.search.fill('no such agreement anywhere');
  await expect(home.emptyState('No agreement matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(home.search).toHaveValue('');
  await expect(home.agreementLink(/Gaza ceasefire/)).toBeVisible();

  await home.statusFilter.selectOption({ label: 'Collapsed' });
  await expect(home.emptyState('No agreement matches these filters.')).toBeVisible();
  await home.statusFilter.selectOption({ label: 'In force' });
  await expect(home.agreementLink(/Gaza ceasefire/)).toBeVisible();

  // Only administrators create agreements: a visitor gets no form.
  await expect(home.createForm).toHaveCount(0);
});

test('creating an agreement: validation, then its first phase and provision', async ({ page }) => {
  const home = homePage(page);
  const editor = editorDialog(page);
  const suffix = Math.random().toString(36).slice(2, 8);
  const slug = `khartoum-e2e-${suffix}`;
  await logIn(page, demoAccount('admin'));
  await home.goto();

  // Nothing typed: each field says what is wrong, and nothing is created.
  await home.create.timeZone.fill('Mars/Olympus');
  await home.create.submit.click();
  await expect(home.create.title).toHaveAccessibleDescription(/must not be empty/);
  await expect(home.create.timeZone).toHaveAccessibleDescription(/an IANA time zone/);
  await expect(page).toHaveURL('/');

  await home.create.title.fill(`Khartoum truce ${suffix}`);
  await expect(home.create.slug).toHaveValue(`khartoum-truce-${suffix}`);
  await home.create.slug.fill(slug);
  await home.create.timeZone.fill('Africa/Khartoum');
  await home.create.submit.click();

  const agreement = agreementPage(page);
  await expect(page).toHaveURL(`/agreements/${slug}`);
  await expect(agreement.title).toHaveText(`Khartoum truce ${suffix}`);
  await expect(agreement.notice).toContainText('created');
  await expect(agreement.illustrativeBanner).toHaveCount(0);
  await expect(page.getByText('No parties recorded yet.')).toBeVisible();

  await agreement.addFirstPhase.click();
  await editor.field('Name').fill('Cessation of hostilities');
  await editor.field('Objective').fill('Stop the fighting in Khartoum');
  await editor.save.click();
  await expect(agreement.notice).toHaveText(/Phase “Cessation of hostilities” added\./);
  await expect(agreement.matrixRows).toHaveCount(1);

  await agreement.addProvision('Cessation of hostilities').click();
  await editor.field('Code').fill('1.1');
  await editor.field('Title').fill('وقف إطلاق النار في الخرطوم');
  await editor.field('Category').selectOption({ label: 'Ceasefire' });
  await editor.field('Deadline').fill('2026-07-01T18:00');
  await editor.save.click();
  await expect(agreement.notice).toHaveText(/Provision 1\.1 added\./);

  const reality = agreement.reality('1.1');
  await expect(reality).toContainText('0 · not started');
  // 18:00 in Khartoum (UTC+2) is kept as typed, whatever the browser's own zone.
  await expect(reality).toContainText('due 1 Jul 2026, 18:00');
  await expect(reality.getByText('وقف إطلاق النار في الخرطوم')).toHaveCSS('direction', 'rtl');

  const response = await page.request.get(`/api/agreements/${slug}/provisions`);
  const { items } = (await response.json()) as { items: { deadline: string }[] };
  expect(items[0]?.deadline).toMatch(/^2026-07-01T16:00:00(\.000)?Z$/);

  await home.goto();
  await home.search.fill(suffix);
  await expect(home.list.getByRole('listitem')).toHaveCount(1);
  await expect(home.agreementLink(`Khartoum truce ${suffix}`)).toBeVisible();
});

test('paging and sorting follow the list API', async ({ page }) => {
  const home = homePage(page);
  const suffix = Math.random().toString(36).slice(2, 8);
  const admin = await apiAs(demoAccount('admin'));
  for (let i = 1; i <= 12; i++) {
    const n = String(i).padStart(2, '0');
    const response = await admin.post('/api/agreements', { data: { slug: `paging-${suffix}-${n}`, title: `Paging ${suffix} ${n}` } });
    expect(response.status()).toBe(201);
  }
  await admin.dispose();

  // New agreements are private: the administrator who made them sees them.
  await logIn(page, demoAccount('admin'));
  await home.goto();
  await home.search.fill(`paging ${suffix}`);
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await expect(pager).toContainText('1–10 of 12');
  await expect(home.list.getByRole('listitem')).toHaveCount(10);
  await expect(home.list.getByRole('link').first()).toHaveText(`Paging ${suffix} 01`);

  await pager.getByRole('button', { name: 'Next page' }).click();
  await expect(pager).toContainText('11–12 of 12');
  await expect(home.list.getByRole('link')).toHaveText([`Paging ${suffix} 11`, `Paging ${suffix} 12`]);

  // A new sort starts again from the first page.
  await home.sort.selectOption({ label: 'Title, Z to A' });
  await expect(pager).toContainText('1–10 of 12');
  await expect(home.list.getByRole('link').first()).toHaveText(`Paging ${suffix} 12`);
});

test('an unknown agreement and a failing server each get their own state', async ({ page }) => {
  const agreement = agreementPage(page);
  await agreement.goto('no-such-agreement');
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the agreements' }).click();
  await expect(homePage(page).heading).toBeVisible();

  await page.route('**/api/agreements/cairo-2026/matrix', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal_error', message: 'Internal server error', details: {} } }),
    }),
  );
  await agreement.goto('cairo-2026');
  // A 5xx is retried twice before the error shows.
  const error = page.getByRole('alert').filter({ hasText: 'Could not load this agreement' });
  await expect(error).toBeVisible({ timeout: 10_000 });
  await expect(error).toContainText('internal_error');

  await page.unroute('**/api/agreements/cairo-2026/matrix');
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(agreement.matrix).toBeVisible();
});
