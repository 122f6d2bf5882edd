/**
 * The live document feed over a real socket: each reader is told of the changes they may see, and
 * of nothing else. No timing is asserted: each check waits for an event that must come, and then
 * counts what else arrived before it.
 */
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from '../test/event-stream.ts';
import { harnessForFile } from '../test/harness.ts';
import { FORCE, importText, stance, world, type World } from './negotiation.fixtures.ts';

const h = harnessForFile(undefined, { livePollMs: 25, liveStreamMs: 300_000 });
let origin = '';

beforeAll(async () => {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
});

const open = (url: string, token: string) => openEvents(origin, url, token);

const tokenOf = async (w: World, who: 'hamas' | 'israel' | 'mediator' | 'viewer') => {
  const u = await h.userWith(who === 'mediator' ? 'mediator' : who === 'viewer' ? 'viewer' : 'party_delegate', w.slug, who === 'hamas' ? w.hamasId : who === 'israel' ? w.israelId : null);
  return u.token;
};

describe('GET .../documents/:document/events', () => {
  let w: World;

  it("tells each reader of the changes they may see, and a delegate nothing of another party's confidential stance", async () => {
    w = await world(h);
    const doc = await importText(h.call, w.base);
    const clause = doc.clauses.find((c) => c.consensus.groups.some((g) => g.key === FORCE))!;
    const url = `${w.base}/documents/${doc.id}`;
    const mediator = await open(`${url}/events`, await tokenOf(w, 'mediator'));
    const israel = await open(`${url}/events`, await tokenOf(w, 'israel'));
    await Promise.all([mediator.until('ready', 1), israel.until('ready', 1)]);

    // Hamas's stance for its own circle: the mediators are told, Israel's delegate is not. What
    // Israel's delegate sees is the same as before it: a stream opened now starts from the same fingerprint.
    await stance(w.hamas.call, `${url}/clauses/${clause.id}`, { groupKey: FORCE, alternative: 0, partyId: w.hamasId, position: 'reject', audience: 'party' });
    await mediator.until('change', 1);
    const israelAfter = await open(`${url}/events`, await tokenOf(w, 'israel'));
    await israelAfter.until('ready', 1);
    expect(israelAfter.events[0]!.data).toEqual(israel.events[0]!.data);
    israelAfter.close();

    // A stance everyone may read: both are told.
    await stance(w.israel.call, `${url}/clauses/${clause.id}`, { groupKey: FORCE, alternative: 0, partyId: w.israelId, position: 'accept', audience: 'all' });
    await Promise.all([mediator.until('change', 2), israel.until('change', 1)]);

    expect(israel.events.filter((e) => e.event === 'change')).toHaveLength(1);
    expect(mediator.events.filter((e) => e.event === 'change')).toHaveLength(2);
    mediator.close();
    israel.close();
  });

  it('an edit of the clause reaches a viewer', async () => {
    w = await world(h);
    const doc = await importText(h.call, w.base);
    const clause = doc.clauses[0]!;
    const url = `${w.base}/documents/${doc.id}`;
    const viewer = await open(`${url}/events`, await tokenOf(w, 'viewer'));
    await viewer.until('ready', 1);
    const edit = await h.call('PATCH', `${url}/clauses/${clause.id}`, { version: clause.version, text: `${clause.text} Amended.`, reason: 'Drafting' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    await viewer.until('change', 1);
    viewer.close();
  });

  it('is refused like the document: 404 for a document that is not there, 401 without credentials', async () => {
    w = await world(h);
    const missing = await h.call('GET', `${w.base}/documents/00000000-0000-4000-8000-000000000000/events`);
    expect(missing.status).toBe(404);
    const anonymous = await h.anonymous('GET', `${w.base}/documents/00000000-0000-4000-8000-000000000000/events`);
    expect([401, 404]).toContain(anonymous.status);
  });

  it('ends the stream when its time is up, and stops watching the agreement', async () => {
    w = await world(h);
    const doc = await importText(h.call, w.base);
    const res = await fetch(`${origin}${w.base}/documents/${doc.id}/events`, { headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(res.status).toBe(200);
    h.app.live.maxMs = 0;
    const short = await fetch(`${origin}${w.base}/documents/${doc.id}/events`, { headers: { authorization: `Bearer ${h.adminToken}` } });
    const text = await short.text();
    expect(text).toContain('event: ready');
    h.app.live.maxMs = 300_000;
    await res.body?.cancel();
  });
});
