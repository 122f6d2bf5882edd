/**
 * The force's rows: create, read, update and delete with optimistic versions, validation naming the
 * field, ids that must belong to the agreement, and an audit entry for every write.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../contract/index.ts';
import { harnessForFile } from '../test/harness.ts';
import { importText } from '../negotiation/negotiation.fixtures.ts';
import { contributor, pledge, post, requirement, sector, world, type ErrorBody, type Row } from './force.fixtures.ts';

const h = harnessForFile();

const issuePaths = (body: ErrorBody) => (body.error.details.issues ?? []).map((i) => i.path);

describe('force rows', () => {
  it('go through create, read, list, update and delete, each audited, a stale version refused with 409', async () => {
    const w = await world(h);
    const north = await sector(h.call, w.base, 'North Gaza');
    const created = await requirement(w.mediator.call, w.base, { capability: 'Infantry', sectorId: north.id, personnel: 800, equipment: 'APCs', illustrative: true });
    expect(created).toMatchObject({ capability: 'Infantry', sectorId: north.id, personnel: 800, equipment: 'APCs', phaseId: null, notes: '', illustrative: true, version: 1 });

    const url = `${w.base}/force/requirements/${created.id}`;
    expect((await w.viewer.call<Row>('GET', url)).body).toEqual(created);
    expect((await w.viewer.call<{ items: Row[] }>('GET', `${w.base}/force/requirements`)).body.items.map((r) => r.id)).toEqual([created.id]);

    const updated = await w.mediator.call<Row>('PATCH', url, { version: 1, personnel: 900 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ personnel: 900, capability: 'Infantry', version: 2 });

    const stale = await w.mediator.call<ErrorBody>('PATCH', url, { version: 1, personnel: 1000 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await w.mediator.call('DELETE', `${url}?version=1`)).status).toBe(409);
    expect((await w.viewer.call<Row>('GET', url)).body.personnel).toBe(900);

    expect((await w.mediator.call('DELETE', `${url}?version=2`)).status).toBe(200);
    expect((await w.viewer.call('GET', url)).status).toBe(404);

    const audit = await h.call<{ items: AuditEntryView[] }>('GET', `${w.base}/audit?limit=100`);
    expect(audit.body.items.filter((e) => e.entity === 'force_requirement').map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('is written by mediators and administrators only', async () => {
    const w = await world(h);
    // A visitor does not learn that the private agreement exists.
    expect((await h.anonymous('POST', `${w.base}/force/contributors`, { name: 'Egypt' })).status).toBe(404);
    for (const call of [w.hamas.call, w.viewer.call]) {
      expect([403]).toContain((await call('POST', `${w.base}/force/contributors`, { name: 'Egypt' })).status);
    }
    await contributor(h.call, w.base, 'Egypt', { country: 'EG' });
  });

  it('refuses a bad value with 400 naming the field', async () => {
    const w = await world(h);
    const bad = async (path: string, body: Record<string, unknown>, field: string) => {
      const res = await w.mediator.call<ErrorBody>('POST', `${w.base}/force/${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    };
    await bad('requirements', { capability: 'Infantry', personnel: 0 }, 'personnel');
    await bad('requirements', { capability: 'Infantry', personnel: 1.5 }, 'personnel');
    await bad('requirements', { capability: '  ', personnel: 10 }, 'capability');
    await bad('contributors', { name: 'Egypt', country: 'eg' }, 'country');
    await bad('contributors', { name: 'Nowhere', country: 'QQ' }, 'country');
    await bad('contributors', { name: 'Nowhere', country: '鄛𖣠沈' }, 'country');
    await bad('pledges', { contributorId: crypto.randomUUID(), capability: 'Infantry', personnel: 10, readiness: 'L4', pledgedOn: '2026-06-01' }, 'readiness');
    await bad('budget-lines', { name: 'Salaries', amount: -1 }, 'amount');
    await bad('budget-lines', { name: 'Salaries', amount: 10, currency: 'usd' }, 'currency');
    await bad('funding', { donor: 'EU', kind: 'commitment', amount: 0, datedOn: '2026-06-01' }, 'amount');
    await bad('funding', { donor: 'EU', kind: 'grant', amount: 5, datedOn: '2026-06-01' }, 'kind');
    await bad('mandate', { kind: 'rules', title: 'Self-defence' }, 'kind');

    // An organization has no country; a country is known by its code.
    expect((await contributor(w.mediator.call, w.base, 'African Union', { country: '' })).country).toBe('');
    expect((await contributor(w.mediator.call, w.base, 'Indonesia', { country: 'ID' })).country).toBe('ID');
    const dup = await w.mediator.call<ErrorBody>('POST', `${w.base}/force/contributors`, { name: 'Indonesia' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('Indonesia');
  });

  it("names ids of another agreement: 422 in a body naming the field, 404 in a path", async () => {
    const w = await world(h);
    const other = await world(h);
    const theirSector = await sector(h.call, other.base, 'Rafah');
    const theirContributor = await contributor(h.call, other.base, 'Egypt');
    const theirLine = await post(h.call, other.base, 'budget-lines', { name: 'Salaries', amount: 100 });
    const theirPhase = (await h.call<Row>('POST', `${other.base}/phases`, { name: 'Phase Two' })).body;
    const theirDoc = await importText(h.call, other.base);
    const mine = await sector(h.call, w.base, 'Buffer', 'buffer_zone');

    const refused = async (path: string, body: Record<string, unknown>, fields: string[]) => {
      const res = await w.mediator.call<ErrorBody>('POST', `${w.base}/force/${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(issuePaths(res.body)).toEqual(fields);
    };
    await refused('requirements', { capability: 'Infantry', personnel: 10, sectorId: theirSector.id, phaseId: theirPhase.id }, ['phaseId', 'sectorId']);
    await refused('requirements', { capability: 'Infantry', personnel: 10, sectorId: mine.id }, ['sectorId']);
    await refused('pledges', { contributorId: theirContributor.id, capability: 'Infantry', personnel: 10, readiness: 'L2', pledgedOn: '2026-06-01' }, ['contributorId']);
    await refused('funding', { donor: 'EU', kind: 'pledge', amount: 5, datedOn: '2026-06-01', budgetLineId: theirLine.id }, ['budgetLineId']);
    await refused('mandate', { kind: 'rules_of_engagement', title: 'Self-defence', clauseId: theirDoc.clauses[0]!.id }, ['clauseId']);

    // A patch is checked as a new row is.
    const own = await contributor(h.call, w.base, 'Azerbaijan');
    const p = await pledge(w.mediator.call, w.base, { contributorId: own.id, capability: 'Engineering', personnel: 50 });
    const moved = await w.mediator.call<ErrorBody>('PATCH', `${w.base}/force/pledges/${p.id}`, { version: 1, contributorId: theirContributor.id });
    expect(moved.status).toBe(422);
    expect(issuePaths(moved.body)).toEqual(['contributorId']);

    // Another agreement's row through this one's path is not found.
    for (const [path, id] of [['contributors', theirContributor.id], ['budget-lines', theirLine.id]] as const) {
      expect((await w.mediator.call('GET', `${w.base}/force/${path}/${id}`)).status).toBe(404);
      expect((await w.mediator.call('PATCH', `${w.base}/force/${path}/${id}`, { version: 1, notes: 'x' })).status).toBe(404);
      expect((await w.mediator.call('DELETE', `${w.base}/force/${path}/${id}?version=1`)).status).toBe(404);
    }
  });

  it("keeps each kind's fields: pledges, budget lines, funding entries and mandate items", async () => {
    const w = await world(h);
    const doc = await importText(h.call, w.base);
    const c = await contributor(w.mediator.call, w.base, 'Egypt', { country: 'EG', illustrative: true });
    const p = await pledge(w.mediator.call, w.base, { contributorId: c.id, capability: 'Engineering', personnel: 120, readiness: 'RDL', caveats: 'Rafah only', illustrative: true });
    expect(p).toMatchObject({ contributorId: c.id, sectorId: null, readiness: 'RDL', caveats: 'Rafah only', pledgedOn: '2026-06-01', illustrative: true });
    const line = await post(w.mediator.call, w.base, 'budget-lines', { name: 'Troop costs', amount: 1_250_000.5 });
    expect(line).toMatchObject({ amount: 1_250_000.5, currency: 'USD', illustrative: false });
    const entry = await post(w.mediator.call, w.base, 'funding', { donor: 'Qatar', kind: 'commitment', amount: 500_000, datedOn: '2026-06-10', budgetLineId: line.id, source: 'Press release' });
    expect(entry).toMatchObject({ donor: 'Qatar', kind: 'commitment', budgetLineId: line.id, source: 'Press release' });
    const item = await post(w.mediator.call, w.base, 'mandate', { kind: 'authority_boundary', title: 'No detention', text: 'The force does not detain.', clauseId: doc.clauses[2]!.id });
    expect(item).toMatchObject({ kind: 'authority_boundary', clauseId: doc.clauses[2]!.id, version: 1 });
    const cleared = await w.mediator.call<Row>('PATCH', `${w.base}/force/mandate/${item.id}`, { version: 1, clauseId: null });
    expect(cleared.body).toMatchObject({ clauseId: null, title: 'No detention', version: 2 });
  });
});
