/**
 * Phase gates and the stabilization force (docs/GATES.md): the demo's Phase Two gate fails with its
 * reasons; the force page shows the gaps, the parties' positions, the money and a what-if that
 * changes a gap without saving it; a mediator overrides a failing gate with a reason on an agreement
 * the test makes itself, and the transition shows on the gate page.
 */
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { forcePage } from './page-models/force-page.ts';
import { gatePage } from './page-models/gate-page.ts';

test('the demo: Phase Two’s gate fails with its reasons, and the force page shows gaps, positions, money and a what-if that saves nothing', async ({ page }) => {
  // Two pages of computed views (gates, gaps, funding) and a what-if: more than one page's worth on a busy runner.
  test.setTimeout(60_000);
  await logIn(page, demoAccount('mediator'));
  const gates = (await (await page.request.get('/api/agreements/cairo-2026/gates')).json()) as { items: Array<{ phase: { id: string; name: string } }> };
  const phaseTwo = gates.items.find((g) => g.phase.name.startsWith('Phase Two'));
  expect(phaseTwo).toBeDefined();

  const gate = gatePage(page);
  await gate.goto('cairo-2026', phaseTwo!.phase.id);
  await expect(gate.title).toContainText('Phase Two');
  await expect(gate.verdict).toContainText(/The gate fails: \d of 6 conditions met/);
  const withdrawals = gate.condition('Phase One withdrawals verified');
  await expect(withdrawals).toContainText('Not met');
  await expect(withdrawals).toContainText('0 of 2 withdrawal items verified');
  await expect(gate.condition('Stabilization force requirements covered')).toContainText(/Gap of \d+ of \d+ personnel/);
  // Failing: advancing needs an override.
  await expect(gate.advanceButton).toBeDisabled();
  await expect(gate.overrideButton).toBeVisible();

  const force = forcePage(page);
  await force.goto('cairo-2026');
  // The overview computes gaps and funding for this reader: on a busy runner it may take a while.
  await expect(force.illustrativeBanner).toBeVisible({ timeout: 15_000 });
  await expect(force.requirements).toContainText(/of \d+ personnel covered; gap \d+/);
  const before = await force.requirements.getByText(/personnel covered; gap/).textContent();
  await expect(force.requirementsTable.getByRole('row', { name: /Infantry · Gaza/ })).toContainText('Illustrative');
  await expect(force.acceptabilityGrid.getByRole('rowheader', { name: /Contributor A/ })).toBeVisible();
  await expect(force.acceptabilityGrid.getByRole('columnheader', { name: /Israel/ })).toBeVisible();
  await expect(force.funding).toContainText('Commitment gap:');
  await expect(force.funding).toContainText('Disbursement gap:');
  await expect(force.fundingByDonor).toBeVisible();

  // What if Contributor A withdrew: its covered requirement's gap grows; nothing is saved.
  await expect(force.whatIf).toContainText('Nothing is saved');
  await force.whatIfKind.selectOption('withdraw');
  await force.whatIfContributor.selectOption({ label: 'Contributor A (illustrative)' });
  await force.whatIfAdd.click();
  const gazaRow = force.whatIfGaps.getByRole('row', { name: /^Infantry · Gaza/ });
  await expect(gazaRow).toContainText('Changed');
  await expect(force.whatIfGates.getByRole('row', { name: /Phase Two/ })).toContainText('Fails');
  await page.reload();
  await expect(force.requirements.getByText(/personnel covered; gap/)).toHaveText(before ?? '');
});

test('a mediator overrides a failing gate with a reason, and the transition shows on the gate page', async ({ page }) => {
  const mediator = demoAccount('mediator');
  const admin = await apiAs(demoAccount('admin'));
  const slug = `gate-e2e-${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.post('/api/agreements', { data: { slug, title: `Gate ${slug}`, timeZone: 'Asia/Gaza' } })).status()).toBe(201);
  const phase = (await (await admin.post(`/api/agreements/${slug}/phases`, { data: { name: 'Stabilization' } })).json()) as { id: string };
  // No force is sized: "requirements covered" is not met, so the gate fails.
  const put = await admin.put(`/api/agreements/${slug}/phases/${phase.id}/gate`, {
    data: { conditions: [{ kind: 'force_covered', label: 'Force requirements covered' }] },
  });
  expect(put.status()).toBe(200);
  const me = (await (await admin.get('/api/users')).json()) as { items: Array<{ id: string; email: string }> };
  const mediatorId = me.items.find((u) => u.email === mediator.email)?.id;
  expect((await admin.put(`/api/agreements/${slug}/members/${mediatorId}`, { data: { role: 'mediator' } })).status()).toBe(200);
  await admin.dispose();

  await logIn(page, mediator);
  const gate = gatePage(page);
  await gate.goto(slug, phase.id);
  await expect(gate.verdict).toContainText('The gate fails: 0 of 1 condition met.');
  await expect(gate.condition('Force requirements covered')).toContainText('No force requirement');
  await expect(gate.transitions).toContainText('This phase has not been advanced yet.');

  await gate.overrideButton.click();
  await expect(gate.overrideDialog).toBeVisible();
  await gate.overrideSubmit.click();
  await expect(gate.overrideDialog).toContainText('is required');
  await gate.overrideReason.fill('The parties asked to begin while the force is generated.');
  await gate.overrideSubmit.click();
  await expect(gate.overrideDialog).toBeHidden();
  await expect(gate.notice).toContainText('Stabilization is now active');
  await expect(gate.transitions).toContainText('Overridden');
  await expect(gate.transitions).toContainText('The parties asked to begin while the force is generated.');
});
