/** The modal editors for phases and provisions: their labelled fields, save, and the conflict notice. */
import type { Page } from '@playwright/test';

export function editorDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  return {
    dialog,
    heading: dialog.getByRole('heading', { level: 2 }),
    field: (label: string) => dialog.getByLabel(label, { exact: true }),
    save: dialog.getByRole('button', { name: /^(Save|Add) (provision|phase)$/ }),
    cancel: dialog.getByRole('button', { name: 'Cancel' }),
    problems: dialog.getByRole('alert'),
    conflict: dialog.getByRole('alert').filter({ hasText: 'changed by someone else' }),
    reload: dialog.getByRole('button', { name: 'Reload' }),
  };
}
