/** An agreement's collapse risk page: the score and whose view, the parts, the weights, the history and the forecast. */
import type { Page } from '@playwright/test';

export function riskPage(page: Page) {
  const score = page.getByRole('region', { name: 'The score' });
  const parts = page.getByRole('list', { name: 'Parts of the score' });
  const weights = page.getByRole('form', { name: 'Weights of the parts' });
  const history = page.getByRole('region', { name: 'History' });
  const forecast = page.getByRole('region', { name: 'Forecast' });
  return {
    goto: (slug: string, asOf?: string) => page.goto(`/agreements/${slug}/risk${asOf ? `?asOf=${asOf}` : ''}`),
    title: page.getByRole('heading', { level: 1 }),
    score,
    /** The large figure: "42", or "—" when no part has data. */
    scoreNumber: score.locator('.risk-score-number'),
    whose: score.locator('#risk-score-whose'),
    asOf: score.getByLabel('As of'),
    parts,
    /** A part's card, by its label ("Violation trend"). */
    part: (label: string) => parts.getByRole('listitem', { name: label, exact: true }),
    /** The "how the value becomes the score" disclosure of a part. */
    explanation: (label: string) => parts.getByRole('listitem', { name: label, exact: true }).locator('details'),
    howComputed: page.getByRole('region', { name: 'How the score is computed' }),
    weightsSection: page.getByRole('region', { name: 'Weights' }),
    weights,
    weight: (label: string) => weights.getByLabel(label, { exact: true }),
    saveWeights: weights.getByRole('button', { name: 'Save weights' }),
    reloadWeights: weights.getByRole('button', { name: 'Reload their weights' }),
    conflict: weights.locator('.form-conflict'),
    preview: weights.locator('.risk-preview'),
    history,
    historyTable: page.getByRole('table', { name: 'Recorded scores' }),
    historyChart: history.getByRole('img'),
    recordButton: page.getByRole('button', { name: 'Record today’s score' }),
    forecast,
    escalation: page.getByRole('region', { name: 'Escalation model' }),
    excitationMatrix: page.getByRole('table', { name: 'Excitation matrix' }),
    notice: page.locator('.notice'),
  };
}
