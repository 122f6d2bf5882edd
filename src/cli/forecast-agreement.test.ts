/**
 * `phaseline forecast agreement <agreement> [--as-of] [--format]`: the agreement's forecast as the API
 * gives it, as of the end of a day in its zone, as a table or as JSON; a bad date is a usage error.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgreementForecastView } from '../contract/index.ts';
import { mulberry32, simulateHawkes } from '../core/forecast/index.ts';
import { cliDatabases, cliTestContext, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
// Each run opens the database; on PGlite, on a busy machine, that takes seconds.
const SLOW = { timeout: 180_000 };

/** An agreement in Asia/Gaza with two parties and 60 days of simulated verified incidents to 19 June. */
function forecastAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc, database) => {
    const agreement = await svc.agreements.create(
      { slug: `forecast-${randomUUID().slice(0, 8)}`, title: 'CLI forecast test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    const parties: Array<{ id: string }> = [];
    for (const name of ['Israel', 'Hamas']) parties.push(await svc.agreements.parties.create(agreement.slug, { name, localName: '', role: 'belligerent', description: '' }, ACTOR));
    const truth = { baseline: [0.4, 0.4], adjacency: [[0.1, 0.3], [0.3, 0.1]], decay: 1.5 };
    const events = simulateHawkes(truth, 60, mulberry32(5));
    const first = Date.parse('2026-04-20T00:00:00Z');
    await database.query(
      `INSERT INTO incidents (agreement_id, occurred_at, reported_at, source_type, reliability, credibility, category, status, attributed_party_id)
       SELECT $1, u.t, u.t, 'monitor', 'B', 2, 'shelling', 'verified', u.p FROM unnest($2::timestamptz[], $3::uuid[]) AS u(t, p)`,
      [agreement.id, events.map((e) => new Date(first + Math.round(e.time * 86_400) * 1000).toISOString()), events.map((e) => parties[e.dim]!.id)],
    );
    return { slug: agreement.slug, events: events.length, parties };
  });
}

describe('phaseline forecast agreement', () => {
  const context = cliTestContext(cliDatabases[0]!);

  it('prints the escalation model and the series as a table, and the API’s view as JSON', SLOW, async () => {
    const { slug, events, parties } = await forecastAgreement(context.env);
    const json = await run(['forecast', 'agreement', slug, '--format', 'json'], context.env);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout) as AgreementForecastView;
    expect(view).toMatchObject({ asOf: '2026-06-20', timeZone: 'Asia/Gaza', seed: 12 });
    expect(view.escalation).toMatchObject({ events, fitted: true, reason: null });
    expect(view.escalation.dimensions.map((d) => d.label)).toEqual(['Hamas', 'Israel']);
    expect(view.escalation.dimensions.map((d) => d.key).sort()).toEqual(parties.map((p) => p.id).sort());
    expect(view.escalation.forecast.map((f) => f.days)).toEqual([1, 7, 14]);
    // From the first incident's day (21 April, 35 hours in) to 20 June in Gaza, 61 days: enough for the count model.
    expect(view.series[0]).toMatchObject({ key: 'verified-incidents', days: 61, fitted: true, origin: '2026-06-20' });

    const table = await run(['forecast', 'agreement', slug], context.env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Forecast as of the end of 2026-06-20 (Asia/Gaza); every simulation seeded with 12');
    expect(table.stdout).toContain(`Escalation model (Hawkes process) on ${events} verified incident(s)`);
    expect(table.stdout).toMatch(/Branching ratio \d\.\d{3} \(below 1: bursts die out\)/);
    expect(table.stdout).toContain('from Hamas');
    expect(table.stdout).toContain('Verified incidents per day: 61 day(s) with a value');
    expect(table.stdout).toContain('Rolling-origin backtest');
  });

  it('computes as of the end of an earlier day, and refuses a date that is not one', SLOW, async () => {
    const { slug } = await forecastAgreement(context.env);
    const early = await run(['forecast', 'agreement', slug, '--as-of', '2026-04-25', '--format', 'json'], context.env);
    expect(early.code).toBe(0);
    const view = JSON.parse(early.stdout) as AgreementForecastView;
    expect(view.asOf).toBe('2026-04-25');
    expect(view.escalation.fitted).toBe(false);
    expect(view.escalation.reason).toMatch(/the escalation model needs at least (20|14)\.$/);
    expect(view.series[0]).toMatchObject({ fitted: false, reason: expect.stringMatching(/the count model needs at least 60\.$/) as string });
    const text = await run(['forecast', 'agreement', slug, '--as-of', '2026-04-25'], context.env);
    expect(text.stdout).toContain('Escalation model (Hawkes process) on');
    expect(text.stdout).toContain(': not fitted.');

    const bad = await run(['forecast', 'agreement', slug, '--as-of', '2026-02-30'], context.env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('option --as-of');
    const unknown = await run(['forecast', 'agreement', 'no-such-agreement'], context.env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/not found/i);
  });
});
