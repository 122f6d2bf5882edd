import { describe, expect, it } from 'vitest';
import { judgeIndicator, judgeViolations, judgeWithdrawals, observedRecently, periodsNeeded } from './checks-ground.ts';
import type { GateIndicatorFact, GateViolationFact, GateWithdrawalFact } from './facts.ts';
import { facts, TODAY } from './test/fixtures.ts';

const withdrawal = (id: string, status: GateWithdrawalFact['status'], since: string | null = null, phaseId = 'ph1'): GateWithdrawalFact => ({
  id,
  label: `Unit ${id}`,
  phaseId,
  status,
  since,
});

describe('withdrawal_verified', () => {
  const condition = { kind: 'withdrawal_verified' as const, label: 'Withdrawals verified', phaseId: 'ph1' };

  it('is not met when the phase has no withdrawal items: nothing to verify', () => {
    const result = judgeWithdrawals(condition, facts({ withdrawals: [withdrawal('X', 'verified', '2026-03-01', 'ph2')] }));
    expect(result).toEqual({ met: false, detail: 'No withdrawal items in this phase: nothing to verify', evidence: [], since: null });
  });

  it('is met when every item is verified, since the last verification', () => {
    const result = judgeWithdrawals(condition, facts({ withdrawals: [withdrawal('A', 'verified', '2026-03-02'), withdrawal('B', 'verified', '2026-03-05')] }));
    expect(result.met).toBe(true);
    expect(result.detail).toBe('2 of 2 withdrawal items verified');
    expect(result.since).toBe('2026-03-05');
    expect(result.evidence).toEqual([
      { kind: 'withdrawal', id: 'A', label: 'Unit A', note: 'verified' },
      { kind: 'withdrawal', id: 'B', label: 'Unit B', note: 'verified' },
    ]);
  });

  it('names the items not verified, late first', () => {
    const result = judgeWithdrawals(
      condition,
      facts({ withdrawals: [withdrawal('A', 'verified', '2026-03-02'), withdrawal('B', 'on_time'), withdrawal('X', 'late', '2026-03-04'), withdrawal('D', 'disputed', '2026-03-06')] }),
    );
    expect(result.met).toBe(false);
    expect(result.since).toBeNull();
    expect(result.detail).toBe('1 of 4 withdrawal items verified; late: Unit X; disputed: Unit D; on time: Unit B');
  });
});

describe('indicator_at_target', () => {
  const indicator = (overrides: Partial<GateIndicatorFact> = {}): GateIndicatorFact => ({
    id: 'i1',
    label: 'Aid trucks a day',
    period: 'day',
    streakPeriods: 14,
    since: '2026-02-25',
    latest: { observedOn: TODAY, value: 600 },
    ...overrides,
  });
  const condition = { kind: 'indicator_at_target' as const, label: 'Trucks at target', indicatorId: 'i1', days: 14 };

  it('is met with a streak as long as asked, up to today, since the streak began', () => {
    const result = judgeIndicator(condition, facts({ indicators: [indicator()] }), TODAY);
    expect(result).toEqual({
      met: true,
      detail: '14 consecutive days at target (needs 14); latest 600 on 2026-03-10',
      evidence: [{ kind: 'indicator', id: 'i1', label: 'Aid trucks a day', note: 'latest 600 on 2026-03-10' }],
      since: '2026-02-25',
    });
  });

  it('is not met one period short', () => {
    const result = judgeIndicator(condition, facts({ indicators: [indicator({ streakPeriods: 13 })] }), TODAY);
    expect(result.met).toBe(false);
    expect(result.since).toBeNull();
  });

  it("accepts yesterday's observation for a daily indicator but not an older one", () => {
    expect(judgeIndicator(condition, facts({ indicators: [indicator({ latest: { observedOn: '2026-03-09', value: 1 } })] }), TODAY).met).toBe(true);
    const stale = judgeIndicator(condition, facts({ indicators: [indicator({ latest: { observedOn: '2026-03-08', value: 1 } })] }), TODAY);
    expect(stale.met).toBe(false);
    expect(stale.detail).toContain('does not run up to today');
  });

  it('counts weeks for a weekly indicator: 14 days are 2 weeks, 15 are 3', () => {
    const weekly = indicator({ period: 'week', streakPeriods: 2, latest: { observedOn: '2026-03-02', value: 5 } });
    expect(judgeIndicator(condition, facts({ indicators: [weekly] }), TODAY).met).toBe(true);
    expect(judgeIndicator({ ...condition, days: 15 }, facts({ indicators: [weekly] }), TODAY).met).toBe(false);
    expect(periodsNeeded(14, 'week')).toBe(2);
    expect(periodsNeeded(1, 'week')).toBe(1);
    expect(periodsNeeded(14, 'day')).toBe(14);
  });

  it('keeps a weekly streak running from this ISO week or the one before', () => {
    // 2026-03-10 is a Tuesday: this week began on the 9th, the one before on the 2nd.
    expect(observedRecently('2026-03-02', 'week', TODAY)).toBe(true);
    expect(observedRecently('2026-03-01', 'week', TODAY)).toBe(false);
  });

  it('is not met without an observation, or when the indicator is gone', () => {
    expect(judgeIndicator(condition, facts({ indicators: [indicator({ latest: null, streakPeriods: 0, since: null })] }), TODAY)).toMatchObject({
      met: false,
      detail: 'No observation yet (needs 14 days at target)',
    });
    expect(judgeIndicator(condition, facts(), TODAY)).toEqual({ met: false, detail: 'Indicator not found: it may have been deleted', evidence: [], since: null });
  });
});

describe('no_verified_violation', () => {
  const violation = (id: string, occurredOn: string, category = 'shelling'): GateViolationFact => ({ id, label: `Incident ${id}`, category, occurredOn });
  const condition = { kind: 'no_verified_violation' as const, label: 'Quiet week', days: 7 };

  it('counts a violation after today − days, not one exactly days ago', () => {
    // today − 7 = 2026-03-03: outside the window; 2026-03-04 is inside.
    const onBoundary = judgeViolations(condition, facts({ violations: [violation('v1', '2026-03-03')] }), TODAY);
    expect(onBoundary).toEqual({ met: true, detail: 'No verified violation in the last 7 days; the last on 2026-03-03', evidence: [], since: '2026-03-04' });
    const inside = judgeViolations(condition, facts({ violations: [violation('v1', '2026-03-04')] }), TODAY);
    expect(inside.met).toBe(false);
    expect(inside.evidence).toEqual([{ kind: 'incident', id: 'v1', label: 'Incident v1', note: '2026-03-04' }]);
  });

  it('lists the violations in the window newest first', () => {
    const result = judgeViolations(condition, facts({ violations: [violation('a', '2026-03-05'), violation('b', '2026-03-09'), violation('c', '2026-01-01')] }), TODAY);
    expect(result.detail).toBe('2 verified violations in the last 7 days; the latest on 2026-03-09');
    expect(result.evidence.map((e) => e.id)).toEqual(['b', 'a']);
    expect(result.since).toBeNull();
  });

  it('looks only at the category asked', () => {
    const result = judgeViolations({ ...condition, category: 'airstrike' }, facts({ violations: [violation('a', '2026-03-09'), violation('b', '2026-02-01', 'airstrike')] }), TODAY);
    expect(result).toEqual({ met: true, detail: 'No verified violation (airstrike) in the last 7 days; the last on 2026-02-01', evidence: [], since: '2026-02-02' });
  });

  it('is met with no violation ever, since an unknown day', () => {
    expect(judgeViolations({ ...condition, days: 1 }, facts(), TODAY)).toEqual({ met: true, detail: 'No verified violation in the last 1 day', evidence: [], since: null });
  });
});
