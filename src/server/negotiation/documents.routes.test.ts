/**
 * Documents: import from Markdown (all or nothing on a bracket error), the reader's view, clause
 * edits as versions with word diffs, optimistic versions, Markdown export at a revision.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseView, DocumentSummaryView, DocumentView } from '../../contract/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { FORCE, FUNDING, importText, TEXT, world } from './negotiation.fixtures.ts';

const h = harnessForFile();

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };
type Diff = { from: number; to: number; parts: Array<{ op: string; text: string }> };

describe('importing a document', () => {
  it('makes sections and numbered clauses with their bracket groups; title from the first heading', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    expect(doc).toMatchObject({ title: 'Phase Two text', revision: 1, version: 1, clauseCount: 4 });
    expect(doc.sections.map((s) => [s.level, s.title])).toEqual([
      [1, 'Phase Two text'],
      [2, 'Stabilization force'],
    ]);
    expect(doc.clauses.map((c) => c.number)).toEqual(['1', '2', '3', null]);
    expect(doc.clauses.map((c) => c.sectionId)).toEqual(Array(4).fill(doc.sections[1]!.id));
    const [force, funding, plain, paragraph] = doc.clauses as [ClauseView, ClauseView, ClauseView, ClauseView];
    expect(force.segments).toEqual([
      { kind: 'text', text: 'The force shall consist of ' },
      { kind: 'group', key: FORCE, alternatives: ['troops from Egypt', 'troops from Qatar'], single: false },
      { kind: 'text', text: ' only.' },
    ]);
    expect(funding.consensus.groups.map((g) => [g.key, g.alternatives.length])).toEqual([[FUNDING, 2]]);
    // A link and escaped brackets are no group: the clause has nothing left to agree.
    expect(paragraph.consensus).toEqual({ status: 'agreed', groups: [] });
    expect(plain.consensus.status).toBe('agreed');
    expect(force.consensus.status).toBe('open');
    expect(doc.consensus).toEqual({ clauses: 4, agreed: 2, blocked: 0, converging: 0, open: 2, agreedShare: 0.5 });

    const list = await w.viewer.call<{ items: DocumentSummaryView[] }>('GET', `${w.base}/documents`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: doc.id, clauseCount: 4, consensus: doc.consensus })]);
    const md = await w.viewer.call('GET', `${w.base}/documents/${doc.id}/markdown`);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
  });

  it('exports to Markdown the text it imported (whitespace aside)', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base, TEXT, { title: 'Annex', deadline: '2026-07-01T00:00:00Z' });
    expect(doc).toMatchObject({ title: 'Annex', deadline: '2026-07-01T00:00:00.000Z' });
    const res = await h.app.inject({ method: 'GET', url: `${w.base}/documents/${doc.id}/markdown`, headers: { authorization: `Bearer ${h.adminToken}` } });
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(squash(res.body)).toBe(squash(TEXT));
  });

  it('refuses a bad bracket with its line and column, and writes nothing', async () => {
    const w = await world(h);
    const bad = '# Text\n\n1. Fine [one] [two].\n2. An [unclosed bracket\n';
    const res = await w.mediator.call<ErrorBody>('POST', `${w.base}/documents`, { markdown: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bracket_syntax');
    expect(res.body.error.details).toMatchObject({ line: 4, column: 7 });
    const nested = await w.mediator.call<ErrorBody>('POST', `${w.base}/documents`, { markdown: 'A [b [c] d]' });
    expect(nested.body.error).toMatchObject({ code: 'bracket_syntax', details: { line: 1, column: 6 } });
    expect((await w.mediator.call<{ items: unknown[] }>('GET', `${w.base}/documents`)).body.items).toEqual([]);
  });

  it('needs a title when the text has no level-1 heading', async () => {
    const w = await world(h);
    const res = await w.mediator.call<ErrorBody>('POST', `${w.base}/documents`, { markdown: '1. A clause.' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('title');
  });

  it('is for mediators: a delegate and a viewer are refused', async () => {
    const w = await world(h);
    expect((await w.hamas.call('POST', `${w.base}/documents`, { markdown: TEXT })).status).toBe(403);
    expect((await w.viewer.call('POST', `${w.base}/documents`, { markdown: TEXT })).status).toBe(403);
  });
});

describe('editing', () => {
  it('makes a new clause version with author and reason, moves the revision on, and diffs by word', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const clause = doc.clauses[2]!;
    const url = `${w.base}/documents/${doc.id}/clauses/${clause.id}`;

    const noReason = await w.mediator.call<ErrorBody>('PATCH', url, { version: clause.version, text: 'The parties shall fully cooperate.' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');

    const edited = await w.mediator.call<ClauseView>('PATCH', url, {
      version: clause.version,
      text: 'The parties shall [fully] cooperate with the force.',
      reason: 'Qatari proposal',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, text: 'The parties shall [fully] cooperate with the force.' });
    expect(edited.body.consensus.groups.map((g) => g.key)).toEqual(['g0:fully | ']);

    const stale = await w.mediator.call<ErrorBody>('PATCH', url, { version: clause.version, text: 'Other', reason: 'Late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');

    const versions = await w.viewer.call<{ items: Array<{ version: number; documentRevision: number; reason: string; authorId: string | null; authorName: string | null }> }>(
      'GET',
      `${url}/versions`,
    );
    expect(versions.body.items.map((v) => [v.version, v.documentRevision, v.reason, v.authorId])).toEqual([
      [1, 1, 'Imported', w.mediator.id],
      [2, 2, 'Qatari proposal', w.mediator.id],
    ]);

    const diff = await w.viewer.call<Diff>('GET', `${url}/diff`);
    expect(diff.body.from).toBe(1);
    expect(diff.body.to).toBe(2);
    expect(diff.body.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['[fully]']);
    expect((await w.viewer.call('GET', `${url}/diff?from=1&to=9`)).status).toBe(404);

    const after = await w.viewer.call<DocumentView>('GET', `${w.base}/documents/${doc.id}`);
    expect(after.body.revision).toBe(2);
    const docDiff = await w.viewer.call<Diff>('GET', `${w.base}/documents/${doc.id}/diff`);
    expect(docDiff.body).toMatchObject({ from: 1, to: 2 });
    expect(docDiff.body.parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text.trim()])).toEqual([['insert', '[fully]']]);

    const at1 = await h.app.inject({ method: 'GET', url: `${w.base}/documents/${doc.id}/markdown?revision=1`, headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(at1.body).toContain('3. The parties shall cooperate with the force.');
    expect((await w.viewer.call('GET', `${w.base}/documents/${doc.id}/markdown?revision=3`)).status).toBe(404);
  });

  it('refuses a clause text with a bad bracket, or one that would not stay one clause', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const clause = doc.clauses[0]!;
    const url = `${w.base}/documents/${doc.id}/clauses/${clause.id}`;
    const bad = await w.mediator.call<ErrorBody>('PATCH', url, { version: clause.version, text: 'Troops ] from Egypt', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bracket_syntax', details: { line: 1, column: 8 } });
    const two = await w.mediator.call('PATCH', url, { version: clause.version, text: 'One.\n\nTwo.', reason: 'x' });
    expect(two.status).toBe(422);
    const unchanged = await w.viewer.call<DocumentView>('GET', `${w.base}/documents/${doc.id}`);
    expect(unchanged.body.revision).toBe(1);
    expect(unchanged.body.clauses[0]!.text).toBe(clause.text);
  });

  it("edits a document's title and deadline with its version, and deletes it", async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const url = `${w.base}/documents/${doc.id}`;
    const edited = await w.mediator.call<DocumentView>('PATCH', url, { version: doc.version, title: 'Phase Two', deadline: '2026-07-01T12:00:00+03:00' });
    expect(edited.body).toMatchObject({ title: 'Phase Two', deadline: '2026-07-01T09:00:00.000Z', version: 2 });
    expect((await w.mediator.call('PATCH', url, { version: doc.version, title: 'Late' })).status).toBe(409);
    expect((await w.mediator.call('DELETE', `${url}?version=${doc.version}`)).status).toBe(409);
    expect((await w.mediator.call('DELETE', `${url}?version=2`)).status).toBe(200);
    expect((await w.viewer.call('GET', url)).status).toBe(404);
  });

  it('links provisions to clauses of the same agreement only', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const phase = (await h.call<{ id: string }>('POST', `${w.base}/phases`, { name: 'Phase Two' })).body;
    const clauseId = doc.clauses[0]!.id;
    const provision = await h.call<{ id: string; clauseId: string | null }>('POST', `${w.base}/provisions`, {
      phaseId: phase.id,
      title: 'Force deployed',
      category: 'stabilization_force',
      code: 'F1',
      clauseId,
    });
    expect(provision.status, JSON.stringify(provision.body)).toBe(201);
    expect(provision.body.clauseId).toBe(clauseId);
    const view = await w.viewer.call<DocumentView>('GET', `${w.base}/documents/${doc.id}`);
    expect(view.body.clauses[0]!.provisions).toEqual([{ id: provision.body.id, code: 'F1', title: 'Force deployed' }]);

    const other = await world(h);
    const elsewhere = await importText(other.mediator.call, other.base);
    const res = await h.call<{ error: { details: { issues: Array<{ path: string }> } } }>('POST', `${w.base}/provisions`, {
      phaseId: phase.id,
      title: 'Planted',
      category: 'other',
      clauseId: elsewhere.clauses[0]!.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues.map((i) => i.path)).toEqual(['clauseId']);
  });

  it('go with their agreement, stances and linked provisions included', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const phase = (await h.call<{ id: string }>('POST', `${w.base}/phases`, { name: 'Phase Two' })).body;
    await h.call('POST', `${w.base}/provisions`, { phaseId: phase.id, title: 'Force', category: 'other', clauseId: doc.clauses[0]!.id });
    const url = `${w.base}/documents/${doc.id}/clauses/${doc.clauses[0]!.id}/stances`;
    const body = { groupKey: FORCE, alternative: 0, partyId: w.hamasId, position: 'reject', reason: 'No', statedOn: '2026-06-18', audience: 'party' };
    expect((await w.hamas.call('POST', url, body)).status).toBe(201);
    // A party with stances is not deleted from under them.
    const party = (await h.call<{ version: number }>('GET', `${w.base}/parties/${w.hamasId}`)).body;
    const refused = await h.call<ErrorBody>('DELETE', `${w.base}/parties/${w.hamasId}?version=${party.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('1 stance it stated on a clause');
    const agreement = (await h.call<{ version: number }>('GET', w.base)).body;
    expect((await h.call('DELETE', `${w.base}?version=${agreement.version}`)).status).toBe(200);
  });
});
