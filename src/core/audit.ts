/**
 * The audit log as a hash chain: each entry holds the hash of the one before, so that altering or
 * removing any entry breaks every link after it. Hashing is injected (core does no IO and imports
 * no node:*); the database layer passes SHA-256.
 */

import { audienceScope } from './access.ts';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A change as a write records it: what changed, before and after; who and when are added by the writer. */
export interface AuditChange {
  action: AuditAction;
  entity: string;
  entityId: string;
  agreementId: string | null;
  before: unknown;
  after: unknown;
}

/** What is hashed: every field of an entry except its own hash. */
export interface AuditFields extends AuditChange {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
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
  /**
   * The first entry found altered, the first of those removed, the first of those added past the
   * recorded head; for an anchor the log no longer holds, the entry the anchor names.
   */
  seq: number;
  problem: 'altered' | 'removed' | 'added' | 'anchor';
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
  /** The hash of the last entry that checked out; publish it to anchor the log outside the database. */
  lastHash: string;
}

/** One link of the chain: an entry's sequence number and hash (seq 0 is the genesis). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** An anchor as it is published and typed back: `<seq>:<hash>`. */
export function formatAnchor(point: ChainPoint): string {
  return `${point.seq}:${point.hash}`;
}

/** `<seq>:<hash>` (64 hex digits, either case) as a chain point, or null when it is not one. */
export function parseAnchor(text: string): ChainPoint | null {
  const match = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!match) return null;
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/** What the chain must agree with beyond its own links. */
export interface ChainExpectations {
  /**
   * The last link as recorded when it was appended (audit_head): without it, removing the newest
   * entries, or adding some past it, would leave no trace.
   */
  head?: ChainPoint | null;
  /**
   * Links kept outside the database (published heads): the log must still hold each one unchanged.
   * A match proves that entry and every one before it unchanged, since each hash covers the one before.
   */
  anchors?: readonly ChainPoint[];
}

const short = (hash: string) => `${hash.slice(0, 16)}…`;

/**
 * Checks a chain one entry at a time, so that a log of any length is verified in constant memory.
 * `push` each entry in sequence order, then `finish`.
 */
export function chainVerifier(hash: HashFn, expected: ChainExpectations = {}) {
  const head = expected.head ?? null;
  const anchors = [...(expected.anchors ?? [])].sort((a, b) => a.seq - b.seq);
  let nextAnchor = 0;
  // The newest anchor found unchanged: a later mismatch lies after it.
  let lastAnchored = 0;
  let prev: ChainPoint = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  let firstBreak: ChainBreak | null = null;
  const broken = (seq: number, problem: ChainBreak['problem'], message: string) => {
    firstBreak = { seq, problem, message };
    return firstBreak;
  };

  /** Compares the anchors naming `point` (an entry that checked out) with it. */
  const checkAnchors = (point: ChainPoint): ChainBreak | null => {
    while (nextAnchor < anchors.length && anchors[nextAnchor]!.seq <= point.seq) {
      const anchor = anchors[nextAnchor]!;
      nextAnchor += 1;
      if (anchor.hash === point.hash) {
        lastAnchored = anchor.seq;
        continue;
      }
      if (anchor.seq === 0) return broken(0, 'anchor', `the anchor 0:${short(anchor.hash)} is not the genesis hash, which every log starts from`);
      const range = lastAnchored + 1 === anchor.seq ? `entry ${anchor.seq}` : `one of entries ${lastAnchored + 1} to ${anchor.seq}`;
      return broken(
        anchor.seq,
        'anchor',
        `entry ${anchor.seq} no longer matches the anchor ${anchor.seq}:${short(anchor.hash)} (its hash is now ${short(point.hash)}): ` +
          `${range} was rewritten, or the log was reset and chained anew`,
      );
    }
    return null;
  };
  checkAnchors(prev);

  return {
    /** Checks the next entry; returns the break once one is found (later entries are then ignored). */
    push(entry: AuditEntry): ChainBreak | null {
      if (firstBreak) return firstBreak;
      const { hash: stored, ...fields } = entry;
      const next = prev.seq + 1;
      if (head && next > head.seq) {
        return broken(
          entry.seq,
          'added',
          `entry ${entry.seq} lies beyond the recorded head (entry ${head.seq}): it was added without going through the log, or the head was moved back`,
        );
      }
      if (entry.seq > next) {
        const last = head ? Math.min(entry.seq - 1, head.seq) : entry.seq - 1;
        return broken(next, 'removed', last === next ? `entry ${next} was removed` : `entries ${next} to ${last} were removed`);
      }
      if (entry.seq < next || entryHash(fields, hash) !== stored) {
        return broken(entry.seq, 'altered', `entry ${entry.seq} was altered: its content no longer matches its hash`);
      }
      if (entry.prevHash !== prev.hash) {
        // This entry is intact but links elsewhere: its predecessor was rewritten, hash and all.
        const culprit = prev.seq === 0 ? entry.seq : prev.seq;
        return broken(culprit, 'altered', `entry ${culprit} was rewritten: entry ${entry.seq} links to a different hash`);
      }
      prev = { seq: entry.seq, hash: stored };
      checked += 1;
      return checkAnchors(prev);
    },

    /** The verdict, once every entry was pushed (or a break was found). */
    finish(): ChainReport {
      if (!firstBreak && head && head.seq > prev.seq) {
        broken(prev.seq + 1, 'removed', `entries ${prev.seq + 1} to ${head.seq} were removed from the end`);
      } else if (!firstBreak && head && head.seq === prev.seq && head.hash !== prev.hash) {
        broken(prev.seq, 'altered', `entry ${prev.seq} was rewritten: it no longer matches the recorded head`);
      }
      const beyond = anchors[nextAnchor];
      if (!firstBreak && beyond) {
        broken(
          beyond.seq,
          'anchor',
          `the log ends at entry ${prev.seq}, before the anchored entry ${beyond.seq}: ` +
            'entries were removed from the end, or the log was reset and chained anew',
        );
      }
      return { ok: firstBreak === null, checked, firstBreak, lastHash: prev.hash };
    },
  };
}

/** Recomputes the chain over entries in sequence order and names the first entry altered, removed or added. */
export function verifyChain(entries: Iterable<AuditEntry>, hash: HashFn, expected: ChainExpectations = {}): ChainReport {
  const verifier = chainVerifier(hash, expected);
  for (const entry of entries) if (verifier.push(entry)) break;
  return verifier.finish();
}

/**
 * The confidential scopes an audit entry's states were written under (see `audienceScope` in
 * access.ts): any state with an audience other than "all", whatever the entity. A reader outside
 * any scope an entity ever had sees none of that entity's entries.
 */
export function confidentialScopes(...states: unknown[]): string[] {
  const scopes = new Set<string>();
  for (const state of states) {
    if (state === null || typeof state !== 'object') continue;
    const s = state as { audience?: unknown; partyId?: unknown; confidential?: unknown };
    const partyId = typeof s.partyId === 'string' ? s.partyId : null;
    // Notes written before audiences existed carried `confidential: true` for their party's circle.
    const audience = s.audience ?? (s.confidential === true ? 'party' : undefined);
    if (audience === 'party' || audience === 'mediators') {
      const scope = audienceScope({ audience, partyId });
      if (scope) scopes.add(scope);
    }
  }
  return [...scopes];
}
