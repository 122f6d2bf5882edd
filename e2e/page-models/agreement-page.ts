/** An agreement's page: header, parties, timeline, the Strategic Matrix, pillars, notes, the link to the audit log, members and the save notice. */
import type { Page } from '@playwright/test';

export function agreementPage(page: Page) {
  const matrix = page.getByRole('table', { name: 'Strategic Matrix' });
  const parties = page.getByRole('list', { name: 'Parties' });
  const notesSection = page.getByRole('region', { name: 'Notes' });
  const noteForm = page.getByRole('form', { name: 'New note' });
  const members = page.getByRole('region', { name: 'Members' });
  const memberForm = page.getByRole('form', { name: 'Give a role' });
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
    addPhase: page.getByRole('button', { name: /Add phase$/ }),
    addFirstPhase: page.getByRole('button', { name: 'Add the first phase' }),
    /** Every button whose name starts with "Edit", anywhere on the page. */
    editButtons: page.getByRole('button', { name: /^Edit/ }),
    publicToggle: page.getByLabel('Public', { exact: true }),
    pillars: page.getByRole('table', { name: 'Pillars' }),
    asOf: page.getByText(/^As of /),
    notice: page.getByRole('status').filter({ hasText: /saved|added|created|deleted|now|no longer/ }),
    notes: {
      section: notesSection,
      list: notesSection.getByRole('list', { name: 'Notes' }),
      /** A note, named by its title. */
      note: (title: string) => notesSection.getByRole('listitem', { name: title, exact: true }),
      form: noteForm,
      party: noteForm.getByLabel('Party'),
      provision: noteForm.getByLabel('Provision'),
      title: noteForm.getByLabel('Note title'),
      body: noteForm.getByLabel('Note', { exact: true }),
      audience: noteForm.getByLabel('Audience'),
      submit: noteForm.getByRole('button', { name: 'Add note' }),
    },
    /** The link to the audit log's page, for the roles that may read it (e2e/page-models/audit-page.ts). */
    auditLink: page.getByRole('navigation', { name: 'Monitoring' }).getByRole('link', { name: 'Audit log' }),
    members: {
      section: members,
      table: members.getByRole('table', { name: 'Members' }),
      member: (email: string) => members.getByRole('row', { name: email, exact: true }),
      form: memberForm,
      user: memberForm.getByLabel('User'),
      role: memberForm.getByLabel('Role'),
      party: memberForm.getByLabel('Party'),
      submit: memberForm.getByRole('button', { name: 'Give role' }),
    },
  };
}
