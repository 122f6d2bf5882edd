/** The two databases every db test runs on: an in-memory PGlite and the PostgreSQL server. */
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../open.ts';
import { repositories, type Repositories } from '../index.ts';
import { openTestDatabase } from './template.ts';

export const TEST_DATABASE_URL = process.env.PHASELINE_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDriver {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const testDrivers: TestDriver[] = [
  { name: 'pglite', open: openTestDatabase },
  // Migrated once by the global setup; opening again checks and finds nothing to do.
  { name: 'postgres', open: () => openDatabase({ databaseUrl: TEST_DATABASE_URL }) },
];

/** Opens the driver's database before a describe block's tests and closes it after; read it inside tests. */
export function databaseFor(driver: TestDriver): { current(): { database: Database; repos: Repositories } } {
  let opened: { database: Database; repos: Repositories } | null = null;
  beforeAll(async () => {
    const database = await driver.open();
    opened = { database, repos: repositories(database.db) };
  });
  afterAll(async () => {
    await opened?.database.close();
  });
  return {
    current() {
      if (!opened) throw new Error('the database opens before the tests');
      return opened;
    },
  };
}
