/**
 * GET /api/agreements/:agreement/audit as the audit page reads it: filters by actor, entity kind,
 * action and time, the names of the records the entries show, and the filters' choices, all within
 * the reader's audiences (a party's delegate learns nothing of another party's confidential work,
 * not even its name or that it exists).
 */
import { describe, expect, it } from 'vitest';
import type { AuditPage, NoteView } from '../../contract/index.ts';
import { fixedClock, settableClock } from '../clock.ts';
import { createAgreement, harnessForFile, TEST_NOW, type Caller } from '../test/harness.ts';

const clock = settableClock(fixedClock(TEST_NOW));
const h = harnessForFile(TEST_NOW, { clock });

type Row = { id: string; version: number };

/**
 * An agreement in Asia/Gaza with two parties, a phase, a provision Hamas is obligated by, an
 * incident alleged against Israel and triaged, each written on a day of its own after the roles (a
 * delegate of each party, a mediator and a viewer) were given.
 */
async function world() {
  clock.set('2026-06-01T09:00:00Z');
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza' });
  const base = `/api/agreements/${a.slug}`;
  const post = async (path: string, body: unknown, call: Caller = h.call) => {
    const res = await call<Row>('POST', `${base}${path}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const hamas = await post('/parties', { name: 'Hamas', localName: 'حماس', role: 'belligerent' });
  const israel = await post('/parties', { name: 'Israel', localName: 'ישראל', role: 'belligerent' });
  const phase = await post('/phases', { name: 'Phase One' });
  const user = async (role: 'party_delegate' | 'mediator' | 'viewer', partyId: string | null = null) => {
    const u = await h.userWith(role, a.slug, partyId);
    return { id: u.userId, call: h.as(u.token) };
  };
  const mediator = await user('mediator');
  const hamasDelegate = await user('party_delegate', hamas.id);
  const israelDelegate = await user('party_delegate', israel.id);
  const viewer = await user('viewer');
  clock.set('2026-06-02T09:00:00Z');
  const provision = await post('/provisions', { phaseId: phase.id, code: '1.1', title: 'Halt attacks', category: 'ceasefire', obligatedPartyId: hamas.id }, mediator.call);
  clock.set('2026-06-03T09:00:00Z');
  const incident = await post('/incidents', { occurredAt: '2026-06-02T22:30:00Z', category: 'shelling', place: 'Rafah', description: 'Shelling', allegedPartyId: israel.id }, mediator.call);
  const triaged = await mediator.call('POST', `${base}/incidents/${incident.id}/transitions`, { to: 'triaged', reason: 'Two sources' });
  expect(triaged.status).toBe(200);
  clock.set(TEST_NOW);
  return {
    a,
    base,
    hamas,
    israel,
    phase,
    provision,
    incident,
    mediator,
    hamasDelegate,
    israelDelegate,
    viewer,
  };
}

/** A page of the log as `call` reads it; `query` ("&actor=…") adds to, or replaces, a limit of 500. */
async function audit(call: Caller, base: string, query = ''): Promise<AuditPage> {
  const params = new URLSearchParams({ limit: '500' });
  for (const [key, value] of new URLSearchParams(query)) params.set(key, value);
  const res = await call<AuditPage>('GET', `${base}/audit?${params.toString()}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('filters', () => {
  it('by actor, entity kind, action and time, each total counting what matches', async () => {
    const w = await world();
    const all = await audit(h.call, w.base);
    const seqs = (page: AuditPage) => page.items.map((e) => e.seq);
    const expectMatches = async (query: string, keep: (e: AuditPage['items'][number]) => boolean) => {
      const page = await audit(h.call, w.base, query);
      const expected = all.items.filter(keep).map((e) => e.seq);
      expect(seqs(page), query).toEqual(expected);
      expect(page.total, query).toBe(expected.length);
      expect(expected.length, query).toBeGreaterThan(0);
      return page;
    };

    const byMediator = await expectMatches(`&actor=${w.mediator.id}`, (e) => e.actorId === w.mediator.id);
    expect(byMediator.items.map((e) => e.entity)).toEqual(expect.arrayContaining(['incident', 'incident_step', 'provision']));
    expect(byMediator.items.map((e) => e.entity)).not.toContain('phase');

    const steps = await expectMatches('&entity=incident_step', (e) => e.entity === 'incident_step');
    expect(steps.items.map((e) => e.entityId)).toEqual([`${w.incident.id}:1`]);
    await expectMatches('&action=update', (e) => e.action === 'update');
    await expectMatches('&entity=incident&action=create', (e) => e.entity === 'incident' && e.action === 'create');

    // Days as the web page sends them: whole days in Asia/Gaza (UTC+3 in June) as instants.
    const inJune2 = (at: string) => at >= '2026-06-01T21:00:00.000Z' && at < '2026-06-02T21:00:00.000Z';
    const june2 = await expectMatches('&from=2026-06-01T21:00:00Z&to=2026-06-02T21:00:00Z', (e) => inJune2(e.at));
    expect(june2.items.map((e) => e.entity)).toContain('provision');
    expect(june2.items.map((e) => e.entity)).not.toContain('incident');
    const since3 = await expectMatches('&from=2026-06-02T21:00:00Z', (e) => e.at >= '2026-06-02T21:00:00.000Z');
    expect(since3.items.map((e) => e.entity)).toEqual(expect.arrayContaining(['incident', 'incident_step']));
    await expectMatches('&to=2026-06-01T21:00:00Z', (e) => e.at < '2026-06-01T21:00:00.000Z');

    // Newest first by default, oldest first when asked; pages of the filtered list.
    expect(all.items[0]!.seq).toBeGreaterThan(all.items.at(-1)!.seq);
    const oldest = await audit(h.call, w.base, `&actor=${w.mediator.id}&order=asc&limit=2&offset=1`);
    expect(seqs(oldest)).toEqual(seqs(byMediator).reverse().slice(1, 3));
    expect(oldest.total).toBe(byMediator.total);
  });

  it('finds the entries written without a user, and offers every actor and kind of the log as choices', async () => {
    const w = await world();
    await h.svc.agreements.parties.create(w.a.slug, { name: 'Egypt', localName: 'مصر', role: 'mediator', description: '' }, { id: null, name: 'phaseline cli' });
    const none = await audit(h.call, w.base, '&actor=none');
    // The roles the harness gave, and the party added from the command line.
    expect(none.items.map((e) => [e.entity, e.actorName])).toEqual([
      ['party', 'phaseline cli'],
      ...Array.from({ length: 4 }, () => ['membership', 'test setup']),
    ]);

    const filtered = await audit(h.call, w.base, '&entity=phase');
    const all = await audit(h.call, w.base);
    expect(filtered.entities).toEqual([...new Set(all.items.map((e) => e.entity))].sort());
    expect(filtered.entities).toEqual(expect.arrayContaining(['agreement', 'incident', 'incident_step', 'membership', 'party', 'phase', 'provision']));
    const admin = (await h.repos.accounts.findUserByEmail('admin@test.example'))!;
    expect(filtered.actors).toEqual(
      expect.arrayContaining([
        { id: w.mediator.id, name: expect.stringMatching(/^User \d+$/) },
        { id: admin.id, name: 'Admin' },
        { id: null, name: 'Without a user (phaseline cli, test setup)' },
      ]),
    );
  });

  it('refuses a window that ends before it starts, an actor that is not an id, and a malformed kind', async () => {
    const w = await world();
    const refused = async (query: string) => (await h.call('GET', `${w.base}/audit?${query}`)).status;
    expect(await refused('from=2026-06-03T00:00:00Z&to=2026-06-02T00:00:00Z')).toBe(422);
    expect(await refused('actor=someone')).toBe(400);
    expect(await refused('entity=Incident%20step')).toBe(400);
    expect(await refused('action=archive')).toBe(400);
    expect((await w.viewer.call('GET', `${w.base}/audit`)).status).toBe(403);
  });
});

describe('names', () => {
  it('names the entities, actors and referenced ids of the page, with links to their pages', async () => {
    const w = await world();
    const page = await audit(h.call, w.base, `&actor=${w.mediator.id}`);
    const slug = w.a.slug;
    expect(page.names[w.provision.id]).toEqual({ kind: 'provision', name: '1.1 Halt attacks', href: `/agreements/${slug}/provisions/${w.provision.id}` });
    expect(page.names[w.hamas.id]).toEqual({ kind: 'party', name: 'Hamas', href: `/agreements/${slug}` });
    expect(page.names[w.israel.id]).toMatchObject({ kind: 'party', name: 'Israel' });
    expect(page.names[w.phase.id]).toEqual({ kind: 'phase', name: 'Phase One', href: `/agreements/${slug}/phases/${w.phase.id}/gate` });
    // The incident by its category, place and day in Gaza (22:30 UTC on 2 June is 3 June there).
    expect(page.names[w.incident.id]).toEqual({ kind: 'incident', name: 'Shelling at Rafah, 2026-06-03', href: `/agreements/${slug}/incidents/${w.incident.id}` });
    expect(page.names[w.mediator.id]).toEqual({ kind: 'user', name: expect.stringMatching(/^User \d+$/), href: null });
    // The agreement itself is named too, but nothing outside the page: the viewer wrote nothing here.
    expect(page.names[w.a.id]).toMatchObject({ kind: 'agreement', href: `/agreements/${slug}` });
    expect(page.names[w.viewer.id]).toBeUndefined();
  });

  it("never names another party's confidential work, nor shows that it exists, to a delegate", async () => {
    const w = await world();
    const before = await audit(w.israelDelegate.call, w.base);
    clock.set('2026-06-04T09:00:00Z');
    const secret = (await w.hamasDelegate.call<NoteView>('POST', `${w.base}/notes`, { partyId: w.hamas.id, provisionId: w.provision.id, title: 'Our red lines', body: 'خطوطنا الحمراء' })).body;
    await w.hamasDelegate.call('PATCH', `${w.base}/notes/${secret.id}`, { version: secret.version, body: 'updated' });
    clock.set(TEST_NOW);

    const theirs = await audit(w.israelDelegate.call, w.base);
    expect(theirs.total).toBe(before.total);
    expect(theirs.entities).not.toContain('note');
    expect(theirs.omitsConfidential).toBe(true);
    // Filtered by the author or the kind, or to the day it was written: nothing, counted as nothing.
    for (const query of [`&actor=${w.hamasDelegate.id}`, '&entity=note', '&from=2026-06-03T21:00:00Z&to=2026-06-04T21:00:00Z']) {
      const filtered = await audit(w.israelDelegate.call, w.base, query);
      expect(filtered.items, query).toEqual([]);
      expect(filtered.total, query).toBe(0);
    }
    // The author wrote nothing else: not even offered as an actor (their role on the agreement shows, as before).
    expect(theirs.actors.map((a) => a.id)).not.toContain(w.hamasDelegate.id);
    const text = JSON.stringify(theirs);
    for (const hidden of [secret.id, 'red lines', 'خطوطنا']) expect(text).not.toContain(hidden);

    // Their own circle sees it, named as its own state says, and the records it points to named.
    const mine = await audit(w.hamasDelegate.call, w.base, '&entity=note');
    expect(mine.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(mine.actors.map((a) => a.id)).toContain(w.hamasDelegate.id);
    expect(mine.names[w.provision.id]).toMatchObject({ name: '1.1 Halt attacks' });
    expect(mine.names[w.hamasDelegate.id]).toMatchObject({ kind: 'user' });
    // Notes are never named in the map, even to those who may read them: the entry's own state names them.
    expect(mine.names[secret.id]).toBeUndefined();
  });
});
