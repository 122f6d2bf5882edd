/** An agreement's incident list with its compliance chart, and one incident's page. */
import type { Page } from '@playwright/test';

export function incidentsPage(page: Page) {
  const compliance = page.getByRole('region', { name: 'Compliance' });
  const complianceTable = compliance.getByRole('table', { name: /^Verified incidents per/ });
  return {
    goto: (slug: string, search = '') => page.goto(`/agreements/${slug}/incidents${search}`),
    heading: page.getByRole('heading', { level: 1, name: 'Incidents' }),
    filters: page.getByRole('form', { name: 'Incident filters' }),
    table: page.getByRole('table', { name: 'Incidents', exact: true }),
    /** The list's row of an incident, found by text in it. */
    row: (text: string | RegExp) => page.getByRole('table', { name: 'Incidents', exact: true }).getByRole('row').filter({ hasText: text }),
    closed: page.getByText('Log in to see incident reports'),
    reportOnMap: page.getByRole('link', { name: 'Report an incident on the map' }),
    pager: page.getByRole('navigation', { name: 'Incident pages' }),
    next: page.getByRole('navigation', { name: 'Incident pages' }).getByRole('button', { name: 'Next' }),
    previous: page.getByRole('navigation', { name: 'Incident pages' }).getByRole('button', { name: 'Previous' }),
    /** A link of the Download menu (the menu's items exist, hidden, until it opens). */
    download: (format: 'CSV' | 'JSON' | 'GeoJSON') => page.getByRole('list', { name: 'Download formats', includeHidden: true }).getByRole('link', { name: format, exact: true, includeHidden: true }),
    compliance: {
      section: compliance,
      chart: compliance.getByRole('img', { name: /^Bar chart of verified incidents/ }),
      table: complianceTable,
      /** The count in a day's row (named as the table writes it, e.g. "6 Jun 2026") under a series' column. */
      cell: async (day: string, series: string) => {
        const headers = await complianceTable.locator('thead th').allTextContents();
        const column = headers.indexOf(series);
        if (column < 0) throw new Error(`No column "${series}" in ${headers.join(', ')}`);
        return complianceTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: day, exact: true }) }).locator('th, td').nth(column);
      },
      empty: compliance.getByText('No verified incidents in this period.'),
    },
  };
}

export function incidentPage(page: Page) {
  const workflow = page.getByRole('region', { name: 'Verification' });
  const dialog = page.getByRole('dialog');
  const responses = page.getByRole('region', { name: 'Responses of the parties' });
  const responseForm = page.getByRole('form', { name: 'Respond to the allegation' });
  return {
    goto: (slug: string, id: string) => page.goto(`/agreements/${slug}/incidents/${id}`),
    facts: page.locator('dl.incident-facts'),
    /** The value beside a fact's term ("Occurred", "Attributed to"...). */
    fact: (term: string) => page.locator('dl.incident-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'),
    status: workflow.locator('.status-line'),
    step: (name: string) => workflow.getByRole('group', { name: 'Next steps' }).getByRole('button', { name }),
    nextSteps: workflow.getByRole('group', { name: 'Next steps' }).getByRole('button'),
    history: workflow.getByRole('list', { name: 'History' }).getByRole('listitem'),
    dialog: {
      root: dialog,
      reason: dialog.getByLabel('Reason'),
      attributedTo: dialog.getByLabel('Attributed to'),
      submit: dialog.locator('button[type="submit"]'),
      alert: dialog.getByRole('alert'),
      back: dialog.getByRole('button', { name: 'Back to the incident' }),
    },
    responses: responses.getByRole('listitem'),
    responseForm,
    responseBody: responseForm.getByLabel('Response'),
    responseSubmit: responseForm.getByRole('button', { name: 'File response' }),
    closed: page.getByText('Log in to see incident reports'),
    notice: page.getByRole('status').filter({ hasText: /moved|filed|added/ }),
  };
}
