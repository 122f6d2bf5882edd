/**
 * The audit log as a hash chain: each entry holds the hash of the one before, so that altering or
 * removing any entry breaks every link after it. Hashing is injected (core does no IO and imports
 * no node:*); the database layer passes SHA-256.
 */

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What is hashed: every field of an entry except its own hash. */
export interface AuditFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  agreementId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export interface AuditEntry extends AuditFields {
  hash: string;
}

/** JSON with object keys sorted at every depth, so that equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type HashFn = (text: string) => string;

export function entryHash(fields: AuditFields, hash: HashFn): string {
  return hash(canonicalJson(fields));
}

export interface ChainBreak {
  /** The first entry found altered, or the first of those removed. */
  seq: number;
  problem: 'altered' | 'removed';
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
  /** The hash of the last entry that checked out; publish it to anchor the log outside the database. */
  lastHash: string;
}

export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Checks a chain one entry at a time, so that a log of any length is verified in constant memory.
 * `push` each entry in sequence order, then `finish` with the recorded head.
 */
export function chainVerifier(hash: HashFn) {
  let prev: ChainPoint = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  let firstBreak: ChainBreak | null = null;
  const broken = (seq: number, problem: ChainBreak['problem'], message: string) => {
    firstBreak = { seq, problem, message };
    return firstBreak;
  };

  return {
    /** Checks the next entry; returns the break once one is found (later entries are then ignored). */
    push(entry: AuditEntry): ChainBreak | null {
      if (firstBreak) return firstBreak;
      const { hash: stored, ...fields } = entry;
      const expected = prev.seq + 1;
      if (entry.seq > expected) return broken(expected, 'removed', `entries ${expected} to ${entry.seq - 1} were removed`);
      if (entry.seq < expected || entryHash(fields, hash) !== stored) {
        return broken(entry.seq, 'altered', `entry ${entry.seq} was altered: its content no longer matches its hash`);
      }
      if (entry.prevHash !== prev.hash) {
        // This entry is intact but links elsewhere: its predecessor was rewritten, hash and all.
        const culprit = prev.seq === 0 ? entry.seq : prev.seq;
        return broken(culprit, 'altered', `entry ${culprit} was rewritten: entry ${entry.seq} links to a different hash`);
      }
      prev = { seq: entry.seq, hash: stored };
      checked += 1;
      return null;
    },

    /**
     * The verdict. `head` is the last link as recorded when it was appended: without it, removing
     * the newest entries would leave no trace.
     */
    finish(head: ChainPoint | null = null): ChainReport {
      if (!firstBreak && head && head.seq > prev.seq) {
        broken(prev.seq + 1, 'removed', `entries ${prev.seq + 1} to ${head.seq} were removed from the end`);
      } else if (!firstBreak && head && head.seq === prev.seq && head.hash !== prev.hash) {
        broken(prev.seq, 'altered', `entry ${prev.seq} was rewritten: it no longer matches the recorded head`);
      }
      return { ok: firstBreak === null, checked, firstBreak, lastHash: prev.hash };
    },
  };
}

/** Recomputes the chain over entries in sequence order and names the first entry altered or removed. */
export function verifyChain(entries: Iterable<AuditEntry>, hash: HashFn, head: ChainPoint | null = null): ChainReport {
  const verifier = chainVerifier(hash);
  for (const entry of entries) if (verifier.push(entry)) break;
  return verifier.finish(head);
}
