/** An agreement's incident list with its compliance chart, and one incident's page. */
import { expect, type Page } from '@playwright/test';

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
  const evidence = page.getByRole('region', { name: 'Evidence' });
  const linkForm = page.getByRole('form', { name: 'Add a link' });
  const status = workflow.locator('.status-line');
  const step = (name: string) => workflow.getByRole('group', { name: 'Next steps' }).getByRole('button', { name });
  const verifyDialog = {
    reason: dialog.getByLabel('Reason', { exact: true }),
    attributedTo: dialog.getByLabel('Attributed to'),
    noEvidenceReason: dialog.getByLabel('Reason for verifying without evidence'),
    submit: dialog.locator('button[type="submit"]'),
  };

  /** Adds a link as evidence and waits until the evidence section lists it. */
  async function addEvidenceLink(url: string) {
    await linkForm.getByLabel('Link', { exact: true }).fill(url);
    await linkForm.getByRole('button', { name: 'Add link' }).click();
    await expect(evidence.getByRole('link', { name: url })).toBeVisible();
  }

  return {
    goto: (slug: string, id: string) => page.goto(`/agreements/${slug}/incidents/${id}`),
    facts: page.locator('dl.incident-facts'),
    /** The value beside a fact's term ("Occurred", "Attributed to"...). */
    fact: (term: string) => page.locator('dl.incident-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'),
    status,
    step,
    nextSteps: workflow.getByRole('group', { name: 'Next steps' }).getByRole('button'),
    history: workflow.getByRole('list', { name: 'History' }).getByRole('listitem'),
    /** "Verified without evidence: <reason>" under the incident's heading. */
    withoutEvidence: page.locator('.incident-page > .without-evidence'),
    evidence,
    evidenceItems: evidence.getByRole('listitem'),
    addEvidenceLink,
    /**
     * Adds a link as evidence, then verifies the incident (it must be under investigation) on it:
     * no reason for going without evidence is asked. Leaves the page showing it verified.
     */
    async verifyWithEvidence({ url, reason, attributedTo }: { url: string; reason: string; attributedTo?: string }) {
      await addEvidenceLink(url);
      await step('Verify').click();
      await expect(dialog).toBeVisible();
      if (attributedTo) await verifyDialog.attributedTo.selectOption({ label: attributedTo });
      await verifyDialog.reason.fill(reason);
      await expect(verifyDialog.noEvidenceReason).toHaveCount(0);
      await verifyDialog.submit.click();
      await expect(dialog).toBeHidden();
      await expect(status).toHaveText('Status: Verified');
    },
    dialog: {
      root: dialog,
      ...verifyDialog,
      /** The note that an incident without evidence shows in the step to verified. */
      noEvidenceNote: dialog.getByRole('note', { name: 'No evidence' }),
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
