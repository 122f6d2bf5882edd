/** `phaseline rounds list|export` on PGlite and on the PostgreSQL server: sessions in the agreement's zone, the calendar as iCalendar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliDatabases, cliTestContext, monitoringAgreement, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };

/** The monitoring agreement with a round and one timed session headed by a named delegate. */
async function roundWithSession(env: Record<string, string>) {
  const agreement = await monitoringAgreement(env);
  return withTestDatabase(env, async (svc) => {
    const hamas = (await svc.agreements.parties.list(agreement.slug)).find((p) => p.name === 'Hamas')!;
    const round = await svc.agreements.rounds.create(agreement.slug, { title: 'Cairo talks', venue: 'Cairo', startsOn: '2026-06-06', endsOn: null, partyIds: [], agenda: '', outcome: '' }, ACTOR);
    await svc.agreements.rounds.create(agreement.slug, { title: 'Doha follow-up', venue: 'Doha', startsOn: '2026-06-20', endsOn: null, partyIds: [], agenda: '', outcome: '' }, ACTOR);
    const session = await svc.sessions.create(
      agreement.slug,
      round.id,
      {
        venue: 'Cairo',
        startsAt: '2026-06-06T07:00:00.000Z',
        endsAt: '2026-06-06T10:30:00.000Z',
        allDay: false,
        delegations: [{ partyId: hamas.id, head: 'Khalil al-Hayya', members: [] }],
        mediators: [{ partyId: null, name: 'Egyptian security officials' }],
        agenda: [{ title: 'Finalize the mechanisms of Phase One', clauseIds: [] }],
        outcome: '',
      },
      ACTOR,
    );
    return { agreement, round, session };
  });
}

describe.each(cliDatabases)('phaseline rounds on $name', (db) => {
  const { env, folder } = cliTestContext(db);

  it("lists rounds with their sessions, times in the agreement's zone", async () => {
    const { agreement, session } = await roundWithSession(env);
    const table = await run(['rounds', 'list', '--agreement', agreement.slug], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('times in Asia/Gaza');
    expect(table.stdout).toContain('2026-06-06 10:00 – 13:30');
    expect(table.stdout).toContain('Hamas: Khalil al-Hayya (head)');
    expect(table.stdout).toContain('(no sessions)');

    const json = await run(['rounds', 'list', '--agreement', agreement.slug, '--format', 'json'], env);
    const parsed = JSON.parse(json.stdout) as { items: Array<{ title: string; sessions: Array<{ id: string }> }> };
    expect(parsed.items.map((r) => [r.title, r.sessions.map((s) => s.id)])).toEqual([
      ['Cairo talks', [session.id]],
      ['Doha follow-up', []],
    ]);

    const csv = await run(['rounds', 'list', '--agreement', agreement.slug, '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[0]).toBe('round_id,round,starts_on,ends_on,session_id,venue,starts_at,ends_at,all_day,time_zone,delegations,mediators,agenda,outcome');
    expect(csv.stdout).toContain('2026-06-06T07:00:00.000Z');
  });

  it('exports the round calendar as iCalendar, to standard output or a file', async () => {
    const { agreement, session } = await roundWithSession(env);
    const printed = await run(['rounds', 'export', '--agreement', agreement.slug, '--format', 'ics'], env);
    expect(printed.code).toBe(0);
    const lines = printed.stdout.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('TZID:Asia/Gaza');
    expect(lines).toContain(`UID:${session.id}@phaseline`);
    expect(lines).toContain('DTSTART;TZID=Asia/Gaza:20260606T100000');

    const out = join(folder(), 'rounds.ics');
    const written = await run(['rounds', 'export', '--agreement', agreement.slug, '--format', 'ics', '--out', out], env);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`^Exported the round calendar of ${agreement.slug} \\(Asia/Gaza\\) to .*rounds\\.ics \\(\\d[\\d,]* bytes\\)\\.\\n$`));
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('refuses another format (exit 2) and an unknown agreement (exit 1)', async () => {
    const bad = await run(['rounds', 'export', '--agreement', 'x', '--format', 'pdf'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be ics');
    const missing = await run(['rounds', 'list', '--agreement', 'no-such-agreement'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^phaseline: .*not found/i);
  });
});
