/**
 * `phaseline gates set|check|advance`: conditions set from a file, each condition's state (and under
 * what-if assumptions, nothing saved), a failing gate refusing the advance with its conditions, and an
 * override with a reason recorded.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cliDatabases, cliTestContext, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
const SLOW = { timeout: 180_000 };

/** An agreement with Phase One (active, one provision at minimal) and Phase Two, and a force of 100 fully pledged by Egypt. */
function gatedAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `gates-${randomUUID().slice(0, 8)}`, title: 'CLI gates test', summary: '', status: 'drafting', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    const phase = (name: string, status: 'active' | 'planned') =>
      svc.agreements.phases.create(agreement.slug, { name, objective: '', status, plannedStart: null, plannedEnd: null }, ACTOR);
    const one = await phase('Phase One', 'active');
    const two = await phase('Phase Two', 'planned');
    await svc.provisions.create(agreement.slug, { phaseId: one.id, pillarId: null, code: 'P1', title: 'Hostages released', text: '', category: 'ceasefire', obligatedPartyId: null, deadline: null, verificationMethod: '', status: 'minimal' }, ACTOR);
    await svc.force.requirements.create(agreement.slug, { capability: 'Infantry', sectorId: null, personnel: 100, equipment: '', phaseId: null, notes: '', illustrative: false }, ACTOR);
    const egypt = await svc.force.contributors.create(agreement.slug, { name: 'Egypt', country: 'EG', notes: '', illustrative: false }, ACTOR);
    await svc.force.pledges.create(
      agreement.slug,
      { contributorId: egypt.id, capability: 'Infantry', sectorId: null, personnel: 100, readiness: 'L3', caveats: '', pledgedOn: '2026-06-01', illustrative: false },
      ACTOR,
    );
    return { slug: agreement.slug, one, two };
  });
}

interface Checked {
  assumptions: Array<{ kind: string; label: string }>;
  items: Array<{ phase: { name: string; status: string }; gate: { version: number } | null; evaluation: { passes: boolean; conditions: Array<{ met: boolean; condition: { label: string } }> } }>;
}

describe('phaseline gates', () => {
  const context = cliTestContext(cliDatabases[0]!);

  it('sets conditions from a file and checks them, with and without assumptions', SLOW, async () => {
    const { slug, one } = await gatedAgreement(context.env);
    const conditions = [
      { kind: 'provisions_status', label: 'Phase One provisions in full', phaseId: one.id, status: 'full' },
      { kind: 'force_covered', label: 'Force in place' },
    ];
    const set = await run(['gates', 'set', slug, '--phase', '2', '--file', context.file('gate.json', JSON.stringify(conditions))], context.env);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Gate of phase 2. Phase Two: 2 condition(s), version 1');
    // Set again from a file with the API's body: the gate's version moves on.
    const again = await run(['gates', 'set', slug, '--phase', 'phase two', '--file', context.file('body.json', JSON.stringify({ conditions })), '--format', 'json'], context.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ gate: { version: 2, conditions } });
    const bad = await run(['gates', 'set', slug, '--phase', '2', '--file', context.file('bad.json', '[{"kind":"force_covered"}]')], context.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('conditions.0.label: must say what the condition is');

    const table = await run(['gates', 'check', slug], context.env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Phase One provisions in full.*NOT MET/);
    expect(table.stdout).toMatch(/Force in place.*\bmet\b/);
    expect(table.stdout).toContain('no gate');

    const json = await run(['gates', 'check', slug, '--phase', '2', '--format', 'json'], context.env);
    const checked = JSON.parse(json.stdout) as Checked;
    expect(checked.items.map((i) => [i.phase.name, i.evaluation.passes, i.evaluation.conditions.map((c) => c.met)])).toEqual([['Phase Two', false, [false, true]]]);

    const assumed = await run(['gates', 'check', slug, '--phase', '2', '--assume', 'withdraw:egypt', '--format', 'json'], context.env);
    const whatIf = JSON.parse(assumed.stdout) as Checked;
    expect(whatIf.assumptions).toEqual([expect.objectContaining({ kind: 'withdraw', label: 'Egypt withdraws its pledges' })]);
    expect(whatIf.items[0]!.evaluation.conditions.map((c) => c.met)).toEqual([false, false]);
    const words = await run(['gates', 'check', slug, '--assume', 'withdraw:egypt'], context.env);
    expect(words.stdout).toContain('Assuming: Egypt withdraws its pledges');
    // Nothing was saved: without the assumption the force is covered again.
    const after = JSON.parse((await run(['gates', 'check', slug, '--phase', '2', '--format', 'json'], context.env)).stdout) as Checked;
    expect(after.items[0]!.evaluation.conditions[1]!.met).toBe(true);

    const unknown = await run(['gates', 'check', slug, '--assume', 'withdraw:Atlantis'], context.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Atlantis');
    expect((await run(['gates', 'check', slug, '--phase', 'Phase Nine'], context.env)).stderr).toContain('No phase "Phase Nine"');
  });

  it('refuses to advance through a failing gate, naming its conditions, and advances over it with a reason', SLOW, async () => {
    const { slug, one } = await gatedAgreement(context.env);
    const file = context.file('gate.json', JSON.stringify([{ kind: 'provisions_status', label: 'Phase One provisions in full', phaseId: one.id, status: 'full' }]));
    expect((await run(['gates', 'set', slug, '--phase', '2', '--file', file], context.env)).code).toBe(0);

    const refused = await run(['gates', 'advance', slug, '--phase', '2'], context.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('NOT MET  Phase One provisions in full: 0 of 1 provision at 3 · full or beyond; not yet: P1 Hostages released');
    expect(refused.stderr).toContain('--override --reason');

    const noReason = await run(['gates', 'advance', slug, '--phase', '2', '--override'], context.env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('option --reason: is required with --override');

    const done = await run(['gates', 'advance', slug, '--phase', 'Phase Two', '--override', '--reason', 'Agreed at the summit'], context.env);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toBe('Phase Two is active, advanced over its failing gate (Agreed at the summit); Phase One completed\n');

    const transitions = await withTestDatabase(context.env, async (svc) => {
      const agreement = await svc.agreements.resolve(slug);
      const phases = await svc.agreements.phases.list(slug);
      return svc.gates.transitions(agreement, phases.find((p) => p.name === 'Phase Two')!.id, { kind: 'anonymous' });
    });
    expect(transitions.items).toEqual([expect.objectContaining({ overridden: true, reason: 'Agreed at the summit', actorName: expect.stringMatching(/^cli:/) })]);
  });
});
