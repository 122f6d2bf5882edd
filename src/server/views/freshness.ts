/**
 * How fresh a cached view is. Every write commits in one transaction with its audit entry
 * (write.ts), so two counters say when the data last changed: the newest audit entry of an
 * agreement, and the audit log's head (any write at all).
 *
 * - PostgreSQL: several processes may write. Both counters are read with the agreement on every
 *   request, in the one statement the access check makes anyway (changes.repository.ts): a view is never
 *   served from before a write that another process committed before the request's read.
 * - PGlite: one process holds the data directory (its lock), so it sees every write. A generation
 *   counter in memory moves on after each write transaction of this process (onWriteEnded), and the
 *   agreement row is kept in memory between writes: a cached view then costs no query at all.
 */
import type { Agreement } from '../../core/index.ts';
import type { Database, Repositories } from '../../db/index.ts';
import { changeCounters, type ChangeCounters } from '../../db/repositories/changes.repository.ts';
import { onWriteEnded } from '../write.ts';

/** The agreement a request names, as read for it, with the counters its views are cached under. */
export interface AgreementState {
  agreement: Agreement;
  /** Changes with every write to the agreement. */
  version: string;
  /** Changes with every write to anything (accounts, other agreements). */
  head: string;
}

export interface Freshness {
  /** The agreement named by id or slug, with its counters as of now; null when there is none. */
  agreement(ref: string): Promise<AgreementState | null>;
  /** The counter of every write, as of now. */
  head(): Promise<string>;
  /** Stops following the database's writes. */
  close(): void;
}

/** The agreements kept in memory between two writes (PGlite): beyond it, the oldest go. */
const MAX_REMEMBERED = 10_000;

export function freshness(database: Database, repos: Repositories): Freshness {
  return database.pool ? sharedFreshness(changeCounters(database.pool)) : processFreshness(database, repos);
}

function sharedFreshness(counters: ChangeCounters): Freshness {
  return {
    async agreement(ref) {
      const found = await counters.agreement(ref);
      return found && { agreement: found.agreement, version: `a${found.changeSeq}`, head: `h${found.headSeq}` };
    },
    head: async () => `h${await counters.head()}`,
    close() {},
  };
}

function processFreshness(database: Database, repos: Repositories): Freshness {
  let generation = 0;
  const remembered = new Map<string, { generation: number; state: AgreementState }>();
  const stop = onWriteEnded(database, () => {
    generation += 1;
    remembered.clear();
  });
  return {
    async agreement(ref) {
      const hit = remembered.get(ref);
      if (hit && hit.generation === generation) return hit.state;
      // A write that ends while this reads makes the state older than the counter says: keep it only if none did.
      const before = generation;
      const agreement = await repos.agreements.find(ref);
      if (!agreement) return null;
      const state = { agreement, version: `g${before}`, head: `g${before}` };
      if (generation === before) {
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(ref, { generation: before, state });
      }
      return state;
    },
    head: async () => `g${generation}`,
    close: () => void stop(),
  };
}
