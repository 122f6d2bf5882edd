import { describe, expect, it } from 'vitest';
import type { SinceView } from '../../../src/contract/index.ts';
import { countsText, deskCountsText, groupItems, sinceFromWords, sinceParam } from './sinceText.ts';

const counts = (over: Partial<SinceView['counts']>): SinceView['counts'] => ({
  incident_reported: 0,
  incident_verified: 0,
  provision_status: 0,
  deadline_passed: 0,
  deadline_due: 0,
  overdue: 0,
  note: 0,
  response: 0,
  clause_agreed: 0,
  clause_blocked: 0,
  gate_passed: 0,
  gate_failed: 0,
  ...over,
});
const item = (kind: SinceView['items'][number]['kind'], id: string) => ({ id, kind, at: '2026-06-19T10:00:00.000Z', title: id, detail: '', href: '/' });

describe('the since page’s words', () => {
  it('says where the start comes from and what the counts are', () => {
    expect(sinceFromWords('last_visit')).toBe('your last visit');
    expect(sinceFromWords('chosen')).toBe('the day you chose');
    expect(sinceFromWords('default')).toBe('7 days ago');
    expect(countsText({ newCount: 3, overdueCount: 1, dueSoonCount: 0 })).toBe('3 new · 1 overdue · 0 due within 7 days');
    expect(deskCountsText({ newCount: 0, overdueCount: 2 })).toBe('0 new · 2 overdue');
  });

  it('groups items by kind in the page’s order, and says when a kind lists fewer than it counts', () => {
    const groups = groupItems({
      items: [item('note', 'n1'), item('incident_reported', 'i1'), item('incident_reported', 'i2')],
      counts: counts({ note: 1, incident_reported: 250 }),
      limitPerKind: 100,
    });
    expect(groups.map((g) => [g.kind, g.label, g.count, g.items.map((i) => i.id), g.more])).toEqual([
      ['incident_reported', 'Incidents reported', 250, ['i1', 'i2'], 'The newest 2 of 250 are listed.'],
      ['note', 'Notes for you', 1, ['n1'], null],
    ]);
  });

  it('reads only a calendar date from the address', () => {
    expect(sinceParam('2026-06-18')).toBe('2026-06-18');
    expect(sinceParam('2026-02-30')).toBe('');
    expect(sinceParam('yesterday')).toBe('');
    expect(sinceParam(null)).toBe('');
  });
});
