/**
 * The Strategic Matrix of the cairo-2026 demo (loaded by e2e/serve.ts): reading it as a visitor,
 * editing a provision and a phase as the demo mediator, refused edits that change nothing, and a
 * version conflict with another user. Each test touches its own provisions, so the tests do not
 * depend on their order.
 */
import { agreementPage } from './page-models/agreement-page.ts';
import { editorDialog } from './page-models/editor-dialog.ts';
import { homePage } from './page-models/home-page.ts';
import { header } from './page-models/login-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { provisionByCode } from './support/demo-data.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';
const PHASES = ['Phase One Finalization', 'Phase Two Mechanics', 'Stabilization Layer'];

test('a visitor reads the public demo agreement: Strategic Matrix, parties and timeline, no edit controls', async ({ page }) => {
  const home = homePage(page);
  await home.goto();
  await home.agreementLink(/Gaza ceasefire: from Phase One to Phase Two/).click();

  const agreement = agreementPage(page);
  await expect(page).toHaveURL(`/agreements/${SLUG}`);
  await expect(agreement.title).toHaveText(/Gaza ceasefire/);
  await expect(agreement.illustrativeBanner).toContainText('Illustrative scenario drawn from public reporting');

  await expect(agreement.matrixColumnHeaders).toHaveText(['Phase', 'Objective', 'Ground realities', 'Bottlenecks']);
  await expect(agreement.matrixRows).toHaveCount(3);
  for (const [i, name] of PHASES.entries()) {
    await expect(agreement.matrixRows.nth(i).getByRole('rowheader')).toContainText(name);
  }
  await expect(agreement.phaseRow('Phase One Finalization')).toContainText('Solidifying the current temporary truce lines');
  const phaseOneBottlenecks = agreement.phaseRow('Phase One Finalization').getByRole('cell').nth(2);
  await expect(phaseOneBottlenecks).toContainText('Precise verification protocols for troop drawdowns');
  await expect(phaseOneBottlenecks).toContainText('disputed');
  await expect(agreement.phaseRow('Phase Two Mechanics').getByRole('cell').nth(2)).toContainText(/overdue by \d+ days/);
  await expect(agreement.reality('2.1')).toContainText('Israel');
  await expect(agreement.reality('1.3')).toContainText('All parties');
  await expect(agreement.asOf).toBeVisible();

  // The phase timeline lists the phases in order and the Cairo round on its date.
  await expect(agreement.phaseSteps).toHaveCount(3);
  await expect(agreement.rounds).toContainText('6 Jun 2026');
  await expect(agreement.rounds).toContainText('Cairo talks');
  // The 2.5 deadline (2026-06-13T21:00Z) is shown in Asia/Gaza time, not the browser's New York time.
  await expect(page.getByRole('list', { name: 'Deadlines' })).toContainText('14 Jun 2026, 00:00');

  await expect(agreement.pillars.getByRole('row')).toHaveCount(4);

  // Arabic and Hebrew names render right to left.
  for (const localName of ['حماس', 'ישראל']) {
    const element = agreement.partyLocalName(localName);
    await expect(element).toBeVisible();
    await expect(element).toHaveCSS('direction', 'rtl');
  }
  await expect(agreement.party('Hamas')).toContainText('Belligerent');
  await expect(agreement.party('Egypt')).toContainText('Mediator');

  // Read-only for a visitor, who is offered to log in.
  await expect(header(page).loginLink).toBeVisible();
  await expect(agreement.editButtons).toHaveCount(0);
  await expect(agreement.addPhase).toHaveCount(0);
  await expect(agreement.addProvision('Phase One Finalization')).toHaveCount(0);
  await expect(agreement.notes.form).toHaveCount(0);
  await expect(agreement.auditLink).toHaveCount(0);

  await page.screenshot({ path: '/tmp/phaseline-agreement.png', fullPage: true });
});

test('editing a provision shows the change in the matrix', async ({ page, request }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  const before = await provisionByCode(request, '1.1');
  // 1.1 starts at "1 · minimal" in the demo; a second run against the same server flips it back.
  const [status, label] = before.status === 'full' ? ['intermediate', '2 · intermediate'] : ['full', '3 · full'];
  const title = before.title === 'Halt all military attacks across the Strip' ? 'Halt repeated military attacks across the Strip' : 'Halt all military attacks across the Strip';

  await logIn(page, demoAccount('mediator'));
  await agreement.goto(SLUG);
  await agreement.editProvision('1.1').click();
  await expect(editor.heading).toHaveText('Edit provision 1.1');
  await expect(editor.field('Title')).toHaveValue(before.title);
  await editor.field('Title').fill(title);
  await editor.field('Status').selectOption({ label });
  // A change of status needs a reason, kept in the provision's status history.
  await editor.save.click();
  await expect(editor.problems).toContainText('Nothing was saved');
  await editor.field('Reason for the status change').fill('Monitors report the attacks have stopped');
  await editor.save.click();

  await expect(editor.dialog).toBeHidden();
  await expect(agreement.notice).toHaveText(/Provision 1\.1 saved\./);
  const reality = agreement.reality('1.1');
  await expect(reality).toContainText(title);
  await expect(reality).toContainText(label);

  // Saved on the server: a fresh load shows the same.
  await page.reload();
  await expect(agreement.reality('1.1')).toContainText(label);
  const after = await provisionByCode(request, '1.1');
  expect(after.status).toBe(status);
  expect(after.version).toBe(before.version + 1);
});

test('an empty title is refused beside its field and changes nothing', async ({ page, request }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  const before = await provisionByCode(request, '1.3');

  await logIn(page, demoAccount('mediator'));
  await agreement.goto(SLUG);
  await agreement.editProvision('1.3').click();
  await editor.field('Title').fill('');
  await editor.save.click();

  await expect(editor.field('Title')).toHaveAccessibleDescription(/must not be empty/);
  await expect(editor.problems).toContainText('Nothing was saved');
  await expect(editor.dialog).toBeVisible();
  await editor.cancel.click();
  await expect(editor.dialog).toBeHidden();

  await expect(agreement.reality('1.3')).toContainText(before.title);
  const after = await provisionByCode(request, '1.3');
  expect(after).toEqual(before);
});

test('a phase window that ends before it starts is refused by the server, then fixed', async ({ page }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  await logIn(page, demoAccount('mediator'));
  await agreement.goto(SLUG);
  const windowBefore = await agreement.phaseWindow('Stabilization Layer').textContent();

  await agreement.editPhase('Stabilization Layer').click();
  await editor.field('Planned start').fill('2026-07-01');
  await editor.field('Planned end').fill('2026-06-01');
  await editor.save.click();
  // A rule of the domain (422): the message stands beside the field it names, and nothing changes.
  await expect(editor.field('Planned end')).toHaveAccessibleDescription(/must not be before plannedStart/);
  await expect(agreement.phaseWindow('Stabilization Layer')).toHaveText(windowBefore ?? '');

  await editor.field('Planned end').fill('2026-09-30');
  await editor.field('Phase status').selectOption({ label: 'Negotiating' });
  await editor.save.click();
  await expect(editor.dialog).toBeHidden();
  await expect(agreement.notice).toHaveText(/Phase “Stabilization Layer” saved\./);
  await expect(agreement.phaseWindow('Stabilization Layer')).toHaveText(/^1 Jul 2026 – 30 Sept? 2026$/);
  await expect(agreement.phaseSteps.nth(2)).toContainText('Negotiating');
  await expect(agreement.phaseSteps.nth(2)).toContainText(/1 Jul 2026 – 30 Sept? 2026/);
});

test('a provision changed by someone else meanwhile asks for a reload', async ({ page, request }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  const before = await provisionByCode(request, '3.4');
  await logIn(page, demoAccount('mediator'));
  await agreement.goto(SLUG);
  await agreement.editProvision('3.4').click();
  await expect(editor.field('Title')).toHaveValue(before.title);

  // Another user (the demo monitor) saves first.
  const [otherStatus, otherLabel] = before.status === 'intermediate' ? ['minimal', '1 · minimal'] : ['intermediate', '2 · intermediate'];
  const monitor = await apiAs(demoAccount('monitor'));
  const other = await monitor.patch(`/api/agreements/${SLUG}/provisions/${before.id}`, {
    data: { status: otherStatus, statusReason: 'Seen by the monitors', version: before.version },
  });
  expect(other.ok()).toBe(true);
  await monitor.dispose();

  const title = `${before.title.replace(/ \(revised.*$/, '')} (revised ${Date.now()})`;
  await editor.field('Title').fill(title);
  await editor.save.click();
  await expect(editor.conflict).toContainText('changed by someone else — reload');
  await editor.reload.click();
  await expect(editor.conflict).toBeHidden();
  await expect(editor.field('Status')).toHaveValue(otherStatus);
  await expect(editor.field('Title')).toHaveValue(before.title);

  await editor.field('Title').fill(title);
  await editor.save.click();
  await expect(editor.dialog).toBeHidden();
  const reality = agreement.reality('3.4');
  await expect(reality).toContainText(title);
  await expect(reality).toContainText(otherLabel);
});

test("the matrix names the clause each provision comes from, and lists the clauses not agreed with a link to their text", async ({ page }) => {
  await agreementPage(page).goto(SLUG);
  const matrix = page.getByRole('table', { name: 'Strategic Matrix' });
  const fromClause = matrix.getByRole('link', { name: 'from clause 4 of Phase Two: structural text (illustrative draft)' });
  await expect(fromClause).toBeVisible();
  const notAgreed = page.getByRole('region', { name: 'Clauses not agreed' });
  await expect(notAgreed.getByRole('listitem').filter({ hasText: 'Clause 4 of Phase Two' })).toContainText('Converging');
  await fromClause.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phase Two: structural text (illustrative draft)');
});
