/** `phaseline indicators list|import|show` and `phaseline withdrawal list` (the ground) on PGlite and on the PostgreSQL server (today is 2026-06-20 in Gaza). */
import { describe, expect, it } from 'vitest';
import { cliDatabases, cliTestContext, monitoringAgreement, withTestDatabase, withTestRepositories } from './test/monitoring.ts';
import { run } from './test/run.ts';

const SET_UP = { id: null, name: 'cli test set-up' };

/** An agreement (Israel, Hamas, the Gaza sectors) with one daily indicator: aid trucks, at least 600. */
async function withIndicator(env: Record<string, string>) {
  const agreement = await monitoringAgreement(env);
  const indicator = await withTestDatabase(env, (svc) =>
    svc.ground.indicators.create(
      agreement.slug,
      { name: 'Aid trucks', unit: 'trucks/day', category: 'all', target: 600, comparison: '>=', period: 'day', provisionId: null, zoneId: null, sourceNote: 'COGAT, UN 2720' },
      SET_UP,
    ),
  );
  return { agreement, indicator };
}

const counts = (env: Record<string, string>, agreementId: string, indicatorId: string) =>
  withTestRepositories(env, async (repos) => ({ observations: await repos.ground.observations.count(indicatorId), audit: await repos.audit.countFor(agreementId) }));

describe.each(cliDatabases)('phaseline indicators on $name', (db) => {
  const { env, file } = cliTestContext(db);

  it('imports a CSV by the indicator name (one audit entry), then lists and shows the streak', async () => {
    const { agreement, indicator } = await withIndicator(env);
    const before = await counts(env, agreement.id, indicator.id);
    const path = file('trucks.csv', 'date,value,source\n2026-06-16,500,UN2720\n2026-06-17,620,UN2720\n2026-06-18,640,\n2026-06-19,700,COGAT\n');
    const imported = await run(['indicators', 'import', 'Aid trucks', '--agreement', agreement.slug, '--file', path], env);
    expect(imported).toEqual({ code: 0, stderr: '', stdout: `Imported 4 observations of "Aid trucks" from 2026-06-16 to 2026-06-19 from ${path}.\n` });
    expect(await counts(env, agreement.id, indicator.id)).toEqual({ observations: before.observations + 4, audit: before.audit + 1 });

    const list = await run(['indicators', 'list', '--agreement', agreement.slug], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/│ Aid trucks │ all\s+│ at least 600 trucks\/day │ day\s+│ 3 days at target since 2026-06-17 \(newest 2026-06-19: 700\) │/);
    expect(list.stdout).toMatch(/\n1 indicators\n$/);
    const csv = await run(['indicators', 'list', '--agreement', agreement.slug, '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[1]).toBe(`${indicator.id},Aid trucks,trucks/day,all,>=,600,day,3,2026-06-17,2026-06-19,700,true`);

    const show = await run(['indicators', 'show', indicator.id, '--agreement', agreement.slug], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Aid trucks \(trucks\/day\): target at least 600 trucks\/day per day\nStreak on 2026-06-20: 3 days at target since 2026-06-17/);
    expect(show.stdout).toMatch(/│ 2026-06-16 │ 2026-06-16 │ 500\s+│ 600\s+│ no\s+│/);
    const json = JSON.parse((await run(['indicators', 'show', 'Aid trucks', '--agreement', agreement.slug, '--format', 'json'], env)).stdout) as {
      points: unknown[];
      streak: { periods: number; periodsBehind: number };
    };
    expect(json.points).toHaveLength(4);
    expect(json.streak).toMatchObject({ periods: 3, periodsBehind: 1 });
  });

  it('refuses a file with errors, every one on its own line with its line number, and writes nothing (exit 1)', async () => {
    const { agreement, indicator } = await withIndicator(env);
    await run(['indicators', 'import', 'Aid trucks', '--agreement', agreement.slug, '--file', file('first.csv', 'date,value\n2026-06-10,600\n')], env);
    const before = await counts(env, agreement.id, indicator.id);
    const path = file('bad.csv', 'date,value\n2026-06-11,610\n2026-06-10,600\n11/06/2026,5\n2026-06-12,lots\n');
    const refused = await run(['indicators', 'import', indicator.id, '--agreement', agreement.slug, '--file', path], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `${path}: line 3: the indicator already has an observation on 2026-06-10\n` +
        `${path}: line 4: the date "11/06/2026" is not a date written YYYY-MM-DD that exists\n` +
        `${path}: line 5: the value "lots" is not a number (write it like 1200 or 12.5, without thousands separators)\n` +
        `phaseline: ${path}: 3 errors; no observation was imported\n`,
    );
    expect(await counts(env, agreement.id, indicator.id)).toEqual(before);
    const unknown = await run(['indicators', 'import', 'Fuel', '--agreement', agreement.slug, '--file', path], env);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'phaseline: Indicator Fuel was not found\n' });
    const missing = await run(['indicators', 'import', 'Aid trucks', '--agreement', agreement.slug, '--file', '/nonexistent/x.csv'], env);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'phaseline: cannot read /nonexistent/x.csv: no such file or directory\n' });
  });

  it('lists the withdrawal schedule with each status today, as a table, JSON and CSV', async () => {
    const agreement = await monitoringAgreement(env);
    const ids = await withTestDatabase(env, async (svc) => {
      const phase = await svc.agreements.phases.create(agreement.slug, { name: 'Phase one', objective: '', status: 'active', plannedStart: null, plannedEnd: null }, SET_UP);
      const israel = (await svc.agreements.parties.list(agreement.slug)).find((p) => p.name === 'Israel')!;
      const rafah = (await svc.zones.filter(agreement.slug, { kind: 'sector' })).find((z) => z.name === 'Rafah')!;
      const item = (force: string, deadline: string) =>
        svc.ground.withdrawals.create(agreement.slug, { phaseId: phase.id, partyId: israel.id, provisionId: null, force, fromZoneId: rafah.id, behindZoneId: null, deadline, notes: '' }, SET_UP);
      const late = await item('162nd Division', '2026-06-10');
      const verified = await item('Golani Brigade', '2026-06-12');
      await svc.ground.withdrawals.verify(agreement.slug, verified.id, { observedOn: '2026-06-12', finding: 'completed', sourceReliability: 'B', credibility: 2, evidence: [], notes: '' }, SET_UP);
      await item('Armoured brigade', '2026-06-25');
      return { late: late.id };
    });
    const table = await run(['withdrawal', 'list', '--agreement', agreement.slug], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ Phase one │ Israel │ 162nd Division\s+│ Rafah │\s+│ 2026-06-10 │ Late since 2026-06-11\s+│/);
    expect(table.stdout).toMatch(/│ Golani Brigade\s+│ Rafah │\s+│ 2026-06-12 │ Verified since 2026-06-12 │/);
    expect(table.stdout).toMatch(/│ Armoured brigade\s+│ Rafah │\s+│ 2026-06-25 │ On time\s+│/);
    expect(table.stdout).toMatch(/\n3 withdrawal items\n$/);
    const json = JSON.parse((await run(['withdrawal', 'list', '--agreement', agreement.id, '--format', 'json'], env)).stdout) as { id: string; status: string }[];
    expect(json.map((i) => i.status)).toEqual(['late', 'verified', 'on_time']);
    const csv = (await run(['withdrawal', 'list', '--agreement', agreement.slug, '--format', 'csv'], env)).stdout.split('\n');
    expect(csv[0]).toBe('id,phase,party,force,from_zone,behind_zone,deadline,status,since,verifications');
    expect(csv[1]).toBe(`${ids.late},Phase one,Israel,162nd Division,Rafah,,2026-06-10,late,2026-06-11,0`);
    expect((await run(['withdrawal', 'list', '--agreement', 'no-such-agreement'], env)).code).toBe(1);
  });
});
