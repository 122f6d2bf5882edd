import { describe, expect, it } from 'vitest';
import { run, TEST_DATABASE_URL } from './test/run.ts';

// The shared test server: the demo slug is idempotent to load, and nothing here deletes or drops anything.
describe('phaseline on the PostgreSQL server (DATABASE_URL)', () => {
  const env = { DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent' };

  it('loads the demo and prints its matrix', async () => {
    const loaded = await run(['demo', 'load'], env);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/(Loaded the demo scenario cairo-2026 into|cairo-2026 is already present in) postgres at postgresql:\/\//);

    const matrix = await run(['matrix', 'cairo-2026', '--format', 'json'], env);
    expect(matrix.code).toBe(0);
    const parsed = JSON.parse(matrix.stdout) as { agreement: { slug: string }; rows: Array<{ phase: { name: string } }> };
    expect(parsed.agreement.slug).toBe('cairo-2026');
    expect(parsed.rows.map((r) => r.phase.name)).toEqual(['Phase One Finalization', 'Phase Two Mechanics', 'Stabilization Layer']);

    const migrated = await run(['migrate'], env);
    expect(migrated.stdout).toMatch(/^Migrated postgres at postgresql:\/\/.*: already up to date/);
  });

  it('names the server without its password when it cannot connect', async () => {
    const result = await run(['agreements', 'list'], { DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^phaseline: Cannot connect to the PostgreSQL server at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(result.stderr).not.toContain('secret');
  });
});
