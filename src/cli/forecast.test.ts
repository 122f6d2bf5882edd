/** `phaseline forecast fit`: the escalation model from a CSV of event times; no database is opened. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32, simulateHawkes } from '../core/index.ts';
import type { ForecastFitOutput } from './commands/forecast-fit.ts';
import { run, tempDataDir } from './test/run.ts';

const folder = tempDataDir();
afterAll(() => folder.remove());
// No DATABASE_URL and a data dir that is never created: a command that opened a database would show it.
const env = { PHASELINE_DATA_DIR: join(folder.dir, 'no-database') };

function csvFile(name: string, text: string): string {
  const path = join(folder.dir, name);
  writeFileSync(path, text);
  return path;
}

/** A simulated two-party process in decimal days, the labels given out of order. */
function simulatedCsv(): string {
  const events = simulateHawkes({ baseline: [0.5, 0.3], adjacency: [[0.3, 0.2], [0.1, 0.4]], decay: 1.5 }, 2000, mulberry32(21));
  return `time,dimension\n${events.map((e) => `${e.time},${e.dim === 0 ? 'Party A' : 'Party B'}`).join('\n')}\n`;
}

describe('phaseline forecast fit', () => {
  it('prints the fit and the forecast as JSON, the dimensions by their labels', async () => {
    const file = csvFile('sim.csv', simulatedCsv());
    const result = await run(['forecast', 'fit', '--events', file, '--format', 'json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as ForecastFitOutput;
    expect(out.dimensions).toEqual(['Party A', 'Party B']);
    expect(out.converged).toBe(true);
    // ~3000 events: loose bounds, the core tests hold the tight ones.
    expect(out.baseline[0]).toBeGreaterThan(0.3);
    expect(out.baseline[0]).toBeLessThan(0.7);
    expect(out.branchingRatio).toBeGreaterThan(0.3);
    expect(out.branchingRatio).toBeLessThan(0.7);
    expect(out.adjacency).toHaveLength(2);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['dimensions', 'baseline', 'adjacency', 'decay', 'branchingRatio', 'logLikelihood', 'iterations']));
    expect(out.forecast?.horizons.map((h) => h.days)).toEqual([1, 7, 14]);
    expect(out.forecast?.horizons[0]!.dimensions.map((d) => d.dimension)).toEqual(['Party A', 'Party B']);
    // The same seed, the same forecast.
    const again = await run(['forecast', 'fit', '--events', file, '--format', 'json'], env);
    expect(again.stdout).toBe(result.stdout);
  });

  it('prints tables, from ISO 8601 times', async () => {
    const file = csvFile('iso.csv', 'time,dimension\n2026-06-01,Israel\n2026-06-01T12:00Z,Hamas\n2026-06-02 06:00,Israel\n2026-06-03,Hamas\n2026-06-05T00:00+02:00,Israel\n');
    const result = await run(['forecast', 'fit', '--events', file, '--runs', '200', '--seed', '3'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ Dimension\s+│ Baseline \/day\s+│ From Hamas\s+│ From Israel\s+│/);
    expect(result.stdout).toContain('5 events over 3.91667 days from 2026-06-01');
    expect(result.stdout).toMatch(/Branching ratio /);
    expect(result.stdout).toMatch(/200 runs, seed 3/);
    expect(result.stdout).toMatch(/│ 14\s+│/);
  });

  it('refuses bad rows with their lines, exit code 1', async () => {
    const file = csvFile('bad.csv', 'time,dimension\n2026-06-01,a\nyesterday,a\n2026-06-02,\n');
    const result = await run(['forecast', 'fit', '--events', file], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${file}: line 3: the time "yesterday" is neither ISO 8601 (2026-06-01 or 2026-06-01T14:30Z) nor a number of days\n` +
        `${file}: line 4: the dimension is empty\n` +
        `phaseline: ${file}: 2 errors; nothing was fitted\n`,
    );
  });

  it('refuses a missing file, events all at one time, and bad options', async () => {
    const missing = await run(['forecast', 'fit', '--events', join(folder.dir, 'none.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*none\.csv: no such file or directory/);
    const same = await run(['forecast', 'fit', '--events', csvFile('same.csv', 'time,dimension\n1,a\n1,b\n')], env);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/every event is at the same time/);
    const format = await run(['forecast', 'fit', '--events', csvFile('ok.csv', 'time,dimension\n0,a\n1,a\n'), '--format', 'csv'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/option --format: must be one of table, json/);
    const runs = await run(['forecast', 'fit', '--events', csvFile('ok2.csv', 'time,dimension\n0,a\n1,a\n'), '--runs', '0'], env);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toMatch(/option --runs: must be a whole number from 1 to 100000/);
  });
});
