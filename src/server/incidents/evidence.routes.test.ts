import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceView, IncidentDetail, IncidentView } from '../../contract/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { incidentSetup, report, type ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();
let ctx: Awaited<ReturnType<typeof incidentSetup>>;
let incident: IncidentView;

beforeAll(async () => {
  ctx = await incidentSetup(h);
  incident = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ allegedPartyId: ctx.israel.id }))).body;
});

/** A fresh incident, for a test that counts its evidence. */
async function newIncident(): Promise<IncidentView> {
  const res = await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report({ allegedPartyId: ctx.israel.id }));
  expect(res.status).toBe(201);
  return res.body;
}

function upload(token: string, path: string, bytes: Buffer, contentType = 'application/octet-stream') {
  return h.app.inject({ method: 'PUT', url: path, payload: bytes, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } });
}

describe('evidence', () => {
  it('keeps a link', async () => {
    const incident = await newIncident();
    const res = await h.call<EvidenceView>('POST', `${ctx.base}/incidents/${incident.id}/evidence`, { url: 'https://example.org/report', description: 'Wire report' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'link', name: 'https://example.org/report', url: 'https://example.org/report', sha256: null });
    expect((await h.call('POST', `${ctx.base}/incidents/${incident.id}/evidence`, { url: 'javascript:alert(1)' })).status).toBe(400);
    const detail = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
    expect(detail.body.evidence.map((e) => [e.kind, e.id])).toEqual([['link', res.body.id]]);
  });

  it('stores a file with the SHA-256 the server computes, and gives back the same bytes', async () => {
    // Its own incident: what the other tests add must not count here, nor be needed.
    const incident = await newIncident();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 0x5c, 0x0a]);
    const res = await upload(h.adminToken, `${ctx.base}/incidents/${incident.id}/evidence?name=${encodeURIComponent('صورة.jpg')}`, bytes);
    expect(res.statusCode).toBe(201);
    const evidence = res.json<EvidenceView>();
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(evidence).toMatchObject({ kind: 'file', name: 'صورة.jpg', contentType: 'image/jpeg', size: 10, sha256: sha });
    const file = await h.app.inject({ method: 'GET', url: `${ctx.base}/incidents/${incident.id}/evidence/${evidence.id}/file`, headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toContain("attachment; filename*=UTF-8''");
    expect(file.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha, 'hex').toString('base64')}:`);
    const detail = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
    expect(detail.body.evidence.map((e) => [e.kind, e.id, e.sha256])).toEqual([['file', evidence.id, sha]]);
  });

  it('serves a type a browser could run as plain bytes to save', async () => {
    const res = await upload(h.adminToken, `${ctx.base}/incidents/${incident.id}/evidence?name=page.html&contentType=text/html`, Buffer.from('<script>alert(1)</script>'));
    const evidence = res.json<EvidenceView>();
    const file = await h.app.inject({ method: 'GET', url: `${ctx.base}/incidents/${incident.id}/evidence/${evidence.id}/file`, headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(file.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses an empty file, a JSON body and a file over 20 MiB', async () => {
    const path = `${ctx.base}/incidents/${incident.id}/evidence?name=x.bin`;
    expect((await upload(h.adminToken, path, Buffer.alloc(0))).statusCode).toBe(422);
    expect((await upload(h.adminToken, path, Buffer.from('{}'), 'application/json')).statusCode).toBe(400);
    expect((await upload(h.adminToken, path, Buffer.alloc(20 * 1_048_576 + 1))).statusCode).toBe(413);
    expect((await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`)).body.evidence.filter((e) => e.name === 'x.bin')).toEqual([]);
  });

  it('lets a delegate add evidence to allegations against its party or its own reports only', async () => {
    const israeli = await h.userWith('party_delegate', ctx.a.slug, ctx.israel.id);
    const hamas = await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id);
    const link = { url: 'https://example.org/counter' };
    expect((await h.as(israeli.token)('POST', `${ctx.base}/incidents/${incident.id}/evidence`, link)).status).toBe(201);
    expect((await h.as(hamas.token)('POST', `${ctx.base}/incidents/${incident.id}/evidence`, link)).status).toBe(403);
    expect((await upload(hamas.token, `${ctx.base}/incidents/${incident.id}/evidence?name=a.jpg`, Buffer.from([1]))).statusCode).toBe(403);
  });
});

describe('responses to an allegation', () => {
  it('are filed by the alleged party’s delegates only, or by a mediator naming that party', async () => {
    const israeli = await h.userWith('party_delegate', ctx.a.slug, ctx.israel.id);
    const hamas = await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id);
    const mediator = await h.userWith('mediator', ctx.a.slug);
    const monitor = await h.userWith('monitor', ctx.a.slug);
    const path = `${ctx.base}/incidents/${incident.id}/responses`;
    const own = await h.as(israeli.token)<{ partyId: string }>('POST', path, { body: 'Our forces were not in the area.' });
    expect(own.status).toBe(201);
    expect(own.body.partyId).toBe(ctx.israel.id);
    expect((await h.as(hamas.token)('POST', path, { body: 'x' })).status).toBe(422);
    expect((await h.as(hamas.token)('POST', path, { body: 'x', partyId: ctx.israel.id })).status).toBe(403);
    expect((await h.as(monitor.token)('POST', path, { body: 'x', partyId: ctx.israel.id })).status).toBe(403);
    expect((await h.as(mediator.token)<ErrorBody>('POST', path, { body: 'x' })).status).toBe(422);
    expect((await h.as(mediator.token)('POST', path, { body: 'Relayed by the mediator', partyId: ctx.israel.id })).status).toBe(201);
    const detail = await h.call<IncidentDetail>('GET', `${ctx.base}/incidents/${incident.id}`);
    expect(detail.body.responses.map((r) => r.body)).toEqual(['Our forces were not in the area.', 'Relayed by the mediator']);
  });

  it('are refused for a party the incident does not accuse', async () => {
    const unaccused = (await h.call<IncidentView>('POST', `${ctx.base}/incidents`, report())).body;
    const israeli = await h.userWith('party_delegate', ctx.a.slug, ctx.israel.id);
    const res = await h.as(israeli.token)<ErrorBody>('POST', `${ctx.base}/incidents/${unaccused.id}/responses`, { body: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/no allegation against this party/);
  });
});
