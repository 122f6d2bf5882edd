/** /admin/users: the accounts table, the invitation form and the links shown once. */
import type { Page } from '@playwright/test';

export function adminPage(page: Page) {
  const inviteForm = page.getByRole('form', { name: 'Invite a user' });
  const users = page.getByRole('table', { name: 'All accounts' });
  return {
    goto: () => page.goto('/admin/users'),
    heading: page.getByRole('heading', { level: 1, name: 'Accounts' }),
    users,
    /** The row of an account, named by its e-mail. */
    user: (email: string) => users.getByRole('row', { name: email, exact: true }),
    invite: {
      form: inviteForm,
      email: inviteForm.getByLabel('E-mail'),
      name: inviteForm.getByLabel('Name'),
      admin: inviteForm.getByLabel('Administrator'),
      submit: inviteForm.getByRole('button', { name: 'Invite' }),
    },
    invitationLink: page.getByRole('region', { name: 'Invitation link' }).getByLabel('Invitation link'),
    notice: page.getByRole('status').filter({ hasText: /enabled|disabled|administrator/ }),
  };
}
