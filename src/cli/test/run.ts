/** Runs the CLI in-process with captured output, a fixed clock and an environment of the test's own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDataDir } from '../../db/test/template.ts';
import { fixedClock } from '../../server/clock.ts';
import { TEST_NOW } from '../../server/test/harness.ts';
import { runCli, type CliIo } from '../cli.ts';

// The instant every test sees (a week after the demo's one deadline) and the PostgreSQL server the
// tests use, each written once: the CLI tests see the same as the API and db tests.
export { TEST_DATABASE_URL } from '../../db/test/databases.ts';
export { TEST_NOW } from '../../server/test/harness.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(args: string[], env: Record<string, string>, extra: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env,
    clock: fixedClock(TEST_NOW),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...extra,
  });
  return { code, stdout, stderr };
}

/** A fresh folder under the system's temp dir, and a function that removes it. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Like tempDataDir, holding a copy of the migrated template: for tests that need a database, not its creation. */
export function migratedDataDir(): { dir: string; remove(): void } {
  const data = tempDataDir();
  seedDataDir(data.dir);
  return data;
}
