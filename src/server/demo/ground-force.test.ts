/** The demo's ground, force and Phase Two gate: real aid series with their sources, the rest illustrative. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/index.ts';
import { repositories, type Database } from '../../db/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { services } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { loadDemo } from './demo.service.ts';
import { demoBudget, demoContributors, demoFunding, demoObservations, demoPledges, demoRequirements } from './ground-force.ts';

/** Loaded on 1 December 2026 (the Phase Two deadlines are set 30 and 60 days after the load). */
const clock = fixedClock('2026-12-01T10:00:00Z');
const ADMIN: Principal = { kind: 'user', userId: 'demo-test', name: 'Test', admin: true, memberships: [] };

describe('the demo aid series files', () => {
  it('hold the 116 days of the Gaza-projections series, 10,192 trucks, and the UNRWA counts per crossing', () => {
    const total = demoObservations('aid-trucks-daily.csv');
    expect(total).toHaveLength(116);
    expect(total.reduce((sum, o) => sum + o.value, 0)).toBe(10_192);
    expect([total[0]!.observedOn, total.at(-1)!.observedOn]).toEqual(['2023-10-07', '2024-01-30']);
    const kerem = demoObservations('aid-kerem-shalom-daily.csv');
    const rafah = demoObservations('aid-rafah-crossing-daily.csv');
    expect([kerem.length, kerem.reduce((sum, o) => sum + o.value, 0)]).toEqual([257, 23_574]);
    expect([rafah.length, rafah.reduce((sum, o) => sum + o.value, 0)]).toEqual([179, 11_080]);
  });
});

describe('the demo ground and force', () => {
  let database: Database;
  let agreementId: string;
  beforeAll(async () => {
    database = await testDrivers[0]!.open();
    agreementId = (await loadDemo(database, { clock })).agreement.id;
  });
  afterAll(async () => {
    await database.close();
  });

  it('loads the aid indicator with its 116 real observations, its target and its sources', async () => {
    const repos = repositories(database.db);
    const indicators = await repos.ground.indicators.list(agreementId);
    const aid = indicators.find((i) => i.name === 'Aid trucks entering Gaza per day')!;
    expect(aid).toMatchObject({ unit: 'trucks', comparison: '>=', target: 600, period: 'day', zoneId: null });
    expect(aid.sourceNote).toMatch(/gaza-projections\.org/);
    expect(aid.sourceNote).toMatch(/7 Oct 2023 – 30 Jan 2024/);
    expect(aid.sourceNote).toMatch(/illustrative/);
    const observations = await repos.ground.observations.list(aid.id);
    expect(observations).toHaveLength(116);
    expect(observations.reduce((sum, o) => sum + o.value, 0)).toBe(10_192);
    expect(observations[0]!.source).toMatch(/gaza_food_trucks\.csv/);
  });

  it('puts the UNRWA flows at the two crossings, approximate points, with illustrative targets', async () => {
    const repos = repositories(database.db);
    const zones = await repos.zones.list(agreementId);
    const crossings = zones.filter((z) => z.kind === 'crossing');
    expect(crossings.map((z) => z.name).sort()).toEqual(['Kerem Shalom crossing (approximate)', 'Rafah crossing (approximate)']);
    const indicators = await repos.ground.indicators.list(agreementId);
    for (const crossing of crossings) {
      const flow = indicators.find((i) => i.zoneId === crossing.id)!;
      expect(flow.sourceNote).toMatch(/UNRWA/);
      expect(flow.sourceNote).toMatch(/Checchi/);
      expect(flow.sourceNote).toMatch(/roughly one truck/);
      expect(flow.sourceNote).toMatch(/illustrative/);
    }
    const counts = await Promise.all(crossings.map(async (z) => repos.ground.observations.count(indicators.find((i) => i.zoneId === z.id)!.id)));
    expect(counts.sort()).toEqual([179, 257]);
  });

  it('keeps the governorates as sectors and adds three dated snapshots of one illustrative held area', async () => {
    const repos = repositories(database.db);
    const zones = await repos.zones.list(agreementId);
    expect(zones.filter((z) => z.kind === 'sector')).toHaveLength(5);
    const held = zones.filter((z) => z.kind === 'controlled_area');
    expect(held.map((z) => z.asOf).sort()).toEqual(['2026-06-06', '2026-07-06', '2026-08-06']);
    expect(new Set(held.map((z) => z.name))).toEqual(new Set(['Area held by Israeli forces (illustrative)']));
    const israel = (await repos.parties.list(agreementId)).find((p) => p.name === 'Israel')!;
    expect(held.every((z) => z.partyId === israel.id)).toBe(true);
    // Shrinking from one snapshot to the next, and inside the Strip (365 km²).
    const areas = held.sort((a, b) => a.asOf!.localeCompare(b.asOf!)).map((z) => z.areaSqKm);
    expect(areas[0]!).toBeLessThan(365);
    expect(areas[0]!).toBeGreaterThan(areas[1]!);
    expect(areas[1]!).toBeGreaterThan(areas[2]!);
  });

  it('gives the coverage history of the governorates something to show', async () => {
    const history = await services(database, { clock }).ground.areas.history(agreementId, 'sector');
    expect(history.sectors).toHaveLength(5);
    const [area, ...others] = history.areas;
    expect(others).toEqual([]);
    expect(area!.series.map((p) => p.asOf)).toEqual(['2026-06-06', '2026-07-06', '2026-08-06']);
    const covered = area!.series.map((p) => p.coveredKm2);
    expect(covered[0]!).toBeGreaterThan(covered[1]!);
    expect(covered[1]!).toBeGreaterThan(covered[2]!);
    // Every governorate is touched on the first date (the band runs the length of the Strip).
    expect(area!.series[0]!.sectors.every((s) => s.share > 0 && s.share < 1)).toBe(true);
  });

  it('schedules illustrative withdrawals with one graded verification', async () => {
    const repos = repositories(database.db);
    const items = await repos.ground.withdrawalItems.list(agreementId);
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.notes.includes('Illustrative'))).toBe(true);
    expect(items.map((i) => i.deadline)).toEqual(['2026-06-20', '2026-06-27', '2026-12-31', '2027-01-30']);
    const verifications = await repos.ground.withdrawalVerifications.forItems(items.map((i) => i.id));
    expect(verifications).toMatchObject([{ finding: 'disputed', sourceReliability: 'C', credibility: 3 }]);
    const statuses = await services(database, { clock }).ground.withdrawals.statuses(agreementId, '2026-12-01');
    expect(statuses.map((s) => s.status)).toEqual(['late', 'disputed', 'on_time', 'on_time']);
  });

  it('marks every requirement, contributor, pledge, budget line and funding entry illustrative', async () => {
    const { force } = repositories(database.db);
    const rows = [
      ...(await force.requirements.list(agreementId)),
      ...(await force.contributors.list(agreementId)),
      ...(await force.pledges.list(agreementId)),
      ...(await force.budgetLines.list(agreementId)),
      ...(await force.funding.list(agreementId)),
    ];
    expect(rows).toHaveLength(demoRequirements.length + demoContributors.length + demoPledges.length + demoBudget.length + demoFunding.length);
    expect(rows.every((r) => r.illustrative)).toBe(true);
    expect((await force.contributors.list(agreementId)).every((c) => c.name.endsWith('(illustrative)'))).toBe(true);
    expect(await force.acceptability.ofAgreement(agreementId)).toEqual([]);
  });

  it('links the rules of engagement and the authority boundaries to bracketed Phase Two clauses', async () => {
    const repos = repositories(database.db);
    const [document] = await repos.documents.list(agreementId);
    const clauses = new Map((await repos.clauses.list(document!.id)).map((c) => [c.id, c]));
    const mandate = await repos.force.mandate.list(agreementId);
    expect(mandate.map((m) => [m.kind, clauses.get(m.clauseId!)!.number])).toEqual([
      ['authority_boundary', '11'],
      ['authority_boundary', '11'],
      ['rules_of_engagement', '10'],
    ]);
    for (const m of mandate) expect(clauses.get(m.clauseId!)!.text).toMatch(/\[/);
  });

  it('records each row it writes in the audit log', async () => {
    const repos = repositories(database.db);
    expect(await repos.audit.countFor(agreementId, 'zone')).toBe(10);
    expect(await repos.audit.countFor(agreementId, 'indicator')).toBe(3);
    expect(await repos.audit.countFor(agreementId, 'indicator_observations_import')).toBe(3);
    expect(await repos.audit.countFor(agreementId, 'withdrawal_item')).toBe(4);
    expect(await repos.audit.countFor(agreementId, 'force_pledge')).toBe(demoPledges.length);
    expect(await repos.audit.countFor(agreementId, 'gate')).toBe(1);
  });

  it('fails the Phase Two gate on withdrawals, aid, clauses, force and funding, and says why', async () => {
    const svc = services(database, { clock });
    const agreement = await repositories(database.db).agreements.get(agreementId);
    const phases = await repositories(database.db).phases.list(agreementId);
    const phaseTwo = phases.find((p) => p.ordinal === 2)!;
    const view = await svc.gates.gate(agreement, phaseTwo.id, ADMIN);
    expect(view.evaluation.passes).toBe(false);
    const results = view.evaluation.conditions.map((c) => [c.condition.kind, c.met]);
    expect(results).toEqual([
      ['withdrawal_verified', false],
      ['indicator_at_target', false],
      // The demo invents no incident, so none is verified: the one condition met.
      ['no_verified_violation', true],
      ['clauses_agreed', false],
      ['force_covered', false],
      ['funding_committed', false],
    ]);
    for (const c of view.evaluation.conditions) expect(c.detail).not.toBe('');
    // Nothing else of the agreement has a gate.
    expect((await svc.gates.gates(agreement, ADMIN)).items.filter((i) => i.gate !== null).map((i) => i.phase.id)).toEqual([phaseTwo.id]);
  });

  it('shows the force gaps the seed describes: personnel not covered, money not committed, authority still bracketed', async () => {
    const svc = services(database, { clock });
    const overview = await svc.force.overview(agreementId, null);
    const required = demoRequirements.reduce((sum, r) => sum + r.personnel, 0);
    // Only L2, L3 and RDL pledges count: 800 + 150 + 400 + 150 + 200 + 300.
    expect(overview.gaps.totals).toEqual({ required, covered: 2000, gap: required - 2000 });
    expect(overview.gaps.requirements.find((r) => r.capability === 'Infantry' && r.sectorName === 'Khan Younis')).toMatchObject({ covered: 0, gap: 900 });
    const budget = demoBudget.reduce((sum, b) => sum + b.amount, 0);
    expect(overview.fundingGaps).toMatchObject({ budget, pledged: 310_000_000, committed: 120_000_000, disbursed: 25_000_000, commitmentGap: budget - 120_000_000 });
    expect(overview.mandate.map((m) => m.clause?.status)).not.toContain('agreed');
  });
});
