/**
 * Set-up for the CLI's zone and incident tests: the databases they run on (a PGlite data directory
 * and the PostgreSQL server), a fresh agreement per test with two parties and the Gaza governorates
 * as sectors, files in a temp folder, and direct reads to check what the CLI wrote.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { ACLED_COLUMNS, ACLED_DEFAULTS, acledFields, UCDP_COLUMNS } from '../../core/test/import-rows.ts';
import { openDatabase, repositories, type Database, type Repositories } from '../../db/index.ts';
import { services, type Services } from '../../server/app.ts';
import { GAZA_COLLECTION, PLACES } from '../../server/test/incident-setup.ts';
import { migratedDataDir, TEST_DATABASE_URL, tempDataDir } from './run.ts';

export { PLACES };

export interface CliDatabase {
  name: string;
  /** The environment the CLI runs with, and a function that removes what the set-up made. */
  setUp(): { env: Record<string, string>; tearDown(): void };
}

export const cliDatabases: CliDatabase[] = [
  {
    name: 'pglite',
    setUp: () => {
      const data = migratedDataDir();
      return { env: { PHASELINE_DATA_DIR: data.dir, LOG_LEVEL: 'silent' }, tearDown: data.remove };
    },
  },
  // The shared test server: each test makes its own agreement, and nothing is dropped.
  { name: 'postgres', setUp: () => ({ env: { DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent' }, tearDown: () => {} }) },
];

/**
 * For a describe block on `db`: the CLI's environment, and files and folders in temp folders that
 * are removed after each test.
 */
export function cliTestContext(db: CliDatabase) {
  const { env, tearDown } = db.setUp();
  const made: Array<{ remove(): void }> = [];
  afterEach(() => {
    for (const m of made.splice(0)) m.remove();
  });
  afterAll(() => tearDown());
  return {
    env,
    file(name: string, text: string): string {
      const f = tempFile(name, text);
      made.push(f);
      return f.path;
    },
    folder(): string {
      const f = tempDataDir();
      made.push(f);
      return f.dir;
    },
  };
}

/** Opens the database the CLI environment names (closing it before the CLI runs: PGlite is single-process). */
export async function withTestDatabase<T>(env: Record<string, string>, fn: (svc: Services, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.PHASELINE_DATA_DIR! });
  try {
    return await fn(services(database), database);
  } finally {
    await database.close();
  }
}

/** As withTestDatabase, for a test that reads beside the services: the repositories over that database. */
export function withTestRepositories<T>(env: Record<string, string>, fn: (repos: Repositories, database: Database) => Promise<T>): Promise<T> {
  return withTestDatabase(env, (_svc, database) => fn(repositories(database.db), database));
}

const ACTOR = { id: null, name: 'cli test set-up' };

/** A new agreement in Asia/Gaza with Israel and Hamas as parties and the five Gaza governorates as sectors. */
export function monitoringAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `cli-${randomUUID().slice(0, 8)}`, title: 'CLI monitoring test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    for (const [name, localName] of [['Israel', 'ישראל'], ['Hamas', 'حماس']]) {
      await svc.agreements.parties.create(agreement.slug, { name: name!, localName: localName!, role: 'belligerent', description: '' }, ACTOR);
    }
    await svc.zones.importCollection(agreement.slug, GAZA_COLLECTION, { kind: 'sector', nameProperty: 'adm2_name' }, ACTOR);
    return agreement;
  });
}

/** Incidents and audit entries of an agreement, read directly. */
export function countsOf(env: Record<string, string>, agreementId: string) {
  return withTestRepositories(env, async (repos, database) => ({
    incidents: Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE agreement_id = $1', [agreementId]))[0]!.n),
    audit: await repos.audit.countFor(agreementId),
  }));
}

/** Writes `text` to a new file named `name` in a temp folder; returns its path. */
export function tempFile(name: string, text: string): { path: string; remove(): void } {
  const folder = tempDataDir();
  const path = join(folder.dir, name);
  writeFileSync(path, text);
  return { path, remove: folder.remove };
}

export const ACLED_HEADER = ACLED_COLUMNS.join(',');
export const UCDP_HEADER = UCDP_COLUMNS.join(',');

/**
 * One row under ACLED_HEADER, by column name; `place` puts it at one of PLACES. By default an air
 * strike in Gaza City by the forces of Israel.
 */
export function acledRow(id: string, overrides: Partial<typeof ACLED_DEFAULTS> & { place?: keyof typeof PLACES } = {}): string {
  const { lon, lat } = PLACES[overrides.place ?? 'gazaCity'];
  return acledFields({ ...ACLED_DEFAULTS, latitude: String(lat), longitude: String(lon), ...overrides, event_id_cnty: id }).join(',');
}
