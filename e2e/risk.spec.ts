/**
 * The collapse risk explains itself (docs/FORECAST.md): the demo's mediator sees the score, whose view
 * it is and every part with its value, source and weight, opens a part's explanation, changes a
 * weight (first losing a race to someone else's save: the form keeps the entry) and sees the score
 * follow, and records the score into the history; a party's delegate sees their own circle's view
 * with no weights and no record button, and another day through the address. The demo's weights
 * are put back at the end.
 */
import { RISK_PART_LABELS } from '../src/core/risk/parts.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { riskPage } from './page-models/risk-page.ts';

const SLUG = 'cairo-2026';
const RISK = `/api/agreements/${SLUG}/risk`;

interface Part {
  key: keyof typeof RISK_PART_LABELS;
  label: string;
  value: string;
  source: string;
  explanation: string;
  score: number | null;
  weight: number;
}
interface Risk {
  score: number | null;
  parts: Part[];
  weightsVersion: number;
  history: Array<{ id: string; day: string }>;
}

/** The score as docs/FORECAST.md defines it: 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with data. */
function expectedScore(parts: Part[], weights: Partial<Record<Part['key'], number>>): number | null {
  let sum = 0;
  let total = 0;
  for (const p of parts) {
    if (p.score === null) continue;
    const w = weights[p.key] ?? p.weight;
    sum += w * p.score;
    total += w;
  }
  return total > 0 ? (100 * sum) / total : null;
}

test('the mediator reads every part, opens an explanation, changes a weight after a conflict, and records the score', async ({ page }) => {
  // The risk reads the forecast, the gates, the force and the precedents: several computed views on a busy runner.
  test.setTimeout(90_000);
  const mediator = demoAccount('mediator');
  await logIn(page, mediator);
  const before = (await (await page.request.get(RISK)).json()) as Risk;
  const admin = await apiAs(demoAccount('admin'));
  const originalWeights = Object.fromEntries(before.parts.map((p) => [p.key, p.weight]));
  try {
    const risk = riskPage(page);
    await risk.goto(SLUG);
    await expect(risk.title).toHaveText('Collapse risk');
    await expect(risk.scoreNumber).toHaveText(before.score === null ? '—' : String(Math.round(before.score)), { timeout: 20_000 });
    await expect(risk.whose).toContainText('as the mediators see it');

    // Every part: its label, value, source and weight; a part without data says it is not counted.
    expect(before.parts.map((p) => p.key)).toEqual(Object.keys(RISK_PART_LABELS));
    for (const part of before.parts) {
      const card = risk.part(part.label);
      await expect(card).toContainText(part.value);
      await expect(card).toContainText(part.source);
      await expect(card.locator('.risk-meta')).toContainText(/Weight\s*\d/);
      if (part.score === null) await expect(card).toContainText('No data — not counted');
    }
    await expect(risk.howComputed).toContainText('100 × Σ (weight × part score) ÷ Σ weight');

    // A part's explanation opens on demand.
    const first = before.parts[0]!;
    const details = risk.explanation(first.label);
    await expect(details.getByText(first.explanation)).toBeHidden();
    await details.getByText('How the value becomes the score').click();
    await expect(details.getByText(first.explanation)).toBeVisible();

    // The weight that moves the score most: the part with data farthest from the score.
    const withData = before.parts.filter((p) => p.score !== null);
    expect(withData.length, 'the demo has parts with data').toBeGreaterThan(1);
    const target = [...withData].sort((a, b) => Math.abs(b.score! * 100 - before.score!) - Math.abs(a.score! * 100 - before.score!))[0]!;
    const other = before.parts.find((p) => p.key !== target.key)!;

    // Someone else saves first: the page's save is refused, and the entry stays in the form.
    const theirs = await admin.put(`${RISK}/weights`, { data: { weights: { ...originalWeights, [other.key]: 2 }, version: before.weightsVersion } });
    expect(theirs.status()).toBe(200);
    await risk.weight(target.label).fill('10');
    await expect(risk.preview).toContainText('With these weights the score would be');
    await risk.saveWeights.click();
    await expect(risk.conflict).toContainText('Changed by someone else — reload');
    await expect(risk.weight(target.label)).toHaveValue('10');
    await risk.reloadWeights.click();
    await expect(risk.weight(other.label)).toHaveValue('2');
    await expect(risk.weight(target.label)).toHaveValue('10');
    await risk.saveWeights.click();
    await expect(risk.notice).toContainText('Weights saved');

    const expected = expectedScore(before.parts, { [target.key]: 10, [other.key]: 2 });
    expect(expected).not.toBeNull();
    expect(Math.round(expected!), 'the chosen weight moves the score').not.toBe(Math.round(before.score!));
    await expect(risk.scoreNumber).toHaveText(String(Math.round(expected!)), { timeout: 20_000 });
    await expect(risk.part(target.label).locator('.risk-meta')).toContainText(/Weight\s*10(?![\d.])/);

    // Recording adds today's score of this view to the history.
    await risk.recordButton.click();
    await expect(risk.notice).toContainText('Recorded today’s score');
    await expect(risk.historyTable.locator('tbody tr')).toHaveCount(before.history.length + 1);
    await expect(risk.historyTable.locator('tbody tr').first()).toContainText(String(Math.round(expected!)));
    await expect(risk.historyChart).toHaveAttribute('aria-label', /Line chart of the score/);
  } finally {
    const now = (await (await admin.get(`${RISK}/weights`)).json()) as { version: number };
    expect((await admin.put(`${RISK}/weights`, { data: { weights: originalWeights, version: now.version } })).status()).toBe(200);
    await admin.dispose();
  }
});

test('a party’s delegate sees their circle’s view, with no weights editor and no record button', async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, demoAccount('party_delegate', 'Israel'));
  const view = (await (await page.request.get(RISK)).json()) as Risk;
  const risk = riskPage(page);
  await risk.goto(SLUG);
  await expect(risk.scoreNumber).toHaveText(view.score === null ? '—' : String(Math.round(view.score)), { timeout: 20_000 });
  await expect(risk.whose).toContainText('as the circle of Israel');
  for (const part of view.parts) await expect(risk.part(part.label)).toContainText(part.source);
  await expect(risk.history).toBeVisible();
  await expect(risk.weightsSection).toHaveCount(0);
  await expect(risk.weights).toHaveCount(0);
  await expect(risk.recordButton).toHaveCount(0);
  // Another day: the as-of day goes into the address and the view is computed for it.
  await risk.asOf.fill('2026-11-01');
  await expect(page).toHaveURL(/[?&]asOf=2026-11-01/);
  await expect(risk.whose).toContainText('as of 1 Nov 2026', { timeout: 20_000 });

  // The delegate's writes are refused all the same.
  const delegate = await apiAs(demoAccount('party_delegate', 'Israel'));
  expect((await delegate.post(`${RISK}/snapshots`, { data: {} })).status()).toBe(403);
  expect((await delegate.put(`${RISK}/weights`, { data: { weights: {}, version: view.weightsVersion } })).status()).toBe(403);
  await delegate.dispose();
});
