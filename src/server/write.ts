/**
 * Every write runs in one transaction with the audit entry that records it: either both land or
 * neither does. Routes pass the acting user; the CLI passes itself.
 */
import type { AuditChange } from '../core/index.ts';
import { repositories, type BulkTransaction, type Database, type Db, type Repositories } from '../db/index.ts';
import type { Clock } from './clock.ts';

/** Who made a change, as the audit log names them. */
export interface Actor {
  id: string | null;
  name: string;
}

export interface WriteContext {
  repos: Repositories;
  record(change: AuditChange): Promise<void>;
}

export type Write = <T>(actor: Actor, work: (ctx: WriteContext) => Promise<T>) => Promise<T>;

const writeListeners = new WeakMap<Database, Set<() => void>>();

/**
 * Calls `listener` each time a write transaction on `database` made in this process has ended,
 * committed or not (writer() and the bulk incident import call writeEnded). PGlite's in-memory view
 * cache moves on with it: one process holds a PGlite database, so it sees every write. Returns a
 * function that stops the calls.
 */
export function onWriteEnded(database: Database, listener: () => void): () => void {
  const listeners = writeListeners.get(database) ?? new Set();
  writeListeners.set(database, listeners);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners of `database` that a write transaction has ended. */
export function writeEnded(database: Database): void {
  for (const listener of writeListeners.get(database) ?? []) listener();
}

/** The write context over one transaction's repositories: `record` appends the actor's audit entry. */
function writeContext(repos: Repositories, clock: Clock, actor: Actor): WriteContext {
  return {
    repos,
    record: async (change) => {
      await repos.audit.append({ ...change, at: clock.now(), actorId: actor.id, actorName: actor.name });
    },
  };
}

export function writer(database: Database, clock: Clock): Write {
  return async (actor, work) => {
    try {
      return await database.db.transaction(async (tx) => work(writeContext(repositories(tx as unknown as Db), clock, actor)));
    } finally {
      writeEnded(database);
    }
  };
}

/** A write that also streams rows in bulk (COPY, unnest) through `tx`: the CSV import. */
export type BulkWrite = <T>(actor: Actor, work: (ctx: WriteContext & { tx: BulkTransaction }) => Promise<T>) => Promise<T>;

/** As writer(), over the database's bulk transaction: the rows and their audit entry land together or not at all. */
export function bulkWriter(database: Database, clock: Clock): BulkWrite {
  return async (actor, work) => {
    try {
      return await database.bulkTransaction(async (tx) => work({ ...writeContext(repositories(tx.db), clock, actor), tx }));
    } finally {
      writeEnded(database);
    }
  };
}
