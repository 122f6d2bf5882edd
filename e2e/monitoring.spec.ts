/**
 * The acceptance story in one browser session: a monitor files an incident at a point on the
 * map, the server places it in its governorate, and the monitor takes it through the verification
 * workflow to verified on a link filed as evidence, attributed to the party it alleges; the map then
 * shows it as verified.
 */
import { incidentPage } from './page-models/incidents-page.ts';
import { mapPage } from './page-models/map-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';

test('a monitor files an incident on the map and takes it to verified', async ({ page }) => {
  const description = `Movement beyond the withdrawal line, filed on the map ${Date.now()}`;
  await logIn(page, demoAccount('monitor'));
  const map = mapPage(page);
  await map.goto(SLUG);
  await map.ready();

  await map.zone('Khan Younis').click();
  const point = await map.selectedPoint();
  await map.reportButton.click();
  await map.canvas.click({ position: point });
  const form = map.dialog;
  await expect(form.getByRole('heading', { name: 'Report an incident' })).toBeVisible();
  await form.getByLabel('Category').selectOption('movement_beyond_line');
  await form.getByLabel('Description').fill(description);
  await form.getByLabel('Alleged party').selectOption({ label: 'Hamas' });
  await form.getByRole('button', { name: 'File the report' }).click();

  await expect(page).toHaveURL(new RegExp(`/agreements/${SLUG}/incidents/[0-9a-f-]{36}$`));
  const id = page.url().split('/').pop()!;
  const one = incidentPage(page);
  await expect(page.getByText(description)).toBeVisible();
  await expect(one.status).toHaveText('Status: Reported');
  await expect(one.fact('Place')).toContainText('Khan Younis');

  const steps = [
    { button: 'Triage', reason: 'Within the monitored sector; assigned to the southern team.', label: 'Triaged' },
    { button: 'Investigate', reason: 'Patrol sent with both liaison officers.', label: 'Under investigation' },
    { button: 'Verify', reason: 'Tracks and two independent witnesses confirm the movement.', label: 'Verified' },
  ];
  for (const [i, step] of steps.entries()) {
    // Verification rests on evidence: the patrol's report goes in first, and no reason for going without is asked.
    if (step.label === 'Verified') await one.addEvidenceLink('https://example.org/monitoring/khan-younis-patrol');
    await one.step(step.button).click();
    if (step.label === 'Verified') {
      await one.dialog.attributedTo.selectOption({ label: 'Hamas' });
      await expect(one.dialog.noEvidenceReason).toHaveCount(0);
    }
    await one.dialog.reason.fill(step.reason);
    await one.dialog.submit.click();
    await expect(one.dialog.root).toBeHidden();
    await expect(one.status).toHaveText(`Status: ${step.label}`);
    await expect(one.history.nth(i)).toContainText(step.reason);
  }
  await expect(one.fact('Attributed to')).toHaveText('Hamas');
  await expect(one.nextSteps).toHaveCount(0);

  // The server agrees: verified, attributed, in Khan Younis, with the three steps in its history.
  const api = await apiAs(demoAccount('monitor'));
  const incident = (await (await api.get(`/api/agreements/${SLUG}/incidents/${id}`)).json()) as {
    status: string;
    zoneId: string;
    attributedPartyId: string | null;
    allegedPartyId: string | null;
    history: { to: string }[];
  };
  const zones = (await (await api.get(`/api/agreements/${SLUG}/zones`)).json()) as { items: { id: string; name: string }[] };
  await api.dispose();
  expect(incident.status).toBe('verified');
  expect(incident.attributedPartyId).toBe(incident.allegedPartyId);
  expect(zones.items.find((z) => z.id === incident.zoneId)?.name).toBe('Khan Younis');
  expect(incident.history.map((h) => h.to)).toEqual(['triaged', 'under_investigation', 'verified']);

  // Back on the map, filtered to verified incidents, its popup says so.
  await map.goto(SLUG, '?status=verified&category=movement_beyond_line');
  await map.ready();
  await map.zone('Khan Younis').click();
  await map.canvas.click({ position: await map.selectedPoint() });
  await expect(map.popup).toContainText('Verified');
  await page.screenshot({ path: 'test-results/monitoring-verified-on-map.png' });
});
