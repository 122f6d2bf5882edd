import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainVerifier, entryHash, formatAnchor, GENESIS_HASH, parseAnchor, verifyChain, type AuditEntry, type AuditFields } from './audit.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chain of `n` entries; `variant` changes their content, as a log chained anew would. */
function chain(n: number, variant = ''): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields: AuditFields = {
      seq,
      at: new Date(Date.UTC(2026, 5, 1, seq)).toISOString(),
      actorId: 'u1',
      actorName: `mediator@example.org${variant}`,
      action: 'update',
      entity: 'provision',
      entityId: `p${seq}`,
      agreementId: 'a',
      before: { status: 'not_started' },
      after: { status: 'minimal', note: 'حماس' },
      prevHash,
    };
    const hash = entryHash(fields, sha256);
    out.push({ ...fields, hash });
    prevHash = hash;
  }
  return out;
}

const rehash = (e: AuditEntry): AuditEntry => {
  const { hash: _old, ...fields } = e;
  return { ...fields, hash: entryHash(fields, sha256) };
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its last hash', () => {
    const entries = chain(5);
    expect(verifyChain(entries, sha256, { head: { seq: 5, hash: entries[4]!.hash } })).toEqual({
      ok: true,
      checked: 5,
      firstBreak: null,
      lastHash: entries[4]!.hash,
    });
  });

  it('names an entry whose content was altered', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: { status: 'full' } };
    expect(verifyChain(entries, sha256).firstBreak).toMatchObject({ seq: 3, problem: 'altered' });
  });

  it('names an entry rewritten with a fresh hash, by the broken link after it', () => {
    const entries = chain(5);
    entries[1] = rehash({ ...entries[1]!, actorName: 'someone else' });
    expect(verifyChain(entries, sha256).firstBreak).toMatchObject({ seq: 2, problem: 'altered' });
  });

  it('names the first of the entries removed from the middle', () => {
    const entries = chain(6);
    entries.splice(2, 2);
    expect(verifyChain(entries, sha256).firstBreak).toMatchObject({ seq: 3, problem: 'removed' });
  });

  it('notices entries removed from the end against the recorded head', () => {
    const entries = chain(5);
    const head = { seq: 5, hash: entries[4]!.hash };
    expect(verifyChain(entries.slice(0, 3), sha256, { head }).firstBreak).toMatchObject({ seq: 4, problem: 'removed' });
  });

  it('notices a rewritten last entry against the recorded head', () => {
    const entries = chain(3);
    const head = { seq: 3, hash: entries[2]!.hash };
    entries[2] = rehash({ ...entries[2]!, after: null });
    expect(verifyChain(entries, sha256, { head }).firstBreak).toMatchObject({ seq: 3, problem: 'altered' });
  });

  it('names the first entry when it no longer starts from the genesis hash', () => {
    const entries = chain(2);
    entries[0] = rehash({ ...entries[0]!, prevHash: 'f'.repeat(64) });
    expect(verifyChain(entries, sha256).firstBreak).toMatchObject({ seq: 1, problem: 'altered' });
  });
});

/** Rewrites entry `seq` with `change` and re-hashes it and every entry after it, as a careful forger would. */
function rewrite(entries: AuditEntry[], seq: number, change: Partial<AuditFields>): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq < seq) {
      out.push(entry);
    } else {
      const { hash: _old, ...fields } = entry;
      const next = { ...fields, ...(entry.seq === seq ? change : {}), prevHash };
      out.push({ ...next, hash: entryHash(next, sha256) });
    }
    prevHash = out[out.length - 1]!.hash;
  }
  return out;
}

const headOf = (entries: AuditEntry[]) =>
  entries.length === 0 ? { seq: 0, hash: GENESIS_HASH } : { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
const pointOf = (entries: AuditEntry[], seq: number) => ({ seq, hash: entries[seq - 1]!.hash });

describe('the recorded head binds both ways', () => {
  it('refuses an entry appended past the head, correctly hashed and linked', () => {
    const entries = chain(6);
    const report = verifyChain(entries, sha256, { head: pointOf(entries, 5) });
    expect(report).toMatchObject({ ok: false, checked: 5, firstBreak: { seq: 6, problem: 'added' } });
    expect(report.firstBreak!.message).toMatch(/entry 6 lies beyond the recorded head \(entry 5\)/);
  });

  it('refuses entries left past a head that was moved back, and any entry in a log whose head is the genesis', () => {
    const entries = chain(6);
    expect(verifyChain(entries, sha256, { head: pointOf(entries, 3) }).firstBreak).toMatchObject({ seq: 4, problem: 'added' });
    expect(verifyChain(entries.slice(0, 1), sha256, { head: { seq: 0, hash: GENESIS_HASH } }).firstBreak).toMatchObject({ seq: 1, problem: 'added' });
  });

  it('still names a gap below the head as removed, up to the head at most', () => {
    const entries = chain(6);
    const report = verifyChain([...entries.slice(0, 2), entries[5]!], sha256, { head: pointOf(entries, 4) });
    expect(report.firstBreak).toMatchObject({ seq: 3, problem: 'removed', message: 'entries 3 to 4 were removed' });
  });

  it('checks entries pushed one at a time against the same head', () => {
    const entries = chain(4);
    const verifier = chainVerifier(sha256, { head: pointOf(entries, 3) });
    expect(verifier.push(entries[0]!)).toBeNull();
    expect(verifier.push(entries[1]!)).toBeNull();
    expect(verifier.push(entries[2]!)).toBeNull();
    expect(verifier.push(entries[3]!)).toMatchObject({ seq: 4, problem: 'added' });
    expect(verifier.finish()).toMatchObject({ ok: false, checked: 3, lastHash: entries[2]!.hash });
  });
});

describe('anchors', () => {
  it('accepts a log that holds every anchor unchanged, in any order, the genesis and the head included', () => {
    const entries = chain(8);
    const anchors = [pointOf(entries, 8), pointOf(entries, 3), { seq: 0, hash: GENESIS_HASH }, pointOf(entries, 3)];
    expect(verifyChain(entries, sha256, { head: headOf(entries), anchors })).toMatchObject({ ok: true, checked: 8, firstBreak: null });
  });

  it('names an anchor whose entry, or one before it, was rewritten with every hash after it recomputed', () => {
    const original = chain(8);
    const forged = rewrite(original, 4, { actorName: 'someone else' });
    // The forgery is a valid chain with a matching head: only an anchor kept elsewhere shows it.
    expect(verifyChain(forged, sha256, { head: headOf(forged) }).ok).toBe(true);

    const report = verifyChain(forged, sha256, { head: headOf(forged), anchors: [pointOf(original, 6)] });
    expect(report).toMatchObject({ ok: false, checked: 6, firstBreak: { seq: 6, problem: 'anchor' } });
    expect(report.firstBreak!.message).toMatch(/^entry 6 no longer matches the anchor 6:[0-9a-f]{16}… .*one of entries 1 to 6 was rewritten/);

    // An older anchor narrows it down; an anchor before the rewrite still holds.
    const narrowed = verifyChain(forged, sha256, { head: headOf(forged), anchors: [pointOf(original, 3), pointOf(original, 6)] });
    expect(narrowed.firstBreak!.message).toMatch(/one of entries 4 to 6 was rewritten/);
    expect(verifyChain(forged, sha256, { head: headOf(forged), anchors: [pointOf(original, 3)] }).ok).toBe(true);
    expect(verifyChain(forged, sha256, { head: headOf(forged), anchors: [pointOf(original, 3), pointOf(original, 4)] }).firstBreak!.message).toMatch(
      /entry 4 no longer matches .*: entry 4 was rewritten/,
    );
  });

  it('names an anchor past the end of a log truncated below it, head and all', () => {
    const original = chain(8);
    const truncated = original.slice(0, 5);
    expect(verifyChain(truncated, sha256, { head: headOf(truncated) }).ok).toBe(true);
    const report = verifyChain(truncated, sha256, { head: headOf(truncated), anchors: [pointOf(original, 2), pointOf(original, 7)] });
    expect(report).toMatchObject({ ok: false, checked: 5, firstBreak: { seq: 7, problem: 'anchor' } });
    expect(report.firstBreak!.message).toMatch(/^the log ends at entry 5, before the anchored entry 7/);
  });

  it('names the anchor of a log reset to zero, empty or chained anew, shorter or longer', () => {
    const anchor = pointOf(chain(5), 5);
    const empty = verifyChain([], sha256, { head: headOf([]), anchors: [anchor] });
    expect(empty.firstBreak).toMatchObject({ seq: 5, problem: 'anchor', message: expect.stringMatching(/ends at entry 0/) });

    const shorter = chain(3, ' (anew)');
    expect(verifyChain(shorter, sha256, { head: headOf(shorter), anchors: [anchor] }).firstBreak).toMatchObject({ seq: 5, problem: 'anchor' });

    const longer = chain(9, ' (anew)');
    expect(verifyChain(longer, sha256, { head: headOf(longer) }).ok).toBe(true);
    const report = verifyChain(longer, sha256, { head: headOf(longer), anchors: [anchor] });
    expect(report).toMatchObject({ ok: false, checked: 5, firstBreak: { seq: 5, problem: 'anchor' } });
  });

  it('reports a broken link before any anchor after it, and refuses an anchor 0 that is not the genesis', () => {
    const entries = chain(6);
    entries[1] = { ...entries[1]!, actorName: 'edited in place' };
    expect(verifyChain(entries, sha256, { anchors: [pointOf(chain(6), 5)] }).firstBreak).toMatchObject({ seq: 2, problem: 'altered' });
    expect(verifyChain(chain(2), sha256, { anchors: [{ seq: 0, hash: 'f'.repeat(64) }] }).firstBreak).toMatchObject({ seq: 0, problem: 'anchor' });
  });
});

describe('parseAnchor and formatAnchor', () => {
  const hash = 'ab'.repeat(32);

  it('read back what they write, in either case and with surrounding blanks', () => {
    expect(formatAnchor({ seq: 249, hash })).toBe(`249:${hash}`);
    expect(parseAnchor(`249:${hash}`)).toEqual({ seq: 249, hash });
    expect(parseAnchor(` 249:${hash.toUpperCase()}\n`)).toEqual({ seq: 249, hash });
    expect(parseAnchor(`0:${GENESIS_HASH}`)).toEqual({ seq: 0, hash: GENESIS_HASH });
  });

  it('refuses anything else', () => {
    for (const bad of ['', '249', `:${hash}`, `-1:${hash}`, `1.5:${hash}`, `x:${hash}`, `249:${hash.slice(1)}`, `249:${hash}0`, `249:${'g'.repeat(64)}`, `249 ${hash}`, `1234567890123456:${hash}`]) {
      expect(parseAnchor(bad), bad).toBeNull();
    }
  });
});
