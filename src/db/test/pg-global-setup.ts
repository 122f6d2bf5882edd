/**
 * Before the db tests: the PostgreSQL server must answer and carry the migrations. When it does
 * not, the run fails here with the reason: a missing server is a failure, never a skip.
 */
import { openDatabase } from '../open.ts';
import { TEST_DATABASE_URL } from './databases.ts';

export default async function setup(): Promise<void> {
  const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
  await database.close();
}
