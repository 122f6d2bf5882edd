/**
 * Inputs that pass a loose schema but break the database are refused at the contract with
 * 400 validation_failed naming the field: integers past int4, times outside years 0100-9999 UTC
 * (cursors included), zones PostgreSQL does not know, NUL and lone surrogates. What is inside the
 * bounds is stored and read back as sent. Each test makes its own agreement.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_INSTANT, LAST_INSTANT } from '../core/index.ts';
import { createAgreement, harnessForFile } from './test/harness.ts';
import { report, type ErrorBody, type Row } from './test/incident-setup.ts';

const h = harnessForFile();

/** An agreement with a party, a phase, a provision and an incident. */
async function setup(overrides: Record<string, unknown> = {}) {
  const a = await createAgreement(h, overrides);
  const base = `/api/agreements/${a.slug}`;
  const party = (await h.call<Row>('POST', `${base}/parties`, { name: 'Party A', role: 'belligerent' })).body;
  const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase One' })).body;
  const provision = (await h.call<Row>('POST', `${base}/provisions`, { phaseId: phase.id, title: 'Halt attacks', category: 'ceasefire' })).body;
  const incident = (await h.call<Row>('POST', `${base}/incidents`, report())).body;
  return { a, base, party, phase, provision, incident };
}

/** Expects a 400 validation_failed whose issues name `path`. */
function expectRefused(res: { status: number; body: unknown; headers: Record<string, unknown> }, path: string, what: string) {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(String(res.headers['content-type']), what).toContain('application/json');
  const body = res.body as ErrorBody;
  expect(body.error.code, what).toBe('validation_failed');
  expect(body.error.details.issues?.map((i) => i.path), what).toContain(path);
}

const cursorOf = (occurredAt: string, id = '00000000-0000-4000-8000-000000000000') =>
  btoa(JSON.stringify([occurredAt, id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// Each is a valid ISO 8601 string (or date) that PostgreSQL cannot store or Drizzle cannot read back.
const BAD_TIMES = ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '0099-12-31T23:59:59Z', '0100-01-01T00:00:00+00:01', '9999-12-31T23:59:59-14:00'];
const BAD_DATES = ['0000-01-01', '0001-01-01', '0099-12-31'];
const BAD_CURSOR_TIMES = ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z'];

describe('integers past what an int4 column holds', () => {
  it('refuses version 2^31 on a PATCH and a DELETE, naming version; 2^31 - 1 is only stale', async () => {
    const { a, base, party, provision, incident } = await setup();
    const big = 2 ** 31;
    for (const url of [base, `${base}/parties/${party.id}`, `${base}/provisions/${provision.id}`, `${base}/incidents/${incident.id}`]) {
      expectRefused(await h.call('PATCH', url, { version: big }), 'body.version', `PATCH ${url}`);
      expectRefused(await h.call('PATCH', url, { version: 2 ** 53 - 1 }), 'body.version', `PATCH ${url} 2^53-1`);
    }
    for (const url of [base, `${base}/parties/${party.id}`, `${base}/provisions/${provision.id}`]) {
      expectRefused(await h.call('DELETE', `${url}?version=${big}`), 'querystring.version', `DELETE ${url}`);
    }
    expect((await h.call<ErrorBody>('PATCH', base, { version: big - 1, title: 'x' })).body.error.code).toBe('stale_version');
    expect((await h.call<ErrorBody>('DELETE', `${base}/parties/${party.id}?version=${big - 1}`)).body.error.code).toBe('stale_version');
    expect((await h.call('GET', `/api/agreements/${a.id}`)).status).toBe(200);
  });

  it('refuses offsets, limits, ordinals and counts past their bounds', async () => {
    const { base, phase } = await setup();
    expectRefused(await h.call('GET', `/api/agreements?offset=${2 ** 31}`), 'querystring.offset', 'agreements offset');
    expectRefused(await h.call('GET', `${base}/provisions?offset=${2 ** 53 - 1}`), 'querystring.offset', 'provisions offset');
    expectRefused(await h.call('GET', `${base}/audit?offset=1e308`), 'querystring.offset', 'audit offset');
    expectRefused(await h.call('GET', `${base}/incidents?limit=NaN`), 'querystring.limit', 'incident limit');
    expectRefused(await h.call('GET', `${base}/incidents/export?limit=${2 ** 31}`), 'querystring.limit', 'export limit');
    expectRefused(await h.call('POST', `${base}/phases`, { name: 'P', ordinal: 2 ** 31 }), 'body.ordinal', 'phase ordinal');
    expectRefused(await h.call('POST', `${base}/provisions`, { phaseId: phase.id, title: 'T', category: 'ceasefire', ordinal: 2 ** 31 }), 'body.ordinal', 'provision ordinal');
    expectRefused(await h.call('POST', `${base}/incidents`, report({ killed: 2 ** 31 })), 'body.killed', 'killed');
    expectRefused(await h.call('POST', `${base}/incidents`, report({ civiliansInjured: -1 })), 'body.civiliansInjured', 'civiliansInjured');
    // The largest offset is only an empty page.
    expect((await h.call<{ items: unknown[] }>('GET', `/api/agreements?offset=${2 ** 31 - 1}`)).body.items).toEqual([]);
  });
});

describe('times and dates outside years 0100 to 9999 in UTC', () => {
  it('refuses them on occurredAt, deadline, planned windows and round dates, naming the field', async () => {
    const { base, phase, provision, incident } = await setup();
    for (const bad of BAD_TIMES) {
      expectRefused(await h.call('POST', `${base}/incidents`, report({ occurredAt: bad })), 'body.occurredAt', `occurredAt ${bad}`);
      expectRefused(await h.call('PATCH', `${base}/incidents/${incident.id}`, { version: incident.version, occurredAt: bad }), 'body.occurredAt', `PATCH occurredAt ${bad}`);
      expectRefused(await h.call('POST', `${base}/provisions`, { phaseId: phase.id, title: 'T', category: 'ceasefire', deadline: bad }), 'body.deadline', `deadline ${bad}`);
      expectRefused(await h.call('PATCH', `${base}/provisions/${provision.id}`, { version: provision.version, deadline: bad }), 'body.deadline', `PATCH deadline ${bad}`);
    }
    for (const bad of BAD_DATES) {
      expectRefused(await h.call('POST', `${base}/phases`, { name: 'P', plannedStart: bad }), 'body.plannedStart', `plannedStart ${bad}`);
      expectRefused(await h.call('PATCH', `${base}/phases/${phase.id}`, { version: phase.version, plannedEnd: bad }), 'body.plannedEnd', `plannedEnd ${bad}`);
      expectRefused(await h.call('POST', `${base}/rounds`, { title: 'R', startsOn: bad }), 'body.startsOn', `startsOn ${bad}`);
      expectRefused(await h.call('POST', `${base}/rounds`, { title: 'R', startsOn: '2026-06-06', endsOn: bad }), 'body.endsOn', `endsOn ${bad}`);
    }
    // Leap-day nonsense is no date at all.
    expectRefused(await h.call('POST', `${base}/phases`, { name: 'P', plannedStart: '2026-02-29' }), 'body.plannedStart', '2026-02-29');
    expectRefused(await h.call('POST', `${base}/incidents`, report({ occurredAt: '2100-02-29T00:00:00Z' })), 'body.occurredAt', '2100-02-29');
  });

  it('refuses them in list and export filters, cursors and compliance, before any byte of an export', async () => {
    const { base } = await setup();
    for (const bad of BAD_TIMES) {
      for (const field of ['from', 'to']) {
        const qs = `${field}=${encodeURIComponent(bad)}`;
        expectRefused(await h.call('GET', `${base}/incidents?${qs}`), `querystring.${field}`, `list ${qs}`);
        expectRefused(await h.call('GET', `${base}/compliance?${qs}`), `querystring.${field}`, `compliance ${qs}`);
        for (const format of ['csv', 'json', 'geojson']) {
          expectRefused(await h.call('GET', `${base}/incidents/export?format=${format}&${qs}`), `querystring.${field}`, `export ${format} ${qs}`);
        }
      }
    }
    for (const at of BAD_CURSOR_TIMES) {
      expectRefused(await h.call('GET', `${base}/incidents?cursor=${cursorOf(at)}`), 'querystring.cursor', `cursor ${at}`);
    }
    for (const junk of ['!!!', btoa('not json'), btoa('[1,2]'), btoa('["2026-06-19T08:00:00Z","not-a-uuid"]')]) {
      expectRefused(await h.call('GET', `${base}/incidents?cursor=${encodeURIComponent(junk)}`), 'querystring.cursor', `cursor ${junk}`);
    }
  });

  it('stores the first and last instants and dates and reads them back as sent', async () => {
    const { base, phase } = await setup();
    const early = await h.call<{ id: string; occurredAt: string }>('POST', `${base}/incidents`, report({ occurredAt: FIRST_INSTANT }));
    expect(early.status).toBe(201);
    expect((await h.call<{ occurredAt: string }>('GET', `${base}/incidents/${early.body.id}`)).body.occurredAt).toBe(FIRST_INSTANT);
    const late = await h.call<{ id: string; deadline: string }>('POST', `${base}/provisions`, { phaseId: phase.id, title: 'T', category: 'ceasefire', deadline: LAST_INSTANT });
    expect(late.status).toBe(201);
    expect((await h.call<{ deadline: string }>('GET', `${base}/provisions/${late.body.id}`)).body.deadline).toBe(LAST_INSTANT);
    const windowed = await h.call<{ plannedStart: string; plannedEnd: string }>('POST', `${base}/phases`, { name: 'Long', plannedStart: '0100-01-01', plannedEnd: '9999-12-31' });
    expect([windowed.status, windowed.body.plannedStart, windowed.body.plannedEnd]).toEqual([201, '0100-01-01', '9999-12-31']);

    // The list, its cursor, the export and compliance work at the edges too.
    const list = await h.call<{ items: Array<{ id: string }>; nextCursor: string | null }>('GET', `${base}/incidents?limit=1&order=asc&from=${FIRST_INSTANT}`);
    expect(list.body.items.map((i) => i.id)).toEqual([early.body.id]);
    expect((await h.call('GET', `${base}/incidents?limit=1&order=asc&cursor=${list.body.nextCursor}`)).status).toBe(200);
    expect((await h.call('GET', `${base}/incidents?cursor=${cursorOf(LAST_INSTANT)}`)).status).toBe(200);
    const exported = await h.app.inject({ method: 'GET', url: `${base}/incidents/export?format=json&to=${LAST_INSTANT}`, headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(exported.statusCode).toBe(200);
    expect((JSON.parse(exported.body) as Array<{ occurredAt: string }>).map((i) => i.occurredAt)).toContain(FIRST_INSTANT);
    for (const qs of [`to=${encodeURIComponent('0100-01-02T00:00:00Z')}`, `from=${FIRST_INSTANT}&to=0100-03-01T00:00:00Z&granularity=week`, `from=9999-12-01T00:00:00Z&to=${LAST_INSTANT}&granularity=week`]) {
      expect((await h.call('GET', `${base}/compliance?${qs}`)).status, qs).toBe(200);
    }
  });
});

describe('time zones', () => {
  it('refuses a zone the runtime takes but PostgreSQL does not, naming timeZone', async () => {
    const { base, a } = await setup({ timeZone: 'Asia/Gaza' });
    for (const zone of ['US/Pacific-New', 'Mars/Olympus', 'asia/gaza', 'A'.repeat(1000)]) {
      expectRefused(await h.call('POST', '/api/agreements', { slug: `tz-${Date.now()}`, title: 'Zone', timeZone: zone }), 'body.timeZone', `create ${zone}`);
      expectRefused(await h.call('PATCH', base, { version: a.version, timeZone: zone }), 'body.timeZone', `patch ${zone}`);
    }
    const kept = await h.anonymous<ErrorBody>('GET', `${base}/compliance`);
    expect(kept.status).not.toBe(500);
    expect((await h.call<{ timeZone: string }>('GET', base)).body.timeZone).toBe('Asia/Gaza');
    expect((await h.call('PATCH', base, { version: a.version, timeZone: 'Asia/Kolkata' })).status).toBe(200);
  });

  it('answers 422 naming timeZone, not 500, for a zone stored before the check', async () => {
    const { a, base } = await setup({ public: true });
    await h.database.query("UPDATE agreements SET time_zone = 'US/Pacific-New' WHERE id = $1", [a.id]);
    for (const caller of [h.call, h.anonymous]) {
      const res = await caller<ErrorBody>('GET', `${base}/compliance`);
      expect(res.status).toBe(422);
      expect(res.body.error.details.issues?.map((i) => i.path)).toEqual(['timeZone']);
    }
  });

  it('refuses the workflow steps of an incident in such a zone with 422 naming timeZone, changing nothing', async () => {
    const { a, base, incident, party } = await setup();
    // (A zone cannot be stored while verified incidents exist: the rollup trigger recomputes their days in it.)
    await h.database.query("UPDATE agreements SET time_zone = 'US/Pacific-New' WHERE id = $1", [a.id]);
    for (const to of ['triaged', 'verified']) {
      const step = await h.call<ErrorBody>('POST', `${base}/incidents/${incident.id}/transitions`, {
        to,
        reason: 'checked',
        ...(to === 'verified' ? { attributedPartyId: party.id } : {}),
      });
      expect(step.status, to).toBe(422);
      expect(step.body.error.details.issues?.map((i) => i.path)).toEqual(['timeZone']);
    }
    const after = (await h.call<Row & { status: string; version: number }>('GET', `${base}/incidents/${incident.id}`)).body;
    expect(after).toMatchObject({ status: 'reported', version: incident.version });
  });
});

describe('text the database cannot hold', () => {
  it('refuses lone surrogates and NUL in text, search, jsonb properties and links; stores RTL, combining marks and emoji as sent', async () => {
    const { a, base, incident } = await setup();
    for (const bad of ['lone \ud800 high', 'lone \udfff low', 'nul \u0000 byte']) {
      expectRefused(await h.call('PATCH', base, { version: a.version, title: bad }), 'body.title', `title ${JSON.stringify(bad)}`);
      expectRefused(await h.call('POST', `${base}/incidents`, report({ description: bad })), 'body.description', `description ${JSON.stringify(bad)}`);
      expectRefused(
        await h.call('POST', `${base}/zones`, { name: 'Z', kind: 'sector', geometry: { type: 'Point', coordinates: [34.4, 31.5] }, properties: { note: { deep: [bad] } } }),
        'body.properties',
        `properties ${JSON.stringify(bad)}`,
      );
      expectRefused(
        await h.call('POST', `${base}/zones/import?kind=sector`, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Z', [bad]: 1 }, geometry: { type: 'Point', coordinates: [34.4, 31.5] } }] }),
        'body.features.0',
        `feature ${JSON.stringify(bad)}`,
      );
      expectRefused(await h.call('POST', `${base}/incidents/${incident.id}/evidence`, { url: `https://example.org/${bad}` }), 'body.url', `url ${JSON.stringify(bad)}`);
    }
    expectRefused(await h.call('GET', `/api/agreements?q=%00`), 'querystring.q', 'q NUL');
    // A URL carries UTF-8 bytes: an encoded surrogate decodes to U+FFFD, a harmless search.
    expect((await h.call('GET', `/api/agreements?q=%ED%A0%80`)).status).toBe(200);
    expectRefused(await h.call('PATCH', base, { version: a.version, title: 'x'.repeat(201) }), 'body.title', 'huge title');
    // NUL in a path parameter finds nothing; a body past the limit is refused before it is read.
    expect((await h.call('GET', '/api/agreements/a%00b')).status).toBe(404);
    expect((await h.call('GET', `${base}/incidents/${incident.id.slice(0, 35)}%00`)).status).toBe(400);
    expect((await h.call('PATCH', base, { version: a.version, summary: 'x'.repeat(2_000_000) })).status).toBe(413);

    const title = 'اتفاق \u202eRTL\u202c e\u0301 👩‍👩‍👧 🇵🇸 ש';
    const updated = await h.call<{ title: string }>('PATCH', base, { version: a.version, title });
    expect([updated.status, updated.body.title]).toEqual([200, title]);
    expect((await h.call<{ title: string }>('GET', base)).body.title).toBe(title);
  });
});
