import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { reachableUrls } from './commands/serve.command.ts';
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

/** `phaseline serve` in-process on port 0: its base URL once listening, its output so far, and a stop that awaits the exit code. */
async function startServe(args: string[], env: Record<string, string>) {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const listeners: Array<(all: string) => void> = [];
  const exit = runCli(['serve', '--port', '0', ...args], {
    env,
    stdout: (text) => {
      stdout += text;
      for (const l of listeners) l(stdout);
    },
    stderr: (text) => (stderr += text),
    signal: controller.signal,
  });
  const [, base] = await waitFor(URL_LINE, (l) => listeners.push(l));
  return {
    base: base!,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async stop() {
      controller.abort();
      return exit;
    },
  };
}

const SETUP_LINK = /Create the first administrator at (http:\/\/[^/\s]+)\/setup\?token=([\w-]+)/;

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

  it('prints the setup link at every start while no administrator exists, and not once one does', async () => {
    const dir = dataDir(migratedDataDir);
    const env = { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    const first = await startServe(['--no-demo'], env);
    expect(first.stdout).toMatch(SETUP_LINK);
    expect(await first.stop()).toBe(0);

    // An account that is not an administrator does not close the setup.
    const viewer = await run(['users', 'add', '--email', 'viewer@example.org', '--name', 'Viewer'], env);
    expect(viewer.code).toBe(0);

    const second = await startServe(['--no-demo'], env);
    const [, origin, token] = SETUP_LINK.exec(second.stdout) ?? [];
    expect(origin).toBe(second.base);
    const setup = await fetch(`${second.base}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, email: 'admin@example.org', name: 'Admin', password: 'a long enough password' }),
    });
    expect(setup.status).toBe(201);
    expect(await second.stop()).toBe(0);

    const third = await startServe(['--no-demo'], env);
    expect((await getJson(`${third.base}/api/auth/me`)).body).toMatchObject({ setupRequired: false });
    expect(await third.stop()).toBe(0);
    expect(third.stdout).not.toContain('/setup?token=');
    expect(third.stdout).not.toContain('No administrator exists');
  });

  it('logs requests at debug, one short line each without the query string, and not at info', async () => {
    const dir = dataDir(migratedDataDir);
    const atInfo = await startServe(['--no-demo'], { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'info' });
    expect((await getJson(`${atInfo.base}/api/health`)).status).toBe(200);
    expect(await atInfo.stop()).toBe(0);
    // Stopped: every response hook has run. The start-up lines are there, no request.
    expect(atInfo.stdout).toContain('Server listening at');
    expect(atInfo.stdout).not.toContain('/api/health');
    expect(atInfo.stdout).not.toMatch(/incoming request|request completed/);

    const atDebug = await startServe(['--no-demo'], { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'debug' });
    expect((await getJson(`${atDebug.base}/api/health`)).status).toBe(200);
    expect((await fetch(`${atDebug.base}/api/auth/me?secret-marker=1`)).status).toBe(200);
    expect(await atDebug.stop()).toBe(0);
    const requestLines = atDebug.stdout.split('\n').filter((line) => line.includes('/api/'));
    expect(requestLines).toHaveLength(2);
    expect(requestLines[0]).toMatch(/"msg":"GET \/api\/health 200 \d+ ms"/);
    expect(requestLines[1]).toMatch(/"msg":"GET \/api\/auth\/me 200 \d+ ms"/);
    expect(atDebug.stdout).not.toContain('secret-marker');
    expect(atDebug.stdout).not.toMatch(/incoming request|request completed/);
  });

  it('with HOST=0.0.0.0 prints the setup link at addresses the server answers on, never 0.0.0.0', async () => {
    const dir = dataDir(migratedDataDir);
    const server = await startServe(['--no-demo'], { PHASELINE_DATA_DIR: dir, LOG_LEVEL: 'silent', HOST: '0.0.0.0' });
    try {
      const links = [...server.stdout.matchAll(/(http:\/\/[^/\s]+)\/setup\?token=([\w-]+)/g)];
      const hosts = links.map(([, origin]) => new URL(origin!).hostname);
      const external = Object.values(networkInterfaces())
        .flatMap((infos) => infos ?? [])
        .filter((info) => info.family === 'IPv4' && !info.internal)
        .map((info) => info.address);
      expect(hosts).not.toContain('0.0.0.0');
      expect(hosts.sort()).toEqual(['localhost', ...new Set(external)].sort());
      for (const [link, origin, token] of links) {
        expect(token).toBe(links[0]![2]);
        expect(link).toBe(`${origin}/setup?token=${token}`);
        expect((await getJson(`${origin}/api/auth/me`)).body).toMatchObject({ setupRequired: true });
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('reachableUrls', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null }],
    eth0: [
      { address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: null },
      { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: null, scopeid: 2 },
    ],
    wlan0: [{ address: '10.0.0.7', netmask: '255.0.0.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: null }],
  } as const;
  const fake = interfaces as unknown as Parameters<typeof reachableUrls>[2];

  it('names localhost and each external IPv4 address for every interface, never 0.0.0.0', () => {
    expect(reachableUrls('0.0.0.0', 8080, fake)).toEqual(['http://localhost:8080', 'http://192.168.1.23:8080', 'http://10.0.0.7:8080']);
    expect(reachableUrls('::', 8080, fake)).toEqual(['http://localhost:8080', 'http://192.168.1.23:8080', 'http://10.0.0.7:8080']);
    expect(reachableUrls('0.0.0.0', 8080, {})).toEqual(['http://localhost:8080']);
  });

  it('names localhost for a loopback host and the host itself otherwise', () => {
    expect(reachableUrls('127.0.0.1', 80, fake)).toEqual(['http://localhost:80']);
    expect(reachableUrls('192.168.1.23', 8080, fake)).toEqual(['http://192.168.1.23:8080']);
    expect(reachableUrls('fd00::2', 8080, fake)).toEqual(['http://[fd00::2]:8080']);
  });
});
