/**
 * A provision's page (its permalink): facts, text, indicators, incidents, the status history with
 * its downloads, and the "Change status" form. `fromMatrix` opens it from the Strategic Matrix.
 */
import type { Page } from '@playwright/test';

export function provisionPage(page: Page) {
  const history = page.getByRole('table', { name: 'Status history' });
  const form = page.getByRole('form', { name: 'Change status' });
  const evidence = form.getByRole('group', { name: 'Evidence' });
  return {
    goto: (slug: string, id: string) => page.goto(`/agreements/${slug}/provisions/${id}`),
    /** Opens a provision from the agreement page's matrix by its code (the link is its title). */
    fromMatrix: (code: string) =>
      page
        .getByRole('table', { name: 'Strategic Matrix' })
        .getByRole('listitem', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) })
        .getByRole('link')
        .first(),
    heading: page.getByRole('heading', { level: 1 }),
    /** The badge beside the heading: the provision's status now. */
    status: page.locator('.provision-head .badge'),
    facts: page.locator('.provision-facts'),
    /** A fact's value, by its term ("Obligated party", "Deadline", "Clause"...). */
    fact: (term: string) => page.locator('.provision-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'),
    text: page.getByRole('region', { name: 'Text' }),
    indicators: page.getByRole('region', { name: 'Indicators' }),
    incidents: page.getByRole('region', { name: 'Incidents that bear on it' }),
    history,
    /** The body rows of the history, oldest first. */
    historyRows: history.locator('tbody').getByRole('row'),
    csv: page.getByRole('link', { name: 'CSV', exact: true }),
    json: page.getByRole('link', { name: 'JSON', exact: true }),
    change: {
      form,
      status: form.getByLabel('New status'),
      reason: form.getByLabel('Reason'),
      source: form.getByLabel('Source', { exact: true }),
      grade: form.getByLabel('Source grade'),
      incident: evidence.getByLabel('Incident'),
      addIncident: evidence.getByRole('button', { name: 'Add incident' }),
      link: evidence.getByLabel('Link', { exact: true }),
      linkLabel: evidence.getByLabel('Link label'),
      addLink: evidence.getByRole('button', { name: 'Add link' }),
      drafts: evidence.getByRole('list', { name: 'Evidence to add' }).getByRole('listitem'),
      submit: form.getByRole('button', { name: 'Change status' }),
      problems: form.locator('.form-problems'),
      conflict: form.locator('.form-conflict'),
    },
    notice: page.getByRole('status').filter({ hasText: /Status changed/ }),
  };
}
