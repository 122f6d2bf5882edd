/** `phaseline migrate`: applies the committed migrations to the configured database and says what changed. */
import type { Command } from 'commander';
import { migrateDatabase, type Database } from '../../db/index.ts';
import { describeDatabase, withDatabase, type CliIo } from '../context.ts';

/** How many migrations Drizzle has recorded as applied; 0 on a database it has never touched. */
async function appliedCount(database: Database): Promise<number> {
  const [table] = await database.query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!table?.t) return 0;
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return row?.n ?? 0;
}

export function registerMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('Apply the migrations to the configured database (PGlite data dir or DATABASE_URL)')
    .action(async () => {
      await withDatabase(
        io,
        async (database, config) => {
          const before = await appliedCount(database);
          await migrateDatabase(database);
          const after = await appliedCount(database);
          const applied = after - before;
          io.stdout(
            `Migrated ${describeDatabase(config)}: ${applied === 0 ? 'already up to date' : `applied ${applied}`} ` +
              `(${after} migration${after === 1 ? '' : 's'} in all).\n`,
          );
        },
        { migrate: false },
      );
    });
}
