import { describe, expect, it } from 'vitest';
import type { AgreementSummaryView } from '../../contract/index.ts';
import { createAgreement, harnessForFile } from '../test/harness.ts';

type Row = { id: string; version: number };

const h = harnessForFile();

/** An agreement with two parties, two phases (made out of order) and three provisions. */
async function setup(overrides: Record<string, unknown> = {}) {
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza', ...overrides });
  const base = `/api/agreements/${a.slug}`;
  const hamas = (await h.call<Row>('POST', `${base}/parties`, { name: 'Hamas', localName: 'حماس', role: 'belligerent' })).body;
  await h.call<Row>('POST', `${base}/parties`, { name: 'Israel', localName: 'ישראל', role: 'belligerent' });
  const two = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase Two', ordinal: 2 })).body;
  const one = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase One', ordinal: 1 })).body;
  const provision = (code: string, phaseId: string, ordinal: number) =>
    h.call('POST', `${base}/provisions`, { phaseId, ordinal, code, title: `Provision ${code}`, text: 'Long text '.repeat(50), category: 'ceasefire', obligatedPartyId: hamas.id });
  await provision('2.1', two.id, 1);
  await provision('1.2', one.id, 2);
  await provision('1.1', one.id, 1);
  return { a, base };
}

describe('GET /api/agreements/:agreement/summary', () => {
  it('gives the agreement, its parties, its phases in order and its provisions in phase order, without their text', async () => {
    const { a, base } = await setup();
    const res = await h.call<AgreementSummaryView>('GET', `${base}/summary`);
    expect(res.status).toBe(200);
    expect(res.body.agreement).toMatchObject({ id: a.id, slug: a.slug, timeZone: 'Asia/Gaza', public: false, status: 'drafting' });
    expect(res.body.parties.map((p) => p.localName).sort()).toEqual(['حماس', 'ישראל'].sort());
    expect(res.body.phases.map((p) => p.name)).toEqual(['Phase One', 'Phase Two']);
    expect(res.body.provisions.map((p) => p.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(res.body.provisions[0]).not.toHaveProperty('text');
    expect(res.body.provisions[0]).toMatchObject({ title: 'Provision 1.1', category: 'ceasefire', status: 'not_started', deadline: null });
  });

  it('answers as the matrix does, by id or slug', async () => {
    const { a, base } = await setup();
    const summary = (await h.call<AgreementSummaryView>('GET', `/api/agreements/${a.id}/summary`)).body;
    const matrix = (await h.call<{ agreement: unknown; parties: unknown[]; rows: Array<{ phase: { id: string }; realities: Array<{ id: string }> }> }>('GET', `${base}/matrix`)).body;
    expect(summary.agreement).toEqual(matrix.agreement);
    expect(summary.parties).toEqual(matrix.parties);
    expect(summary.phases.map((p) => p.id)).toEqual(matrix.rows.map((r) => r.phase.id));
    expect(summary.provisions.map((p) => p.id)).toEqual(matrix.rows.flatMap((r) => r.realities.map((p) => p.id)));
  });

  it('keeps the agreement read’s rules: a private agreement is not found for visitors, a public one is readable', async () => {
    const closed = await setup();
    expect((await h.anonymous('GET', `${closed.base}/summary`)).status).toBe(404);
    const member = await h.userWith('viewer', closed.a.slug);
    expect((await h.as(member.token)('GET', `${closed.base}/summary`)).status).toBe(200);
    const outsider = await h.userWith(null);
    expect((await h.as(outsider.token)('GET', `${closed.base}/summary`)).status).toBe(404);
    const open = await setup({ public: true });
    expect((await h.anonymous('GET', `${open.base}/summary`)).status).toBe(200);
    expect((await h.call('GET', '/api/agreements/no-such-agreement/summary')).status).toBe(404);
  });
});
