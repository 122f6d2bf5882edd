/**
 * `phaseline since <agreement>`: what changed, as the mediators see it or (--for) one party's
 * delegates, in a table or as the API's JSON; a chosen start; bad options refused, naming them.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IncidentCreate, type SinceView } from '../contract/index.ts';
import { openDatabase } from '../db/index.ts';
import { services } from '../server/app.ts';
import { fixedClock } from '../server/clock.ts';
import { CLI_PRINCIPAL } from './context.ts';
import { cliDatabases, cliTestContext } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
const SLOW = { timeout: 180_000 };
// An hour ahead of the database's clock, which stamps notes: they fall in the window too.
const NOW = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
const clock = fixedClock(NOW);
const DAY = 86_400_000;

/** An agreement with Israel and Hamas, a provision overdue and one due in 3 days, an incident, and notes for Hamas's circle and for everyone. */
async function agreementWithNews(env: Record<string, string>): Promise<string> {
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.PHASELINE_DATA_DIR! });
  try {
    const svc = services(database, { clock });
    const slug = `since-${randomUUID().slice(0, 8)}`;
    await svc.agreements.create({ slug, title: 'CLI since test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' }, ACTOR);
    const party = (name: string) => svc.agreements.parties.create(slug, { name, localName: null, role: 'belligerent', description: '' }, ACTOR);
    const israelParty = await party('Israel');
    const hamasParty = await party('Hamas');
    const one = await svc.agreements.phases.create(slug, { name: 'Phase One', objective: '', status: 'active', plannedStart: null, plannedEnd: null }, ACTOR);
    const provision = (code: string, deadline: Date) =>
      svc.provisions.create(slug, { phaseId: one.id, pillarId: null, code, title: `Obligation ${code}`, text: '', category: 'ceasefire', obligatedPartyId: israelParty.id, deadline: deadline.toISOString(), verificationMethod: '', status: 'minimal' }, ACTOR);
    await provision('P1', new Date(NOW.getTime() - DAY));
    await provision('P2', new Date(NOW.getTime() + 3 * DAY));
    const report = IncidentCreate.parse({ occurredAt: new Date(NOW.getTime() - DAY).toISOString(), category: 'shelling', place: 'Rafah', description: 'Shelling', allegedPartyId: israelParty.id });
    await svc.incidents.create(slug, report, CLI_PRINCIPAL, ACTOR);
    await svc.notes.create(slug, { partyId: hamasParty.id, provisionId: null, title: 'Hamas red lines', body: '', audience: 'party' }, CLI_PRINCIPAL, ACTOR);
    await svc.notes.create(slug, { partyId: null, provisionId: null, title: 'Schedule for everyone', body: '', audience: 'all' }, CLI_PRINCIPAL, ACTOR);
    return slug;
  } finally {
    await database.close();
  }
}

describe('phaseline since', () => {
  const context = cliTestContext(cliDatabases[0]!);
  const since = (args: string[]) => run(['since', ...args], context.env, { clock });

  it("shows the mediators' view, or one party's delegates', in a table or as JSON", SLOW, async () => {
    const slug = await agreementWithNews(context.env);

    const table = await since([slug]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^What changed in ${slug} since .* \\(7 days back\\) to .* \\(Asia/Gaza\\), the mediators' view\\n`));
    expect(table.stdout).toContain('1 overdue · 1 due within 7 days');
    for (const text of ['Incidents reported', 'Shelling in Rafah', 'Deadlines passed', 'P1 Obligation P1', 'Deadlines due within 7 days', 'Hamas red lines', 'Schedule for everyone']) {
      expect(table.stdout).toContain(text);
    }

    const israel = await since([slug, '--for', 'israel']);
    expect(israel.stdout).toContain("as the delegates of Israel see it");
    expect(israel.stdout).toContain('Schedule for everyone');
    expect(israel.stdout).not.toContain('Hamas red lines');
    expect((await since([slug, '--for', 'Hamas'])).stdout).toContain('Hamas red lines');

    const json = await since([slug, '--format', 'json', '--since', new Date(NOW.getTime() - 2 * DAY).toISOString().slice(0, 10)]);
    const view = JSON.parse(json.stdout) as SinceView;
    expect(view).toMatchObject({ sinceFrom: 'chosen', until: NOW.toISOString(), overdueCount: 1, dueSoonCount: 1, agreement: { slug } });
    expect(view.counts).toMatchObject({ incident_reported: 1, note: 2, deadline_passed: 1, deadline_due: 1 });
    // From now: only what is ahead.
    const empty = await since([slug, '--since', NOW.toISOString()]);
    expect(empty.stdout).toContain('0 new · 1 overdue · 1 due within 7 days');
  });

  it('refuses a bad start, a start after now, an unknown party or format', SLOW, async () => {
    const slug = await agreementWithNews(context.env);
    const bad = await since([slug, '--since', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --since');
    const later = await since([slug, '--since', new Date(NOW.getTime() + 2 * DAY).toISOString().slice(0, 10)]);
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('since must not be after now');
    const party = await since([slug, '--for', 'Atlantis']);
    expect(party).toMatchObject({ code: 1, stderr: expect.stringContaining('No party "Atlantis"') });
    expect((await since([slug, '--format', 'csv'])).code).toBe(2);
  });
});
