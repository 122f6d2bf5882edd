import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementPrecedentsView, PrecedentDetailView, PrecedentListView, PrecedentSurvivalView } from '../../contract/index.ts';
import { agreementWithPartyAndPhase, harnessForFile } from '../test/harness.ts';
import type { ErrorBody } from '../test/incident-setup.ts';

const h = harnessForFile();
type Body<T> = T & ErrorBody;
const list = (qs = '') => h.anonymous<Body<PrecedentListView>>('GET', `/api/precedents${qs}`);
const survival = (qs = '') => h.anonymous<Body<PrecedentSurvivalView>>('GET', `/api/precedents/survival${qs}`);

describe('the precedents library', () => {
  it('lists the 374 agreements to anyone, newest first, with the source and licence', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 374, limit: 50, offset: 0, source: { licence: 'CC BY 4.0', version: '22.1', dataEnd: '2021-12-31' } });
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0]!.date).toBe('2021-05-02');
    expect(res.body.source.citation).toContain('Journal of Peace Research 56(4)');
    expect(res.body.conflicts.find((c) => c.name === 'Israel: Palestine')).toMatchObject({ count: 9 });
  });

  it('filters by words, conflict, years, type and provisions, and pages in a stable order', async () => {
    expect((await list('?with=pko')).body.total).toBe(50);
    expect((await list('?with=cease&without=pko')).body.total).toBe(176 - 42);
    const israel = (await list('?conflict=Israel:%20Palestine&sort=date&order=asc')).body;
    expect(israel.total).toBe(9);
    expect(israel.items.map((p) => p.year)).toEqual([...israel.items.map((p) => p.year)].sort((a, b) => a - b));
    const full90s = (await list('?from=1990&to=1999&type=1&limit=500')).body;
    expect(full90s.total).toBeGreaterThan(0);
    expect(full90s.items.every((p) => p.type === 1 && p.year >= 1990 && p.year <= 1999)).toBe(true);
    expect((await list('?q=peshawar')).body.items.map((p) => p.paid)).toEqual([1565]);
    const first = (await list('?sort=name&order=asc&limit=5')).body.items.map((p) => p.paid);
    const again = (await list('?sort=name&order=asc&limit=3&offset=2')).body.items.map((p) => p.paid);
    expect(again.slice(0, 3)).toEqual(first.slice(2, 5));
  });

  it('refuses an unknown provision, type or sort with a 400 naming the field', async () => {
    const res = await list('?with=pko,peace');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('with');
    expect((await list('?type=4')).status).toBe(400);
    expect((await list('?sort=size')).status).toBe(400);
    expect((await list('?from=abc')).status).toBe(400);
  });

  it('shows one agreement with how the curves count it, and 404 for an unknown one', async () => {
    const res = await h.anonymous<Body<PrecedentDetailView>>('GET', '/api/precedents/1024');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'The Famboni Declaration', ended: true, endDate: '2000-01-01', thirdParty: null, followUp: { outcome: 'excluded', days: null } });
    const open = await h.anonymous<Body<PrecedentDetailView>>('GET', '/api/precedents/1565');
    expect(open.body.followUp).toMatchObject({ outcome: 'censored', days: 10843 });
    expect((await h.anonymous<Body<PrecedentDetailView>>('GET', '/api/precedents/999999')).status).toBe(404);
    expect((await h.anonymous<Body<PrecedentDetailView>>('GET', '/api/precedents/abc')).status).toBe(400);
  });
});

describe('survival', () => {
  it('gives the curve of all agreements with the number at risk, and who is left out', async () => {
    const res = await survival();
    expect(res.status).toBe(200);
    expect(res.body.others).toBeNull();
    expect(res.body.selected).toMatchObject({ label: 'all agreements', n: 368, events: 128, censored: 240, excluded: 6, median: null });
    expect(res.body.exclusions).toEqual({ noEndDate: 5, endBeforeDate: 1 });
    expect(res.body.selected.steps[0]!.atRisk).toBe(368);
  });

  it('compares agreements with a peacekeeping operation against every other', async () => {
    const res = await survival('?with=pko');
    expect(res.body.selected).toMatchObject({ label: 'agreements with a peacekeeping operation', n: 50, events: 19, with: ['pko'], without: [] });
    expect(res.body.selected.oneYear).toBeCloseTo(0.76, 10);
    expect(res.body.others).toMatchObject({ n: 318, excluded: 6 });
    const none = await survival('?with=pko&without=pko');
    expect(none.body.selected).toMatchObject({ n: 0, steps: [], median: null, oneYear: null });
  });
});

describe("an agreement's precedents", () => {
  let base: string;
  beforeAll(async () => {
    const { base: b, phase } = await agreementWithPartyAndPhase(h);
    base = b;
    for (const [code, category] of [['1.1', 'ceasefire'], ['1.2', 'stabilization_force'], ['1.3', 'stabilization_force'], ['1.4', 'aid_access']] as const) {
      expect((await h.call('POST', `${base}/provisions`, { phaseId: phase.id, code, title: `Provision ${code}`, category })).status).toBe(201);
    }
  });

  it('links its categories to UCDP provisions and gives the survival with and without a stabilization force', async () => {
    const res = await h.call<Body<AgreementPrecedentsView>>('GET', `${base}/precedents`);
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c) => [c.category, c.provisions, c.ucdp.map((u) => u.key)])).toEqual([
      ['ceasefire', 1, ['cease']],
      ['aid_access', 1, []],
      ['stabilization_force', 2, ['pko']],
    ]);
    expect(res.body.linked).toEqual(['cease', 'pko']);
    expect(res.body.stabilization.with).toMatchObject({ n: 50, events: 19 });
    expect(res.body.stabilization.without).toMatchObject({ n: 318 });
    expect(res.body.allLinked).toMatchObject({ label: 'agreements with a ceasefire and a peacekeeping operation', n: 42 });
  });

  it('is not there for a reader who may not read the agreement', async () => {
    expect((await h.anonymous('GET', `${base}/precedents`)).status).toBe(404);
  });

  it('gives the collapse risk a base rate in words, or none from too few precedents', async () => {
    const pko = await h.svc.precedents.baseRate(['stabilization_force'], 365);
    expect(pko).toMatchObject({ n: 50, types: ['pko'], label: '24 % of 50 agreements with a peacekeeping operation had ended within 365 days (UCDP v22.1)' });
    expect(pko.rate).toBeCloseTo(0.24, 10);
    expect(pko.source).toContain('CC BY 4.0');
    // Only 5 agreements share all six linked types: the type whose absence brings in the most is left out, and the label says so.
    const few = await h.svc.precedents.baseRate(['ceasefire', 'withdrawal', 'stabilization_force', 'governance', 'verification', 'guarantees'], 365);
    expect(few).toMatchObject({ n: 12, types: ['cease', 'pko', 'interim', 'co_impl', 'pa_3rd'] });
    expect(few.rate).toBeCloseTo(1 / 12, 10);
    expect(few.label).toBe(
      '8 % of 12 agreements with a ceasefire, a peacekeeping operation, an interim government, an implementation commission and a third-party signatory ' +
        '(5 of the 6 linked provision types; all 6 together: 5 agreements) had ended within 365 days (UCDP v22.1)',
    );
    // Enough share both: nothing left out.
    const both = await h.svc.precedents.baseRate(['withdrawal', 'verification'], 365);
    expect(both).toMatchObject({ n: 24, types: ['withd', 'co_impl'], label: '25 % of 24 agreements with a withdrawal of foreign forces and an implementation commission had ended within 365 days (UCDP v22.1)' });
    const none = await h.svc.precedents.baseRate(['aid_access'], 365);
    expect(none).toMatchObject({ n: 368, types: [] });
  });
});
