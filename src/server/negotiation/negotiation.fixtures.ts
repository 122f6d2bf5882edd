/** What the negotiation tests share: an agreement with two belligerents, their delegates, a mediator, and a bracketed text. */
import { expect } from 'vitest';
import type { ClauseView, DocumentView, StanceView } from '../../contract/index.ts';
import { createAgreement, type Caller, type Harness } from '../test/harness.ts';

export const TEXT = [
  '# Phase Two text',
  '',
  '## Stabilization force',
  '',
  '1. The force shall consist of [troops from Egypt] [troops from Qatar] only.',
  '2. Funding shall come from [the donor conference].',
  '3. The parties shall cooperate with the force.',
  '',
  'See the [annex](https://example.org/annex) and \\[this note\\].',
  '',
].join('\n');

export const FORCE = 'g0:troops from Egypt | troops from Qatar';
export const FUNDING = 'g0:the donor conference | ';

/** An agreement with Hamas and Israel (belligerents), a delegate of each, a mediator and a viewer. */
export async function world(h: Harness) {
  const a = await createAgreement(h, { public: false });
  const base = `/api/agreements/${a.slug}`;
  const party = async (name: string, role = 'belligerent', signatory?: boolean) =>
    (await h.call<{ id: string; version: number }>('POST', `${base}/parties`, { name, role, ...(signatory === undefined ? {} : { signatory }) })).body;
  const hamas = await party('Hamas');
  const israel = await party('Israel');
  const user = async (role: 'party_delegate' | 'mediator' | 'viewer', partyId: string | null = null) => {
    const u = await h.userWith(role, a.slug, partyId);
    return { id: u.userId, call: h.as(u.token) };
  };
  return {
    slug: a.slug,
    base,
    party,
    hamasId: hamas.id,
    israelId: israel.id,
    hamas: await user('party_delegate', hamas.id),
    israel: await user('party_delegate', israel.id),
    mediator: await user('mediator'),
    viewer: await user('viewer'),
  };
}
export type World = Awaited<ReturnType<typeof world>>;

export async function importText(call: Caller, base: string, markdown = TEXT, extra: Record<string, unknown> = {}): Promise<DocumentView> {
  const res = await call<DocumentView>('POST', `${base}/documents`, { markdown, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function stance(call: Caller, url: string, body: Record<string, unknown>, status = 201): Promise<StanceView> {
  const res = await call<StanceView>('POST', `${url}/stances`, { reason: 'Stated in the room', statedOn: '2026-06-18', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** The clause at `index` of a document as `call` sees it. */
export async function clauseAs(call: Caller, base: string, documentId: string, index: number): Promise<ClauseView> {
  const res = await call<DocumentView>('GET', `${base}/documents/${documentId}`);
  expect(res.status).toBe(200);
  return res.body.clauses[index]!;
}
