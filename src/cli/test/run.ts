/** Runs the CLI in-process with captured output, a fixed clock and an environment of the test's own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDataDir } from '../../db/test/template.ts';
import { fixedClock } from '../../server/clock.ts';
import { runCli, type CliIo } from '../cli.ts';

/** The instant the CLI tests see: a week after the demo's one deadline (2026-06-13T21:00Z). */
export const TEST_NOW = '2026-06-20T12:00:00.000Z';

export const TEST_DATABASE_URL = process.env.PHASELINE_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

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
