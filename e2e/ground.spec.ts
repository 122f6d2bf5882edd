/**
 * The ground in the web UI on the cairo-2026 demo: the aid-truck indicator's chart with its source,
 * its page with the streak in words and the observations; a monitor verifies a withdrawal item of
 * its own (created through the API, so that the test depends on no other's data).
 */
import { groundPage, indicatorPage } from './page-models/ground-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';
const TRUCKS = 'Aid trucks entering Gaza per day';

test('the aid-truck indicator: chart and source on the ground page, streak and observations on its own', async ({ page }) => {
  const ground = groundPage(page);
  await ground.goto(SLUG);
  await expect(ground.heading).toBeVisible();
  const card = ground.indicator(TRUCKS);
  await expect(card.getByRole('img', { name: /^Small chart of 116 observations/ })).toBeVisible();
  await expect(card.getByText(/Gaza-projections/)).toBeVisible();

  await ground.indicatorLink(TRUCKS).click();
  const indicator = indicatorPage(page);
  await expect(page.getByRole('heading', { level: 1, name: TRUCKS })).toBeVisible();
  await expect(indicator.chart).toBeVisible();
  await expect(indicator.source).toContainText('Gaza-projections');
  await expect(indicator.streak).toContainText(/^Not at target: the newest observation, 134 trucks on 30 Jan 2024/);
  await expect(indicator.observations.getByRole('row')).toHaveCount(26);
  await expect(indicator.observations.getByRole('rowheader', { name: '30 Jan 2024' })).toBeVisible();
});

test('a monitor verifies a withdrawal item', async ({ page }) => {
  const force = `E2E battalion ${Math.random().toString(36).slice(2, 8)}`;
  const mediator = await apiAs(demoAccount('mediator'));
  const { phases } = (await (await mediator.get(`/api/agreements/${SLUG}/summary`)).json()) as { phases: { id: string }[] };
  const created = await mediator.post(`/api/agreements/${SLUG}/withdrawal-items`, { data: { phaseId: phases[0]!.id, force, deadline: '2099-01-01' } });
  expect(created.status(), await created.text()).toBe(201);
  await mediator.dispose();

  await logIn(page, demoAccount('monitor'));
  const ground = groundPage(page);
  await ground.goto(SLUG);
  await expect(ground.item(force)).toContainText('On time');
  await ground.verify(force).click();
  const form = ground.verification;
  await form.finding.selectOption('completed');
  await form.reliability.selectOption('B');
  await form.credibility.selectOption('2');
  await form.addLink.click();
  await form.linkName.fill('Monitor photo log');
  await form.linkUrl.fill('https://example.org/photos/1');
  await form.submit.click();
  await expect(form.dialog).toBeHidden();
  const row = ground.item(force);
  await expect(row).toContainText(/Verified since/);
  await expect(row.getByRole('link', { name: 'Monitor photo log' })).toHaveAttribute('href', 'https://example.org/photos/1');
  await expect(row.getByText('B2')).toBeVisible();
});
