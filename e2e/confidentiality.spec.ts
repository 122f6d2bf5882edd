/**
 * Note audiences in the cairo-2026 demo: each party's delegate sees its own party's confidential
 * note and never another's, nor the mediators' room (not on the page, not in any API answer the
 * page received, not in the audit log); visitors and viewers see only the shared note, and get no
 * edit controls.
 */
import type { Page, Response } from '@playwright/test';
import { agreementPage } from './page-models/agreement-page.ts';
import { auditPage } from './page-models/audit-page.ts';
import { apiAs, demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

const SLUG = 'cairo-2026';
const HAMAS_NOTE = 'Internal brief on the junction schedule (demo placeholder)';
const ISRAEL_NOTE = 'Internal brief on the force authority clause (demo placeholder)';
const EGYPT_NOTE = 'Schedule of the Cairo sessions';
const MEDIATORS_NOTE = 'Mediators: sequencing of the next session (demo placeholder)';

interface NoteJson {
  id: string;
  title: string;
}

/** The id of a demo note, read as the administrator (who sees every note). */
async function noteId(title: string): Promise<string> {
  const admin = await apiAs(demoAccount('admin'));
  const { items } = (await (await admin.get(`/api/agreements/${SLUG}/notes`)).json()) as { items: NoteJson[] };
  await admin.dispose();
  const note = items.find((n) => n.title === title);
  if (!note) throw new Error(`No demo note "${title}"`);
  return note.id;
}

/** Every API answer the page receives, as text, keyed by URL. */
/** A delegate's own party's confidential note is listed, marked confidential to the party, with the provision it is on. */
async function expectOwnConfidentialNote(agreement: ReturnType<typeof agreementPage>, title: string, party: string, provisionCode: string) {
  const note = agreement.notes.note(title);
  await expect(note).toBeVisible();
  await expect(note).toContainText(`Confidential to ${party}`);
  await expect(note).toContainText(`on ${provisionCode}`);
  // The provision is a link to its page.
  await expect(note.getByRole('link', { name: provisionCode, exact: true })).toHaveAttribute('href', /^\/agreements\/cairo-2026\/provisions\/[0-9a-f-]{36}$/);
}

function recordApiAnswers(page: Page): () => Promise<Map<string, string>> {
  const pending: Promise<[string, string]>[] = [];
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      pending.push(response.text().then((text) => [response.url(), text] as [string, string], () => [response.url(), '']));
    }
  });
  return async () => new Map(await Promise.all(pending));
}

test('the Israel delegate sees Israel’s confidential note and no trace of Hamas’s', async ({ page }) => {
  const hamasNoteId = await noteId(HAMAS_NOTE);
  const answers = recordApiAnswers(page);
  const agreement = agreementPage(page);
  await logIn(page, demoAccount('party_delegate', 'Israel'));
  await agreement.goto(SLUG);

  await expectOwnConfidentialNote(agreement, ISRAEL_NOTE, 'Israel', '2.4');
  await expect(agreement.notes.note(EGYPT_NOTE)).toContainText('Shared');
  await expect(agreement.notes.list.getByRole('listitem')).toHaveCount(2);

  // The note form offers Israel only, confidential to Israel's circle by default; never the mediators' room.
  await expect(agreement.notes.party.locator('option')).toHaveText(['Israel']);
  await expect(agreement.notes.audience.locator('option')).toHaveText([
    'Confidential to Israel (its delegates and the mediators)',
    'Everyone who reads the agreement',
  ]);
  await expect(agreement.notes.audience).toHaveValue('party');

  await page.waitForLoadState('networkidle');
  await expect(page.getByText(HAMAS_NOTE)).toHaveCount(0);
  await expect(page.getByText(MEDIATORS_NOTE)).toHaveCount(0);

  // A delegate reads the audit log, which says that others' confidential entries are left out.
  const log = auditPage(page);
  await agreement.auditLink.click();
  await expect(log.rows.first()).toBeVisible();
  await expect(log.omitted).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Nowhere on either page, and in no answer the pages got.
  await expect(page.getByText(HAMAS_NOTE)).toHaveCount(0);
  await expect(page.getByText(MEDIATORS_NOTE)).toHaveCount(0);
  expect(await page.content()).not.toContain(HAMAS_NOTE);
  const received = await answers();
  expect([...received.keys()].some((url) => url.includes(`/api/agreements/${SLUG}/notes`))).toBe(true);
  for (const [url, text] of received) {
    expect(text, url).not.toContain(HAMAS_NOTE);
    expect(text, url).not.toContain('junction schedule');
    expect(text, url).not.toContain('sequencing of the next session');
    // The audit log leaves out every entry of another party's confidential note: no id, no writer, no time.
    expect(text, url).not.toContain(hamasNoteId);
  }

  const delegate = await apiAs(demoAccount('party_delegate', 'Israel'));
  const audit = (await (await delegate.get(`/api/agreements/${SLUG}/audit?limit=500`)).json()) as {
    items: { entity: string; entityId: string; before: unknown; after: unknown }[];
    total: number;
    omitsConfidential: boolean;
  };
  await delegate.dispose();
  expect(audit.omitsConfidential).toBe(true);
  expect(audit.items.filter((e) => e.entityId === hamasNoteId)).toEqual([]);
  // Israel's own note and the shared one are there; Hamas's and the mediators' are not.
  const noteTitles = audit.items.filter((e) => e.entity === 'note').map((e) => (e.after as { title: string }).title);
  expect(noteTitles.sort()).toEqual([EGYPT_NOTE, ISRAEL_NOTE].sort());
});

test('a delegate’s note for another party is refused by the server, and the form says so', async ({ page }) => {
  const agreement = agreementPage(page);
  const partyIds = (await (await page.request.get(`/api/agreements/${SLUG}/parties`)).json()) as { items: { id: string; name: string }[] };
  const hamas = partyIds.items.find((p) => p.name === 'Hamas');
  if (!hamas) throw new Error('No Hamas in the demo');
  await logIn(page, demoAccount('party_delegate', 'Israel'));
  await agreement.goto(SLUG);

  // Tamper with the request on its way out, as a hostile client could.
  await page.route(`**/api/agreements/${SLUG}/notes`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const body = { ...(route.request().postDataJSON() as Record<string, unknown>), partyId: hamas.id };
    return route.continue({ postData: JSON.stringify(body) });
  });
  await agreement.notes.title.fill('Written for another party');
  await agreement.notes.submit.click();
  await expect(agreement.notes.form.getByRole('alert')).toContainText("A party's delegates write only their own party's notes");
  await expect(agreement.notes.note('Written for another party')).toHaveCount(0);
});

test('the Hamas delegate sees Hamas’s confidential note, not Israel’s', async ({ page }) => {
  const agreement = agreementPage(page);
  await logIn(page, demoAccount('party_delegate', 'Hamas'));
  await agreement.goto(SLUG);

  await expectOwnConfidentialNote(agreement, HAMAS_NOTE, 'Hamas', '2.3');
  await expect(agreement.notes.note(EGYPT_NOTE)).toBeVisible();
  await expect(page.getByText(ISRAEL_NOTE)).toHaveCount(0);
  await expect(page.getByText(MEDIATORS_NOTE)).toHaveCount(0);
  await expect(agreement.notes.party.locator('option')).toHaveText(['Hamas']);
  // A delegate edits no provision and no phase.
  await expect(agreement.editProvision('2.3')).toHaveCount(0);
  await expect(agreement.addPhase).toHaveCount(0);

  await page.screenshot({ path: '/tmp/phaseline-delegate.png', fullPage: true });
});

test('a delegate adds a note for its own party, which the other party’s delegate never sees', async ({ page, browser }) => {
  const agreement = agreementPage(page);
  const title = `Egypt-only reading ${Math.random().toString(36).slice(2, 8)}`;
  await logIn(page, demoAccount('party_delegate', 'Egypt'));
  await agreement.goto(SLUG);
  await agreement.notes.provision.selectOption({ label: '2.3 Schedules for the pullout of armored divisions from key logistic junctions' });
  await agreement.notes.title.fill(title);
  await agreement.notes.body.fill('ملاحظة سرية للوفد المصري');
  await agreement.notes.submit.click();
  await expect(agreement.notice).toContainText(`Note “${title}” added.`);
  const note = agreement.notes.note(title);
  await expect(note).toContainText('Confidential to Egypt');
  await expect(note.getByText('ملاحظة سرية للوفد المصري')).toHaveCSS('direction', 'rtl');
  // The form is empty again for the next note.
  await expect(agreement.notes.title).toHaveValue('');

  const other = await browser.newPage();
  await logIn(other, demoAccount('party_delegate', 'Qatar'));
  const otherAgreement = agreementPage(other);
  await otherAgreement.goto(SLUG);
  await expect(otherAgreement.notes.note(EGYPT_NOTE)).toBeVisible();
  await expect(other.getByText(title)).toHaveCount(0);
  await other.close();
});

test('the mediators keep a room of their own, with each note’s author shown', async ({ page, browser }) => {
  const agreement = agreementPage(page);
  const title = `Mediators-only reading ${Math.random().toString(36).slice(2, 8)}`;
  await logIn(page, demoAccount('mediator'));
  await agreement.goto(SLUG);
  await expect(agreement.notes.note(MEDIATORS_NOTE)).toContainText('Mediators only');
  await expect(agreement.notes.note(HAMAS_NOTE)).toContainText('Confidential to Hamas');
  await expect(agreement.notes.audience).toHaveValue('mediators');
  // The mediators' room names no party.
  await expect(agreement.notes.party).toHaveCount(0);
  await agreement.notes.title.fill(title);
  await agreement.notes.submit.click();
  await expect(agreement.notice).toContainText(`Note “${title}” added.`);
  const note = agreement.notes.note(title);
  await expect(note).toContainText('Mediators only');
  await expect(note).toContainText('by Demo mediator');
  // The audit log of a mediator leaves nothing out, and says nothing about it.
  const audit = auditPage(page);
  await audit.goto(SLUG);
  await expect(audit.rows.first()).toBeVisible();
  await expect(audit.omitted).toHaveCount(0);

  const other = await browser.newPage();
  await logIn(other, demoAccount('party_delegate', 'Hamas'));
  await agreementPage(other).goto(SLUG);
  await expect(agreementPage(other).notes.note(EGYPT_NOTE)).toBeVisible();
  await expect(other.getByText(title)).toHaveCount(0);
  await other.close();
});

test('a visitor sees only the shared note and no edit controls', async ({ page }) => {
  const agreement = agreementPage(page);
  await agreement.goto(SLUG);
  await expect(agreement.notes.note(EGYPT_NOTE)).toBeVisible();
  await expect(agreement.notes.list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText(HAMAS_NOTE)).toHaveCount(0);
  await expect(page.getByText(ISRAEL_NOTE)).toHaveCount(0);
  await expect(agreement.editButtons).toHaveCount(0);
  await expect(agreement.notes.form).toHaveCount(0);
  await expect(agreement.auditLink).toHaveCount(0);
  await expect(agreement.members.section).toHaveCount(0);
});

test('the viewer account reads the agreement but gets no Edit button', async ({ page }) => {
  const agreement = agreementPage(page);
  await logIn(page, demoAccount('viewer'));
  await agreement.goto(SLUG);
  await expect(agreement.matrixRows).toHaveCount(3);
  await expect(agreement.notes.note(EGYPT_NOTE)).toBeVisible();
  await expect(agreement.notes.list.getByRole('listitem')).toHaveCount(1);
  await expect(agreement.editButtons).toHaveCount(0);
  await expect(agreement.addPhase).toHaveCount(0);
  await expect(agreement.addProvision('Phase One Finalization')).toHaveCount(0);
  await expect(agreement.notes.form).toHaveCount(0);
  // A viewer has no audit:read: no link, and the page says who may read it.
  await expect(agreement.auditLink).toHaveCount(0);
  const audit = auditPage(page);
  await audit.goto(SLUG);
  await expect(audit.closed).toBeVisible();
  await expect(audit.rows).toHaveCount(0);
});
