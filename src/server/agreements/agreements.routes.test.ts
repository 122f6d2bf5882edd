import { describe, expect, it } from 'vitest';
import { createAgreement, harnessForFile } from '../test/harness.ts';

type ErrorBody = { error: { code: string; message: string; details: { issues?: Array<{ path: string }> } } };

const h = harnessForFile();

describe('/api/agreements', () => {
  it('creates an agreement with defaults and reads it by slug and by id', async () => {
    const created = await h.call<Record<string, unknown>>('POST', '/api/agreements', {
      slug: 'gaza-phase-two',
      title: '  وقف إطلاق النار  ',
      timeZone: 'Asia/Gaza',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'gaza-phase-two',
      title: 'وقف إطلاق النار',
      status: 'drafting',
      timeZone: 'Asia/Gaza',
      illustrative: false,
      version: 1,
    });
    const bySlug = await h.call('GET', '/api/agreements/gaza-phase-two');
    const byId = await h.call('GET', `/api/agreements/${String(created.body.id)}`);
    expect(bySlug.body).toEqual(created.body);
    expect(byId.body).toEqual(created.body);
  });

  it('refuses bad input with every problem named, and writes nothing', async () => {
    const res = await h.call<ErrorBody>('POST', '/api/agreements', {
      slug: 'Not A Slug',
      title: '',
      timeZone: 'Mars/Olympus',
      surprise: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.issues!.map((i) => i.path).sort()).toEqual([
      'body',
      'body.slug',
      'body.timeZone',
      'body.title',
    ]);
    const list = await h.call<{ total: number }>('GET', '/api/agreements?q=Not%20A%20Slug');
    expect(list.body.total).toBe(0);
  });

  it('refuses text that PostgreSQL cannot store, instead of failing in the database', async () => {
    const res = await h.call<ErrorBody>('POST', '/api/agreements', { slug: 'nul-title', title: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues!.map((i) => i.path)).toEqual(['body.title']);
    expect((await h.call('GET', '/api/agreements?q=%00')).status).toBe(400);
  });

  it('refuses a taken slug with 409', async () => {
    const a = await createAgreement(h);
    const res = await h.call<ErrorBody>('POST', '/api/agreements', { slug: a.slug, title: 'Again' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_exists');
  });

  it('answers 404 with the error body for an unknown agreement', async () => {
    const res = await h.call<ErrorBody>('GET', '/api/agreements/no-such-agreement');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'not_found', message: 'Agreement no-such-agreement was not found', details: expect.any(Object) },
    });
  });

  it('patches only the fields sent, and refuses a stale version with 409', async () => {
    const a = await createAgreement(h, { summary: 'Kept summary' });
    const ok = await h.call('PATCH', `/api/agreements/${a.slug}`, { version: 1, status: 'in_force' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'in_force', summary: 'Kept summary', version: 2 });

    const stale = await h.call<ErrorBody>('PATCH', `/api/agreements/${a.slug}`, { version: 1, status: 'collapsed' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2, expectedVersion: 1 } });
    expect((await h.call('GET', `/api/agreements/${a.slug}`)).body).toMatchObject({ status: 'in_force', version: 2 });
  });

  it('requires the version on a patch', async () => {
    const a = await createAgreement(h);
    const res = await h.call<ErrorBody>('PATCH', `/api/agreements/${a.slug}`, { title: 'No version' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues!.map((i) => i.path)).toEqual(['body.version']);
  });

  it('renames a slug, and refuses one that is taken', async () => {
    const a = await createAgreement(h);
    const b = await createAgreement(h);
    const taken = await h.call('PATCH', `/api/agreements/${a.slug}`, { version: 1, slug: b.slug });
    expect(taken.status).toBe(409);
    const renamed = await h.call('PATCH', `/api/agreements/${a.slug}`, { version: 1, slug: `${a.slug}-x` });
    expect(renamed.body).toMatchObject({ slug: `${a.slug}-x`, version: 2 });
  });

  it('lists with search, status filter, sort and paging', async () => {
    const tag = `t${Date.now().toString(36)}`;
    await createAgreement(h, { title: `B ${tag}`, status: 'in_force' });
    await createAgreement(h, { title: `A ${tag}` });
    await createAgreement(h, { title: `C ${tag}`, status: 'in_force' });
    const page1 = await h.call<{ items: Array<{ title: string }>; total: number; limit: number; offset: number }>('GET',
      `/api/agreements?q=${tag}&sort=title&order=desc&limit=2`,
    );
    expect(page1.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page1.body.items.map((i) => i.title)).toEqual([`C ${tag}`, `B ${tag}`]);
    const filtered = await h.call<{ items: Array<{ title: string }> }>('GET',
      `/api/agreements?q=${tag}&status=in_force&offset=1`,
    );
    expect(filtered.body.items.map((i) => i.title)).toEqual([`C ${tag}`]);
    for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'sort=id', 'status=peace', 'order=up']) {
      expect((await h.call('GET', `/api/agreements?${bad}`)).status, bad).toBe(400);
    }
  });

  it('deletes only with the current version', async () => {
    const a = await createAgreement(h);
    await h.call('PATCH', `/api/agreements/${a.slug}`, { version: 1, title: 'Edited' });
    expect((await h.call('DELETE', `/api/agreements/${a.slug}?version=1`)).status).toBe(409);
    expect((await h.call('GET', `/api/agreements/${a.slug}`)).status).toBe(200);
    expect((await h.call('DELETE', `/api/agreements/${a.slug}`)).status).toBe(400);
    const gone = await h.call('DELETE', `/api/agreements/${a.slug}?version=2`);
    expect(gone).toMatchObject({ status: 200, body: { deleted: true, id: a.id } });
    expect((await h.call('GET', `/api/agreements/${a.slug}`)).status).toBe(404);
  });

  it('refuses malformed and oversized bodies with stable codes', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/agreements',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.adminToken}` },
      payload: '{"slug": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid_json');
    const huge = await h.call<ErrorBody>('POST', '/api/agreements', { slug: 'huge', title: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
  });
});

describe('/api/health and /api/docs', () => {
  it('reports health and the database in use', async () => {
    expect(await h.call('GET', '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'pglite', version: expect.any(String) },
    });
  });

  it('serves an OpenAPI document generated from the zod schemas, and its UI', async () => {
    const doc = await h.call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/agreements',
        '/api/agreements/{agreement}',
        '/api/agreements/{agreement}/provisions/{id}',
        '/api/agreements/{agreement}/matrix',
      ]),
    );
    expect(Object.keys(doc.body.paths['/api/agreements/{agreement}']!)).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await h.call<ErrorBody>('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
