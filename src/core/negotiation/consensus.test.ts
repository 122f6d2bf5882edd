import { describe, expect, it } from 'vitest';
import { bracketGroups, type BracketGroup } from './brackets.ts';
import {
  clauseConsensus,
  combineStatuses,
  currentStances,
  documentConsensus,
  groupConsensus,
  isSignatory,
  POSITION_LABELS,
  POSITIONS,
  type Position,
  type StanceStatement,
} from './consensus.ts';

const ISRAEL = 'p-israel';
const HAMAS = 'p-hamas';
const EGYPT = 'p-egypt';
const SIGNATORIES = [ISRAEL, HAMAS];

const CLAUSE = 'The force shall be drawn from [Egypt and Qatar] [Egypt and Jordan], deployed [within 30 days].';
const [CONTRIBUTORS, DEADLINE] = bracketGroups(CLAUSE) as [BracketGroup, BracketGroup];

let seq = 0;
function stance(overrides: Partial<StanceStatement> & { partyId: string; position: Position; alternative: number }): StanceStatement {
  seq += 1;
  return {
    id: `s${String(seq).padStart(4, '0')}`,
    clauseId: 'c1',
    groupKey: CONTRIBUTORS.key,
    reservation: overrides.position === 'accept_with_reservation' ? 'subject to cabinet approval' : '',
    reason: '',
    statedOn: '2026-03-01',
    audience: 'all',
    createdAt: new Date(Date.UTC(2026, 2, 1, 12, 0, seq)),
    ...overrides,
  };
}

describe('positions', () => {
  it('labels every position', () => {
    expect(Object.keys(POSITION_LABELS)).toEqual([...POSITIONS]);
  });
});

describe('isSignatory', () => {
  it('follows the role unless the party is marked otherwise', () => {
    expect(isSignatory({ role: 'belligerent', signatory: null })).toBe(true);
    expect(isSignatory({ role: 'mediator', signatory: null })).toBe(false);
    expect(isSignatory({ role: 'guarantor', signatory: true })).toBe(true);
    expect(isSignatory({ role: 'belligerent', signatory: false })).toBe(false);
  });
});

describe('currentStances', () => {
  it('keeps the newest statement per clause, group, alternative and party', () => {
    const old = stance({ partyId: ISRAEL, alternative: 0, position: 'reject' });
    const now = stance({ partyId: ISRAEL, alternative: 0, position: 'accept' });
    const other = stance({ partyId: ISRAEL, alternative: 1, position: 'reject' });
    const otherClause = stance({ partyId: ISRAEL, alternative: 0, position: 'abstain', clauseId: 'c2' });
    expect(currentStances([now, other, old, otherClause], () => true)).toEqual([now, other, otherClause]);
  });

  it('orders statements of the same time by id', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    const a = stance({ id: 'a', partyId: HAMAS, alternative: 0, position: 'reject', createdAt: at });
    const b = stance({ id: 'b', partyId: HAMAS, alternative: 0, position: 'accept', createdAt: at });
    expect(currentStances([b, a], () => true)).toEqual([b]);
  });

  it('gives the newest visible statement, as if a hidden newer one did not exist', () => {
    const shared = stance({ partyId: HAMAS, alternative: 0, position: 'accept', audience: 'all' });
    const hidden = stance({ partyId: HAMAS, alternative: 0, position: 'reject', audience: 'mediators' });
    const onlyHidden = stance({ partyId: HAMAS, alternative: 1, position: 'reject', audience: 'party' });
    const publicOnly = (s: StanceStatement) => s.audience === 'all';
    expect(currentStances([shared, hidden, onlyHidden], publicOnly)).toEqual([shared]);
    expect(currentStances([shared, hidden, onlyHidden], () => true)).toEqual([hidden, onlyHidden]);
  });
});

describe('groupConsensus', () => {
  it('is open with no stance at all, every signatory without a position', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, []);
    expect(result).toMatchObject({ key: CONTRIBUTORS.key, status: 'open', agreedAlternative: null, blockers: [] });
    expect(result.alternatives.map((a) => a.noPosition)).toEqual([SIGNATORIES, SIGNATORIES]);
    expect(result.alternatives.map((a) => a.text)).toEqual(['Egypt and Qatar', 'Egypt and Jordan']);
  });

  it('is agreed when every signatory accepts an alternative, with or without reservation', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 1, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 1, position: 'accept_with_reservation' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'reject' }),
    ]);
    expect(result).toMatchObject({ status: 'agreed', agreedAlternative: 1 });
    expect(result.alternatives[1]).toMatchObject({ accept: [ISRAEL], reservation: [HAMAS], reject: [], noPosition: [] });
    // the reject of the other alternative is still listed: the view says who blocks which
    expect(result.blockers).toEqual([{ partyId: HAMAS, alternative: 0 }]);
  });

  it('breaks a tie (two alternatives both accepted by all) by the lowest index', () => {
    const stances = [ISRAEL, HAMAS].flatMap((partyId) => [0, 1].map((alternative) => stance({ partyId, alternative, position: 'accept' })));
    expect(groupConsensus(CONTRIBUTORS, SIGNATORIES, stances)).toMatchObject({ status: 'agreed', agreedAlternative: 0 });
  });

  it('is blocked when every alternative has a reject, naming each blocker', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'reject' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'reject' }),
      stance({ partyId: HAMAS, alternative: 1, position: 'reject' }),
      stance({ partyId: ISRAEL, alternative: 1, position: 'accept' }),
    ]);
    expect(result).toMatchObject({ status: 'blocked', agreedAlternative: null });
    expect(result.blockers).toEqual([
      { partyId: ISRAEL, alternative: 0 },
      { partyId: HAMAS, alternative: 0 },
      { partyId: HAMAS, alternative: 1 },
    ]);
  });

  it('is converging when an alternative has an accept and no reject', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'reject' }),
      stance({ partyId: ISRAEL, alternative: 1, position: 'accept' }),
    ]);
    expect(result.status).toBe('converging');
    expect(result.blockers).toEqual([{ partyId: ISRAEL, alternative: 0 }]);
  });

  it('is open when nothing is accepted, though not everything is rejected', () => {
    expect(groupConsensus(CONTRIBUTORS, SIGNATORIES, [stance({ partyId: ISRAEL, alternative: 0, position: 'reject' })]).status).toBe('open');
    // an accept of an alternative someone rejects converges nothing
    expect(
      groupConsensus(CONTRIBUTORS, SIGNATORIES, [
        stance({ partyId: ISRAEL, alternative: 0, position: 'reject' }),
        stance({ partyId: HAMAS, alternative: 0, position: 'accept' }),
      ]).status,
    ).toBe('open');
  });

  it('counts an abstention as neither accept nor reject: it keeps a group from agreed, not from converging', () => {
    const accepted = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'abstain' }),
    ]);
    expect(accepted).toMatchObject({ status: 'converging', agreedAlternative: null, blockers: [] });
    expect(accepted.alternatives[0]).toMatchObject({ accept: [ISRAEL], abstain: [HAMAS] });
    const allAbstain = [ISRAEL, HAMAS].map((partyId) => stance({ partyId, alternative: 0, position: 'abstain' }));
    expect(groupConsensus(CONTRIBUTORS, SIGNATORIES, allAbstain).status).toBe('open');
  });

  it('counts an explicit no_position as no stance', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'no_position' }),
    ]);
    expect(result.status).toBe('converging');
    expect(result.alternatives[0]?.noPosition).toEqual([HAMAS]);
  });

  it('reads a single run as the text (0) or its omission (1)', () => {
    const stances = [ISRAEL, HAMAS].map((partyId) => stance({ partyId, alternative: 1, position: 'accept', groupKey: DEADLINE.key }));
    const result = groupConsensus(DEADLINE, SIGNATORIES, stances);
    expect(result).toMatchObject({ status: 'agreed', agreedAlternative: 1 });
    expect(result.alternatives.map((a) => a.text)).toEqual(['within 30 days', '']);
  });

  it('counts only signatories, listing the others apart', () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'accept' }),
      stance({ partyId: EGYPT, alternative: 0, position: 'reject' }),
    ]);
    expect(result).toMatchObject({ status: 'agreed', agreedAlternative: 0, blockers: [] });
    expect(result.alternatives[0]?.others).toEqual([{ partyId: EGYPT, position: 'reject' }]);
    expect(result.alternatives[0]?.reject).toEqual([]);
  });

  it('is open when no party signs, whatever the stances', () => {
    const stances = [stance({ partyId: EGYPT, alternative: 0, position: 'accept' })];
    expect(groupConsensus(CONTRIBUTORS, [], stances)).toMatchObject({ status: 'open', agreedAlternative: null });
  });

  it("ignores other groups' stances, and takes a party's newest when given its history", () => {
    const result = groupConsensus(CONTRIBUTORS, SIGNATORIES, [
      stance({ partyId: ISRAEL, alternative: 0, position: 'reject', groupKey: DEADLINE.key }),
      stance({ partyId: ISRAEL, alternative: 0, position: 'reject' }),
      stance({ partyId: ISRAEL, alternative: 0, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'accept' }),
    ]);
    expect(result).toMatchObject({ status: 'agreed', blockers: [] });
  });

  it("lets a reader's consensus differ when a reject is outside their audience", () => {
    const history = [
      stance({ partyId: ISRAEL, alternative: 0, position: 'accept' }),
      stance({ partyId: HAMAS, alternative: 0, position: 'reject', audience: 'mediators' }),
      stance({ partyId: ISRAEL, alternative: 1, position: 'reject' }),
    ];
    const mediators = groupConsensus(CONTRIBUTORS, SIGNATORIES, currentStances(history, () => true));
    const delegate = groupConsensus(CONTRIBUTORS, SIGNATORIES, currentStances(history, (s) => s.audience === 'all'));
    expect(mediators.status).toBe('blocked');
    expect(delegate.status).toBe('converging');
    expect(delegate.blockers).toEqual([{ partyId: ISRAEL, alternative: 1 }]);
    expect(JSON.stringify(delegate)).not.toContain(`"reject":["${HAMAS}"]`);
  });
});

describe('clauseConsensus', () => {
  const all = (groupKey: string, alternative: number) => SIGNATORIES.map((partyId) => stance({ partyId, alternative, position: 'accept', groupKey }));

  it('is agreed for a clause without brackets', () => {
    expect(clauseConsensus('The parties shall cease hostilities.', SIGNATORIES, [])).toEqual({ status: 'agreed', groups: [] });
  });

  it('is agreed only when every group is, converging when one is', () => {
    expect(clauseConsensus(CLAUSE, SIGNATORIES, [...all(CONTRIBUTORS.key, 0), ...all(DEADLINE.key, 0)]).status).toBe('agreed');
    const half = clauseConsensus(CLAUSE, SIGNATORIES, all(CONTRIBUTORS.key, 0));
    expect(half.status).toBe('converging');
    expect(half.groups.map((g) => g.status)).toEqual(['agreed', 'open']);
  });

  it('is blocked when any group is, and open when none moves', () => {
    const blocked = [0, 1].map((alternative) => stance({ partyId: HAMAS, alternative, position: 'reject', groupKey: DEADLINE.key }));
    expect(clauseConsensus(CLAUSE, SIGNATORIES, [...all(CONTRIBUTORS.key, 0), ...blocked]).status).toBe('blocked');
    expect(clauseConsensus(CLAUSE, SIGNATORIES, []).status).toBe('open');
  });

  it('keeps stances apart for twin groups by their keys', () => {
    const text = 'Chair: [Egypt] [Qatar]. Host: [Egypt] [Qatar].';
    const [first, second] = bracketGroups(text) as [BracketGroup, BracketGroup];
    const result = clauseConsensus(text, SIGNATORIES, all(first.key, 1));
    expect(second.key).not.toBe(first.key);
    expect(result.groups.map((g) => [g.status, g.agreedAlternative])).toEqual([
      ['agreed', 1],
      ['open', null],
    ]);
  });
});

describe('combineStatuses', () => {
  it('ranks blocked over everything, then needs all agreed, then any progress', () => {
    expect(combineStatuses([])).toBe('agreed');
    expect(combineStatuses(['agreed', 'blocked'])).toBe('blocked');
    expect(combineStatuses(['agreed', 'open'])).toBe('converging');
    expect(combineStatuses(['open', 'converging'])).toBe('converging');
    expect(combineStatuses(['open', 'open'])).toBe('open');
  });
});

describe('documentConsensus', () => {
  it('counts clauses by status and gives the agreed share', () => {
    const statuses = ['agreed', 'agreed', 'blocked', 'converging', 'open'] as const;
    expect(documentConsensus(statuses.map((status) => ({ status })))).toEqual({
      clauses: 5,
      agreed: 2,
      blocked: 1,
      converging: 1,
      open: 1,
      agreedShare: 0.4,
    });
  });

  it('gives a share of 0 for a document without clauses', () => {
    expect(documentConsensus([])).toEqual({ clauses: 0, agreed: 0, blocked: 0, converging: 0, open: 0, agreedShare: 0 });
  });
});
