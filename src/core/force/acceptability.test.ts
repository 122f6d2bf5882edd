import { describe, expect, it } from 'vitest';
import { checkAcceptabilityStatement, currentAcceptability, type AcceptabilityStatement } from './acceptability.ts';

let seq = 0;
function statement(overrides: Partial<AcceptabilityStatement> & Pick<AcceptabilityStatement, 'contributorId' | 'partyId' | 'position'>): AcceptabilityStatement {
  seq += 1;
  return {
    id: `a${String(seq).padStart(4, '0')}`,
    reason: '',
    statedOn: '2026-03-01',
    audience: 'all',
    createdAt: new Date(Date.UTC(2026, 2, 1, 12, 0, seq)),
    ...overrides,
  };
}

describe('currentAcceptability', () => {
  it('keeps the newest statement per contributor and party', () => {
    const old = statement({ contributorId: 'c1', partyId: 'p1', position: 'accepted' });
    const now = statement({ contributorId: 'c1', partyId: 'p1', position: 'objected', reason: 'bias' });
    const otherParty = statement({ contributorId: 'c1', partyId: 'p2', position: 'accepted' });
    const otherContributor = statement({ contributorId: 'c2', partyId: 'p1', position: 'no_position' });
    expect(currentAcceptability([now, old, otherParty, otherContributor])).toEqual([now, otherParty, otherContributor]);
  });

  it('skips what the reader may not see, giving the statement before it', () => {
    const shared = statement({ contributorId: 'c1', partyId: 'p1', position: 'accepted' });
    const confidential = statement({ contributorId: 'c1', partyId: 'p1', position: 'objected', reason: 'x', audience: 'mediators' });
    expect(currentAcceptability([shared, confidential], (s) => s.audience === 'all')).toEqual([shared]);
    expect(currentAcceptability([shared, confidential], (s) => s.audience === 'mediators')).toEqual([confidential]);
  });

  it('breaks a tie on createdAt by id', () => {
    const at = new Date(Date.UTC(2026, 2, 2));
    const a = statement({ id: 'x1', contributorId: 'c1', partyId: 'p1', position: 'accepted', createdAt: at });
    const b = statement({ id: 'x2', contributorId: 'c1', partyId: 'p1', position: 'objected', reason: 'r', createdAt: at });
    expect(currentAcceptability([b, a])).toEqual([b]);
  });

  it('keeps extra fields of the caller (the stored row)', () => {
    const row = { ...statement({ contributorId: 'c1', partyId: 'p1', position: 'accepted' }), authorId: 'u1' };
    expect(currentAcceptability([row])[0]?.authorId).toBe('u1');
  });
});

describe('checkAcceptabilityStatement', () => {
  it('requires a reason for an objection only', () => {
    expect(checkAcceptabilityStatement({ position: 'objected', reason: '  ' })).toEqual([{ path: 'reason', message: 'is required for an objection' }]);
    expect(checkAcceptabilityStatement({ position: 'objected', reason: 'ties to one side' })).toEqual([]);
    expect(checkAcceptabilityStatement({ position: 'accepted', reason: '' })).toEqual([]);
  });
});
