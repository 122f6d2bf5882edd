/** `phaseline forecast backtest`: CSV and TfP JSON series, the table and JSON output, bad input with exit code 1. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, tempDataDir } from './test/run.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function file(name: string, text: string): string {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const path = join(data.dir, name);
  writeFileSync(path, text);
  return path;
}

const env = { LOG_LEVEL: 'silent' };
const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
/** A wavy count series of n days (deterministic). */
const counts = (n: number) => Array.from({ length: n }, (_, i) => 20 + Math.round(10 * Math.sin(i / 5)) + (i % 3));

interface BacktestJson {
  days: number;
  missingDays: number;
  origins: number;
  scores: Array<{ model: string; horizon: number; n: number; mae: number; crps: number; beatsNoChangeCrps: boolean | null }>;
}

describe('phaseline forecast backtest', () => {
  it('backtests a CSV series and prints each model per horizon', async () => {
    const csv = file('s.csv', `date,value\n${counts(80).map((v, i) => `${day(i)},${v}`).join('\n')}\n`);
    const result = await run(['forecast', 'backtest', '--series', csv, '--field', 'value', '--horizon', '1,7', '--paths', '200'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('value in');
    for (const model of ['nb-ar', 'no-change', 'historical-mean']) expect(result.stdout).toContain(model);
    expect(result.stdout).toContain('Beats no-change (CRPS)');
  });

  it('reads the TfP JSON, leaving unreported days out, and prints JSON', async () => {
    const rows = counts(70).map((v, i) => ({
      report_date: day(i),
      report_source: i === 40 ? 'missing' : 'mohtel',
      report_period: i === 50 ? 0 : i === 51 ? 48 : 24,
      killed: i === 40 ? 0 : v,
      verified: { killed: v },
    }));
    const json = file('tfp.json', JSON.stringify(rows));
    const result = await run(['forecast', 'backtest', '--series', json, '--field', 'killed', '--from', day(30), '--to', day(69), '--horizon', '1', '--paths', '100', '--format', 'json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as BacktestJson;
    expect(out.days).toBe(70);
    // Day 40 (source missing), 50 (no report) and 51 (a 48-hour report) are missing, not zeros.
    expect(out.missingDays).toBe(3);
    // Origins 30..68, less the three missing days.
    expect(out.origins).toBe(39 - 3);
    const noChange = out.scores.find((s) => s.model === 'no-change')!;
    expect(noChange.crps).toBeCloseTo(noChange.mae, 10);
    expect(out.scores.find((s) => s.model === 'nb-ar')!.beatsNoChangeCrps).not.toBeNull();

    const nested = await run(['forecast', 'backtest', '--series', json, '--field', 'verified.killed', '--horizon', '1', '--paths', '100', '--format', 'json'], env);
    expect(nested.code).toBe(0);
    expect((JSON.parse(nested.stdout) as BacktestJson).missingDays).toBe(3);
  });

  it('fails with exit code 1 and the line of a bad CSV value', async () => {
    const csv = file('bad.csv', `date,value\n${day(0)},3\n${day(1)},-2\n`);
    const result = await run(['forecast', 'backtest', '--series', csv, '--field', 'value'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3');
    expect(result.stderr).toContain('not a count');
  });

  it('fails with exit code 1 on a bad date, a missing column, a duplicate day or a missing file', async () => {
    const badDate = file('d.csv', `date,value\n2024-02-30,3\n`);
    expect((await run(['forecast', 'backtest', '--series', badDate, '--field', 'value'], env)).stderr).toContain('line 2: "2024-02-30" is not a date');
    const noColumn = file('c.csv', `date,count\n${day(0)},3\n`);
    const column = await run(['forecast', 'backtest', '--series', noColumn, '--field', 'value'], env);
    expect(column.code).toBe(1);
    expect(column.stderr).toContain('line 1');
    const twice = file('t.csv', `date,value\n${day(0)},3\n${day(0)},4\n`);
    expect((await run(['forecast', 'backtest', '--series', twice, '--field', 'value'], env)).stderr).toContain('appears twice');
    const missing = await run(['forecast', 'backtest', '--series', join(badDate, '..', 'none.csv'), '--field', 'value'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('is a usage error (exit code 2) when the dates leave no origin or a horizon is not whole days', async () => {
    const csv = file('s.csv', `date,value\n${counts(40).map((v, i) => `${day(i)},${v}`).join('\n')}\n`);
    const late = await run(['forecast', 'backtest', '--series', csv, '--field', 'value', '--from', day(35)], env);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('no origin to score');
    const horizon = await run(['forecast', 'backtest', '--series', csv, '--field', 'value', '--horizon', '1,x'], env);
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toContain('--horizon');
  });
});
