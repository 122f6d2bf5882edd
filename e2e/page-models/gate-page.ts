/** A phase's gate page: the verdict, the checklist, the advance and override controls, the transitions. */
import type { Page } from '@playwright/test';

export function gatePage(page: Page) {
  const checklist = page.getByRole('list', { name: 'Gate conditions' });
  const overrideDialog = page.getByRole('dialog', { name: /^Override the gate/ });
  return {
    goto: (slug: string, phaseId: string) => page.goto(`/agreements/${slug}/phases/${phaseId}/gate`),
    title: page.getByRole('heading', { level: 1 }),
    verdict: page.locator('.gate-verdict'),
    /** A condition of the checklist, by its label. */
    condition: (label: string) => checklist.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label }) }),
    advanceButton: page.getByRole('button', { name: /^Advance to / }),
    overrideButton: page.getByRole('button', { name: 'Override…' }),
    overrideDialog,
    overrideReason: overrideDialog.getByLabel('Reason for the override'),
    overrideSubmit: overrideDialog.getByRole('button', { name: 'Override and advance' }),
    transitions: page.getByRole('region', { name: 'Transitions' }),
    notice: page.locator('.notice'),
  };
}
