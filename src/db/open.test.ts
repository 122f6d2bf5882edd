import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, parseHolder } from './lock.ts';
import { migrateDatabase, openDatabase, redact, repositories } from './index.ts';

const LOCK_HOLDER = fileURLToPath(new URL('./test/lock-holder.ts', import.meta.url));

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite in a data directory', () => {
  it('keeps data across a close and a reopen, and migrating twice changes nothing', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await repositories(first.db).agreements.insert({ slug: 'kept', title: 'Kept', status: 'drafting' });
    await migrateDatabase(first);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    expect((await repositories(second.db).agreements.get('kept')).title).toBe('Kept');
    await second.close();
  });

  it('refuses a second opener with a clear error while the first holds the lock', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    const second = openDatabase({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/in use by another Phaseline process \(pid \d+\)/);
    // The first handle is untouched by the refused attempt.
    expect(await repositories(first.db).agreements.find('none')).toBeNull();
    await first.close();
    expect(existsSync(join(dir, 'phaseline.lock'))).toBe(false);
    const third = await openDatabase({ dataDir: dir });
    await third.close();
  });

  it('refuses a lock held by another live process, naming it', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['--import', 'tsx', LOCK_HOLDER, 'lock', join(dir, 'phaseline.lock')]);
    try {
      const pid = await new Promise<string>((resolve, reject) => {
        let out = '';
        holder.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const held = /^held (\d+)$/m.exec(out);
          if (held) resolve(held[1]!);
        });
        holder.on('exit', (code) => reject(new Error(`the lock holder ended (${code}) before holding: ${out}`)));
      });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`in use by another Phaseline process (pid ${pid})`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and holds it until closed', async () => {
    const dir = tempDir();
    const lockPath = join(dir, 'phaseline.lock');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(lockPath, String(gone.pid));
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(parseHolder(readFileSync(lockPath, 'utf8'))?.pid).toBe(process.pid);
      expect(spawnSync('flock', ['--exclusive', '--nonblock', lockPath, 'true']).status).toBe(1);
      expect(await repositories(database.db).agreements.find('none')).toBeNull();
    } finally {
      await database.close();
    }
    expect(existsSync(lockPath)).toBe(false);
    expect(spawnSync('flock', ['--exclusive', '--nonblock', lockPath, 'true']).status).toBe(0);
  });
});

describe('PostgreSQL connection', () => {
  it('names the server, without its password, when it cannot connect', async () => {
    const attempt = openDatabase({ databaseUrl: 'postgresql://postgres:secret@127.0.0.1:1/none' });
    await expect(attempt).rejects.toThrow(/Cannot connect to the PostgreSQL server at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });

  it('redacts passwords', () => {
    expect(redact('postgresql://u:pw@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
    expect(redact('not a url')).toBe('(unparseable DATABASE_URL)');
  });
});
