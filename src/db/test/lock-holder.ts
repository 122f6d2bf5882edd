/**
 * A process for the lock tests: `node --import tsx lock-holder.ts lock|open <path> [--wait]`.
 * Takes the lock at <path> (`lock`) or opens PGlite in the data directory <path> (`open`), at once or
 * on each "go" line with --wait, and prints "held <pid>" or "locked <message>". A "release" line
 * releases (printing "released"); closing its input releases and ends it. It prints "ready" first,
 * so that a test can start several at once. LOCK_HOLDER_FLOCK names the flock command (a missing
 * one tests the pid-based fallback).
 */
import { createInterface } from 'node:readline';
import { DataDirLockedError, acquireLock } from '../lock.ts';
import { openDatabase } from '../open.ts';

const [mode, path, wait] = process.argv.slice(2);
if ((mode !== 'lock' && mode !== 'open') || !path) {
  process.stderr.write('usage: lock-holder.ts lock|open <path> [--wait]\n');
  process.exit(64);
}

let release: (() => Promise<void>) | undefined;
let taking: Promise<void> = Promise.resolve();

async function take(): Promise<void> {
  try {
    if (mode === 'lock') {
      const unlock = acquireLock(path!, { flockCommand: process.env.LOCK_HOLDER_FLOCK || 'flock' });
      release = async () => unlock();
    } else {
      const database = await openDatabase({ dataDir: path!, migrate: false });
      release = () => database.close();
    }
    process.stdout.write(`held ${process.pid}\n`);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    process.stdout.write(`locked ${err.message}\n`);
  }
}

async function letGo(): Promise<void> {
  await taking;
  await release?.();
  release = undefined;
  process.stdout.write('released\n');
}

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line === 'go') taking = take();
  if (line === 'release') taking = letGo();
});
input.on('close', () => void letGo().then(() => process.exit(0)));
process.stdout.write('ready\n');
if (wait !== '--wait') taking = take();
