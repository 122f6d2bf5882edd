/**
 * `phaseline risk show|weights|record`: the parts and score as the mediators or one party's circle see
 * them, weights set with key=value (bad ones refused, naming them), and the history recorded per audience.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RiskView } from '../contract/index.ts';
import { cliDatabases, cliTestContext, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
const SLOW = { timeout: 180_000 };

/** An agreement with Israel and Hamas, Phase One active, one provision 10 days late and one not yet due. */
function riskyAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `risk-${randomUUID().slice(0, 8)}`, title: 'CLI risk test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    for (const name of ['Israel', 'Hamas']) await svc.agreements.parties.create(agreement.slug, { name, localName: null, role: 'belligerent', description: '' }, ACTOR);
    const one = await svc.agreements.phases.create(agreement.slug, { name: 'Phase One', objective: '', status: 'active', plannedStart: null, plannedEnd: null }, ACTOR);
    const provision = (code: string, deadline: string) =>
      svc.provisions.create(agreement.slug, { phaseId: one.id, pillarId: null, code, title: `Obligation ${code}`, text: '', category: 'ceasefire', obligatedPartyId: null, deadline, verificationMethod: '', status: 'minimal' }, ACTOR);
    await provision('P1', '2026-06-10T00:00:00.000Z');
    await provision('P2', '2026-07-10T00:00:00.000Z');
    return agreement.slug;
  });
}

describe('phaseline risk', () => {
  const context = cliTestContext(cliDatabases[0]!);

  it('shows the parts and the score, sets weights, and records the history per audience', SLOW, async () => {
    const slug = await riskyAgreement(context.env);

    const shown = await run(['risk', 'show', slug, '--format', 'json'], context.env);
    expect(shown.stderr).toBe('');
    const view = JSON.parse(shown.stdout) as RiskView;
    expect(view).toMatchObject({ asOf: '2026-06-20', audience: { audience: 'mediators', partyId: null }, weightsVersion: 0, history: [] });
    const overdue = view.parts.find((p) => p.key === 'overdue_provisions')!;
    expect(overdue).toMatchObject({ score: 0.5, weight: 1 });
    expect(overdue.value).toContain('P1 Obligation P1 (10 days late)');
    expect(view.score).not.toBeNull();

    const table = await run(['risk', 'show', slug], context.env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`Collapse risk of ${slug} as of 2026-06-20, the mediators' view: ${view.score!.toFixed(1)} / 100`);
    expect(table.stdout).toContain('Overdue provisions: Score = provisions past their deadline and not in full / provisions with a deadline.');

    const bad = await run(['risk', 'weights', slug, '--set', 'moon=2'], context.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"moon" is not a part of the risk');
    expect((await run(['risk', 'weights', slug, '--set', 'excitation=12'], context.env)).stderr).toContain('The weight of excitation must be a number from 0 to 10');

    const set = await run(['risk', 'weights', slug, '--set', 'overdue_provisions=3', '--set', 'violation_trend=0', '--format', 'json'], context.env);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({ version: 1, weights: { overdue_provisions: 3, violation_trend: 0, excitation: 1 } });
    // Setting again keeps what was set before.
    const again = await run(['risk', 'weights', slug, '--set', 'precedents=2'], context.env);
    expect(again.stdout).toContain('Weights, version 2');
    expect(again.stdout).toMatch(/overdue_provisions .*│ 3 /);
    const reweighed = JSON.parse((await run(['risk', 'show', slug, '--format', 'json'], context.env)).stdout) as RiskView;
    expect(reweighed.weightsVersion).toBe(2);
    expect(reweighed.parts.find((p) => p.key === 'violation_trend')!.contribution).toBe(0);

    const recorded = await run(['risk', 'record', slug, '--as-of', '2026-06-19'], context.env);
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toContain('Recorded 4 snapshot(s)');
    for (const view of ["everyone's view", "the mediators' view", "Israel's circle", "Hamas's circle"]) expect(recorded.stdout).toContain(view);

    const hamas = JSON.parse((await run(['risk', 'show', slug, '--for', 'hamas', '--format', 'json'], context.env)).stdout) as RiskView;
    expect(hamas.audience.audience).toBe('party');
    expect(hamas.history.map((s) => s.day)).toEqual(['2026-06-19']);
    const missing = await run(['risk', 'show', slug, '--for', 'Fatah'], context.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No party "Fatah"');
    expect((await run(['risk', 'show', slug, '--as-of', '2026-13-01'], context.env)).code).toBe(2);
  });
});
