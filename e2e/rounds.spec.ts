/**
 * Sessions of negotiation rounds on the agreement page: the demo's Cairo session as a visitor sees
 * it (a whole day: the report gives no hours), the round calendar download, and a mediator adding a
 * timed session with a delegation and an agenda, shown in the agreement's zone, then deleting it.
 */
import { agreementPage } from './page-models/agreement-page.ts';
import { roundsPanel } from './page-models/rounds.ts';
import { demoAccount, logIn } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { writtenTime } from './support/time.ts';

const SLUG = 'cairo-2026';
const ROUND = 'Cairo talks: Phase One mechanisms and Phase Two text';

test("a visitor sees the Cairo round's session and downloads the round calendar", async ({ page }) => {
  await agreementPage(page).goto(SLUG);
  const rounds = roundsPanel(page);
  const sessions = rounds.sessions(ROUND);
  // The sessions are read after the rounds, which come after the agreement.
  await expect(sessions).toHaveCount(1, { timeout: 15_000 });
  await expect(sessions.first()).toContainText('6 Jun 2026 (times not reported)');
  await expect(sessions.first()).toContainText('headed by Khalil al-Hayya');
  await expect(sessions.first()).toContainText('Mediators: Egyptian security officials, Egypt');
  await expect(sessions.first().getByRole('list', { name: 'Agenda' }).getByRole('listitem')).toHaveText([
    'Finalize the mechanisms of Phase One',
    'Evaluate the Phase Two structural text',
  ]);
  await expect(rounds.addSession(ROUND)).toHaveCount(0);
  await expect(rounds.editSession(1)).toHaveCount(0);

  await expect(rounds.calendarLink).toHaveAttribute('href', `/api/agreements/${SLUG}/rounds.ics`);
  const calendar = await page.request.get(`/api/agreements/${SLUG}/rounds.ics`);
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await calendar.text();
  expect(text).toContain('TZID:Asia/Gaza');
  expect(text).toContain('DTSTART;VALUE=DATE:20260606');
});

test('a mediator adds a timed session with a delegation and an agenda, shown in Gaza time, and deletes it', async ({ page }) => {
  await logIn(page, demoAccount('mediator'));
  await agreementPage(page).goto(SLUG);
  const rounds = roundsPanel(page);
  const { form } = rounds;
  await rounds.addSession(ROUND).click();
  await expect(form.venue).toHaveValue('Cairo');
  await form.starts.fill('2026-06-07T10:00');
  await form.ends.fill('2026-06-07T13:30');
  await form.addDelegation.selectOption({ label: 'Hamas' });
  await form.head('Hamas').fill('خليل الحية');
  await form.addMediator.click();
  await form.mediatorName(1).fill('Egyptian security officials');
  await form.addAgendaItem.click();
  await form.agendaItem(1).fill('Evaluate the Phase Two structural text');
  await form.outcome.fill('Talks to continue the next day');
  // Saved from the keyboard.
  await form.outcome.press('Tab');
  await form.submit.focus();
  await page.keyboard.press('Enter');
  await expect(rounds.status).toHaveText('Session added.');

  const sessions = rounds.sessions(ROUND);
  await expect(sessions).toHaveCount(2);
  const added = sessions.nth(1);
  // 10:00 in Gaza, not in the browser's New York.
  await expect(added).toContainText(writtenTime('2026-06-07T07:00:00Z', 'Asia/Gaza'));
  await expect(added).toContainText('Outcome: Talks to continue the next day');
  const head = added.getByText('خليل الحية');
  await expect(head).toHaveCSS('direction', 'rtl');
  await expect(rounds.sessionsLane).toBeVisible();

  await rounds.editSession(2).click();
  await form.remove.click();
  await expect(rounds.status).toHaveText('Session deleted.');
  await expect(sessions).toHaveCount(1);
});
