/**
 * What the desk's API tests share, on PGlite and on PostgreSQL: a public agreement with two
 * belligerents (Hamas and Israel), a delegate of each, a mediator, a monitor and a viewer, and a day
 * of work in it through the API: an incident and its verification, a response, notes under every
 * audience, confidential and shared stances, deadlines, a provision status change and phase advances.
 */
import { expect } from 'vitest';
import type { SinceView } from '../../contract/index.ts';
import type { AgreementRole } from '../../core/index.ts';
import type { Database } from '../../db/index.ts';
import type { Caller } from '../test/harness.ts';

/** What the world needs of a test harness. */
export interface DeskHarness {
  call: Caller;
  as(token: string): Caller;
  anonymous: Caller;
  database: Database;
  userWith(role: AgreementRole | null, agreementRef?: string, partyId?: string | null): Promise<{ userId: string; token: string }>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TEXT = [
  '# Phase Two text',
  '',
  '1. The force shall consist of [troops from Egypt] [troops from Qatar] only.',
  '2. Funding shall come from [the donor conference].',
  '',
].join('\n');
const FORCE = 'g0:troops from Egypt | troops from Qatar';
const FUNDING = 'g0:the donor conference | ';

async function ok<T>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/**
 * The agreement, its people, and a day's work as of `now` (the app's clock): the notes, stances and
 * responses take the database's time, a little before it.
 */
export async function deskWorld(h: DeskHarness, now: Date, slug: string) {
  const base = `/api/agreements/${slug}`;
  await ok(h.call('POST', '/api/agreements', { slug, title: `Desk ${slug}`, timeZone: 'Asia/Gaza', public: true }));
  const party = async (name: string) => (await ok(h.call<{ id: string }>('POST', `${base}/parties`, { name, role: 'belligerent' }))).id;
  const hamasId = await party('Hamas');
  const israelId = await party('Israel');
  const user = async (role: AgreementRole, partyId: string | null = null) => {
    const u = await h.userWith(role, slug, partyId);
    return { id: u.userId, call: h.as(u.token) };
  };
  const people = {
    hamas: await user('party_delegate', hamasId),
    israel: await user('party_delegate', israelId),
    mediator: await user('mediator'),
    monitor: await user('monitor'),
    viewer: await user('viewer'),
  };

  const one = await ok(h.call<{ id: string; version: number }>('POST', `${base}/phases`, { name: 'Phase One', status: 'active' }));
  const two = await ok(h.call<{ id: string; version: number }>('POST', `${base}/phases`, { name: 'Phase Two' }));
  const three = await ok(h.call<{ id: string; version: number }>('POST', `${base}/phases`, { name: 'Phase Three' }));
  const provision = (code: string, title: string, deadline: Date | null, status = 'not_started', obligatedPartyId: string | null = null) =>
    ok(h.call<{ id: string }>('POST', `${base}/provisions`, { phaseId: one.id, code, title, category: 'ceasefire', deadline: deadline?.toISOString() ?? null, status, obligatedPartyId }));
  const late = await provision('1.1', 'Halt attacks', new Date(now.getTime() - DAY), 'minimal', israelId);
  const soon = await provision('1.2', 'Open the crossings', new Date(now.getTime() + 3 * DAY));
  const done = await provision('1.3', 'Exchange lists', new Date(now.getTime() - DAY), 'full');
  const old = await provision('1.4', 'Old duty', new Date(now.getTime() - 30 * DAY), 'disputed', hamasId);

  // A status change as the provision's history records it (docs/DESK.md); written here as its row.
  await h.database.query(
    `INSERT INTO provision_status_changes (agreement_id, provision_id, seq, from_status, to_status, reason, source, source_grade, actor_name, at)
     SELECT agreement_id, id, 1000, 'not_started', 'minimal', 'Fire fell to nothing', 'Monitoring report 7', 'B2', 'monitor@test', $2 FROM provisions WHERE id = $1`,
    [late.id, new Date(now.getTime() - 2 * HOUR).toISOString()],
  );

  // Hamas's delegate complains of shelling by Israel; a monitor verifies it; Israel responds.
  const incident = await ok(
    people.hamas.call<{ id: string }>('POST', `${base}/incidents`, { occurredAt: new Date(now.getTime() - 5 * HOUR).toISOString(), category: 'shelling', place: 'Rafah', description: 'Shelling near the crossing', allegedPartyId: israelId }),
  );
  await ok(people.monitor.call('POST', `${base}/incidents/${incident.id}/evidence`, { url: 'https://example.org/monitors-report-7' }));
  for (const to of ['triaged', 'under_investigation']) await ok(people.monitor.call('POST', `${base}/incidents/${incident.id}/transitions`, { to, reason: 'checked' }), 200);
  await ok(people.monitor.call('POST', `${base}/incidents/${incident.id}/transitions`, { to: 'verified', reason: 'Two monitors saw it', attributedPartyId: israelId }), 200);
  await ok(people.israel.call('POST', `${base}/incidents/${incident.id}/responses`, { body: 'We deny firing first.' }));

  // Notes under every audience, each by someone else than some of their readers.
  const note = (call: Caller, body: Record<string, unknown>) => ok(call<{ id: string }>('POST', `${base}/notes`, body));
  const notes = {
    hamasRedLines: await note(people.hamas.call, { partyId: hamasId, title: 'Hamas red lines', audience: 'party' }),
    forHamas: await note(people.mediator.call, { partyId: hamasId, title: 'Crossing times for Hamas', audience: 'party' }),
    mediatorsOnly: await note(people.mediator.call, { title: 'Mediators’ assessment', audience: 'mediators' }),
    forEveryone: await note(people.mediator.call, { title: 'Schedule for everyone', audience: 'all' }),
    israelCircle: await note(people.israel.call, { partyId: israelId, title: 'Israel circle note', audience: 'party' }),
  };

  // Funding is agreed by both for all to see; Hamas blocks the force in its own circle only.
  const doc = await ok(people.mediator.call<{ id: string; clauses: Array<{ id: string }> }>('POST', `${base}/documents`, { markdown: TEXT }));
  const clauseUrl = (i: number) => `${base}/documents/${doc.id}/clauses/${doc.clauses[i]!.id}/stances`;
  const stance = (call: Caller, i: number, body: Record<string, unknown>) => ok(call('POST', clauseUrl(i), { reason: 'Stated in the room', statedOn: '2026-06-18', ...body }));
  await stance(people.hamas.call, 1, { groupKey: FUNDING, alternative: 0, partyId: hamasId, position: 'accept', audience: 'all' });
  await stance(people.israel.call, 1, { groupKey: FUNDING, alternative: 0, partyId: israelId, position: 'accept', audience: 'all' });
  for (const alternative of [0, 1]) {
    await stance(people.hamas.call, 0, { groupKey: FORCE, alternative, partyId: hamasId, position: 'reject', audience: 'party', reason: 'Red line: no foreign troops' });
  }

  // Phase Two advances over a failing gate (Phase One is not in full); Phase Three, without a gate, then advances.
  await ok(h.call('PUT', `${base}/phases/${two.id}/gate`, { conditions: [{ kind: 'provisions_status', label: 'Phase One in full', phaseId: one.id, status: 'full' }] }), 200);
  await ok(people.mediator.call('POST', `${base}/phases/${two.id}/advance`, { version: two.version, override: true, reason: 'The talks need it' }), 200);
  await ok(people.mediator.call('POST', `${base}/phases/${three.id}/advance`, { version: three.version }), 200);

  return { slug, base, hamasId, israelId, people, incident, notes, doc, phases: { one, two, three }, provisions: { late, soon, done, old } };
}
export type DeskWorld = Awaited<ReturnType<typeof deskWorld>>;

/** The view as `call` reads it (200 expected). */
export async function sinceAs(call: Caller, base: string, query = ''): Promise<SinceView> {
  const res = await call<SinceView>('GET', `${base}/since${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export const titlesOf = (view: SinceView, kind: SinceView['items'][number]['kind']) => view.items.filter((i) => i.kind === kind).map((i) => i.title).sort();

/**
 * The confidentiality checks both databases run: another party's circle, the mediators' room and a
 * party's confidential stance neither show nor count, by the same rules for both parties.
 */
export async function expectAudiencesKept(w: DeskWorld): Promise<void> {
  const [hamas, israel, mediator, monitor] = await Promise.all([
    sinceAs(w.people.hamas.call, w.base),
    sinceAs(w.people.israel.call, w.base),
    sinceAs(w.people.mediator.call, w.base),
    sinceAs(w.people.monitor.call, w.base),
  ]);
  // Notes: one's own are not news; another circle's and the mediators' room never show, nor count.
  expect(titlesOf(mediator, 'note')).toEqual(['Hamas red lines', 'Israel circle note']);
  expect(titlesOf(hamas, 'note')).toEqual(['Crossing times for Hamas', 'Schedule for everyone']);
  expect(titlesOf(israel, 'note')).toEqual(['Schedule for everyone']);
  expect(titlesOf(monitor, 'note')).toEqual(['Schedule for everyone']);
  expect([mediator.counts.note, hamas.counts.note, israel.counts.note]).toEqual([2, 2, 1]);
  // Clauses: the funding clause agreed for all; the block only where Hamas's confidential rejects are seen.
  for (const view of [hamas, israel, mediator, monitor]) expect(titlesOf(view, 'clause_agreed')).toEqual(['Clause 2 of Phase Two text']);
  expect(titlesOf(mediator, 'clause_blocked')).toEqual(['Clause 1 of Phase Two text']);
  expect(hamas.items.find((i) => i.kind === 'clause_blocked')?.detail).toBe('Blocked by Hamas');
  expect([israel.counts.clause_blocked, monitor.counts.clause_blocked]).toEqual([0, 0]);
  // Nothing of what Israel's delegate may not see is anywhere in its answer.
  const text = JSON.stringify(israel);
  for (const hidden of [w.notes.hamasRedLines.id, w.notes.forHamas.id, w.notes.mediatorsOnly.id, 'red lines', 'assessment', 'Crossing times', 'Blocked']) {
    expect(text).not.toContain(hidden);
  }
  // Responses: to the party that complained and the mediators; not to its author's party or a monitor.
  expect(titlesOf(hamas, 'response')).toEqual(['Israel responds: Shelling in Rafah']);
  expect(titlesOf(mediator, 'response')).toEqual(['Israel responds: Shelling in Rafah']);
  expect([israel.counts.response, monitor.counts.response]).toEqual([0, 0]);
  // What everyone may open, everyone gets alike.
  for (const view of [hamas, israel, mediator, monitor]) {
    expect(view.counts).toMatchObject({ incident_reported: 1, incident_verified: 1, deadline_passed: 1, deadline_due: 1, gate_passed: 1, gate_failed: 1 });
    expect(view.overdueCount).toBe(2);
    expect(view.items.find((i) => i.kind === 'provision_status' && i.detail.includes('Fire fell to nothing'))).toMatchObject({
      title: '1.1 Halt attacks',
      href: `/agreements/${w.slug}/provisions/${w.provisions.late.id}`,
    });
  }
}
