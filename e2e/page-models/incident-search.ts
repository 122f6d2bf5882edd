/** The incident list's search box and totals by status, and the locator map on an incident's page. */
import type { Page } from '@playwright/test';

export function incidentSearch(page: Page) {
  const totals = page.getByRole('list', { name: 'Totals by status' });
  return {
    box: page.getByRole('form', { name: 'Incident filters' }).getByRole('searchbox', { name: 'Search' }),
    totals,
    /** A status's total, e.g. total('Reported') reads "Reported 1". */
    total: (status: string) => totals.getByRole('button', { name: new RegExp(`^${status} `) }),
    table: page.getByRole('table', { name: 'Incidents', exact: true }),
    rows: page.getByRole('table', { name: 'Incidents', exact: true }).locator('tbody tr'),
  };
}

export function locatorMap(page: Page) {
  const section = page.getByRole('region', { name: 'Location' });
  return {
    section,
    map: section.getByRole('img', { name: /^Map of the incident’s location/ }),
    canvas: section.locator('canvas'),
    none: section.getByText('No location recorded'),
  };
}
