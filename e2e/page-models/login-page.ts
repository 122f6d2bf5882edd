/** The login page, and the header's account controls (the "Log in" link, the user menu, Log out). */
import type { Page } from '@playwright/test';

export function loginPage(page: Page) {
  const form = page.getByRole('form', { name: 'Log in' });
  return {
    goto: (next?: string) => page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
    heading: page.getByRole('heading', { level: 1, name: 'Log in' }),
    form,
    email: form.getByLabel('E-mail'),
    password: form.getByLabel('Password'),
    submit: form.getByRole('button', { name: 'Log in' }),
    error: form.getByRole('alert'),
    /** Fills the form and submits it. */
    logIn: async (email: string, password: string) => {
      await form.getByLabel('E-mail').fill(email);
      await form.getByLabel('Password').fill(password);
      await form.getByRole('button', { name: 'Log in' }).click();
    },
  };
}

export function header(page: Page) {
  const banner = page.getByRole('banner');
  const menuButton = banner.getByRole('button', { name: /^Account menu for / });
  const menu = banner.getByRole('list', { name: 'Account' });
  return {
    loginLink: banner.getByRole('link', { name: 'Log in' }),
    menuButton,
    menu,
    account: menu.getByRole('link', { name: 'Account' }),
    administration: menu.getByRole('link', { name: 'Administration' }),
    logOut: async () => {
      await menuButton.click();
      await menu.getByRole('button', { name: 'Log out' }).click();
    },
  };
}
