/**
 * What changed (docs/DESK.md), through the API on PGlite: each reader's items and counts under the
 * audiences (two parties' delegates held to the same rules, the mediators, a monitor, visitors),
 * where the window starts (chosen day, last visit, 7 days back), marking a visit, and the home
 * page's counts. desk.postgres.test.ts runs the audiences and visits on the PostgreSQL server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeskView, SeenView, SinceView } from '../../contract/index.ts';
import { dayStart } from '../../core/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { deskWorld, expectAudiencesKept, sinceAs, titlesOf, type DeskWorld } from './desk.fixtures.ts';

type ErrorBody = { error: { code: string; details: { issues?: Array<{ path: string }> } } };

// The clock is an hour ahead of the database's: notes, stances and responses (stamped by the
// database) and incidents and steps (stamped by the clock) all fall before the clock's now.
const NOW = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
const h = harnessForFile(NOW.toISOString());
const DAY = 86_400_000;

let w: DeskWorld;
let counter = 0;
const slug = () => `desk-${Date.now().toString(36)}-${(counter += 1)}`;

beforeAll(async () => {
  w = await deskWorld(h, NOW, slug());
});

describe('what changed, per reader', () => {
  it('lists what each reader may open and counts only that: two delegates, a mediator, a monitor', async () => {
    await expectAudiencesKept(w);
  });

  it('links each item to its page and orders kinds as the page shows them', async () => {
    const view = await sinceAs(w.people.mediator.call, w.base);
    expect(view).toMatchObject({ sinceFrom: 'default', since: new Date(NOW.getTime() - 7 * DAY).toISOString(), until: NOW.toISOString(), limitPerKind: 100 });
    expect(view.agreement).toMatchObject({ slug: w.slug, timeZone: 'Asia/Gaza' });
    const first = (kind: string) => view.items.find((i) => i.kind === kind);
    expect(first('incident_reported')).toMatchObject({ title: 'Shelling in Rafah', detail: 'Alleged against Israel · complaint of Hamas', href: `/agreements/${w.slug}/incidents/${w.incident.id}`, incidentId: w.incident.id });
    expect(first('incident_verified')).toMatchObject({ detail: 'Attributed to Israel: Two monitors saw it' });
    expect(first('deadline_passed')).toMatchObject({ title: '1.1 Halt attacks', href: `/agreements/${w.slug}/provisions/${w.provisions.late.id}` });
    expect(first('deadline_due')).toMatchObject({ title: '1.2 Open the crossings' });
    expect(first('clause_agreed')).toMatchObject({ href: `/agreements/${w.slug}/documents/${w.doc.id}`, documentId: w.doc.id });
    expect(first('gate_failed')).toMatchObject({ title: 'Phase Two advanced', detail: expect.stringContaining('The talks need it'), href: `/agreements/${w.slug}/phases/${w.phases.two.id}/gate` });
    expect(first('gate_passed')).toMatchObject({ title: 'Phase Three advanced', href: `/agreements/${w.slug}` });
    expect(first('note')).toMatchObject({ href: `/agreements/${w.slug}#notes-heading` });
    // The four provisions' first history rows (added with a status) are not changes: only the real one shows.
    expect(view.items.filter((i) => i.kind === 'provision_status').map((i) => i.detail)).toEqual([expect.stringMatching(/^0 · not started → 1 · minimal · Fire fell to nothing/)]);
    expect(view.counts.provision_status).toBe(1);
    const order = ['incident_reported', 'incident_verified', 'provision_status', 'deadline_passed', 'deadline_due', 'overdue', 'note', 'response', 'clause_agreed', 'clause_blocked', 'gate_passed', 'gate_failed'];
    const kinds = [...new Set(view.items.map((i) => i.kind))];
    expect(kinds).toEqual(order.filter((k) => kinds.includes(k as never)));
    const counted = Object.entries(view.counts).filter(([k]) => k !== 'deadline_due' && k !== 'overdue').reduce((sum, [, n]) => sum + n, 0);
    expect(view.newCount).toBe(counted);
  });

  it('gives visitors no incident, response or confidential entry, and the same public rest', async () => {
    const visitor = await sinceAs(h.anonymous, w.base);
    expect(visitor.counts).toMatchObject({ incident_reported: 0, incident_verified: 0, response: 0, clause_blocked: 0, note: 1, clause_agreed: 1, deadline_passed: 1 });
    expect(visitor.items.some((i) => i.incidentId !== undefined)).toBe(false);
    expect(titlesOf(visitor, 'note')).toEqual(['Schedule for everyone']);
    // A logged-in user with no role on the public agreement reads it as a visitor does.
    const outsider = await h.userWith(null);
    const seen = await sinceAs(h.as(outsider.token), w.base);
    expect(seen.counts).toEqual(visitor.counts);
  });

  it('starts at a chosen day in the agreement’s time zone or a chosen instant, and refuses one after now', async () => {
    const day = new Date(NOW.getTime() - DAY).toISOString().slice(0, 10);
    const byDay = await sinceAs(w.people.viewer.call, w.base, `?since=${day}`);
    expect(byDay).toMatchObject({ sinceFrom: 'chosen', since: dayStart(day, 'Asia/Gaza').toISOString() });
    // From now (the clock's, at which everything was written): nothing new; the deadlines ahead and the two overdue still shown.
    const instant = NOW.toISOString();
    const late = await sinceAs(w.people.viewer.call, w.base, `?since=${encodeURIComponent(instant)}`);
    expect(late.since).toBe(instant);
    expect(late.newCount).toBe(0);
    expect(late.items.map((i) => i.kind)).toEqual(['deadline_due', 'overdue', 'overdue']);
    expect(late.overdueCount).toBe(2);
    const future = await w.people.viewer.call<ErrorBody>('GET', `${w.base}/since?since=${new Date(NOW.getTime() + DAY).toISOString().slice(0, 10)}`);
    expect(future.status).toBe(422);
    expect(future.body.error.details.issues?.map((i) => i.path)).toEqual(['since']);
    expect((await w.people.viewer.call('GET', `${w.base}/since?since=yesterday`)).status).toBe(400);
    // The first day the API stores, in a zone ahead of UTC: an instant in year 99 there, still read.
    expect((await sinceAs(w.people.viewer.call, w.base, '?since=0100-01-01')).sinceFrom).toBe('chosen');
  });
});

describe('the visit', () => {
  it('moves the next view’s start to where the reader stopped, never back, for members only', async () => {
    const reader = await h.userWith('party_delegate', w.slug, w.israelId);
    const call = h.as(reader.token);
    expect((await sinceAs(call, w.base)).sinceFrom).toBe('default');
    const until = new Date(NOW.getTime() - 60_000).toISOString();
    expect((await call<SeenView>('POST', `${w.base}/since/seen`, { until })).body).toEqual({ seenAt: until });
    const next = await sinceAs(call, w.base);
    expect(next).toMatchObject({ sinceFrom: 'last_visit', since: until });
    // What the clock stamped at now (reports, steps, advances) is after it; what the database stamped earlier is not.
    expect(next.newCount).toBeGreaterThan(0);
    expect(next.items.every((i) => i.kind === 'deadline_due' || i.kind === 'overdue' || i.at > until)).toBe(true);
    expect(next.counts.note).toBe(0);
    // Read again without `until`: now. An earlier `until` afterwards does not move it back.
    expect((await call<SeenView>('POST', `${w.base}/since/seen`, {})).body.seenAt).toBe(NOW.toISOString());
    expect((await call<SeenView>('POST', `${w.base}/since/seen`, { until })).body.seenAt).toBe(NOW.toISOString());
    expect(await sinceAs(call, w.base)).toMatchObject({ since: NOW.toISOString(), newCount: 0 });
    // A chosen start overrides the visit, which stays.
    expect((await sinceAs(call, w.base, '?since=2026-01-01')).sinceFrom).toBe('chosen');
    expect((await sinceAs(call, w.base)).sinceFrom).toBe('last_visit');
    // Another reader's visit is theirs alone.
    expect((await sinceAs(w.people.hamas.call, w.base)).sinceFrom).toBe('default');
  });

  it('refuses a visit after now, and a visitor’s or an outsider’s', async () => {
    const later = await w.people.viewer.call<ErrorBody>('POST', `${w.base}/since/seen`, { until: new Date(NOW.getTime() + 60_000).toISOString() });
    expect(later.status).toBe(422);
    expect((await h.anonymous('POST', `${w.base}/since/seen`, {})).status).toBe(401);
    const outsider = await h.userWith(null);
    expect((await h.as(outsider.token)('POST', `${w.base}/since/seen`, {})).status).toBe(403);
  });
});

describe('the home page’s counts', () => {
  it('gives each member their agreements’ new, overdue and due counts, as their own since view counts them', async () => {
    const reader = await h.userWith('party_delegate', w.slug, w.israelId);
    const call = h.as(reader.token);
    const desk = await call<DeskView>('GET', '/api/desk');
    expect(desk.status).toBe(200);
    const view = await sinceAs(call, w.base);
    expect(desk.body.items).toEqual([
      { id: expect.any(String), slug: w.slug, title: `Desk ${w.slug}`, timeZone: 'Asia/Gaza', since: view.since, sinceFrom: 'default', newCount: view.newCount, overdueCount: 2, dueSoonCount: 1 },
    ]);
    // Another delegate of Israel: the notes and the response its colleague wrote are news to it; Hamas's
    // confidential block is not there. The mediator, whose own three notes are not news, sees two others.
    const mediator = await sinceAs(w.people.mediator.call, w.base);
    expect(view.counts).toEqual({ ...mediator.counts, clause_blocked: 0 });
    expect(titlesOf(view, 'note')).toEqual(['Israel circle note', 'Schedule for everyone']);
    await call('POST', `${w.base}/since/seen`, {});
    expect((await call<DeskView>('GET', '/api/desk')).body.items[0]).toMatchObject({ sinceFrom: 'last_visit', newCount: 0, overdueCount: 2 });
  });

  it('lists no agreement of which one is not a member, every one for an administrator, and nothing for a visitor', async () => {
    const outsider = await h.userWith(null);
    expect((await h.as(outsider.token)<DeskView>('GET', '/api/desk')).body.items).toEqual([]);
    expect((await h.call<DeskView>('GET', '/api/desk')).body.items.map((a) => a.slug)).toContain(w.slug);
    expect((await h.anonymous('GET', '/api/desk')).status).toBe(401);
  });
});

describe('a reader’s view with many incidents', () => {
  it('lists the newest 100 of a kind and counts them all', async () => {
    const many = await deskWorldless();
    const view: SinceView = await sinceAs(h.call, `/api/agreements/${many}`);
    expect(view.counts.incident_reported).toBe(105);
    expect(view.items.filter((i) => i.kind === 'incident_reported')).toHaveLength(100);
  });
});

/** An agreement with 105 incidents reported now, and nothing else. */
async function deskWorldless(): Promise<string> {
  const s = slug();
  await h.call('POST', '/api/agreements', { slug: s, title: 'Many', timeZone: 'UTC' });
  const occurredAt = new Date(NOW.getTime() - 3_600_000).toISOString();
  for (let i = 0; i < 105; i += 1) await h.call('POST', `/api/agreements/${s}/incidents`, { occurredAt, category: 'other', description: `Report ${i}` });
  return s;
}
