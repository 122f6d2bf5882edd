/**
 * Notes and their audiences: one party's circle, the mediators only, or everyone. Outside a note's
 * audience one learns nothing of it: not in lists, single reads, the audit log or its totals.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntryView, NoteView } from '../../contract/index.ts';
import { createAgreement, harnessForFile, type Caller } from '../test/harness.ts';

const h = harnessForFile();

interface AuditPage {
  items: AuditEntryView[];
  total: number;
  omitsConfidential: boolean;
}

/** A public agreement with two belligerents, a delegate of each, a mediator, a monitor and a viewer. */
async function world() {
  const a = await createAgreement(h, { public: true });
  const base = `/api/agreements/${a.slug}`;
  const party = async (name: string, localName: string) =>
    (await h.call<{ id: string }>('POST', `${base}/parties`, { name, localName, role: 'belligerent' })).body.id;
  const hamasId = await party('Hamas', 'حماس');
  const israelId = await party('Israel', 'ישראל');
  const user = async (role: 'party_delegate' | 'mediator' | 'monitor' | 'viewer', partyId: string | null = null) => {
    const u = await h.userWith(role, a.slug, partyId);
    return { id: u.userId, call: h.as(u.token) };
  };
  return {
    slug: a.slug,
    base,
    hamasId,
    israelId,
    hamas: await user('party_delegate', hamasId),
    israel: await user('party_delegate', israelId),
    mediator: await user('mediator'),
    monitor: await user('monitor'),
    viewer: await user('viewer'),
  };
}

async function note(call: Caller, base: string, body: Record<string, unknown>): Promise<NoteView> {
  const res = await call<NoteView>('POST', `${base}/notes`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const titles = async (call: Caller, base: string) =>
  (await call<{ items: NoteView[] }>('GET', `${base}/notes`)).body.items.map((n) => n.title).sort();

describe('notes in a party’s circle', () => {
  it('are read by their own party and the mediators, with their author', async () => {
    const w = await world();
    const own = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Our red lines', body: 'خطوطنا الحمراء' });
    expect(own).toMatchObject({ audience: 'party', partyId: w.hamasId, authorId: w.hamas.id, authorName: expect.stringMatching(/^User /) });
    await note(w.israel.call, w.base, { partyId: w.israelId, title: 'Shared statement', body: 'For all', audience: 'all' });

    expect(await titles(w.hamas.call, w.base)).toEqual(['Our red lines', 'Shared statement']);
    expect(await titles(w.mediator.call, w.base)).toEqual(['Our red lines', 'Shared statement']);
    expect((await w.mediator.call<NoteView>('GET', `${w.base}/notes/${own.id}`)).body.authorId).toBe(w.hamas.id);
  });

  it("are invisible to another party's delegate, a monitor, a viewer and a visitor, as if they did not exist", async () => {
    const w = await world();
    const own = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Our red lines', body: 'خطوطنا الحمراء' });
    await note(w.israel.call, w.base, { partyId: w.israelId, title: 'Shared statement', audience: 'all' });
    for (const [who, call] of [
      ['israel', w.israel.call],
      ['monitor', w.monitor.call],
      ['viewer', w.viewer.call],
      ['anonymous', h.anonymous],
    ] as const) {
      const list = await call<{ items: NoteView[] }>('GET', `${w.base}/notes`);
      expect(list.status, who).toBe(200);
      expect(list.body.items.map((n) => n.title), who).toEqual(['Shared statement']);
      expect((await call('GET', `${w.base}/notes/${own.id}`)).status, who).toBe(404);
      expect(JSON.stringify(list.body), who).not.toContain('خطوطنا');
    }
  });

  it('cannot be written, edited or deleted for another party by a delegate', async () => {
    const w = await world();
    const own = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Our red lines' });
    expect((await w.israel.call('POST', `${w.base}/notes`, { partyId: w.hamasId, title: 'Planted' })).status).toBe(403);
    expect((await w.israel.call('POST', `${w.base}/notes`, { partyId: w.hamasId, title: 'Planted', audience: 'all' })).status).toBe(403);
    expect((await w.israel.call('PATCH', `${w.base}/notes/${own.id}`, { version: own.version, title: 'Changed' })).status).toBe(404);
    expect((await w.israel.call('DELETE', `${w.base}/notes/${own.id}?version=${own.version}`)).status).toBe(404);
    expect((await w.hamas.call<NoteView>('GET', `${w.base}/notes/${own.id}`)).body.title).toBe('Our red lines');
    // Moving one's own note to another party's circle is refused as well.
    const moved = await w.hamas.call('PATCH', `${w.base}/notes/${own.id}`, { version: own.version, partyId: w.israelId });
    expect(moved.status).toBe(403);
  });

  it('need the party they belong to', async () => {
    const w = await world();
    const res = await w.mediator.call<{ error: { code: string; message: string } }>('POST', `${w.base}/notes`, { title: 'Whose?', audience: 'party' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('partyId');
    const shared = await note(w.mediator.call, w.base, { title: 'Shared', audience: 'all' });
    const narrowed = await w.mediator.call<{ error: { details: { issues: { path: string }[] } } }>('PATCH', `${w.base}/notes/${shared.id}`, {
      version: shared.version,
      audience: 'party',
    });
    expect(narrowed.status).toBe(422);
    expect(narrowed.body.error.details.issues.map((i) => i.path)).toEqual(['partyId']);
  });
});

describe('the mediators’ room', () => {
  it('is read and written by mediators only; a delegate may not write there', async () => {
    const w = await world();
    const room = await note(w.mediator.call, w.base, { title: 'Sequencing', body: 'Mediators only', audience: 'mediators' });
    expect(room).toMatchObject({ audience: 'mediators', partyId: null, authorId: w.mediator.id });
    expect(await titles(w.mediator.call, w.base)).toEqual(['Sequencing']);
    expect(await titles(h.call, w.base)).toEqual(['Sequencing']);
    for (const call of [w.hamas.call, w.israel.call, w.monitor.call, w.viewer.call, h.anonymous]) {
      expect(await titles(call, w.base)).toEqual([]);
      expect((await call('GET', `${w.base}/notes/${room.id}`)).status).toBe(404);
    }
    expect((await w.hamas.call('POST', `${w.base}/notes`, { partyId: w.hamasId, title: 'Up', audience: 'mediators' })).status).toBe(403);
    const own = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Ours' });
    expect((await w.hamas.call('PATCH', `${w.base}/notes/${own.id}`, { version: own.version, audience: 'mediators' })).status).toBe(403);
  });

  it("a mediator's note for a party's circle shows its author, not the party, as writer", async () => {
    const w = await world();
    const filed = await note(w.mediator.call, w.base, { partyId: w.israelId, title: 'For Israel', audience: 'party' });
    const seen = (await w.israel.call<{ items: NoteView[] }>('GET', `${w.base}/notes`)).body.items;
    expect(seen).toEqual([expect.objectContaining({ id: filed.id, partyId: w.israelId, authorId: w.mediator.id })]);
    expect(await titles(w.hamas.call, w.base)).toEqual([]);
  });
});

describe('the audit log', () => {
  async function audit(call: Caller, base: string): Promise<AuditPage> {
    const res = await call<AuditPage>('GET', `${base}/audit?limit=500`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('leaves out every entry of a note confidential to others, and counts none of them', async () => {
    const w = await world();
    const before = await audit(w.israel.call, w.base);
    const own = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Our red lines', body: 'خطوطنا الحمراء' });
    await w.hamas.call('PATCH', `${w.base}/notes/${own.id}`, { version: own.version, body: 'updated' });

    const theirs = await audit(w.israel.call, w.base);
    expect(theirs.total).toBe(before.total);
    expect(theirs.items.map((e) => e.seq)).toEqual(before.items.map((e) => e.seq));
    expect(theirs.omitsConfidential).toBe(true);
    const text = JSON.stringify(theirs);
    for (const secret of ['red lines', 'خطوطنا', own.id]) expect(text).not.toContain(secret);
    expect(theirs.items.some((e) => e.entity === 'note')).toBe(false);

    const mine = await audit(w.hamas.call, w.base);
    expect(mine.items.filter((e) => e.entityId === own.id).map((e) => e.action)).toEqual(['update', 'create']);
    const mediator = await audit(w.mediator.call, w.base);
    expect(mediator.omitsConfidential).toBe(false);
    expect(mediator.total).toBe(before.total + 2);
  });

  it('hides the earlier entries of a note that was shared and then made confidential', async () => {
    const w = await world();
    const shared = await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'At first for everyone', audience: 'all' });
    const seenWhileShared = await audit(w.israel.call, w.base);
    expect(seenWhileShared.items.some((e) => e.entityId === shared.id)).toBe(true);

    await w.hamas.call('PATCH', `${w.base}/notes/${shared.id}`, { version: shared.version, audience: 'party' });
    const after = await audit(w.israel.call, w.base);
    expect(JSON.stringify(after)).not.toContain(shared.id);
    expect(JSON.stringify(after)).not.toContain('At first for everyone');
    expect(after.total).toBe(seenWhileShared.total - 1);
    // Made shared again, it stays out: its confidential past is still in its entries.
    const current = (await w.hamas.call<NoteView>('GET', `${w.base}/notes/${shared.id}`)).body;
    await w.hamas.call('PATCH', `${w.base}/notes/${shared.id}`, { version: current.version, audience: 'all' });
    expect(JSON.stringify(await audit(w.israel.call, w.base))).not.toContain(shared.id);
    // The note itself is now everyone's to read.
    expect(await titles(w.israel.call, w.base)).toEqual(['At first for everyone']);
  });

  it("keeps the mediators' room out of every party's and the monitors' view, and a deleted note's entries too", async () => {
    const w = await world();
    const room = await note(w.mediator.call, w.base, { title: 'Room', audience: 'mediators' });
    const gone = await note(w.israel.call, w.base, { partyId: w.israelId, title: 'Soon gone' });
    expect((await w.israel.call('DELETE', `${w.base}/notes/${gone.id}?version=${gone.version}`)).status).toBe(200);
    for (const call of [w.hamas.call, w.monitor.call]) {
      const text = JSON.stringify(await audit(call, w.base));
      expect(text).not.toContain(room.id);
      expect(text).not.toContain(gone.id);
    }
    expect(JSON.stringify(await audit(w.israel.call, w.base))).not.toContain(room.id);
    expect((await audit(w.israel.call, w.base)).items.filter((e) => e.entityId === gone.id).map((e) => e.action)).toEqual(['delete', 'create']);
  });

  it('pages and totals agree for a reader who does not see everything', async () => {
    const w = await world();
    for (let i = 0; i < 3; i += 1) await note(w.hamas.call, w.base, { partyId: w.hamasId, title: `Hidden ${i}` });
    const all = await audit(w.israel.call, w.base);
    const pages: number[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const res = await w.israel.call<AuditPage>('GET', `${w.base}/audit?limit=2&offset=${offset}`);
      expect(res.body.total).toBe(all.total);
      pages.push(...res.body.items.map((e) => e.seq));
    }
    expect(pages).toEqual(all.items.map((e) => e.seq));
  });

  it('still verifies as one whole chain', async () => {
    const w = await world();
    await note(w.hamas.call, w.base, { partyId: w.hamasId, title: 'Hidden from others' });
    const report = await h.svc.audit.verify();
    expect(report.ok).toBe(true);
  });
});
