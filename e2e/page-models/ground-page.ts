/** An agreement's ground page (withdrawal schedule, indicators, areas held) and one indicator's page. */
import type { Page } from '@playwright/test';

export function groundPage(page: Page) {
  const schedule = page.getByRole('table', { name: 'Withdrawal schedule' });
  const dialog = page.getByRole('dialog');
  return {
    goto: (slug: string) => page.goto(`/agreements/${slug}/ground`),
    heading: page.getByRole('heading', { level: 1, name: 'Ground' }),
    /** The schedule's row of an item, by its force. */
    item: (force: string) => schedule.getByRole('row').filter({ has: page.getByRole('rowheader', { name: force }) }),
    verify: (force: string) => schedule.getByRole('button', { name: `Verify ${force}` }),
    /** An indicator's card (its heading names it), its link and its small chart. */
    indicator: (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) }),
    indicatorLink: (name: string) => page.getByRole('heading', { level: 3, name }).getByRole('link'),
    verification: {
      dialog,
      observedOn: dialog.getByLabel('Observed on'),
      finding: dialog.getByLabel('Finding'),
      reliability: dialog.getByLabel('Source reliability'),
      credibility: dialog.getByLabel('Information credibility'),
      addLink: dialog.getByRole('button', { name: '+ Add a link' }),
      linkName: dialog.getByLabel('Link 1: name'),
      linkUrl: dialog.getByLabel('Link 1: address'),
      notes: dialog.getByLabel('Notes'),
      submit: dialog.getByRole('button', { name: 'Record verification' }),
    },
  };
}

export function indicatorPage(page: Page) {
  return {
    chart: page.getByRole('img', { name: /^Chart of / }),
    source: page.getByRole('region', { name: 'Source' }),
    streak: page.locator('.indicator-streak'),
    observations: page.getByRole('table', { name: 'Observations' }),
    older: page.getByRole('navigation', { name: 'Observation pages' }).getByRole('button', { name: 'Older' }),
  };
}
