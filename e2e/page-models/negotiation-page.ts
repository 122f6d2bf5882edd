/**
 * Negotiated texts: the agreement page's "Negotiated texts" section with its Markdown import, and a
 * document's page (clauses, bracket groups, stance grids, filters, the stance and edit forms, diffs).
 */
import type { Page } from '@playwright/test';

export function documentsSection(page: Page) {
  const section = page.getByRole('region', { name: 'Negotiated texts' });
  const importForm = section.getByRole('form', { name: 'Import Markdown' });
  return {
    section,
    list: section.getByRole('list', { name: 'Negotiated texts' }),
    /** A document's line, named by its title. */
    document: (title: string) => section.getByRole('listitem', { name: title, exact: true }),
    link: (title: string) => section.getByRole('link', { name: title, exact: true }),
    openImport: section.getByRole('button', { name: 'Import Markdown' }),
    importForm,
    markdown: importForm.getByLabel('Markdown', { exact: true }),
    title: importForm.getByLabel('Title (optional)'),
    submit: importForm.getByRole('button', { name: 'Import document' }),
    /** The bracket error: its line and column, and the line with a caret. */
    bracketError: importForm.getByRole('alert'),
  };
}

export function documentPage(page: Page) {
  const dialog = page.getByRole('dialog');
  const stanceForm = dialog.getByRole('form', { name: 'State a stance' });
  const filters = page.getByRole('form', { name: 'Clause filters' });
  const clause = (number: string) => page.getByRole('article', { name: `Clause ${number}`, exact: true });
  const group = (number: string, n: number) => page.getByRole('region', { name: `Clause ${number}, group ${n}`, exact: true });
  const grid = (number: string, n: number) => page.getByRole('table', { name: `Clause ${number}, group ${n}: stances`, exact: true });
  return {
    goto: (slug: string, id: string, search = '') => page.goto(`/agreements/${slug}/documents/${id}${search}`),
    heading: page.getByRole('heading', { level: 1 }),
    /** "Live", "Connecting…" or "Not live…": whether the page follows changes without a reload. */
    live: page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Not live)/ }),
    /** The agreed share's bar (aria-valuetext "2 of 3 clauses agreed (67%)") and its words. */
    agreedShare: page.getByRole('progressbar', { name: 'Clauses agreed' }),
    agreedText: page.locator('.document-page > .consensus .consensus-text'),
    clauses: page.getByRole('article', { name: /^Clause / }),
    clause,
    /** The status badge of a clause ("Agreed", "Converging", "Open", "Blocked"): read it with toHaveText. */
    clauseStatus: (number: string) => clause(number).locator('header [data-status]'),
    /** The text of a clause, its bracket groups written as their alternatives side by side. */
    clauseText: (number: string) => clause(number).locator('.clause-text'),
    /** The alternatives of a clause's n-th bracket group in its text. */
    alternatives: (number: string, n: number) => clause(number).getByRole('group', { name: new RegExp(`^Group ${n}:`) }).locator('.alternative'),
    group,
    groupStatus: (number: string, n: number) => group(number, n).locator('[data-status]'),
    /** Who rejects what in a group: "Blocked: …" when every alternative is rejected, else "Rejections: …". */
    blockers: (number: string, n: number) => group(number, n).getByText(/^(Blocked|Rejections): /),
    grid,
    /** A party's cell under an alternative (1-based) in a group's stance grid. */
    stanceCell: (number: string, n: number, party: string, alternative: number) =>
      grid(number, n)
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${party}`) }) })
        .getByRole('cell')
        .nth(alternative - 1),
    settle: (number: string, n: number) => group(number, n).getByRole('button', { name: /^Settle/ }),
    stateStance: (number: string) => clause(number).getByRole('button', { name: /^State a stance/ }),
    editText: (number: string) => clause(number).getByRole('button', { name: /^Edit text/ }),
    versions: (number: string) => clause(number).getByRole('button', { name: /^Versions and changes/ }),
    compareRevisions: page.getByRole('button', { name: 'Compare revisions' }),
    /** A download link: "Markdown", "Word (DOCX)" or "PDF". */
    download: (label: string) => page.getByRole('navigation', { name: 'Download the document' }).getByRole('link', { name: label, exact: true }),
    filters: {
      form: filters,
      blocked: filters.getByLabel('Blocked only'),
      noPosition: filters.getByLabel('No position from'),
      due: filters.getByLabel('Due this week'),
      clear: filters.getByRole('button', { name: 'Clear filters' }),
    },
    dialog,
    stance: {
      form: stanceForm,
      party: stanceForm.getByLabel('Party', { exact: true }),
      group: stanceForm.getByLabel('Bracket group'),
      alternative: stanceForm.getByLabel('Alternative', { exact: true }),
      position: stanceForm.getByLabel('Position', { exact: true }),
      reservation: stanceForm.getByLabel('Reservation', { exact: true }),
      reason: stanceForm.getByLabel('Reason', { exact: true }),
      statedOn: stanceForm.getByLabel('Stated on'),
      audience: stanceForm.getByLabel('Audience'),
      submit: stanceForm.getByRole('button', { name: 'State stance' }),
    },
    edit: {
      text: dialog.getByLabel('Clause text'),
      reason: dialog.getByLabel('Reason for the change'),
      submit: dialog.getByRole('button', { name: 'Save new version' }),
      conflict: dialog.getByRole('alert').filter({ hasText: 'changed by someone else' }),
      reload: dialog.getByRole('button', { name: 'Reload' }),
    },
    diff: {
      from: dialog.getByLabel('From', { exact: true }),
      to: dialog.getByLabel('To', { exact: true }),
      versions: dialog.getByRole('list', { name: 'Versions' }).getByRole('listitem'),
      /** The clause's stances the reader may see, newest first. */
      stanceHistory: dialog.getByRole('list', { name: 'Stance history' }).getByRole('listitem'),
      summary: dialog.locator('.diff-summary'),
      inserted: dialog.locator('.diff-text ins'),
      deleted: dialog.locator('.diff-text del'),
      close: dialog.getByRole('button', { name: 'Close' }),
    },
    notice: page.getByRole('status').filter({ hasText: /settled|saved|: / }),
  };
}
