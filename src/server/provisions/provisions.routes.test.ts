import { describe, expect, it } from 'vitest';
import type { ProvisionView } from '../../contract/index.ts';
import { agreementWithPartyAndPhase, harnessForFile } from '../test/harness.ts';

type ErrorBody = { error: { code: string; details: { issues?: Array<{ path: string; message: string }> } } };
type Row = { id: string; version: number };

const h = harnessForFile();

const setup = () => agreementWithPartyAndPhase(h);

describe('phases, parties, pillars and rounds', () => {
  it('puts a new phase after the last one', async () => {
    const { base } = await setup();
    const second = await h.call<{ ordinal: number }>('POST', `${base}/phases`, { name: 'Phase Two Mechanics' });
    expect(second.body.ordinal).toBe(2);
    const list = await h.call<{ items: Array<{ name: string }> }>('GET', `${base}/phases`);
    expect(list.body.items.map((p) => p.name)).toEqual(['Phase One Finalization', 'Phase Two Mechanics']);
  });

  it('checks a planned window against the stored one on a partial update', async () => {
    const { base } = await setup();
    const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'P', plannedStart: '2026-06-10' })).body;
    const bad = await h.call<ErrorBody>('PATCH', `${base}/phases/${phase.id}`, { version: 1, plannedEnd: '2026-06-01' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues).toEqual([{ path: 'plannedEnd', message: 'must not be before plannedStart (2026-06-10)' }]);
    const unchanged = await h.call('GET', `${base}/phases/${phase.id}`);
    expect(unchanged.body).toMatchObject({ plannedEnd: null, version: 1 });
  });

  it('refuses a round whose parties belong to another agreement', async () => {
    const mine = await setup();
    const other = await setup();
    const res = await h.call<ErrorBody>('POST', `${mine.base}/rounds`, {
      title: 'Cairo',
      startsOn: '2026-06-06',
      partyIds: [other.party.id],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues![0]!.path).toBe('partyIds');
    expect((await h.call<{ items: unknown[] }>('GET', `${mine.base}/rounds`)).body.items).toEqual([]);
  });

  it('refuses to delete a party that is still obligated by a provision', async () => {
    const { base, party, phase } = await setup();
    await h.call('POST', `${base}/provisions`, {
      phaseId: phase.id,
      title: 'Release detainees',
      category: 'prisoner_exchange',
      obligatedPartyId: party.id,
    });
    const res = await h.call<ErrorBody>('DELETE', `${base}/parties/${party.id}?version=1`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('still_referenced');
  });

  it('answers 404 for a part of another agreement', async () => {
    const mine = await setup();
    const other = await setup();
    expect((await h.call('GET', `${mine.base}/phases/${other.phase.id}`)).status).toBe(404);
    expect((await h.call('GET', `${mine.base}/phases/not-a-uuid`)).status).toBe(400);
  });
});

describe('provisions', () => {
  it('creates with defaults and stores the deadline in UTC', async () => {
    const { base, phase } = await setup();
    const res = await h.call<ProvisionView>('POST', `${base}/provisions`, {
      phaseId: phase.id,
      code: '1.1',
      title: 'Halt repeated military attacks across the Strip',
      category: 'ceasefire',
      deadline: '2026-06-14T00:00:00+03:00',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'not_started', ordinal: 1, deadline: '2026-06-13T21:00:00.000Z', obligatedPartyId: null });
  });

  it('refuses references to another agreement’s phase or party, naming the field', async () => {
    const mine = await setup();
    const other = await setup();
    const res = await h.call<ErrorBody>('POST', `${mine.base}/provisions`, {
      phaseId: other.phase.id,
      obligatedPartyId: other.party.id,
      title: 'Withdraw',
      category: 'withdrawal',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues!.map((i) => i.path)).toEqual(['phaseId', 'obligatedPartyId']);
    const list = await h.call<{ total: number }>('GET', `${mine.base}/provisions`);
    expect(list.body.total).toBe(0);
  });

  it('refuses unknown categories and statuses', async () => {
    const { base, phase } = await setup();
    const res = await h.call<ErrorBody>('POST', `${base}/provisions`, {
      phaseId: phase.id,
      title: 'x',
      category: 'peace',
      status: 4,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues!.map((i) => i.path).sort()).toEqual(['body.category', 'body.status']);
  });

  it('filters, sorts and pages through the query string', async () => {
    const { base, phase, party } = await setup();
    for (const [code, status, obligated] of [
      ['1.2', 'disputed', null],
      ['1.1', 'full', party.id],
      ['1.3', 'minimal', null],
    ] as const) {
      await h.call('POST', `${base}/provisions`, {
        phaseId: phase.id,
        code,
        title: `Provision ${code}`,
        category: 'ceasefire',
        status,
        obligatedPartyId: obligated,
      });
    }
    const get = async (qs: string) =>
      (await h.call<{ items: ProvisionView[]; total: number }>('GET', `${base}/provisions?${qs}`)).body;
    expect((await get('sort=code')).items.map((p) => p.code)).toEqual(['1.1', '1.2', '1.3']);
    expect((await get('status=disputed')).items.map((p) => p.code)).toEqual(['1.2']);
    expect((await get(`partyId=${party.id}`)).items.map((p) => p.code)).toEqual(['1.1']);
    expect(await get('sort=code&order=desc&limit=1&offset=1')).toMatchObject({ total: 3, items: [{ code: '1.2' }] });
    expect((await h.call('GET', `${base}/provisions?status=5`)).status).toBe(400);
  });

  it('updates with the version read; a second writer with the old version gets 409', async () => {
    const { base, phase } = await setup();
    const p = (await h.call<ProvisionView>('POST', `${base}/provisions`, { phaseId: phase.id, title: 'T', category: 'ceasefire' })).body;
    const first = await h.call<ProvisionView>('PATCH', `${base}/provisions/${p.id}`, { version: 1, status: 'intermediate', statusReason: 'Half the lists released' });
    expect(first.body).toMatchObject({ status: 'intermediate', title: 'T', version: 2 });
    const second = await h.call<ErrorBody>('PATCH', `${base}/provisions/${p.id}`, { version: 1, status: 'full', statusReason: 'All released' });
    expect(second.status).toBe(409);
    expect((await h.call('GET', `${base}/provisions/${p.id}`)).body).toMatchObject({ status: 'intermediate' });
  });
});
