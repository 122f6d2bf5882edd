import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError } from './lock.ts';
import { migrateDatabase, openDatabase, redact, repositories } from './index.ts';

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

  it('refuses a lock held by another live process', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'phaseline.lock'), String(sleeper.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`pid ${sleeper.pid}`);
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(dir, 'phaseline.lock'), String(gone.pid));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
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
