/**
 * An exclusive lock on a PGlite data directory. PGlite serves one connection and does not lock its
 * directory itself, so a second process must get a clear error, not a corrupted database.
 *
 * The lock is an advisory flock(2) on the lock file, which the kernel releases when the holder's last
 * descriptor closes, a crash or `kill -9` included, whatever the holder's pid or pid namespace. Node has
 * no flock API, so the `flock` command (util-linux or busybox) takes it on our descriptor: flock locks
 * belong to the open file description, which the child shares, so the lock outlives the child for as
 * long as this process keeps the descriptor open. The file's content (pid, host, start time) only names
 * the holder in the error. Where there is no `flock` command, a pid-based lock file is the fallback.
 * docs/SECURITY.md ("The data directory lock") says what each guarantees.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

/** Who holds a lock, as its file records it: for the error message, not for the lock itself. */
export interface LockHolder {
  pid: number;
  hostname?: string;
  /** When the holding process started (ISO 8601). */
  startedAt?: string;
  /** Linux's boot id: tells a lock left before a reboot (pid-based fallback only). */
  bootId?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number | undefined,
    readonly holder?: LockHolder,
  ) {
    const where = [
      holder?.hostname ? ` on host ${holder.hostname}` : '',
      holder?.startedAt ? ` since ${holder.startedAt}` : '',
    ].join('');
    super(
      `The data directory is in use by another Phaseline process (pid ${holderPid ?? 'unknown'})${where}; ` +
        `stop it first, or use DATABASE_URL for several processes. Lock file: ${lockPath}`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockOptions {
  /** The flock command; when it cannot be found, the pid-based fallback is used. Tests change it. */
  flockCommand?: string;
}

/** Lock paths this process holds: a second acquire here is refused as from another process. */
const held = new Set<string>();

/**
 * Takes the lock at `lockPath`, or throws DataDirLockedError naming the holder. Returns the release
 * function, which removes the file and drops the lock; a process that dies releases it too.
 */
export function acquireLock(lockPath: string, options: LockOptions = {}): () => void {
  const key = resolve(lockPath);
  mkdirSync(dirname(key), { recursive: true });
  if (held.has(key)) throw new DataDirLockedError(lockPath, process.pid, ownHolder());
  const release = acquireFlock(lockPath, options.flockCommand ?? 'flock') ?? acquirePidFile(lockPath);
  held.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(key);
    release();
  };
}

const flockFound = new Map<string, boolean>();

/** Whether `command` can be run: asked once, before any file is created for it. */
function hasFlock(command: string): boolean {
  let found = flockFound.get(command);
  if (found === undefined) {
    const probe = spawnSync(command, ['--help'], { stdio: 'ignore', timeout: 10_000 });
    found = (probe.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT';
    flockFound.set(command, found);
  }
  return found;
}

/** The flock lock, or undefined when there is no flock command to take it. */
function acquireFlock(lockPath: string, command: string): (() => void) | undefined {
  if (!hasFlock(command)) return undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // Read-write: on NFS, Linux emulates flock with byte-range locks, which need a writable descriptor.
    const fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644);
    let kept = false;
    try {
      const result = spawnSync(command, ['-x', '-n', '3'], { stdio: ['ignore', 'ignore', 'pipe', fd], timeout: 10_000 });
      const stderr = result.stderr?.toString().trim() ?? '';
      // Exit 1 with nothing said is flock's "held elsewhere" (util-linux and busybox alike).
      if (result.status === 1 && stderr === '') {
        const holder = readHolder(fd);
        throw new DataDirLockedError(lockPath, holder?.pid, holder);
      }
      if (result.status !== 0) {
        const reason = result.error?.message ?? (stderr || `exit ${result.status ?? result.signal}`);
        throw new Error(`Could not lock ${lockPath} with ${command}: ${reason}`);
      }
      // A releasing holder removes the file before it closes: the lock we got may be on a removed
      // file, while another process locks the new one. Only a lock on the file at the path counts.
      if (!isFileAt(fd, lockPath)) continue;
      ftruncateSync(fd, 0);
      writeSync(fd, holderLine(), 0);
      kept = true;
      return () => {
        try {
          // A file someone replaced by hand is not ours to remove.
          if (isFileAt(fd, lockPath)) rmSync(lockPath, { force: true });
        } finally {
          closeSync(fd);
        }
      };
    } finally {
      if (!kept) closeSync(fd);
    }
  }
  throw new Error(`Could not lock ${lockPath}: the file kept being replaced`);
}

/**
 * The fallback without flock: the file's existence is the lock. A lock whose holder is gone (its pid
 * is not alive, is our own, or was recorded before a reboot) is taken over; a lock from another host
 * is never taken over, since its process cannot be checked from here.
 */
function acquirePidFile(lockPath: string): () => void {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const mine = holderLine();
    // Created complete, in one step: write a private file, then link it to the lock path (fails if taken).
    const draft = `${lockPath}.${process.pid}.${randomUUID()}`;
    writeFileSync(draft, mine, { mode: 0o644 });
    try {
      linkSync(draft, lockPath);
      return () => {
        if (readText(lockPath) === mine) rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(draft, { force: true });
    }
    const seen = readText(lockPath);
    if (seen === undefined) continue;
    const holder = parseHolder(seen);
    if (holder && !isGone(holder)) throw new DataDirLockedError(lockPath, holder.pid, holder);
    // Take over without deleting a lock another process took over meanwhile: move the file aside,
    // and put it back when it is no longer the one judged stale.
    const aside = `${lockPath}.${process.pid}.${randomUUID()}`;
    try {
      renameSync(lockPath, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    try {
      if (readText(aside) !== seen) linkSync(aside, lockPath);
    } catch {
      // Someone created a lock at the path meanwhile: theirs stands, and this attempt reads it next.
    } finally {
      rmSync(aside, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function isGone(holder: LockHolder): boolean {
  if (holder.hostname !== undefined && holder.hostname !== hostname()) return false;
  const boot = bootId();
  if (holder.bootId !== undefined && boot !== undefined && holder.bootId !== boot) return true;
  // Our own pid in a lock this process does not hold: an earlier process, e.g. a container's pid 1.
  return holder.pid === process.pid || !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownHolder(): LockHolder {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  };
  const boot = bootId();
  if (boot) holder.bootId = boot;
  return holder;
}

function holderLine(): string {
  return `${JSON.stringify(ownHolder())}\n`;
}

/** A holder from a lock file: one JSON line, or a bare pid (the format before flock). */
export function parseHolder(text: string): LockHolder | undefined {
  const line = text.split('\n', 1)[0]!.trim();
  if (/^\d+$/.test(line)) return { pid: Number(line) };
  try {
    const value = JSON.parse(line) as Partial<LockHolder> | null;
    if (!value || !Number.isSafeInteger(value.pid)) return undefined;
    const holder: LockHolder = { pid: value.pid! };
    for (const key of ['hostname', 'startedAt', 'bootId'] as const) {
      if (typeof value[key] === 'string') holder[key] = value[key];
    }
    return holder;
  } catch {
    return undefined;
  }
}

/**
 * Reads the holder, waiting a moment while the file is empty or names a process gone from this
 * host: a holder writes its line just after it takes the lock, over the line of the one before.
 */
function readHolder(fd: number): LockHolder | undefined {
  let holder = parseHolder(readAt(fd));
  for (let wait = 0; wait < 25 && (!holder || isGoneHere(holder)); wait += 1) {
    sleep(10);
    holder = parseHolder(readAt(fd));
  }
  return holder;
}

function isGoneHere(holder: LockHolder): boolean {
  return (holder.hostname === undefined || holder.hostname === hostname()) && !isAlive(holder.pid);
}

function readAt(fd: number): string {
  const buffer = Buffer.alloc(4096);
  return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isFileAt(fd: number, path: string): boolean {
  const open = fstatSync(fd);
  try {
    const there = statSync(path);
    return there.ino === open.ino && there.dev === open.dev;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
