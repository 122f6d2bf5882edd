import { describe, expect, it } from 'vitest';
import { checkGateConditions, GATE_CONDITION_KIND_LABELS, GATE_CONDITION_KINDS, GATE_PROVISION_STATUSES, parseGateConditions, type GateCondition } from './conditions.ts';

const VALID: GateCondition[] = [
  { kind: 'withdrawal_verified', label: 'Phase 1 withdrawals verified', phaseId: 'ph1' },
  { kind: 'indicator_at_target', label: 'Aid trucks at target for 14 days', indicatorId: 'i1', days: 14 },
  { kind: 'no_verified_violation', label: 'No shelling for 7 days', category: 'shelling', days: 7 },
  { kind: 'no_verified_violation', label: 'No violation for 30 days', days: 30 },
  { kind: 'clauses_agreed', label: 'Annex agreed', documentId: 'd1' },
  { kind: 'provisions_status', label: 'Phase 1 provisions complete', phaseId: 'ph1', status: 'full' },
  { kind: 'force_covered', label: 'Force in place' },
  { kind: 'force_covered', label: 'Medical covered', capability: 'Medical' },
  { kind: 'funding_committed', label: 'Half the budget committed', share: 0.5 },
  { kind: 'funding_committed', label: 'Budget committed' },
];

describe('gate condition kinds', () => {
  it('labels every kind', () => {
    expect(GATE_CONDITION_KINDS).toEqual([
      'withdrawal_verified',
      'indicator_at_target',
      'no_verified_violation',
      'clauses_agreed',
      'provisions_status',
      'force_covered',
      'funding_committed',
    ]);
    expect(Object.keys(GATE_CONDITION_KIND_LABELS)).toEqual([...GATE_CONDITION_KINDS]);
  });

  it('lets a gate wait for a PAM status, never for "disputed"', () => {
    expect(GATE_PROVISION_STATUSES).toEqual(['not_started', 'minimal', 'intermediate', 'full']);
  });
});

describe('checkGateConditions', () => {
  it('accepts every kind well formed, and no conditions at all', () => {
    expect(checkGateConditions(VALID)).toEqual([]);
    expect(checkGateConditions([])).toEqual([]);
  });

  it('wants a list of objects with a known kind', () => {
    expect(checkGateConditions({})).toEqual([{ path: 'conditions', message: 'must be a list' }]);
    expect(checkGateConditions([null, 'x'])).toEqual([
      { path: 'conditions.0', message: 'must be an object' },
      { path: 'conditions.1', message: 'must be an object' },
    ]);
    expect(checkGateConditions([{ kind: 'moon_phase', label: 'x' }])).toEqual([{ path: 'conditions.0.kind', message: expect.stringContaining('must be one of withdrawal_verified') }]);
    expect(checkGateConditions(Array.from({ length: 51 }, () => VALID[6]))).toEqual([{ path: 'conditions', message: 'must hold at most 50 conditions' }]);
  });

  it('wants a label', () => {
    expect(checkGateConditions([{ kind: 'force_covered', label: ' ' }])).toEqual([{ path: 'conditions.0.label', message: 'must say what the condition is' }]);
    expect(checkGateConditions([{ kind: 'force_covered' }])).toEqual([{ path: 'conditions.0.label', message: 'must say what the condition is' }]);
    expect(checkGateConditions([{ kind: 'force_covered', label: 'x'.repeat(201) }])).toEqual([{ path: 'conditions.0.label', message: 'must be at most 200 characters' }]);
  });

  it('checks days as a whole number from 1 to 365', () => {
    const days = (d: unknown) => checkGateConditions([VALID[0], VALID[1], { kind: 'no_verified_violation', label: 'x', days: d }]);
    expect(days(1)).toEqual([]);
    expect(days(365)).toEqual([]);
    for (const bad of [0, 366, 1.5, '7', -3]) {
      expect(days(bad)).toEqual([{ path: 'conditions.2.days', message: 'must be a whole number of days from 1 to 365' }]);
    }
    expect(days(undefined)).toEqual([{ path: 'conditions.2.days', message: 'is required' }]);
  });

  it('checks share from 0 to 1', () => {
    const share = (s: unknown) => checkGateConditions([{ kind: 'funding_committed', label: 'x', share: s }]);
    expect(share(0)).toEqual([]);
    expect(share(1)).toEqual([]);
    expect(share(null)).toEqual([]);
    for (const bad of [-0.1, 1.01, Number.NaN, '0.5']) expect(share(bad)).toEqual([{ path: 'conditions.0.share', message: 'must be a number from 0 to 1' }]);
  });

  it('checks ids, the incident category, the provision status and the capability', () => {
    expect(
      checkGateConditions([
        { kind: 'withdrawal_verified', label: 'x', phaseId: '' },
        { kind: 'indicator_at_target', label: 'x', indicatorId: 3, days: 5 },
        { kind: 'clauses_agreed', label: 'x' },
        { kind: 'no_verified_violation', label: 'x', days: 5, category: 'rumour' },
        { kind: 'provisions_status', label: 'x', phaseId: 'p', status: 'disputed' },
        { kind: 'force_covered', label: 'x', capability: '  ' },
      ]),
    ).toEqual([
      { path: 'conditions.0.phaseId', message: 'must be an id' },
      { path: 'conditions.1.indicatorId', message: 'must be an id' },
      { path: 'conditions.2.documentId', message: 'is required' },
      { path: 'conditions.3.category', message: expect.stringContaining('must be one of armed_attack') },
      { path: 'conditions.4.status', message: 'must be one of not_started, minimal, intermediate, full' },
      { path: 'conditions.5.capability', message: 'must name a capability' },
    ]);
  });

  it("refuses a field the kind does not have", () => {
    expect(checkGateConditions([{ kind: 'force_covered', label: 'x', days: 3 }])).toEqual([{ path: 'conditions.0.days', message: 'is not a field of force_covered' }]);
  });
});

describe('parseGateConditions', () => {
  it('types valid conditions, dropping nulls and trimming labels', () => {
    expect(parseGateConditions([{ kind: 'funding_committed', label: ' Half ', share: null }, VALID[2]])).toEqual({
      ok: true,
      value: [{ kind: 'funding_committed', label: 'Half' }, VALID[2]],
    });
  });

  it('returns the issues otherwise', () => {
    expect(parseGateConditions('x')).toEqual({ ok: false, issues: [{ path: 'conditions', message: 'must be a list' }] });
  });
});
