/** The negotiation rounds on an agreement's timeline: each round's sessions, their form, and the calendar download. */
import type { Page } from '@playwright/test';

export function roundsPanel(page: Page) {
  const rounds = page.getByRole('list', { name: 'Negotiation rounds' });
  const form = page.getByRole('form', { name: /^(New|Edit) session$/ });
  return {
    rounds,
    /** The sessions of a round, named by its title. */
    sessions: (roundTitle: string) => rounds.getByRole('list', { name: `Sessions of ${roundTitle}` }).locator(':scope > li'),
    addSession: (roundTitle: string) => rounds.getByRole('button', { name: `+ Add session to ${roundTitle}` }),
    editSession: (n: number) => rounds.getByRole('button', { name: `Edit session ${n}` }),
    calendarLink: page.getByRole('link', { name: 'Download calendar (.ics)' }),
    sessionsLane: page.getByText('Sessions', { exact: true }),
    status: page.getByRole('status').filter({ hasText: /^Session (added|saved|deleted)\.$/ }),
    form: {
      form,
      venue: form.getByLabel('Venue'),
      wholeDays: form.getByLabel('Times not reported (whole days)'),
      starts: form.getByLabel('Starts'),
      ends: form.getByLabel('Ends'),
      addDelegation: form.getByLabel('Add the delegation of'),
      head: (party: string) => form.getByLabel(`Head of delegation (${party})`),
      addMediator: form.getByRole('button', { name: '+ Add mediator' }),
      mediatorName: (n: number) => form.getByLabel(`Mediator ${n}: name`),
      addAgendaItem: form.getByRole('button', { name: '+ Add agenda item' }),
      agendaItem: (n: number) => form.getByRole('textbox', { name: `Agenda item ${n}`, exact: true }),
      clauses: (n: number) => form.getByLabel(`Clauses of item ${n}`),
      outcome: form.getByLabel('Outcome'),
      submit: form.getByRole('button', { name: /^(Add|Save) session$/ }),
      remove: form.getByRole('button', { name: 'Delete session' }),
    },
  };
}
