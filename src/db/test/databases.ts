/** The two databases every db test runs on: an in-memory PGlite and the PostgreSQL server. */
import { openDatabase, type Database } from '../open.ts';

export const TEST_DATABASE_URL = process.env.PHASELINE_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDriver {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const testDrivers: TestDriver[] = [
  { name: 'pglite', open: () => openDatabase({}) },
  // Migrated once by the global setup; opening again checks and finds nothing to do.
  { name: 'postgres', open: () => openDatabase({ databaseUrl: TEST_DATABASE_URL }) },
];
