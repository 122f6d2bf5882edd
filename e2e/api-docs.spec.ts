/**
 * The OpenAPI page a developer opens first: its description says how to authenticate, with the
 * bearer header written out in full (a bare <token> was once read as an HTML tag and vanished), and
 * links back to the app.
 */
import { expect, test } from './support/fixtures.ts';

test('the API docs show the bearer header in full and link back to the app', async ({ page }) => {
  await page.goto('/api/docs');
  const info = page.locator('.information-container');
  // The document is generated on the first request: give it time on a busy machine.
  await expect(info.getByText('Authorization: Bearer <API token>', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(info.getByText('X-CSRF-Token', { exact: true })).toBeVisible();
  const back = info.getByRole('link', { name: 'Back to Phaseline' });
  // Swagger UI opens description links in a new tab; the address is what matters.
  await expect(back).toHaveAttribute('href', '/');
});
