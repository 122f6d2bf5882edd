/** The home page: the agreements list with its filters, and the form that creates an agreement. */
import type { Page } from '@playwright/test';

export function homePage(page: Page) {
  const list = page.getByRole('list', { name: 'Agreements' });
  const createForm = page.getByRole('form', { name: 'New agreement' });
  return {
    goto: () => page.goto('/'),
    heading: page.getByRole('heading', { level: 1, name: 'Agreements' }),
    search: page.getByLabel('Search'),
    statusFilter: page.getByLabel('Status'),
    sort: page.getByLabel('Sort by'),
    list,
    agreementLink: (title: string | RegExp) => list.getByRole('link', { name: title }),
    emptyState: (text: string | RegExp) => page.getByText(text),
    createForm,
    create: {
      title: createForm.getByLabel('Title'),
      slug: createForm.getByLabel('Slug'),
      timeZone: createForm.getByLabel('Time zone'),
      submit: createForm.getByRole('button', { name: 'Create agreement' }),
    },
  };
}
