import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type AuditEntry, type AuditFields } from './audit.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields: AuditFields = {
      seq,
      at: `2026-06-0${seq}T00:00:00.000Z`,
      actorId: 'u1',
      actorName: 'mediator@example.org',
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
    expect(verifyChain(entries, sha256, { seq: 5, hash: entries[4]!.hash })).toEqual({
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
    expect(verifyChain(entries.slice(0, 3), sha256, head).firstBreak).toMatchObject({ seq: 4, problem: 'removed' });
  });

  it('notices a rewritten last entry against the recorded head', () => {
    const entries = chain(3);
    const head = { seq: 3, hash: entries[2]!.hash };
    entries[2] = rehash({ ...entries[2]!, after: null });
    expect(verifyChain(entries, sha256, head).firstBreak).toMatchObject({ seq: 3, problem: 'altered' });
  });

  it('names the first entry when it no longer starts from the genesis hash', () => {
    const entries = chain(2);
    entries[0] = rehash({ ...entries[0]!, prevHash: 'f'.repeat(64) });
    expect(verifyChain(entries, sha256).firstBreak).toMatchObject({ seq: 1, problem: 'altered' });
  });
});
