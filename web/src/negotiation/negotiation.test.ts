// The document page's pure helpers: clause filters (in the address bar, "due this week" in the
// agreement's zone), the stance grid, who blocks in words, the bracket error's excerpt, diff words.
import { describe, expect, it } from 'vitest';
import type { ClauseView, StanceView } from '../../../src/contract/index.ts';
import { ApiError } from '../shared/api.ts';
import { bracketProblem } from './bracketError.ts';
import { defaultRange, describeDiff } from './diffText.ts';
import {
  clauseDeadline,
  clauseFiltersFromSearch,
  isDueThisWeek,
  lacksPositionFrom,
  matchesClauseFilters,
  NO_CLAUSE_FILTERS,
  withClauseFilters,
} from './filters.ts';
import { alternativeText, blockersText, positionLabel, stanceGrid } from './stanceGrid.ts';

const ISRAEL = '00000000-0000-4000-8000-000000000001';
const HAMAS = '00000000-0000-4000-8000-000000000002';
const EGYPT = '00000000-0000-4000-8000-000000000003';
const PARTIES = [
  { id: ISRAEL, name: 'Israel', role: 'belligerent' as const, signatory: null },
  { id: HAMAS, name: 'Hamas', role: 'belligerent' as const, signatory: null },
  { id: EGYPT, name: 'Egypt', role: 'mediator' as const, signatory: null },
];
const KEY = 'g0:UN | AU';

function stance(partyId: string, alternative: number, position: StanceView['position'], extra: Partial<StanceView> = {}): StanceView {
  return {
    id: `${partyId}-${alternative}`,
    clauseId: 'c1',
    groupKey: KEY,
    alternative,
    partyId,
    position,
    reservation: '',
    reason: 'Because',
    statedOn: '2026-06-01',
    audience: 'all',
    authorId: null,
    authorName: null,
    createdAt: '2026-06-01T10:00:00.000Z',
    ...extra,
  };
}

function clause(stances: StanceView[], extra: Partial<ClauseView> = {}): ClauseView {
  return {
    id: 'c1',
    documentId: 'd1',
    sectionId: null,
    position: 0,
    number: '1',
    marker: '1.',
    text: 'Led by [UN] [AU].',
    deadline: null,
    version: 1,
    updatedAt: '2026-06-01T10:00:00.000Z',
    segments: [
      { kind: 'text', text: 'Led by ' },
      { kind: 'group', key: KEY, alternatives: ['UN', 'AU'], single: false },
      { kind: 'text', text: '.' },
    ],
    provisions: [],
    stances,
    consensus: { status: 'open', groups: [] },
    ...extra,
  };
}

describe('clause filters in the address bar', () => {
  it('reads what it wrote, keeps other parameters and drops malformed values', () => {
    const filters = { blocked: true, noPosition: ISRAEL, due: true };
    const search = withClauseFilters(new URLSearchParams('other=1'), filters);
    expect(search.toString()).toBe(`other=1&status=blocked&noPosition=${ISRAEL}&due=week`);
    expect(clauseFiltersFromSearch(search)).toEqual(filters);
    expect(withClauseFilters(search, NO_CLAUSE_FILTERS).toString()).toBe('other=1');
    expect(clauseFiltersFromSearch(new URLSearchParams('status=open&noPosition=israel&due=1'))).toEqual(NO_CLAUSE_FILTERS);
  });
});

describe('due this week', () => {
  // 21:30 UTC on 1 June is already 2 June in Gaza (UTC+3 in summer).
  const now = new Date('2026-06-01T21:30:00Z');

  it('counts today and the six days after it in the agreement’s zone, not the viewer’s', () => {
    expect(isDueThisWeek('2026-06-01T22:00:00Z', now, 'Asia/Gaza')).toBe(true); // 2 June, 01:00 in Gaza: today
    expect(isDueThisWeek('2026-06-08T20:00:00Z', now, 'Asia/Gaza')).toBe(true); // 8 June, 23:00: the sixth day after
    expect(isDueThisWeek('2026-06-08T21:30:00Z', now, 'Asia/Gaza')).toBe(false); // 9 June, 00:30: the seventh
    expect(isDueThisWeek('2026-06-01T20:00:00Z', now, 'Asia/Gaza')).toBe(false); // 1 June, 23:00 in Gaza: yesterday
    expect(isDueThisWeek('2026-06-01T20:00:00Z', now, 'UTC')).toBe(true); // but today in UTC
    expect(isDueThisWeek(null, now, 'UTC')).toBe(false);
  });

  it('holds a clause without a deadline to its document’s', () => {
    expect(clauseDeadline({ deadline: null }, { deadline: '2026-06-03T00:00:00Z' })).toBe('2026-06-03T00:00:00Z');
    expect(clauseDeadline({ deadline: '2026-06-02T00:00:00Z' }, { deadline: '2026-06-03T00:00:00Z' })).toBe('2026-06-02T00:00:00Z');
    const c = clause([]);
    const filters = { ...NO_CLAUSE_FILTERS, due: true };
    expect(matchesClauseFilters(c, { deadline: '2026-06-03T00:00:00Z' }, filters, now, 'Asia/Gaza')).toBe(true);
    expect(matchesClauseFilters(c, { deadline: null }, filters, now, 'Asia/Gaza')).toBe(false);
  });
});

describe('no position from a party', () => {
  it('holds while the party has said nothing but "no position" on some group', () => {
    expect(lacksPositionFrom(clause([]), ISRAEL)).toBe(true);
    expect(lacksPositionFrom(clause([stance(ISRAEL, 0, 'no_position')]), ISRAEL)).toBe(true);
    expect(lacksPositionFrom(clause([stance(ISRAEL, 1, 'reject')]), ISRAEL)).toBe(false);
    expect(lacksPositionFrom(clause([stance(ISRAEL, 1, 'abstain')]), HAMAS)).toBe(true);
  });

  it('never holds for a clause without brackets', () => {
    expect(lacksPositionFrom(clause([], { segments: [{ kind: 'text', text: 'Agreed text.' }] }), ISRAEL)).toBe(false);
  });

  it('combines with the blocked filter', () => {
    const blocked = clause([], { consensus: { status: 'blocked', groups: [] } });
    const filters = { ...NO_CLAUSE_FILTERS, blocked: true, noPosition: ISRAEL };
    expect(matchesClauseFilters(blocked, { deadline: null }, filters, new Date(), 'UTC')).toBe(true);
    expect(matchesClauseFilters(clause([]), { deadline: null }, filters, new Date(), 'UTC')).toBe(false);
  });
});

describe('stance grid', () => {
  it('has a row per signatory, then other parties that spoke, and a cell per alternative', () => {
    const c = clause([stance(HAMAS, 1, 'accept_with_reservation', { reservation: 'Under a UN mandate' }), stance(ISRAEL, 0, 'reject')]);
    const rows = stanceGrid(c, KEY, 2, PARTIES);
    expect(rows.map((r) => [r.party.name, r.signatory])).toEqual([
      ['Israel', true],
      ['Hamas', true],
    ]);
    expect(rows.map((r) => r.cells.map(positionLabel))).toEqual([
      ['Reject (block)', 'No position'],
      ['No position', 'Accept with reservation'],
    ]);
    const withEgypt = stanceGrid(clause([stance(EGYPT, 0, 'accept')]), KEY, 2, PARTIES);
    expect(withEgypt.map((r) => [r.party.name, r.signatory])).toEqual([
      ['Israel', true],
      ['Hamas', true],
      ['Egypt', false],
    ]);
  });

  it('writes the omission of a single run as "(omit)"', () => {
    expect(alternativeText('')).toBe('(omit)');
    expect(alternativeText('UN')).toBe('UN');
  });

  it('names blockers the reader knows, and "a party" for one it does not', () => {
    const name = (id: string) => PARTIES.find((p) => p.id === id)?.name;
    const group = { blockers: [{ partyId: ISRAEL, alternative: 0 }, { partyId: HAMAS, alternative: 1 }, { partyId: ISRAEL, alternative: 2 }] };
    expect(blockersText(group, name)).toBe('Israel rejects alternatives 1, 3; Hamas rejects alternative 2');
    expect(blockersText({ blockers: [{ partyId: 'x', alternative: 0 }] }, name)).toBe('a party rejects alternative 1');
    expect(blockersText({ blockers: [] }, name)).toBe('');
  });
});

describe('bracket errors', () => {
  const markdown = '# Title\n\n1. The force\t[is [nested]].\n';
  it('shows the line of the file with a caret under the column', () => {
    const error = new ApiError(400, 'bracket_syntax', 'line 3, column 19: nested bracket', { line: 3, column: 19 });
    expect(bracketProblem(error, markdown)).toEqual({
      line: 3,
      column: 19,
      message: 'line 3, column 19: nested bracket',
      lineText: '1. The force [is [nested]].',
      caret: `${' '.repeat(18)}^`,
    });
  });

  it('is null for any other error', () => {
    expect(bracketProblem(new ApiError(400, 'validation_error', 'bad'), markdown)).toBeNull();
    expect(bracketProblem(new Error('x'), markdown)).toBeNull();
  });
});

describe('diffs in words', () => {
  it('counts inserted and deleted words', () => {
    expect(
      describeDiff([
        { op: 'equal', text: 'The ' },
        { op: 'delete', text: 'UN' },
        { op: 'insert', text: 'African Union' },
        { op: 'equal', text: ' force' },
      ]),
    ).toBe('2 words inserted, 1 word deleted');
    expect(describeDiff([{ op: 'equal', text: 'Same' }])).toBe('No change');
  });

  it('compares the one before the latest with the latest by default', () => {
    expect(defaultRange(5)).toEqual({ from: 4, to: 5 });
    expect(defaultRange(1)).toEqual({ from: 1, to: 1 });
  });
});
