import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireLock, parseHolder } from './lock.ts';
import { openDatabase } from './open.ts';

const HOLDER = fileURLToPath(new URL('./test/lock-holder.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/phaseline.js', import.meta.url));
const URL_LINE = /Phaseline at (http:\/\/localhost:\d+) \(database: pglite/;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  closed: Promise<number | null>;
  /** The next match of `pattern` in the standard output, after the last one; rejects if the process ends first. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

function start(command: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  let ended: string | undefined;
  let seen = 0;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), notify()));
  child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), notify()));
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => {
      ended = `exit ${code ?? signal}`;
      notify();
      resolve(code);
    }),
  );
  cleanups.push(() => {
    if (ended === undefined) child.kill('SIGKILL');
  });
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const described = () => `${command} ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
      const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}: ${described()}`)), ms);
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (match) resolve(match);
        else reject(error);
      };
      function check() {
        const match = stdout.slice(seen).match(pattern);
        if (match) seen += match.index! + match[0].length;
        if (match) finish(undefined, match);
        else if (ended) finish(new Error(`ended (${ended}) before printing ${pattern}: ${described()}`));
      }
      listeners.add(check);
      check();
    });
  return { child, closed, waitFor };
}

/** A lock-holder process (see test/lock-holder.ts). */
function holder(mode: 'lock' | 'open', path: string, options: { wait?: boolean; flock?: string } = {}): Started {
  const args = ['--import', 'tsx', HOLDER, mode, path, ...(options.wait ? ['--wait'] : [])];
  return start(process.execPath, args, options.flock ? { LOCK_HOLDER_FLOCK: options.flock } : {});
}

/** Starts two holders at once, `rounds` times: exactly one must hold, the other must be told which does. */
async function race(lockPath: string, rounds: number, flock?: string): Promise<void> {
  const pair = [holder('lock', lockPath, { wait: true, flock }), holder('lock', lockPath, { wait: true, flock })];
  await Promise.all(pair.map((p) => p.waitFor(/^ready$/m)));
  for (let round = 0; round < rounds; round += 1) {
    for (const p of pair) p.child.stdin.write('go\n');
    const results = await Promise.all(pair.map((p) => p.waitFor(/^(held|locked) (.*)$/m)));
    expect(results.map((r) => r[1]).sort()).toEqual(['held', 'locked']);
    const winner = pair[results.findIndex((r) => r[1] === 'held')]!;
    expect(results.find((r) => r[1] === 'locked')![2]).toContain(
      `in use by another Phaseline process (pid ${winner.child.pid}) on host ${hostname()} since `,
    );
    winner.child.stdin.write('release\n');
    await winner.waitFor(/^released$/m);
    expect(existsSync(lockPath)).toBe(false);
  }
  for (const p of pair) p.child.stdin.end();
  expect(await Promise.all(pair.map((p) => p.closed))).toEqual([0, 0]);
}

const holderIn = (lockPath: string) => parseHolder(readFileSync(lockPath, 'utf8'));

/** The process ids of `pid`'s children (Linux). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

describe('the data directory lock (flock)', () => {
  it('lets exactly one of two processes started at once take it, and tells the other which holds it', async () => {
    await race(join(tempDir(), 'phaseline.lock'), 10);
  });

  it('passes to the next start when its holder is killed with -9, and is held again', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const lockPath = join(dir, 'phaseline.lock');
    const killed = holder('open', dir);
    const [, pid] = await killed.waitFor(/^held (\d+)$/m);
    expect(holderIn(lockPath)?.pid).toBe(Number(pid));
    killed.child.kill('SIGKILL');
    await killed.closed;
    // The file stays, naming a dead process; it is no longer the lock.
    expect(holderIn(lockPath)?.pid).toBe(Number(pid));

    const database = await openDatabase({ dataDir: dir });
    try {
      expect(holderIn(lockPath)).toMatchObject({ pid: process.pid, hostname: hostname() });
      expect(spawnSync('flock', ['--exclusive', '--nonblock', lockPath, 'true']).status).toBe(1);
    } finally {
      await database.close();
    }
    expect(existsSync(lockPath)).toBe(false);
  });

  it('lets a server killed with -9 as pid 1 of its own pid namespace restart cleanly in a new one', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const lockPath = join(dir, 'phaseline.lock');
    const serve = () => {
      // --kill-child: if the test dies, the server does not outlive unshare.
      const args = ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath, BIN, 'serve', '--port', '0', '--no-demo'];
      const env = { PHASELINE_DATA_DIR: dir, DATABASE_URL: '', PORT: '', HOST: '', LOG_LEVEL: 'warn' };
      return start('unshare', args, env);
    };
    const started = async (server: Started): Promise<{ base: string; pid: number }> => {
      try {
        const [, base] = await server.waitFor(URL_LINE, 60_000);
        const [pid] = childrenOf(server.child.pid!);
        return { base: base!, pid: pid! };
      } catch (err) {
        throw new Error(
          'This test runs the server as pid 1 of a new pid namespace with `unshare --pid --fork --mount-proc`, ' +
            `which needs root (or CAP_SYS_ADMIN); it fails rather than skips when that is not allowed.\n${(err as Error).message}`,
          { cause: err },
        );
      }
    };

    const first = serve();
    const { pid: firstPid } = await started(first);
    expect(holderIn(lockPath)?.pid).toBe(1);
    process.kill(firstPid, 'SIGKILL');
    await first.closed;
    // What a container restart finds: a lock file naming pid 1, which is the new server's own pid.
    expect(holderIn(lockPath)?.pid).toBe(1);

    const second = serve();
    const { base, pid: secondPid } = await started(second);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(holderIn(lockPath)?.pid).toBe(1);
    // The first server is gone for good, and the second one holds the lock.
    const refused = holder('lock', lockPath);
    expect((await refused.waitFor(/^locked (.*)$/m))[1]).toContain('(pid 1)');
    process.kill(secondPid, 'SIGTERM');
    expect(await second.closed).toBe(0);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock file that names pid 1, this process, or a live process that does not hold it', () => {
    const lockPath = join(tempDir(), 'phaseline.lock');
    const sleeper = start(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const bystander = JSON.stringify({ pid: sleeper.child.pid, hostname: hostname(), startedAt: new Date().toISOString() });
    for (const content of ['1', String(process.pid), String(sleeper.child.pid), bystander]) {
      writeFileSync(lockPath, content);
      const release = acquireLock(lockPath);
      expect(holderIn(lockPath)).toMatchObject({ pid: process.pid, hostname: hostname() });
      release();
      expect(existsSync(lockPath)).toBe(false);
    }
  });

  it('refuses a second acquire in the same process until the first is released', () => {
    const dir = tempDir();
    const lockPath = join(dir, 'phaseline.lock');
    const release = acquireLock(lockPath);
    for (const path of [lockPath, join(dir, '.', 'phaseline.lock')]) {
      expect(() => acquireLock(path)).toThrow(DataDirLockedError);
      expect(() => acquireLock(path)).toThrow(`in use by another Phaseline process (pid ${process.pid})`);
    }
    // A refused attempt leaves the holder's lock and file alone.
    expect(holderIn(lockPath)?.pid).toBe(process.pid);
    release();
    release();
    acquireLock(lockPath)();
  });

  it('leaves a lock file replaced by hand alone on release', () => {
    const lockPath = join(tempDir(), 'phaseline.lock');
    const release = acquireLock(lockPath);
    rmSync(lockPath);
    writeFileSync(lockPath, 'by hand');
    release();
    expect(readFileSync(lockPath, 'utf8')).toBe('by hand');
  });

  it('locks the file at the path, not one a releasing holder removed between its open and its lock', () => {
    const dir = tempDir();
    const lockPath = join(dir, 'phaseline.lock');
    // The first lock call finds the file it opened removed, as when the holder releases meanwhile.
    const racing = join(dir, 'racing-flock');
    const mark = join(dir, 'removed-once');
    writeFileSync(
      racing,
      `#!/bin/sh\nif [ "$1" = -x ] && [ ! -e '${mark}' ]; then touch '${mark}'; rm -f '${lockPath}'; fi\nexec flock "$@"\n`,
    );
    chmodSync(racing, 0o755);
    const release = acquireLock(lockPath, { flockCommand: racing });
    try {
      expect(existsSync(mark)).toBe(true);
      expect(holderIn(lockPath)?.pid).toBe(process.pid);
      expect(spawnSync('flock', ['--exclusive', '--nonblock', lockPath, 'true']).status).toBe(1);
    } finally {
      release();
    }
  });

  it('says why when the flock command fails', () => {
    const dir = tempDir();
    const failing = join(dir, 'failing-flock');
    writeFileSync(failing, '#!/bin/sh\necho "flock: 3: Bad file descriptor" >&2\nexit 65\n');
    chmodSync(failing, 0o755);
    expect(() => acquireLock(join(dir, 'phaseline.lock'), { flockCommand: failing })).toThrow(
      /^Could not lock .*phaseline\.lock with .*failing-flock: flock: 3: Bad file descriptor$/,
    );
  });
});

describe('the data directory lock without a flock command (pid-based fallback)', () => {
  const setup = () => {
    const dir = tempDir();
    return { dir, lockPath: join(dir, 'phaseline.lock'), options: { flockCommand: join(dir, 'no-flock-here') } };
  };

  it('lets exactly one of two processes started at once take it', async () => {
    const { lockPath, options } = setup();
    await race(lockPath, 10, options.flockCommand);
  });

  it('records the holder and refuses a second acquire until released', () => {
    const { lockPath, options } = setup();
    const release = acquireLock(lockPath, options);
    expect(holderIn(lockPath)).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(() => acquireLock(lockPath, options)).toThrow(`(pid ${process.pid})`);
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a lock of a live process on this host, and of any process on another host', () => {
    const { lockPath, options } = setup();
    const sleeper = start(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(lockPath, JSON.stringify({ pid: sleeper.child.pid, hostname: hostname() }));
    expect(() => acquireLock(lockPath, options)).toThrow(`(pid ${sleeper.child.pid}) on host ${hostname()};`);
    writeFileSync(lockPath, JSON.stringify({ pid: 999_999_999, hostname: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z' }));
    expect(() => acquireLock(lockPath, options)).toThrow('(pid 999999999) on host elsewhere since 2026-01-01T00:00:00.000Z;');
    expect(holderIn(lockPath)?.hostname).toBe('elsewhere');
  });

  it('takes over a lock of a dead process, of its own pid, from before a reboot, or unreadable', () => {
    const { lockPath, options } = setup();
    const contents = [
      String(999_999_999),
      JSON.stringify({ pid: process.pid, hostname: hostname() }),
      'not a lock',
      '',
    ];
    if (existsSync('/proc/sys/kernel/random/boot_id')) {
      contents.push(JSON.stringify({ pid: 1, hostname: hostname(), bootId: 'an-earlier-boot' }));
    }
    for (const content of contents) {
      writeFileSync(lockPath, content);
      const release = acquireLock(lockPath, options);
      expect(holderIn(lockPath)).toMatchObject({ pid: process.pid, hostname: hostname() });
      release();
      expect(existsSync(lockPath)).toBe(false);
    }
  });
});
