import { describe, expect, it } from 'vitest';
import type { GateCondition } from './conditions.ts';
import { evaluateGate, judgeCondition } from './evaluate.ts';
import { facts, TODAY } from './test/fixtures.ts';

describe('evaluateGate', () => {
  it('passes a gate without conditions', () => {
    expect(evaluateGate([], facts(), TODAY)).toEqual({ passes: true, conditions: [] });
  });

  it('passes when every condition is met, and gives each its index and condition', () => {
    const conditions: GateCondition[] = [
      { kind: 'withdrawal_verified', label: 'Withdrawn', phaseId: 'ph1' },
      { kind: 'no_verified_violation', label: 'Quiet', days: 7 },
    ];
    const result = evaluateGate(conditions, facts({ withdrawals: [{ id: 'w1', label: 'Brigade 4', phaseId: 'ph1', status: 'verified', since: '2026-03-08' }] }), TODAY);
    expect(result.passes).toBe(true);
    expect(result.conditions.map((c) => [c.index, c.condition, c.met, c.since])).toEqual([
      [0, conditions[0], true, '2026-03-08'],
      [1, conditions[1], true, null],
    ]);
  });

  it('fails when one condition is not met, keeping the others', () => {
    const conditions: GateCondition[] = [
      { kind: 'no_verified_violation', label: 'Quiet', days: 7 },
      { kind: 'clauses_agreed', label: 'Annex', documentId: 'gone' },
    ];
    const result = evaluateGate(conditions, facts(), TODAY);
    expect(result.passes).toBe(false);
    expect(result.conditions.map((c) => c.met)).toEqual([true, false]);
    expect(result.conditions[1]?.detail).toBe('Document not found: it may have been deleted');
  });

  it('does not meet a kind it does not know (stored by a newer version)', () => {
    const odd = { kind: 'moon_phase', label: 'Full moon' } as unknown as GateCondition;
    expect(judgeCondition(odd, facts(), TODAY)).toEqual({ met: false, detail: 'Unknown condition kind "moon_phase"', evidence: [], since: null });
    expect(evaluateGate([odd], facts(), TODAY).passes).toBe(false);
  });
});
