/** `phaseline precedents list|survival`: the UCDP Peace Agreement library; no database is opened. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrecedentListView, PrecedentSurvivalView } from '../contract/index.ts';
import { run, tempDataDir } from './test/run.ts';

const folder = tempDataDir();
afterAll(() => folder.remove());
// No DATABASE_URL and a data dir that is never created: a command that opened a database would show it.
const noDatabase = join(folder.dir, 'no-database');
const env = { PHASELINE_DATA_DIR: noDatabase };

describe('phaseline precedents survival', () => {
  it('prints the curve, the median and the numbers at risk as JSON, without a database', async () => {
    const result = await run(['precedents', 'survival', '--with', 'pko', '--format', 'json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as PrecedentSurvivalView;
    expect(out.selected).toMatchObject({ with: ['pko'], without: [], n: 50, events: 19, censored: 31, median: null });
    expect(out.selected.steps[0]).toMatchObject({ atRisk: 50 });
    expect(out.others).toMatchObject({ n: 318 });
    expect(existsSync(noDatabase)).toBe(false);
  });

  it('prints a table with the summary, each step and the source', async () => {
    const result = await run(['precedents', 'survival', '--with', 'cease', '--without', 'pko'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Agreements with a ceasefire, without a peacekeeping operation: 134 on the curve');
    expect(result.stdout).toMatch(/│ Day\s+│ At risk\s+│ Ended/);
    expect(result.stdout).toContain('Median time to end: not reached');
    expect(result.stdout).toContain('CC BY 4.0');
  });

  it('refuses an unknown provision as a usage error naming the option', async () => {
    const result = await run(['precedents', 'survival', '--with', 'pko,peacekeeping'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--with');
  });
});

describe('phaseline precedents list', () => {
  it('lists a conflict’s agreements as JSON, oldest first', async () => {
    const result = await run(['precedents', 'list', '--conflict', 'Israel: Palestine', '--sort', 'date', '--order', 'asc', '--format', 'json'], env);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as PrecedentListView;
    expect(out.total).toBe(9);
    expect(out.items[0]!.date < out.items.at(-1)!.date).toBe(true);
  });

  it('filters by provisions and type, as CSV', async () => {
    const result = await run(['precedents', 'list', '--with', 'pko,withd', '--type', '1', '--format', 'csv'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('paid,date,name,conflict,type,provisions,third_party,ended,end_date,full_text');
    expect(lines.length).toBeGreaterThan(1);
    // The provisions column is space-separated, in vocabulary order: withd before pko.
    for (const line of lines.slice(1)) expect(line).toMatch(/,1,[a-z_ ]*\bwithd\b[a-z_ ]*\bpko\b/);
  });

  it('searches words in a table with the count and the licence', async () => {
    const result = await run(['precedents', 'list', '--q', 'peshawar'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Peshawar Accord');
    expect(result.stdout).toContain('1–1 of 1. UCDP Peace Agreement Dataset v22.1 (CC BY 4.0)');
  });
});
