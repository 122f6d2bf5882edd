/**
 * The two databases a benchmark runs on, each its own and removed after: PGlite in a temporary data
 * directory, and a database created on the PostgreSQL server (BENCH_DATABASE_URL) and dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, redact, type Database } from '../src/db/index.ts';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

/** PGlite in a temporary data directory named after the benchmark (`phaseline-<name>-bench-`). */
export async function openPgliteBench(name: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `phaseline-${name}-bench-`));
  const database = await openDatabase({ dataDir: dir });
  return {
    label: 'PGlite',
    database,
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database of the run's own on the server, dropped afterwards, so that the run touches nothing
 * else. With `skipWhenDown`, a server that does not answer within 3 s is said there and gives null;
 * without it, that is an error.
 */
export async function openPostgresBench(name: string, options: { skipWhenDown: (message: string) => void }): Promise<BenchDatabase | null>;
export async function openPostgresBench(name: string): Promise<BenchDatabase>;
export async function openPostgresBench(name: string, options?: { skipWhenDown: (message: string) => void }): Promise<BenchDatabase | null> {
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: options ? 3_000 : 0 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => {});
    if (!options) throw err;
    options.skipWhenDown(`PostgreSQL at ${redact(BENCH_DATABASE_URL)} does not answer (${(err as Error).message}): skipped`);
    return null;
  }
  const dbName = `phaseline_${name}_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${dbName}`;
  const dispose = async (database?: Database) => {
    // A connection the pool still holds is ended by the DROP below: not an error of the run.
    database?.pool?.on('error', () => {});
    await database?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    const database = await openDatabase({ databaseUrl: url.toString() });
    return { label: 'PostgreSQL', database, dispose: () => dispose(database) };
  } catch (err) {
    await dispose();
    throw err;
  }
}
