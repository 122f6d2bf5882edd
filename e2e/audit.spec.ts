/**
 * The audit log section: an edit made as the demo mediator shows at the top as an update entry with
 * its actor, the agreement's time zone, the changed field and the start of the entry's hash; the
 * log pages back through older entries.
 */
import { agreementPage } from './page-models/agreement-page.ts';
import { editorDialog } from './page-models/editor-dialog.ts';
import { demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { writtenTime } from './support/time.ts';

const SLUG = 'cairo-2026';

test('an edit as the mediator appears in the audit log as an update entry', async ({ page }) => {
  const agreement = agreementPage(page);
  const editor = editorDialog(page);
  const mediator = demoAccount('mediator');
  await logIn(page, mediator);
  await agreement.goto(SLUG);
  await expect(agreement.audit.rows.first()).toBeVisible();

  const provisions = (await (await page.request.get(`/api/agreements/${SLUG}/provisions?limit=500`)).json()) as {
    items: { code: string; status: string }[];
  };
  const before = provisions.items.find((p) => p.code === '3.3');
  if (!before) throw new Error('No provision 3.3 in the demo');
  const [status, label] = before.status === 'minimal' ? ['intermediate', '2 · intermediate'] : ['minimal', '1 · minimal'];

  await agreement.editProvision('3.3').click();
  await editor.field('Status').selectOption({ label });
  await editor.save.click();
  await expect(agreement.notice).toContainText('Provision 3.3 saved.');

  // The section reads the log again after the save: the newest entry is this update.
  const top = agreement.audit.rows.first();
  await expect(top).toContainText('provision 3.3');
  await expect(top.getByRole('cell').nth(1)).toHaveText(mediator.email);
  await expect(top.getByRole('cell').nth(2)).toHaveText('updated');
  await expect(top.getByRole('cell').nth(4)).toHaveText(`status: ${before.status} → ${status}`);
  await expect(top.getByRole('cell').nth(5)).toHaveText(/^[0-9a-f]{12}$/);

  // Its time is written in the agreement's zone (Asia/Gaza), not the browser's (New York).
  const time = top.locator('time');
  const at = await time.getAttribute('datetime');
  expect(at).not.toBeNull();
  const expected = writtenTime(at ?? '', 'Asia/Gaza');
  await expect(time).toHaveText(expected);

  // The hash shown is the start of the one the API gives for that entry.
  const api = (await (await page.request.get(`/api/agreements/${SLUG}/audit?limit=1`)).json()) as { items: { hash: string; action: string }[] };
  expect(api.items[0]?.action).toBe('update');
  await expect(top.getByRole('cell').nth(5)).toHaveText(api.items[0]?.hash.slice(0, 12) ?? '');

  // Older entries, a page at a time.
  await expect(agreement.audit.pager).toContainText(/^1–20 of \d+/);
  await agreement.audit.older.click();
  await expect(agreement.audit.pager).toContainText(/^21–\d+ of \d+/);
  // The 21st entry, not the newest one again: its hash is the 21st of the API's list.
  const first21 = (await (await page.request.get(`/api/agreements/${SLUG}/audit?limit=1&offset=20`)).json()) as { items: { hash: string }[] };
  await expect(agreement.audit.rows.first().getByRole('cell').nth(5)).toHaveText(first21.items[0]?.hash.slice(0, 12) ?? '');
  await expect(agreement.audit.rows.first().getByRole('cell').nth(5)).not.toHaveText(api.items[0]?.hash.slice(0, 12) ?? '');
});

test('the monitor and a delegate read the audit log; the viewer does not', async ({ page }) => {
  const agreement = agreementPage(page);
  for (const account of [demoAccount('monitor'), demoAccount('party_delegate', 'Qatar')]) {
    await logIn(page, account);
    await agreement.goto(SLUG);
    await expect(agreement.audit.rows.first()).toBeVisible();
  }
  await logIn(page, demoAccount('viewer'));
  await agreement.goto(SLUG);
  await expect(agreement.matrixRows).toHaveCount(3);
  await expect(agreement.audit.heading).toHaveCount(0);
});
