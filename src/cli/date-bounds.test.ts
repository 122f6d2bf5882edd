/**
 * The incident filters' --from and --to take the API's bounds (years 0100 to 9999 in UTC): a time
 * outside them is a usage error naming the option, never a failed query.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cliDatabases, cliTestContext, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const RANGE = 'from 0100-01-01 to 9999-12-31';

describe('incident filter dates, on PGlite', () => {
  const { env } = cliTestContext(cliDatabases[0]!);

  const agreementIn = (timeZone: string) =>
    withTestDatabase(env, (svc) =>
      svc.agreements.create(
        { slug: `bounds-${randomUUID().slice(0, 8)}`, title: 'Date bounds', summary: '', status: 'in_force', timeZone, illustrative: false, public: false, sourceNote: '' },
        { id: null, name: 'cli test set-up' },
      ),
    );

  it('refuses ISO times and dates outside the range before opening the database', async () => {
    for (const [option, value] of [
      ['--from', '0000-01-01T00:00:00Z'],
      ['--from', '0001-01-01T00:00:00+14:00'],
      ['--to', '9999-12-31T23:59:59-14:00'],
      ['--to', '10000-01-01T00:00:00Z'],
      ['--from', '0000-01-01'],
      ['--from', '0099-12-31'],
      ['--to', '2026-02-30'],
    ]) {
      const result = await run(['incidents', 'list', '--agreement', 'x', option!, value!], env);
      expect(result.code, `${option} ${value}`).toBe(2);
      expect(result.stderr).toContain(`phaseline: option ${option}: a date (2026-06-14) or an ISO 8601 time with its offset (2026-06-14T09:00:00Z), ${RANGE}`);
    }
  });

  it("refuses a plain date whose midnight in the agreement's zone falls outside the range, and takes the edges inside it", async () => {
    const gaza = await agreementIn('Asia/Gaza');
    const early = await run(['incidents', 'export', '--agreement', gaza.slug, '--from', '0100-01-01'], env);
    expect(early).toMatchObject({ code: 2, stdout: '' });
    expect(early.stderr).toBe(`phaseline: option --from: 0100-01-01 in Asia/Gaza falls outside the times Phaseline stores (${RANGE} in UTC)\n`);
    const west = await agreementIn('America/Los_Angeles');
    const late = await run(['incidents', 'list', '--agreement', west.slug, '--to', '9999-12-31'], env);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('option --to: 9999-12-31 in America/Los_Angeles falls outside');

    // East of Greenwich the last day still ends inside the range; ISO times at the edges are taken as given.
    expect((await run(['incidents', 'list', '--agreement', gaza.slug, '--to', '9999-12-31', '--format', 'json'], env)).code).toBe(0);
    const edges = await run(['incidents', 'export', '--agreement', west.slug, '--from', '0100-01-01T00:00:00Z', '--to', '9999-12-31T23:59:59.999Z', '--format', 'json'], env);
    expect(edges).toEqual({ code: 0, stdout: '[]', stderr: '' });
  });
});
