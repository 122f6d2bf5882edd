/** `phaseline force gaps|show` on PGlite and on the PostgreSQL server: the full picture, what-if assumptions, bad assumptions. */
import { describe, expect, it } from 'vitest';
import type { ForceGapsAnswer, ForceOverview } from '../contract/index.ts';
import { cliDatabases, cliTestContext, monitoringAgreement, withTestDatabase, withTestRepositories } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };

/**
 * The monitoring agreement (Israel, Hamas, the Gaza governorates as sectors) with 1000 infantry
 * required in Rafah, Egypt's 600 ready, Indonesia's 300 only pledged, Hamas objecting to Egypt for
 * the mediators only, and a budget of 1000 with 600 committed.
 */
async function forceAgreement(env: Record<string, string>) {
  const agreement = await monitoringAgreement(env);
  return withTestDatabase(env, async (svc) => {
    const ref = agreement.slug;
    const rafah = (await svc.zones.filter(ref, { kind: 'sector' })).find((z) => z.name === 'Rafah')!;
    const hamas = (await svc.agreements.parties.list(ref)).find((p) => p.name === 'Hamas')!;
    const egypt = await svc.force.contributors.create(ref, { name: 'Egypt', country: 'EG', notes: '', illustrative: true }, ACTOR);
    const indonesia = await svc.force.contributors.create(ref, { name: 'Indonesia', country: 'ID', notes: '', illustrative: false }, ACTOR);
    await svc.force.requirements.create(ref, { capability: 'Infantry', sectorId: rafah.id, personnel: 1000, equipment: '', phaseId: null, notes: '', illustrative: false }, ACTOR);
    const pledge = { capability: 'Infantry', sectorId: rafah.id, caveats: '', pledgedOn: '2026-06-01', illustrative: false };
    await svc.force.pledges.create(ref, { ...pledge, contributorId: egypt.id, personnel: 600, readiness: 'L3' }, ACTOR);
    const promised = await svc.force.pledges.create(ref, { ...pledge, contributorId: indonesia.id, personnel: 300, readiness: 'L1' }, ACTOR);
    const admin = { kind: 'user' as const, userId: 'setup', name: 'setup', admin: true, memberships: [] };
    await svc.force.addAcceptability(ref, { contributorId: egypt.id, partyId: hamas.id, position: 'objected', reason: 'No Egyptian troops', statedOn: '2026-06-18', audience: 'mediators' }, admin, ACTOR);
    const line = await svc.force.budgetLines.create(ref, { name: 'Troop costs', amount: 1000, currency: 'USD', notes: '', illustrative: false }, ACTOR);
    await svc.force.funding.create(ref, { donor: 'Qatar', kind: 'commitment', amount: 600, budgetLineId: line.id, datedOn: '2026-06-01', source: '', illustrative: false }, ACTOR);
    return { agreement, promised };
  });
}

describe.each(cliDatabases)('phaseline force on $name', (db) => {
  const { env } = cliTestContext(db);

  it('prints the gaps as the mediators see them, and under assumptions, saving nothing', async () => {
    const { agreement, promised } = await forceAgreement(env);
    const table = await run(['force', 'gaps', agreement.slug], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    // Hamas's objection to Egypt, for the mediators only, counts: only Indonesia's pledge is left, and it is L1.
    expect(table.stdout).toMatch(/│ Infantry\s+│ Rafah\s+│ 1000\s+│ 0\s+│ 1000\s+│/);
    expect(table.stdout).toMatch(/│ Commitment gap\s+│ 400\s+│/);

    const before = await withTestRepositories(env, (repos) => Promise.all([repos.force.pledges.list(agreement.id), repos.force.acceptability.ofAgreement(agreement.id)]));
    const assumed = await run(['force', 'gaps', agreement.slug, '--assume', `ready:${promised.id}`, '--format', 'json'], env);
    expect(assumed.code).toBe(0);
    const answer = JSON.parse(assumed.stdout) as ForceGapsAnswer;
    expect(answer.assumptions).toEqual([{ kind: 'ready', pledgeId: promised.id }]);
    expect(answer.force.requirements[0]).toMatchObject({ required: 1000, covered: 300, gap: 700 });
    expect(answer.funding).toMatchObject({ budget: 1000, committed: 600, commitmentGap: 400 });

    const withdrawn = await run(['force', 'gaps', agreement.slug, '--assume', `ready:${promised.id}`, '--assume', 'withdraw:indonesia'], env);
    expect(withdrawn.stdout).toContain('Assuming: A pledge reaches Level 3');
    expect(withdrawn.stdout).toContain('Assuming: A contributor withdraws (its pledges go): Indonesia');
    expect(withdrawn.stdout).toMatch(/│ Infantry\s+│ Rafah\s+│ 1000\s+│ 0\s+│ 1000\s+│/);
    const after = await withTestRepositories(env, (repos) => Promise.all([repos.force.pledges.list(agreement.id), repos.force.acceptability.ofAgreement(agreement.id)]));
    expect(after).toEqual(before);
  });

  it('refuses an assumption it cannot read: exit 1, the message, nothing else', async () => {
    const { agreement } = await forceAgreement(env);
    const bad = await run(['force', 'gaps', agreement.slug, '--assume', 'withdraw:Atlantis'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('phaseline: No contributor "Atlantis" (give its name or id)\n');
    const kind = await run(['force', 'gaps', agreement.slug, '--assume', 'grow:Egypt'], env);
    expect(kind.code).toBe(1);
    expect(kind.stdout).toBe('');
    expect(kind.stderr).toMatch(/^phaseline: Unknown assumption "grow:Egypt"/);
  });

  it('shows the whole force as JSON and as tables', async () => {
    const { agreement } = await forceAgreement(env);
    const json = await run(['force', 'show', agreement.slug, '--format', 'json'], env);
    expect(json.code).toBe(0);
    const overview = JSON.parse(json.stdout) as ForceOverview;
    expect(overview.illustrative).toBe(true);
    expect(overview.contributors.map((c) => c.name)).toEqual(['Egypt', 'Indonesia']);
    expect(overview.acceptability.rows[0]!.cells.find((c) => c.position !== null)).toMatchObject({ position: 'objected', audience: 'mediators' });
    expect(overview.gaps.totals).toEqual({ required: 1000, covered: 0, gap: 1000 });

    const table = await run(['force', 'show', agreement.slug], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Some figures are illustrative');
    expect(table.stdout).toContain('Egypt: 600 Infantry not counted (objected to by Hamas)');
    expect(table.stdout).toContain('Level 1 · pledged');
  });
});
