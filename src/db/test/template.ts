/**
 * A migrated PGlite to start tests from, so that a test database costs a copy instead of an initdb
 * and every migration. The global setup (template-global-setup.ts) builds it once for all runs of
 * the same migrations and provides its folder; tests then load its tarball into an in-memory PGlite
 * (openTestDatabase) or copy its data directory (seedDataDir). The migrations still run on every
 * open and find nothing to do, so a template can never hide a migration.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../open.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The template's folder, when the project's global setup built one. */
    pgliteTemplate: string | undefined;
  }
}

/** In the template's folder: a data directory as openDatabase({ dataDir }) leaves it, and its tarball. */
const DATA_DIR = 'data';
const TARBALL = 'pglite.tar';
const PREFIX = 'phaseline-test-template-';
// Templates of other migrations (another branch) that no run has used for this long are removed.
const UNUSED_FOR_MS = 24 * 3_600_000;

/**
 * The template's folder, built if no run has built it for these migrations, PGlite and Drizzle yet.
 * Builders racing each other each build in their own folder and the first rename wins.
 */
export async function ensureTemplate(): Promise<string> {
  const folder = join(tmpdir(), `${PREFIX}${templateKey()}`);
  if (!existsSync(folder)) {
    const building = `${folder}.${process.pid}.${Date.now()}`;
    try {
      const database = await openDatabase({ dataDir: join(building, DATA_DIR) });
      try {
        // Flushed to the files first, so that no load replays the log.
        await database.query('CHECKPOINT');
        const tarball = await database.pglite!.dumpDataDir('none');
        writeFileSync(join(building, TARBALL), new Uint8Array(await tarball.arrayBuffer()));
      } finally {
        await database.close();
      }
      renameSync(building, folder);
    } catch (err) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(folder, TARBALL))) throw err;
    }
  }
  const now = new Date();
  utimesSync(folder, now, now);
  removeUnused(folder);
  return folder;
}

/** What the template depends on: the migrations, how open() and this file make it, and the versions of PGlite and Drizzle. */
function templateKey(): string {
  const hash = createHash('sha256');
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${file.slice(MIGRATIONS_FOLDER.length)}\0`).update(readFileSync(file)).update('\0');
  for (const source of ['../open.ts', './template.ts']) hash.update(readFileSync(fileURLToPath(new URL(source, import.meta.url))));
  const require = createRequire(import.meta.url);
  for (const name of ['@electric-sql/pglite', 'drizzle-orm']) hash.update(`${name}@${packageVersion(require.resolve(name))}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** The version in the package.json nearest above a package's entry file. */
function packageVersion(entry: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name && version) return version;
    }
  }
  return 'unknown';
}

function removeUnused(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(PREFIX) || path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

let tarball: Blob | undefined;

/** A fresh, migrated in-memory PGlite; from the template (read once per test file) when there is one. */
export function openTestDatabase(): Promise<Database> {
  const folder = inject('pgliteTemplate');
  if (folder) tarball ??= new Blob([readFileSync(join(folder, TARBALL))]);
  return openDatabase({ template: tarball });
}

/**
 * Makes `dir` (empty) a migrated PGlite data directory by copying the template's; leaves it empty
 * when the project built no template, and the first open then creates and migrates the database.
 */
export function seedDataDir(dir: string): void {
  const folder = inject('pgliteTemplate');
  if (!folder) return;
  const source = join(folder, DATA_DIR);
  // The lock file is removed on close; should one be left, it locks nothing and is not copied.
  cpSync(source, dir, { recursive: true, filter: (path) => basename(path) !== 'phaseline.lock' });
}
