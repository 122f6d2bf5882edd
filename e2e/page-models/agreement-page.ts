/** An agreement's page: header, parties, timeline, the Strategic Matrix, pillars and the save notice. */
import type { Page } from '@playwright/test';

export function agreementPage(page: Page) {
  const matrix = page.getByRole('table', { name: 'Strategic Matrix' });
  const parties = page.getByRole('list', { name: 'Parties' });
  return {
    goto: (slug: string) => page.goto(`/agreements/${slug}`),
    title: page.getByRole('heading', { level: 1 }),
    illustrativeBanner: page.getByRole('complementary', { name: 'Illustrative scenario' }),
    parties,
    party: (name: string) => parties.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) }),
    partyLocalName: (localName: string) => parties.getByText(localName, { exact: true }),
    phaseSteps: page.getByRole('list', { name: 'Phases in order' }).getByRole('listitem'),
    rounds: page.getByRole('list', { name: 'Negotiation rounds' }),
    matrix,
    matrixColumnHeaders: matrix.getByRole('columnheader'),
    /** The body rows of the matrix, one per phase. */
    matrixRows: matrix.locator('tbody').getByRole('row'),
    phaseRow: (phaseName: string) => matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: phaseName }) }),
    /** A ground reality (provision) in the matrix, named by its code and title. */
    reality: (code: string) => matrix.getByRole('listitem', { name: new RegExp(`^${code.replace('.', '\\.')} `) }),
    /** The planned window written in a phase's row header. */
    phaseWindow: (phaseName: string) =>
      matrix.getByRole('rowheader', { name: phaseName }).getByText(/No planned window|\d{4}/),
    editProvision: (code: string) => matrix.getByRole('button', { name: `Edit provision ${code}` }),
    editPhase: (phaseName: string) => matrix.getByRole('button', { name: `Edit phase ${phaseName}` }),
    addProvision: (phaseName: string) => matrix.getByRole('button', { name: `Add provision to ${phaseName}` }),
    addFirstPhase: page.getByRole('button', { name: 'Add the first phase' }),
    pillars: page.getByRole('table', { name: 'Pillars' }),
    asOf: page.getByText(/^As of /),
    notice: page.getByRole('status').filter({ hasText: /saved|added|created/ }),
  };
}
