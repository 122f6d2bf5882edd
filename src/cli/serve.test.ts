import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { migratedDataDir, run, tempDataDir } from './test/run.ts';

const BIN = fileURLToPath(new URL('../../bin/phaseline.js', import.meta.url));
const URL_LINE = /Phaseline at (http:\/\/localhost:\d+) \(database: pglite at (.+)\)\n/;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
/** A temp data directory: empty (a first start creates the database) unless `make` says otherwise. */
function dataDir(make: () => { dir: string; remove(): void } = tempDataDir) {
  const data = make();
  cleanups.push(data.remove);
  return data.dir;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Resolves with the first match of `pattern` in what `subscribe` delivers, or rejects after `ms`. */
function waitFor(pattern: RegExp, subscribe: (listener: (all: string) => void) => void, ms = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), ms);
    subscribe((all) => {
      const match = all.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

describe('phaseline serve', () => {
  it('serves the API with the demo loaded on first start, and stops when aborted', async () => {
    const dir = dataDir();
    const stop = new AbortController();
    let stdout = '';
    let stderr = '';
    const listeners: Array<(all: string) => void> = [];
    const exit = runCli(['serve', '--port', '0'], {
      env: { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdout: (text) => {
        stdout += text;
        for (const l of listeners) l(stdout);
      },
      stderr: (text) => (stderr += text),
      signal: stop.signal,
    });
    const [, base, shownDir] = await waitFor(URL_LINE, (l) => listeners.push(l));
    expect(shownDir).toBe(dir);
    expect(stdout).toContain('Loaded the demo scenario cairo-2026.');

    expect(await getJson(`${base}/api/health`)).toEqual({ status: 200, body: { status: 'ok', database: 'pglite', version: '0.1.0' } });
    const matrix = await getJson(`${base}/api/agreements/cairo-2026/matrix`);
    expect(matrix.status).toBe(200);
    expect((matrix.body.rows as unknown[]).length).toBe(3);
    expect(existsSync(join(dir, 'phaseline.lock'))).toBe(true);

    // First start: the printed one-time link creates the first administrator, once.
    const token = /Create the first administrator at http:\/\/localhost:\d+\/setup\?token=([\w-]+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const setup = (t: string, email: string) =>
      fetch(`${base}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: t, email, name: 'First Admin', password: 'a long enough password' }),
      });
    expect((await setup('wrong', 'first@example.org')).status).toBe(401);
    expect((await setup(token!, 'first@example.org')).status).toBe(201);
    expect((await setup(token!, 'second@example.org')).status).toBe(409);

    stop.abort();
    expect(await exit).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Stopping (abort).');
    expect(existsSync(join(dir, 'phaseline.lock'))).toBe(false);
  });

  it('skips the demo with --no-demo and refuses a bad --port', async () => {
    const dir = dataDir(migratedDataDir);
    const badPort = await run(['serve', '--port', '70000'], { PHASELINE_DATA_DIR: dir });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/^phaseline: option --port: .*65535.*\(got "70000"\)/);

    const stop = new AbortController();
    let stdout = '';
    const listeners: Array<(all: string) => void> = [];
    const exit = runCli(['serve', '--port', '0', '--no-demo'], {
      env: { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdout: (text) => {
        stdout += text;
        for (const l of listeners) l(stdout);
      },
      stderr: () => {},
      signal: stop.signal,
    });
    const [, base] = await waitFor(URL_LINE, (l) => listeners.push(l));
    expect((await getJson(`${base}/api/agreements/cairo-2026/matrix`)).status).toBe(404);
    expect(stdout).not.toContain('Loaded the demo');
    stop.abort();
    expect(await exit).toBe(0);
  });

  it('runs as a child process through the bin, holds the lock against others, and releases it on SIGTERM', async () => {
    const dir = dataDir(migratedDataDir);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, PHASELINE_DATA_DIR: dir, DATABASE_URL: '', PORT: '', HOST: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [, base] = await waitFor(URL_LINE, (listener) =>
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          listener(stdout);
        }),
      );
      expect((await getJson(`${base}/api/health`)).body).toMatchObject({ status: 'ok', database: 'pglite' });
      const matrix = await getJson(`${base}/api/agreements/cairo-2026/matrix`);
      expect(matrix.status).toBe(200);
      expect((matrix.body.agreement as { slug: string }).slug).toBe('cairo-2026');

      // A second process on the same data directory is refused, naming the server's pid.
      const second = await run(['agreements', 'list'], { PHASELINE_DATA_DIR: dir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`in use by another Phaseline process (pid ${child.pid})`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Stopping (SIGTERM).');
    expect(existsSync(join(dir, 'phaseline.lock'))).toBe(false);
  });
});
