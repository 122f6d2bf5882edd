import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_WEIGHT, RISK_PART_KEYS } from './parts.ts';
import { parseWeightAssignments, resolveWeights } from './weights.ts';

describe('resolving stored weights', () => {
  it('gives every part its stored weight, or the default when absent or not a weight', () => {
    const w = resolveWeights({ violation_trend: 3, excitation: 0, precedents: 11, force_gaps: -1, next_deadline: 'x', unknown: 5 });
    expect(Object.keys(w)).toEqual([...RISK_PART_KEYS]);
    expect(w).toMatchObject({ violation_trend: 3, excitation: 0, precedents: DEFAULT_RISK_WEIGHT, force_gaps: DEFAULT_RISK_WEIGHT, next_deadline: DEFAULT_RISK_WEIGHT });
    expect(w).not.toHaveProperty('unknown');
    for (const odd of [null, undefined, [], 'weights', 7]) expect(Object.values(resolveWeights(odd))).toEqual(RISK_PART_KEYS.map(() => DEFAULT_RISK_WEIGHT));
  });
});

describe('parsing key=value weights', () => {
  it('reads each part and weight, the last of a repeated key winning', () => {
    expect(parseWeightAssignments(['violation_trend=2', ' precedents = 0.5 ', 'violation_trend=10'])).toEqual({ ok: true, value: { violation_trend: 10, precedents: 0.5 } });
    expect(parseWeightAssignments([])).toEqual({ ok: true, value: {} });
  });

  it('refuses what is not key=value, an unknown part, or a weight outside 0–10, naming it', () => {
    expect(parseWeightAssignments(['violation_trend'])).toEqual({ ok: false, message: expect.stringContaining('"violation_trend" is not key=value') });
    expect(parseWeightAssignments(['moon=1'])).toEqual({ ok: false, message: expect.stringContaining('"moon" is not a part of the risk') });
    for (const bad of ['11', '-1', 'abc', '1e1', 'NaN']) {
      expect(parseWeightAssignments([`excitation=${bad}`])).toEqual({ ok: false, message: `The weight of excitation must be a number from 0 to 10, not "${bad}"` });
    }
  });
});
