import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, repositories } from '../db/index.ts';
import { migratedDataDir, run, tempDataDir } from './test/run.ts';

interface MatrixJson {
  agreement: { slug: string };
  rows: Array<{
    phase: { name: string; objective: string };
    realities: Array<{ code: string; status: string }>;
    bottlenecks: Array<{ code: string; reasons: Array<{ kind: string; daysOverdue?: number }> }>;
  }>;
  totals: { total: number; bottlenecks: number };
}

const PHASES = ['Phase One Finalization', 'Phase Two Mechanics', 'Stabilization Layer'];

describe('phaseline on a PGlite data directory with the demo loaded', () => {
  const data = migratedDataDir();
  const env = { PHASELINE_DATA_DIR: data.dir, LOG_LEVEL: 'silent' };

  beforeAll(async () => {
    const loaded = await run(['demo', 'load'], env);
    expect(loaded).toMatchObject({ code: 0, stderr: '' });
    expect(loaded.stdout).toBe(`Loaded the demo scenario cairo-2026 into pglite at ${data.dir}.\n`);
  });
  afterAll(() => data.remove());

  it('leaves the demo as it is when loaded again', async () => {
    const again = await run(['demo', 'load'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('cairo-2026 is already present');
  });

  it('prints the Strategic Matrix as JSON: three phases, 2.5 overdue, 1.2 disputed', async () => {
    const { code, stdout, stderr } = await run(['matrix', 'cairo-2026', '--format', 'json'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const matrix = JSON.parse(stdout) as MatrixJson;
    expect(matrix.agreement.slug).toBe('cairo-2026');
    expect(matrix.rows.map((r) => r.phase.name)).toEqual(PHASES);
    expect(matrix.rows[0]!.phase.objective).toBe('Solidifying the current temporary truce lines');
    expect(matrix.totals).toMatchObject({ total: 13, bottlenecks: 4 });
    const phaseTwo = matrix.rows[1]!.bottlenecks;
    // 2026-06-13T21:00Z to the test clock's 2026-06-20T12:00Z: six whole days.
    expect(phaseTwo.find((b) => b.code === '2.5')?.reasons).toEqual([
      { kind: 'overdue', deadline: '2026-06-13T21:00:00.000Z', daysOverdue: 6 },
    ]);
    expect(matrix.rows[0]!.bottlenecks).toEqual([expect.objectContaining({ code: '1.2', reasons: [{ kind: 'disputed' }] })]);
  });

  it('prints one CSV row per provision with its phase, party and bottleneck reasons', async () => {
    const { code, stdout } = await run(['matrix', 'cairo-2026', '--format', 'csv'], env);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('phase,objective,code,title,category,obligated_party,status,deadline,bottlenecks');
    expect(lines).toHaveLength(14);
    expect(lines).toContain(
      'Phase One Finalization,Solidifying the current temporary truce lines,1.2,' +
        'Precise verification protocols for troop drawdowns,verification,All parties,disputed,,disputed',
    );
    expect(lines).toContain(
      'Phase Two Mechanics,Executing full scale political transitions,2.5,Consensus on the international force parameters,' +
        'stabilization_force,All parties,not_started,2026-06-13T21:00:00.000Z,overdue 6 d',
    );
    expect(lines.find((l) => l.includes(',2.1,'))).toContain(',withdrawal,Israel,not_started,,');
  });

  it('prints the matrix as a table with one row per phase', async () => {
    const { code, stdout } = await run(['matrix', 'cairo-2026'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Gaza ceasefire: from Phase One to Phase Two .* \(cairo-2026\)\n/);
    expect(stdout).toContain('Strategic Matrix as of 2026-06-20T12:00:00.000Z: 13 provisions, 4 bottlenecks');
    expect(stdout).toContain('Illustrative scenario');
    for (const [i, name] of PHASES.entries()) expect(stdout).toContain(`${i + 1}. ${name}`);
    expect(stdout).toMatch(/│ Phase\s+│ Objective\s+│ Ground realities\s+│ Bottlenecks\s+│/);
    expect(stdout).toMatch(/1\.2\s+disputed\s+Precise verification protocols/);
    expect(stdout).toMatch(/1\.1\s+1 · minimal\s+Halt repeated military attacks/);
    expect(stdout).toContain('2.5 overdue 6 d');
    expect(stdout).toContain('1.2 disputed');
  });

  it('wraps the matrix table to the terminal width', async () => {
    const { code, stdout } = await run(['matrix', 'cairo-2026'], env, { columns: 110 });
    expect(code).toBe(0);
    const tableLines = stdout.split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(tableLines.length).toBeGreaterThan(10);
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(110);
    expect(stdout).toContain('2.5 overdue 6 d');
  });

  it('lists agreements as a table, JSON and CSV, with search and filters', async () => {
    const table = await run(['agreements', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ cairo-2026 │ Gaza ceasefire: from Phase One to Phase Two .*│ in_force │/);
    expect(table.stdout).toContain('1-1 of 1 agreements');

    const json = await run(['agreements', 'list', '--format', 'json', '--status', 'in_force', '--q', 'GAZA'], env);
    const page = JSON.parse(json.stdout) as { items: Array<{ slug: string }>; total: number; limit: number; offset: number };
    expect(page).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(page.items.map((a) => a.slug)).toEqual(['cairo-2026']);

    const none = await run(['agreements', 'list', '--format', 'json', '--status', 'collapsed'], env);
    expect(JSON.parse(none.stdout)).toMatchObject({ items: [], total: 0 });

    const csv = await run(['agreements', 'list', '--format', 'csv', '--sort', 'updatedAt', '--order', 'desc'], env);
    const [header, row] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('id,slug,title,status,time_zone,illustrative,public,created_at,updated_at');
    expect(row).toMatch(/^[0-9a-f-]{36},cairo-2026,"Gaza ceasefire: .*",in_force,Asia\/Gaza,true,true,/);
  });

  it('shows an agreement by slug or id with its parties, phases, pillars and rounds', async () => {
    const json = await run(['agreements', 'show', 'cairo-2026', '--format', 'json'], env);
    expect(json.code).toBe(0);
    const details = JSON.parse(json.stdout) as Record<string, Array<{ name?: string; localName?: string }>> & {
      agreement: { id: string; timeZone: string };
    };
    expect(details.agreement.timeZone).toBe('Asia/Gaza');
    expect(details.parties!.map((p) => p.name).sort()).toEqual(['Egypt', 'Hamas', 'Israel', 'Qatar']);
    expect(details.phases!.map((p) => p.name)).toEqual(PHASES);
    expect(details.pillars).toHaveLength(3);
    expect(details.rounds).toHaveLength(1);

    const byId = await run(['agreements', 'show', details.agreement.id], env);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('(cairo-2026)');
    expect(byId.stdout).toMatch(/│ Hamas\s+│ حماس\s+│ belligerent │/);
    expect(byId.stdout).toMatch(/Negotiation rounds\n[\s\S]*│ Cairo talks: Phase One mechanisms and Phase Two text │ Cairo │ 2026-06-06 │ Hamas, Egypt │/);
  });

  it('fails with exit code 1 and a message on stderr for an unknown agreement', async () => {
    for (const args of [['matrix', 'no-such-agreement'], ['agreements', 'show', 'no-such-agreement']]) {
      const result = await run(args, env);
      expect(result).toEqual({ code: 1, stdout: '', stderr: 'phaseline: Agreement no-such-agreement was not found\n' });
    }
  });

  it('refuses bad option values as usage errors (exit code 2) that name the option', async () => {
    const format = await run(['matrix', 'cairo-2026', '--format', 'xml'], env);
    expect(format).toEqual({
      code: 2,
      stdout: '',
      stderr: 'phaseline: option --format: must be one of table, json, csv (got "xml")\n',
    });
    const csvShow = await run(['agreements', 'show', 'cairo-2026', '--format', 'csv'], env);
    expect(csvShow.code).toBe(2);
    expect(csvShow.stderr).toContain('must be one of table, json (got "csv")');
    const paging = await run(['agreements', 'list', '--limit', '0', '--order', 'up'], env);
    expect(paging.code).toBe(2);
    expect(paging.stderr).toMatch(/^phaseline: option --limit: .*>=1 \(got "0"\); option --order: .*"asc"\|"desc".*\(got "up"\)\n$/);
  });

  it("reports commander's usage errors with exit code 2", async () => {
    const unknown = await run(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("phaseline: unknown command 'frobnicate'");
    const missing = await run(['matrix'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("phaseline: missing required argument 'agreement'");
  });

  it('prints help and the version with exit code 0', async () => {
    const help = await run(['--help'], env);
    expect(help.code).toBe(0);
    for (const noun of ['serve', 'migrate', 'demo', 'agreements', 'matrix', 'zones', 'incidents']) expect(help.stdout).toContain(noun);
    expect((await run(['--version'], env)).stdout).toBe('0.1.0\n');
  });

  it('refuses a data directory locked by another handle, which keeps working', async () => {
    const holder = await openDatabase({ dataDir: data.dir });
    try {
      const refused = await run(['matrix', 'cairo-2026'], env);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(
        new RegExp(
          `^phaseline: The data directory is in use by another Phaseline process \\(pid ${process.pid}\\) on host ${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} since \\d{4}-\\d\\d-\\d\\dT[^;]+; stop it first, or use DATABASE_URL`,
        ),
      );
      expect((await repositories(holder.db).agreements.get('cairo-2026')).slug).toBe('cairo-2026');
    } finally {
      await holder.close();
    }
    expect((await run(['matrix', 'cairo-2026', '--format', 'json'], env)).code).toBe(0);
  });
});

describe('phaseline configuration and migrations', () => {
  it('exits 1 naming the variable when the configuration is bad', async () => {
    const result = await run(['agreements', 'list'], { PORT: 'eighty', PHASELINE_DATA_DIR: '/nonexistent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^phaseline: Invalid configuration:\n {2}PORT: /);
  });

  it('migrates a fresh data directory once, then finds nothing to do', async () => {
    const data = tempDataDir();
    try {
      const env = { PHASELINE_DATA_DIR: data.dir };
      const first = await run(['migrate'], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(new RegExp(`^Migrated pglite at ${data.dir}: applied (\\d+) \\(\\1 migrations in all\\)\\.\\n$`));
      const second = await run(['migrate'], env);
      expect(second.stdout).toMatch(/: already up to date \(\d+ migrations in all\)\.\n$/);
      const empty = await run(['agreements', 'list', '--format', 'json'], env);
      expect(JSON.parse(empty.stdout)).toMatchObject({ items: [], total: 0 });
    } finally {
      data.remove();
    }
  });
});
