/**
 * An agreement's audit log page: its filters (actor, record kind, action, days), the entries'
 * table with a locator per cell, the pager, and what it says of left-out entries and of verifying.
 * `filterByActor('Demo mediator')` is what a spec of a working day needs; `entry(...)` finds a row by
 * what it shows.
 */
import type { Locator, Page } from '@playwright/test';

/** The table's columns, in order (AuditTable.tsx). */
const COLUMNS = { time: 0, actor: 1, action: 2, record: 3, change: 4, chain: 5 } as const;
export type AuditColumn = keyof typeof COLUMNS;

export function auditPage(page: Page) {
  const table = page.getByRole('table', { name: 'Audit log' });
  const filters = page.getByRole('form', { name: 'Audit log filters' });
  const pager = page.getByRole('navigation', { name: 'Audit log pages' });
  const rows = table.locator('tbody').getByRole('row');
  const actor = filters.getByLabel('Actor');
  return {
    /** Opens the page, with a search string ("?actor=…&entity=provision") when given. */
    goto: (slug: string, search = '') => page.goto(`/agreements/${slug}/audit${search}`),
    title: page.getByRole('heading', { level: 1 }),
    table,
    rows,
    /** The rows that show `text` anywhere (a record's name, a field's label, an actor). */
    entry: (text: string | RegExp) => rows.filter({ hasText: text }),
    /** A cell of a row by its column. */
    cell: (row: Locator, column: AuditColumn) => row.getByRole('cell').nth(COLUMNS[column]),
    /** The time column's header: click it to turn the order round. */
    sortByTime: table.getByRole('columnheader').first().getByRole('button'),
    filters: {
      form: filters,
      actor,
      kind: filters.getByLabel('Record kind'),
      action: filters.getByLabel('Action'),
      from: filters.getByLabel('From day'),
      to: filters.getByLabel('To day'),
      clear: filters.getByRole('button', { name: 'Clear filters' }),
    },
    /** Keeps the entries of one actor, named as the actor filter offers them (a user's name). */
    filterByActor: (name: string) => actor.selectOption({ label: name }),
    pager,
    next: pager.getByRole('button', { name: 'Next' }),
    previous: pager.getByRole('button', { name: 'Previous' }),
    /** "Entries about work confidential to others … are not shown and not counted here." */
    omitted: page.getByText(/are not shown and not counted here/),
    verifyHelp: page.locator('details').filter({ has: page.getByText('How to verify this log') }),
    empty: page.locator('.state-empty'),
    closed: page.getByText(/The audit log is for the agreement’s mediators|Log in to see the audit log/),
    error: page.getByRole('alert'),
  };
}
