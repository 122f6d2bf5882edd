import { describe, expect, it } from 'vitest';
import { agreementWithPartyAndPhase, createAgreement, harnessForFile, type Harness } from '../test/harness.ts';

type ErrorBody = { error: { code: string; message: string; details: { issues?: Array<{ path: string; message: string }> } } };
interface Session {
  id: string;
  roundId: string;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  delegations: Array<{ partyId: string; head: string; members: string[] }>;
  mediators: Array<{ partyId: string | null; name: string }>;
  agenda: Array<{ title: string; clauseIds: string[] }>;
  clauses: Array<{ id: string; number: string | null; documentTitle: string }>;
  outcome: string;
  version: number;
}

const h = harnessForFile();

/** An agreement in Asia/Gaza with Hamas, Egypt (mediator), a round and a document of two clauses. */
async function setup(harness: Harness) {
  const { a, base, party } = await agreementWithPartyAndPhase(harness);
  const egypt = (await harness.call<{ id: string }>('POST', `${base}/parties`, { name: 'Egypt', role: 'mediator' })).body;
  const round = (await harness.call<{ id: string }>('POST', `${base}/rounds`, { title: 'Cairo talks', venue: 'Cairo', startsOn: '2026-06-06' })).body;
  const doc = await harness.call<{ id: string; clauses: Array<{ id: string; number: string | null }> }>('POST', `${base}/documents`, {
    markdown: '# Phase Two text\n\n1. The force deploys.\n2. Funding [by donors].\n',
  });
  expect(doc.status).toBe(201);
  return { a, base, hamas: party, egypt, round, clauses: doc.body.clauses, sessions: `${base}/rounds/${round.id}/sessions` };
}

describe('round sessions', () => {
  it('adds, reads, edits and deletes a session, with versions and audit entries', async () => {
    const ctx = await setup(h);
    const created = await h.call<Session>('POST', ctx.sessions, {
      venue: 'Cairo',
      startsAt: '2026-06-06T10:00:00+03:00',
      endsAt: '2026-06-06T13:30:00+03:00',
      delegations: [{ partyId: ctx.hamas.id, head: 'Khalil al-Hayya', members: ['خليل الحية'] }],
      mediators: [{ name: 'Egyptian security officials' }, { partyId: ctx.egypt.id }],
      agenda: [{ title: 'Finalize the mechanisms of Phase One' }, { title: 'Evaluate the Phase Two structural text', clauseIds: [ctx.clauses[1]!.id] }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      roundId: ctx.round.id,
      startsAt: '2026-06-06T07:00:00.000Z',
      endsAt: '2026-06-06T10:30:00.000Z',
      allDay: false,
      mediators: [{ partyId: null, name: 'Egyptian security officials' }, { partyId: ctx.egypt.id, name: '' }],
      agenda: [{ title: 'Finalize the mechanisms of Phase One', clauseIds: [] }, { title: 'Evaluate the Phase Two structural text', clauseIds: [ctx.clauses[1]!.id] }],
      clauses: [{ id: ctx.clauses[1]!.id, number: '2', documentTitle: 'Phase Two text' }],
      outcome: '',
      version: 1,
    });
    const id = created.body.id;
    expect((await h.call<{ items: Session[] }>('GET', ctx.sessions)).body.items.map((s) => s.id)).toEqual([id]);
    expect((await h.call<Session>('GET', `${ctx.sessions}/${id}`)).body).toEqual(created.body);

    const edited = await h.call<Session>('PATCH', `${ctx.sessions}/${id}`, { version: 1, outcome: 'Talks to continue' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ outcome: 'Talks to continue', version: 2, delegations: created.body.delegations });
    const stale = await h.call<ErrorBody>('PATCH', `${ctx.sessions}/${id}`, { version: 1, outcome: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await h.call('DELETE', `${ctx.sessions}/${id}?version=1`)).status).toBe(409);
    expect((await h.call('DELETE', `${ctx.sessions}/${id}?version=2`)).status).toBe(200);
    expect((await h.call('GET', `${ctx.sessions}/${id}`)).status).toBe(404);

    const audit = await h.call<{ items: Array<{ entity: string; action: string; entityId: string }> }>('GET', `${ctx.base}/audit?limit=500`);
    expect(audit.body.items.filter((e) => e.entity === 'session' && e.entityId === id).map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('refuses times that do not fit, and ids of another agreement, naming the field', async () => {
    const ctx = await setup(h);
    const other = await setup(h);
    const backwards = await h.call<ErrorBody>('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z', endsAt: '2026-06-06T09:00:00Z' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details.issues!.map((i) => i.path)).toEqual(['endsAt']);
    // Midnight UTC is 03:00 in Gaza in June: not the start of a day there.
    const notADay = await h.call<ErrorBody>('POST', ctx.sessions, { startsAt: '2026-06-06T00:00:00Z', allDay: true });
    expect(notADay.status).toBe(422);
    expect(notADay.body.error.details.issues!.map((i) => i.path)).toEqual(['startsAt']);
    const foreign = await h.call<ErrorBody>('POST', ctx.sessions, {
      startsAt: '2026-06-06T10:00:00Z',
      delegations: [{ partyId: other.hamas.id }],
      mediators: [{ partyId: other.egypt.id }],
      agenda: [{ title: 'x', clauseIds: [other.clauses[0]!.id] }],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.issues!.map((i) => i.path).sort()).toEqual(['agenda', 'delegations', 'mediators']);
    const twice = await h.call<ErrorBody>('POST', ctx.sessions, {
      startsAt: '2026-06-06T10:00:00Z',
      delegations: [{ partyId: ctx.hamas.id }, { partyId: ctx.hamas.id }],
    });
    expect(twice.status).toBe(400);
    // A session is reached through its own round only.
    const mine = await h.call<Session>('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z' });
    expect((await h.call('GET', `${other.sessions}/${mine.body.id}`)).status).toBe(404);
    expect((await h.call('GET', `${ctx.base}/rounds/${other.round.id}/sessions`)).status).toBe(404);
  });

  it('lets mediators write sessions and everyone who reads the agreement read them', async () => {
    const ctx = await setup(h);
    const mediator = h.as((await h.userWith('mediator', ctx.a.slug)).token);
    const delegate = h.as((await h.userWith('party_delegate', ctx.a.slug, ctx.hamas.id)).token);
    const made = await mediator<Session>('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z' });
    expect(made.status).toBe(201);
    expect((await delegate('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z' })).status).toBe(403);
    expect((await delegate<{ items: Session[] }>('GET', ctx.sessions)).body.items).toHaveLength(1);
  });

  it('keeps a party that a session names from being deleted', async () => {
    const ctx = await setup(h);
    await h.call('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z', mediators: [{ partyId: ctx.egypt.id }] });
    const refused = await h.call<ErrorBody & { error: { details: { references: Record<string, number> } } }>('DELETE', `${ctx.base}/parties/${ctx.egypt.id}?version=1`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('1 round session it attended or mediated');
    expect(refused.body.error.details.references).toEqual({ sessions: 1 });
  });

  it('goes with its round when the round is deleted', async () => {
    const ctx = await setup(h);
    await h.call('POST', ctx.sessions, { startsAt: '2026-06-06T10:00:00Z' });
    expect((await h.call('DELETE', `${ctx.base}/rounds/${ctx.round.id}?version=1`)).status).toBe(200);
    expect(await h.repos.roundSessions.list(ctx.a.id)).toEqual([]);
  });
});

describe('GET /rounds.ics', () => {
  it("exports the round calendar in the agreement's zone, with stable ids", async () => {
    const ctx = await setup(h);
    await h.call('POST', `${ctx.base}/rounds`, { title: 'Doha follow-up', venue: 'Doha', startsOn: '2026-06-20', endsOn: '2026-06-21' });
    const timed = await h.call<Session>('POST', ctx.sessions, {
      venue: 'Cairo',
      startsAt: '2026-06-06T10:00:00+03:00',
      endsAt: '2026-06-06T13:30:00+03:00',
      delegations: [{ partyId: ctx.hamas.id, head: 'Khalil al-Hayya' }],
      mediators: [{ name: 'Egyptian security officials' }],
      agenda: [{ title: 'Evaluate the Phase Two structural text', clauseIds: [ctx.clauses[0]!.id] }],
      outcome: 'Talks continue',
    });
    const whole = await h.call<Session>('POST', ctx.sessions, { startsAt: '2026-06-06T21:00:00Z', endsAt: '2026-06-08T21:00:00Z', allDay: true });
    expect(whole.status).toBe(201);

    const res = await h.call('GET', `${ctx.base}/rounds.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = (await h.app.inject({ url: `${ctx.base}/rounds.ics`, headers: { authorization: `Bearer ${h.adminToken}` } })).body;
    // Unfolded lines (RFC 5545 folds long lines with CRLF and a space).
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(lines).toContain('TZID:Asia/Gaza');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Gaza');
    // The calendar's own properties come before its first component.
    expect(lines.indexOf('X-WR-TIMEZONE:Asia/Gaza')).toBeLessThan(lines.indexOf('BEGIN:VTIMEZONE'));
    expect(lines).toContain('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
    // The timed session at its wall-clock time in Gaza (EEST, UTC+3), not the server's.
    expect(lines).toContain(`UID:${timed.body.id}@phaseline`);
    expect(lines).toContain('DTSTART;TZID=Asia/Gaza:20260606T100000');
    expect(lines).toContain('DTEND;TZID=Asia/Gaza:20260606T133000');
    expect(lines).toContain('LOCATION:Cairo');
    const description = lines.find((l) => l.startsWith('DESCRIPTION:Delegation of Hamas'));
    expect(description).toContain('Khalil al-Hayya (head)');
    expect(description).toContain('Mediators: Egyptian security officials');
    expect(description).toContain('1. Evaluate the Phase Two structural text (clauses: Phase Two text 1)');
    expect(description).toContain('Outcome: Talks continue');
    // The whole-day session: 7 and 8 June in Gaza.
    expect(lines).toContain(`UID:${whole.body.id}@phaseline`);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260607');
    expect(lines).toContain('DTEND;VALUE=DATE:20260609');
    // The round without sessions, over its dates.
    expect(lines).toContain('DTSTART;VALUE=DATE:20260620');
    expect(lines).toContain('DTEND;VALUE=DATE:20260622');
    expect(lines.filter((l) => l.startsWith('DTSTAMP:')).every((l) => l.endsWith('Z'))).toBe(true);
    expect(lines.filter((l) => l !== '').at(-1)).toBe('END:VCALENDAR');
    // The same calendar twice: nothing depends on when it was asked for.
    expect((await h.app.inject({ url: `${ctx.base}/rounds.ics`, headers: { authorization: `Bearer ${h.adminToken}` } })).body).toBe(ics);
  });

  it('names the zone, with its VTIMEZONE, when every event is a whole day', async () => {
    const ctx = await setup(h);
    const lines = (await h.app.inject({ url: `${ctx.base}/rounds.ics`, headers: { authorization: `Bearer ${h.adminToken}` } })).body.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260606');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Gaza');
    expect(lines).toContain('TZID:Asia/Gaza');
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('is refused to those who may not read the agreement', async () => {
    const a = await createAgreement(h, { public: false });
    expect((await h.anonymous('GET', `/api/agreements/${a.slug}/rounds.ics`)).status).toBe(404);
    expect((await h.call('GET', `/api/agreements/${a.slug}/rounds.ics`)).status).toBe(200);
  });
});
