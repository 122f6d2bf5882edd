/**
 * An agreement's "What changed" page (docs/DESK.md), and the home page's counts that link to it:
 * the header and where its start comes from, the counts, the start chosen, and the items by kind.
 * Made to be reused (a working day with the server's clock moved forward): open, read, choose.
 */
import type { Locator, Page } from '@playwright/test';
import { DESK_KIND_LABELS, type DeskKind } from '../../src/core/desk/kinds.ts';

export type { DeskKind };

/** The counts line read as numbers: "3 new · 1 overdue · 2 due within 7 days". */
export interface SinceCounts {
  new: number;
  overdue: number;
  dueSoon: number;
}

export function parseSinceCounts(text: string): SinceCounts {
  const m = /(\d+) new · (\d+) overdue · (\d+) due within 7 days/.exec(text);
  if (!m) throw new Error(`Not a counts line: "${text}"`);
  return { new: Number(m[1]), overdue: Number(m[2]), dueSoon: Number(m[3]) };
}

export function sincePage(page: Page) {
  const group = (kind: DeskKind) => page.locator(`section[data-kind="${kind}"]`);
  const items = (kind: DeskKind) => page.getByRole('list', { name: DESK_KIND_LABELS[kind], exact: true }).getByRole('listitem');
  const counts = page.locator('.since-counts');
  return {
    /** Opens the page: since the last visit, or since a day (YYYY-MM-DD, in the agreement's zone). */
    open: (slug: string, since?: string) => page.goto(`/agreements/${slug}/since${since ? `?since=${since}` : ''}`),
    /** "What changed since 14 Jun 2026, 00:00 EEST". */
    heading: page.getByRole('heading', { level: 1 }),
    /** "From your last visit to …", "From the day you chose to …", "From 7 days ago to …". */
    sinceFrom: page.locator('.since-from'),
    /** The counts line; read it as numbers with countValues(). */
    counts,
    countValues: async (): Promise<SinceCounts> => parseSinceCounts((await counts.textContent()) ?? ''),
    /** The day input that chooses the start (it goes into the address as ?since=). */
    sinceInput: page.getByLabel('Since', { exact: true }),
    /** Back to the default start ("Since my last visit", or "The last 7 days" for a visitor). */
    defaultStart: page.getByRole('button', { name: /^(Since my last visit|The last 7 days)$/ }),
    /** The section of a kind (absent when there is none of it). */
    group,
    /** A kind's count as its heading shows it. */
    count: (kind: DeskKind): Locator => group(kind).locator('.since-count'),
    /** The items of a kind, in the page's order. */
    items,
    /** The link of an item of a kind, by its title. */
    link: (kind: DeskKind, title: string | RegExp): Locator => items(kind).getByRole('link', { name: title }),
    /** "Nothing changed since …". */
    empty: page.locator('.state-empty'),
    error: page.getByRole('alert'),
  };
}

/** The home page's "N new · M overdue" link of an agreement (by its title), shown to its members. */
export function homeCounts(page: Page, agreementTitle: string | RegExp): Locator {
  return page
    .getByRole('list', { name: 'Agreements' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: agreementTitle }) })
    .locator('.desk-counts')
    .getByRole('link');
}
