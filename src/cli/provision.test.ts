/**
 * `phaseline provision history|status`: a change of status with its reason, source, grade and
 * evidence (recorded in the history and the audit log), refused without a reason or with a bad grade,
 * and the history as a table, JSON and CSV, oldest first. On a PGlite data directory and the
 * PostgreSQL server.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IncidentCreate } from '../contract/index.ts';
import { CLI_PRINCIPAL } from './context.ts';
import { cliDatabases, cliTestContext, withTestDatabase, withTestRepositories } from './test/monitoring.ts';
import { run, TEST_NOW } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
const SLOW = { timeout: 180_000 };

/** An agreement in Asia/Gaza with a phase, provision 2.1 (not started) and an incident bearing on it. */
function agreementWithProvision(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `prov-${randomUUID().slice(0, 8)}`, title: 'CLI provision test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    const phase = await svc.agreements.phases.create(agreement.slug, { name: 'Phase One', objective: '', status: 'active', plannedStart: null, plannedEnd: null }, ACTOR);
    const provision = await svc.provisions.create(
      agreement.slug,
      { phaseId: phase.id, pillarId: null, code: '2.1', title: 'Open the crossings', text: '', category: 'aid_access', obligatedPartyId: null, deadline: null, verificationMethod: '', status: 'not_started' },
      ACTOR,
    );
    const incident = await svc.incidents.create(
      agreement.slug,
      IncidentCreate.parse({ occurredAt: '2026-06-19T08:00:00Z', category: 'obstruction_of_aid', description: 'Trucks turned back', place: 'Kerem Shalom', provisionIds: [provision.id] }),
      CLI_PRINCIPAL,
      ACTOR,
    );
    return { slug: agreement.slug, agreementId: agreement.id, provision, incident };
  });
}

describe.each(cliDatabases)('phaseline provision on $name', (db) => {
  const context = cliTestContext(db);

  it('changes a provision’s status with the reason, source, grade and evidence, and shows its history', SLOW, async () => {
    const { slug, agreementId, provision, incident } = await agreementWithProvision(context.env);
    const changed = await run(
      ['provision', 'status', slug, '2.1', '--to', 'minimal', '--reason', 'ستون شاحنة عبرت', '--source', 'UN2720 dashboard', '--grade', 'b2', '--incident', incident.id, '--link', 'https://un.example/2720'],
      context.env,
    );
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/^2\.1 Open the crossings: 0 · not started → 1 · minimal \(change 2\), by cli:.+\.\n$/);

    const json = await run(['provision', 'history', slug, provision.id, '--format', 'json'], context.env);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout) as { code: string; items: Array<Record<string, unknown>> };
    expect(view.code).toBe('2.1');
    expect(view.items).toHaveLength(2);
    expect(view.items[1]).toMatchObject({
      seq: 2,
      from: 'not_started',
      to: 'minimal',
      reason: 'ستون شاحنة عبرت',
      source: 'UN2720 dashboard',
      sourceGrade: 'B2',
      evidence: [
        { kind: 'incident', incidentId: incident.id, label: 'Obstruction of aid at Kerem Shalom, 2026-06-19' },
        { kind: 'url', url: 'https://un.example/2720', label: 'https://un.example/2720' },
      ],
      at: TEST_NOW,
    });

    const csv = await run(['provision', 'history', slug, '2.1', '--format', 'csv'], context.env);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('seq,at,from,to,reason,source,grade,evidence,actor');
    expect(lines[1]).toMatch(/^1,.+,,not_started,Added with this status,,,,cli test set-up$/);
    expect(lines[2]).toMatch(new RegExp(`^2,${TEST_NOW},not_started,minimal,ستون شاحنة عبرت,UN2720 dashboard,B2,/agreements/${slug}/incidents/${incident.id} https://un.example/2720,cli:`));

    const table = await run(['provision', 'history', slug, '2.1'], context.env);
    expect(table.stdout).toContain('2.1 Open the crossings: status history, times in Asia/Gaza');
    expect(table.stdout).toContain('0 · not started → 1 · minimal');
    // 12:00 UTC on 20 June is 15:00 in Gaza.
    expect(table.stdout).toContain('2026-06-20 15:00');

    const audit = await withTestRepositories(context.env, (repos) => repos.audit.countFor(agreementId, 'provision_status'));
    expect(audit).toBe(2);
  });

  it('refuses a change without a reason, with a grade off the scale, to the status it has, or of a provision not there', SLOW, async () => {
    const { slug } = await agreementWithProvision(context.env);
    const noReason = await run(['provision', 'status', slug, '2.1', '--to', 'full'], context.env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <reason>' not specified");
    const blank = await run(['provision', 'status', slug, '2.1', '--to', 'full', '--reason', '  '], context.env);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('option --reason: must not be empty');
    const grade = await run(['provision', 'status', slug, '2.1', '--to', 'full', '--reason', 'r', '--grade', 'Z9'], context.env);
    expect(grade.code).toBe(2);
    expect(grade.stderr).toContain('option --grade: must be an Admiralty grade from A1 to F6');
    const same = await run(['provision', 'status', slug, '2.1', '--to', 'not_started', '--reason', 'r'], context.env);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('status is already "not_started"');
    const missing = await run(['provision', 'history', slug, '9.9'], context.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Provision "9.9" of`);
    const history = JSON.parse((await run(['provision', 'history', slug, '2.1', '--format', 'json'], context.env)).stdout) as { items: unknown[] };
    expect(history.items).toHaveLength(1);
  });
});
