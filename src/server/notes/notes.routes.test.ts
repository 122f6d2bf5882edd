import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, NoteView } from '../../contract/index.ts';
import { createAgreement, startHarness, type Caller, type Harness } from '../test/harness.ts';

let h: Harness;
let base: string;
let hamasId: string;
let israelId: string;
let asHamas: Caller;
let asIsrael: Caller;
let asMediator: Caller;
let asViewer: Caller;
let hamasNote: NoteView;

beforeAll(async () => {
  h = await startHarness();
  const a = await createAgreement(h, { public: true });
  base = `/api/agreements/${a.slug}`;
  hamasId = (await h.call<{ id: string }>('POST', `${base}/parties`, { name: 'Hamas', localName: 'حماس', role: 'belligerent' })).body.id;
  israelId = (await h.call<{ id: string }>('POST', `${base}/parties`, { name: 'Israel', localName: 'ישראל', role: 'belligerent' })).body.id;
  asHamas = h.as((await h.userWith('party_delegate', a.slug, hamasId)).token);
  asIsrael = h.as((await h.userWith('party_delegate', a.slug, israelId)).token);
  asMediator = h.as((await h.userWith('mediator', a.slug)).token);
  asViewer = h.as((await h.userWith('viewer', a.slug)).token);
  const created = await asHamas<NoteView>('POST', `${base}/notes`, { partyId: hamasId, title: 'Our red lines', body: 'خطوطنا الحمراء' });
  expect(created.status).toBe(201);
  hamasNote = created.body;
  await asIsrael('POST', `${base}/notes`, { partyId: israelId, title: 'Shared statement', body: 'For all', confidential: false });
});
afterAll(async () => {
  await h.close();
});

describe('confidential notes', () => {
  it('are read by their own party and the mediators', async () => {
    const own = await asHamas<{ items: NoteView[] }>('GET', `${base}/notes`);
    expect(own.body.items.map((n) => n.title).sort()).toEqual(['Our red lines', 'Shared statement']);
    const mediator = await asMediator<{ items: NoteView[] }>('GET', `${base}/notes`);
    expect(mediator.body.items.map((n) => n.title)).toContain('Our red lines');
    expect((await asMediator('GET', `${base}/notes/${hamasNote.id}`)).status).toBe(200);
  });

  it("are invisible to another party's delegate, a viewer and a visitor, as if they did not exist", async () => {
    for (const [who, call] of [
      ['israel', asIsrael],
      ['viewer', asViewer],
      ['anonymous', h.anonymous],
    ] as const) {
      const list = await call<{ items: NoteView[] }>('GET', `${base}/notes`);
      expect(list.status, who).toBe(200);
      expect(list.body.items.map((n) => n.title), who).toEqual(['Shared statement']);
      expect((await call('GET', `${base}/notes/${hamasNote.id}`)).status, who).toBe(404);
      expect(JSON.stringify(list.body), who).not.toContain('خطوطنا');
    }
  });

  it("cannot be written for another party by a delegate", async () => {
    const res = await asIsrael('POST', `${base}/notes`, { partyId: hamasId, title: 'Planted', body: 'x' });
    expect(res.status).toBe(403);
    const edit = await asIsrael('PATCH', `${base}/notes/${hamasNote.id}`, { version: hamasNote.version, title: 'Changed' });
    expect(edit.status).toBe(404);
    expect((await asHamas<NoteView>('GET', `${base}/notes/${hamasNote.id}`)).body.title).toBe('Our red lines');
  });

  it("are redacted in the audit log for another party, and shown to their own", async () => {
    const theirs = await asIsrael<{ items: AuditEntryView[] }>('GET', `${base}/audit?limit=100`);
    const entry = theirs.body.items.find((e) => e.entity === 'note' && e.redacted)!;
    expect(entry).toMatchObject({ entityId: 'redacted', before: null, after: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(theirs.body)).not.toContain('red lines');
    expect(JSON.stringify(theirs.body)).not.toContain(hamasNote.id);
    const own = await asHamas<{ items: AuditEntryView[] }>('GET', `${base}/audit?limit=100`);
    const ownEntry = own.body.items.find((e) => e.entity === 'note' && e.entityId === hamasNote.id)!;
    expect(ownEntry).toMatchObject({ redacted: false, after: { title: 'Our red lines' } });
  });
});
