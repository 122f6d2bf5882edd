/**
 * Negotiated texts in the web UI: a document imported through the API into a fresh agreement with
 * two belligerent parties; the mediator (here the administrator) states the parties' stances through
 * the UI and sees a clause go from open to converging, blocked and agreed; filters in the address
 * bar; settling the agreed group; the word diff of the clause's versions and of the document's
 * revisions; a bracket error in the Markdown import named by its line and column.
 */
import type { APIRequestContext } from '@playwright/test';
import { agreementPage } from './page-models/agreement-page.ts';
import { documentPage, documentsSection } from './page-models/negotiation-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';

// Each stance is a write and a recomputed document: allow for a loaded machine.
const expect = baseExpect.configure({ timeout: 15_000 });

const MARKDOWN = `# Force annex

## Mandate

1. The force is led by [the United Nations] [the African Union].
2. Its funding comes [from the donors' conference].
3. The parties respect the force's freedom of movement.

## التمويل

4. يتم التمويل من [المانحين] [الأطراف].
`;

interface Setup {
  slug: string;
  documentId: string;
}

/** A fresh agreement in Gaza's zone with two belligerent parties and the document above (deadline in three days). */
async function setUp(admin: APIRequestContext): Promise<Setup> {
  const slug = `negotiation-${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.post('/api/agreements', { data: { slug, title: `Negotiation ${slug}`, timeZone: 'Asia/Gaza' } })).status()).toBe(201);
  for (const name of ['Northern Party', 'Southern Party']) {
    expect((await admin.post(`/api/agreements/${slug}/parties`, { data: { name, role: 'belligerent' } })).status()).toBe(201);
  }
  const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
  const created = await admin.post(`/api/agreements/${slug}/documents`, { data: { markdown: MARKDOWN, deadline } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { slug, documentId: id };
}

test('a clause moves from open to agreed through stances stated in the UI, is settled, and its change shows as a word diff', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(demoAccount('admin'));
  const { slug, documentId } = await setUp(admin);
  await admin.dispose();
  await logIn(page, demoAccount('admin'));

  // The agreement page lists the document with its share: clause 3 has no brackets, so it is agreed.
  await agreementPage(page).goto(slug);
  const documents = documentsSection(page);
  await expect(documents.document('Force annex')).toContainText('25% agreed');
  await expect(documents.document('Force annex')).toContainText('1 agreed · 0 converging · 3 open · 0 blocked');
  await expect(documents.document('Force annex')).toContainText('EET');
  await documents.link('Force annex').click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${slug}/documents/${documentId}$`));

  const doc = documentPage(page);
  await expect(doc.heading).toHaveText('Force annex');
  await expect(doc.live).toHaveText('Live');
  await expect(doc.agreedShare).toHaveAttribute('aria-valuetext', '1 of 4 clauses agreed (25%)');
  await expect(doc.clauses).toHaveCount(4);
  await expect(doc.clauseStatus('1')).toHaveText('Open');
  await expect(doc.clauseStatus('3')).toHaveText('Agreed');
  await expect(doc.alternatives('1', 1)).toHaveText(['1the United Nations', '2the African Union']);
  await expect(doc.alternatives('2', 1)).toHaveText(["1from the donors' conference", '2(omit)']);
  await expect(doc.clauseText('4')).toHaveAttribute('dir', 'auto');

  const state = async (party: string, alternative: string, position: string, reason: string, reservation?: string) => {
    await doc.stateStance('1').click();
    await doc.stance.party.selectOption({ label: party });
    await doc.stance.alternative.selectOption({ label: alternative });
    await doc.stance.position.selectOption({ label: position });
    if (reservation !== undefined) await doc.stance.reservation.fill(reservation);
    await doc.stance.reason.fill(reason);
    await doc.stance.submit.click();
    await expect(doc.dialog).toBeHidden();
  };

  await state('Northern Party', '1: the United Nations', 'Reject (block)', 'Prefers a regional force');
  await expect(doc.stanceCell('1', 1, 'Northern Party', 1)).toContainText('Reject (block)');
  await expect(doc.stanceCell('1', 1, 'Northern Party', 1)).toContainText('Prefers a regional force');
  await expect(doc.clauseStatus('1')).toHaveText('Open');

  await state('Northern Party', '2: the African Union', 'Accept', 'Regional ownership');
  await expect(doc.clauseStatus('1')).toHaveText('Converging');

  await state('Southern Party', '2: the African Union', 'Reject (block)', 'No AU mandate yet');
  await expect(doc.clauseStatus('1')).toHaveText('Blocked');
  await expect(doc.blockers('1', 1)).toHaveText('Blocked: Northern Party rejects alternative 1; Southern Party rejects alternative 2.');

  // Filters live in the address bar.
  await doc.filters.blocked.check();
  await expect(page).toHaveURL(/status=blocked/);
  await expect(doc.clauses).toHaveCount(1);
  await page.reload();
  await expect(doc.clauses).toHaveCount(1);
  await expect(doc.filters.blocked).toBeChecked();
  await doc.filters.clear.click();
  await expect(page).not.toHaveURL(/status=/);
  await doc.filters.noPosition.selectOption({ label: 'Southern Party' });
  await expect(page).toHaveURL(/noPosition=/);
  await expect(doc.clauses).toHaveCount(2); // clauses 2 and 4: nothing from the Southern Party there yet
  await doc.filters.noPosition.selectOption({ label: 'Any party' });
  await expect(page).not.toHaveURL(/noPosition=/);
  await doc.filters.due.check();
  await expect(page).toHaveURL(/due=week/);
  await expect(doc.clauses).toHaveCount(4); // the document's deadline is in three days
  await doc.filters.clear.click();

  await state('Southern Party', '2: the African Union', 'Accept with reservation', 'Can live with it', 'Under a UN Security Council mandate');
  await expect(doc.clauseStatus('1')).toHaveText('Agreed');
  await expect(doc.stanceCell('1', 1, 'Southern Party', 2)).toContainText('Reservation: Under a UN Security Council mandate');
  await expect(doc.agreedShare).toHaveAttribute('aria-valuetext', '2 of 4 clauses agreed (50%)');

  // Settling keeps the agreed text without its brackets.
  await doc.settle('1', 1).click();
  await expect(doc.clauseText('1')).toHaveText('The force is led by the African Union.');
  await expect(doc.clauseStatus('1')).toHaveText('Agreed');
  await expect(doc.group('1', 1)).toHaveCount(0);

  // The clause's versions and the word diff between them.
  await doc.versions('1').click();
  await expect(doc.diff.versions).toHaveCount(2);
  await expect(doc.diff.stanceHistory).toHaveCount(4);
  await expect(doc.diff.stanceHistory.first()).toContainText('Southern Party: Accept with reservation on an earlier text');
  await expect(doc.diff.deleted.first()).toBeVisible();
  await expect(doc.diff.deleted).toContainText(['United Nations']);
  await expect(doc.diff.summary).toContainText(/\d+ words? deleted/);
  await doc.diff.close.click();

  // The Markdown download is the document as it now stands.
  const markdown = await page.request.get((await doc.download('Markdown').getAttribute('href')) ?? '');
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain('1. The force is led by the African Union.');

  // The document's revisions.
  await doc.compareRevisions.click();
  await expect(doc.diff.from).toHaveValue('1');
  await expect(doc.diff.to).toHaveValue('2');
  await expect(doc.diff.deleted).toContainText(['United Nations']);
  await doc.diff.close.click();
});

test('the Markdown import names the line and column of a bracket that does not pair up, and imports nothing', async ({ page }) => {
  const admin = await apiAs(demoAccount('admin'));
  const { slug } = await setUp(admin);
  await admin.dispose();
  await logIn(page, demoAccount('admin'));
  await agreementPage(page).goto(slug);
  const documents = documentsSection(page);
  await documents.openImport.click();
  await documents.markdown.fill('# Broken\n\n1. The force [is [nested]].\n');
  await documents.submit.click();
  await expect(documents.bracketError).toContainText('line 3, column');
  await expect(documents.bracketError).toContainText('1. The force [is [nested]].');
  await expect(documents.list.getByRole('listitem')).toHaveCount(1);

  await documents.markdown.fill('# Fixed annex\n\n1. The force [is] [is not] deployed.\n');
  await documents.submit.click();
  await expect(documents.document('Fixed annex')).toContainText('0% agreed');
});

test('the document page reads well at 390 px: the stance grid scrolls inside its own box', async ({ page }) => {
  const admin = await apiAs(demoAccount('admin'));
  const { slug, documentId } = await setUp(admin);
  await admin.dispose();
  await logIn(page, demoAccount('admin'));
  await page.setViewportSize({ width: 390, height: 844 });
  const doc = documentPage(page);
  await doc.goto(slug, documentId);
  await expect(doc.clauseStatus('1')).toHaveText('Open');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Every control is reachable by keyboard: tab to the first "State a stance" and open it with Enter.
  await doc.stateStance('1').focus();
  await page.keyboard.press('Enter');
  await expect(doc.stance.form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(doc.dialog).toBeHidden();
});

test('an edit of a clause made meanwhile by someone else is refused as a conflict, and the reload brings the new text', async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await apiAs(demoAccount('admin'));
  const { slug, documentId } = await setUp(admin);
  await logIn(page, demoAccount('admin'));
  const doc = documentPage(page);
  await doc.goto(slug, documentId);
  await doc.editText('3').click();
  await doc.edit.text.fill("The parties respect the force's freedom of movement at all times.");
  await doc.edit.reason.fill('Clarity');

  const { clauses } = (await (await admin.get(`/api/agreements/${slug}/documents/${documentId}`)).json()) as { clauses: { id: string; number: string; version: number }[] };
  const three = clauses.find((c) => c.number === '3');
  if (!three) throw new Error('No clause 3');
  const other = await admin.patch(`/api/agreements/${slug}/documents/${documentId}/clauses/${three.id}`, {
    data: { version: three.version, text: "The parties respect the force's freedom of movement everywhere.", reason: 'Edited elsewhere' },
  });
  expect(other.status()).toBe(200);
  await admin.dispose();

  await doc.edit.submit.click();
  await expect(doc.edit.conflict).toBeVisible();
  await doc.edit.reload.click();
  await expect(doc.edit.text).toHaveValue(/everywhere\.$/);
  await doc.edit.text.fill("The parties respect the force's freedom of movement everywhere, at all times.");
  await doc.edit.reason.fill('Clarity, after reading the other edit');
  await doc.edit.submit.click();
  await expect(doc.dialog).toBeHidden();
  await expect(doc.clauseText('3')).toHaveText("The parties respect the force's freedom of movement everywhere, at all times.");
  await expect(doc.clause('3')).toContainText('version 3');
});
