/**
 * open(): the embedded PGlite database in a data directory by default, a PostgreSQL server when
 * a URL is given. Both run the committed migrations and give the same Drizzle API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { acquireLock } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle handle repositories take; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Parameterized SQL on the underlying client, for bulk work that Drizzle builds too slowly. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * Runs `work` in one transaction on one connection, with a Drizzle handle and COPY on that
   * connection: for bulk loads that must be all-or-nothing. Commits when `work` resolves.
   */
  bulkTransaction<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface BulkTransaction {
  db: Db;
  query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * COPY `target` (e.g. "incidents (a, b)") FROM text-format rows, one chunk after another (chunks
   * may split a line anywhere); they are consumed as PostgreSQL takes them, so memory stays flat.
   */
  copyIn(target: string, chunks: AsyncIterable<string>): Promise<void>;
}

// PGlite reads COPY input from one Blob at /dev/blob: the chunks are sent in blobs of this size.
const PGLITE_COPY_BLOB_BYTES = 8 * 1_048_576;

export interface OpenOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files and the lock; omitted means an in-memory PGlite (tests). */
  dataDir?: string | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /**
   * For an in-memory PGlite only: a data directory tarball (PGlite's dumpDataDir) to start from
   * instead of a new cluster. Tests start from a migrated one; the migrations still run after it.
   */
  template?: Blob | undefined;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works, as long as every Phaseline process uses the same one.
const MIGRATION_LOCK_KEY = 728_451_903;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir, options.template);
  if (options.migrate ?? true) {
    try {
      await migrateDatabase(database);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Database> {
  let release = (): void => {};
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireLock(join(dataDir, 'phaseline.lock'));
    try {
      client = await PGlite.create(join(dataDir, 'pglite'));
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = await PGlite.create(template ? { loadDataDir: template } : {});
  }
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    pglite: client,
    async query<R>(text: string, params: unknown[] = []) {
      return (await client.query<R>(text, params)).rows;
    },
    bulkTransaction: (work) =>
      // PGlite's own transaction holds its one connection, so other queries wait rather than join in.
      client.transaction(async (tx) =>
        work({
          db: drizzlePglite(tx as unknown as PGlite, { schema }) as unknown as Db,
          async query<R>(text: string, params: unknown[] = []) {
            return (await tx.query<R>(text, params)).rows;
          },
          async copyIn(target, chunks) {
            let pending = '';
            // Each blob is one COPY statement, so it must end at a line end; the rest waits for the next.
            const flush = async (final: boolean) => {
              const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
              if (cut === 0) return;
              const blob = new Blob([pending.slice(0, cut)]);
              pending = pending.slice(cut);
              await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob });
            };
            for await (const chunk of chunks) {
              pending += chunk;
              if (pending.length >= PGLITE_COPY_BLOB_BYTES) await flush(false);
            }
            await flush(true);
          },
        }),
      ),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Cannot connect to the PostgreSQL server at ${redact(url)}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return {
    kind: 'postgres',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    pool,
    async query<R>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as R[];
    },
    async bulkTransaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work({
          db: drizzlePg(client, { schema }) as unknown as Db,
          async query<R>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as R[];
          },
          async copyIn(target, chunks) {
            await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          // A connection that cannot roll back is not given back to the pool.
          broken = rollbackError;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies the committed migrations; on a server, one process at a time (advisory lock). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** A connection string without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
