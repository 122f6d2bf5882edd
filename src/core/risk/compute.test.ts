import { describe, expect, it } from 'vitest';
import { combineRisk, computeRisk, RISK_MEASURES, type RiskMeasure } from './compute.ts';
import type { RiskFacts } from './facts.ts';
import { RISK_PART_KEYS, type RiskPartKey } from './parts.ts';
import { resolveWeights } from './weights.ts';

const AS_OF = '2026-06-20';
const NOW = '2026-06-20T12:00:00.000Z';

/** Facts with no data anywhere but the (empty) incident trend. */
function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    asOf: AS_OF,
    now: NOW,
    verifiedDays: [],
    escalation: null,
    provisions: [],
    clauses: [],
    withdrawals: [],
    gate: null,
    force: { required: 0, gap: 0 },
    funding: { budget: 0, commitmentGap: 0, currency: null },
    precedents: null,
    ...overrides,
  };
}

const days = (day: string, n: number) => Array.from({ length: n }, () => day);
const provision = (id: string, deadline: string | null, status: RiskFacts['provisions'][number]['status'] = 'minimal') => ({ id, label: `P ${id}`, status, deadline, deadlineDay: deadline?.slice(0, 10) ?? null });
const clause = (id: string, deadline: string | null, status: RiskFacts['clauses'][number]['status'] = 'open') => ({ id, label: `Text §${id}`, status, deadline, deadlineDay: deadline?.slice(0, 10) ?? null });

describe('violation trend', () => {
  it('scores the rise of the last 14 days over the 14 before, 0 when flat or falling', () => {
    const rising = RISK_MEASURES.violation_trend(facts({ verifiedDays: [...days('2026-06-20', 4), ...days('2026-06-07', 3), ...days('2026-06-06', 1), ...days('2026-05-23', 2)] }));
    // Recent: 06-07..06-20 (7); earlier: 05-24..06-06 (1); 05-23 is outside both.
    expect(rising.measure).toBe(6);
    expect(rising.score).toBeCloseTo(6 / 9, 4);
    expect(rising.value).toBe('7 verified incidents in the 14 days to 2026-06-20, 1 in the 14 days before (+6)');
    expect(rising.explanation).toContain('max(0, 6) / (7 + 1 + 1) = 0.67');
    const falling = RISK_MEASURES.violation_trend(facts({ verifiedDays: [...days('2026-06-01', 5), '2026-06-19'] }));
    expect([falling.measure, falling.score]).toEqual([-4, 0]);
  });

  it('counts none as 0 (data: the monitors report every day) and ignores days after the as-of day', () => {
    const none = RISK_MEASURES.violation_trend(facts({ verifiedDays: ['2026-06-21', '2026-07-01'] }));
    expect([none.measure, none.score]).toEqual([0, 0]);
    expect(none.value).toContain('0 verified incidents');
    const one = RISK_MEASURES.violation_trend(facts({ verifiedDays: ['2026-06-20'] }));
    expect(one.score).toBe(0.5);
    expect(one.value).toContain('1 verified incident in');
  });
});

describe('excitation', () => {
  const fit = (ratio: number, adjacency: number[][], keys = ['p1', 'p2', 'unattributed']) => ({
    fitted: true,
    reason: null,
    events: 40,
    branchingRatio: ratio,
    dimensions: keys.map((key) => ({ key, label: key === 'p1' ? 'Party One' : key === 'p2' ? 'Party Two' : 'Not attributed' })),
    adjacency,
  });

  it('scores min(1, branching ratio) and names the largest cross-excitation between two parties', () => {
    const m = RISK_MEASURES.excitation(facts({ escalation: fit(0.62, [[0.1, 0.3, 0.9], [0.2, 0.1, 0], [0.5, 0.5, 0.4]]) }));
    expect(m.score).toBe(0.62);
    expect(m.measure).toBe(0.62);
    // adjacency[0][1] = 0.3: Party One's incidents follow Party Two's. The unattributed 0.9 is no party's retaliation.
    expect(m.value).toBe('Branching ratio 0.62, fitted on 40 verified incidents; largest cross-excitation: 0.30 incidents attributed to Party One follow each one attributed to Party Two');
    expect(RISK_MEASURES.excitation(facts({ escalation: fit(1.4, [[0.7, 0], [0, 0.7]], ['p1', 'p2']) })).score).toBe(1);
    expect(RISK_MEASURES.excitation(facts({ escalation: fit(0.2, [[0.2]], ['p1']) })).value).toContain('no cross-excitation between two parties');
  });

  it('has no data without a forecast or a fit, and says why', () => {
    expect(RISK_MEASURES.excitation(facts()).score).toBeNull();
    expect(RISK_MEASURES.excitation(facts()).value).toBe('The forecast is not available');
    const unfitted = RISK_MEASURES.excitation(facts({ escalation: { fitted: false, reason: 'fewer than 20 verified incidents', events: 3, branchingRatio: null, dimensions: [], adjacency: [] } }));
    expect([unfitted.score, unfitted.measure]).toEqual([null, null]);
    expect(unfitted.value).toBe('No fit: fewer than 20 verified incidents');
    expect(RISK_MEASURES.excitation(facts({ escalation: { fitted: false, reason: null, events: 3, branchingRatio: null, dimensions: [], adjacency: [] } })).value).toBe('No fit on 3 verified incidents');
  });
});

describe('overdue provisions', () => {
  it('is the share of provisions with a deadline that are past it and not in full, the latest first', () => {
    const m = RISK_MEASURES.overdue_provisions(
      facts({
        provisions: [
          provision('a', '2026-06-18T00:00:00.000Z'),
          provision('b', '2026-06-10T00:00:00.000Z', 'disputed'),
          provision('c', '2026-06-01T00:00:00.000Z', 'full'),
          provision('d', '2026-07-01T00:00:00.000Z'),
          provision('e', null),
        ],
      }),
    );
    expect(m.score).toBe(0.5);
    expect(m.value).toBe('2 of 4 provisions with a deadline are past it and not in full: P b (10 days late); P a (2 days late)');
    expect(m.links.map((l) => l.id)).toEqual(['b', 'a']);
  });

  it('counts a deadline earlier the same day, and has no data when no provision has a deadline', () => {
    expect(RISK_MEASURES.overdue_provisions(facts({ provisions: [provision('a', '2026-06-20T06:00:00.000Z')] })).value).toContain('due earlier today');
    expect(RISK_MEASURES.overdue_provisions(facts({ provisions: [provision('a', '2026-06-20T18:00:00.000Z')] })).score).toBe(0);
    const none = RISK_MEASURES.overdue_provisions(facts({ provisions: [provision('a', null)] }));
    expect([none.score, none.value]).toEqual([null, 'No provision has a deadline']);
  });
});

describe('clauses not agreed against their deadlines', () => {
  it('counts clauses not agreed past their deadline or due within 14 days, among clauses with one', () => {
    const m = RISK_MEASURES.clauses_overdue(
      facts({
        clauses: [
          clause('1', '2026-06-15T00:00:00.000Z', 'blocked'),
          clause('2', '2026-07-04T12:00:00.000Z', 'converging'), // exactly 14 days ahead: counts
          clause('3', '2026-07-04T12:00:00.001Z'), // just after: does not
          clause('4', '2026-06-01T00:00:00.000Z', 'agreed'),
          clause('5', null),
        ],
      }),
    );
    expect(m.score).toBe(0.5);
    expect(m.value).toBe('2 of 4 clauses with a deadline are not agreed and past it or due within 14 days (1 past): Text §1 (blocked, due 2026-06-15); Text §2 (converging, due 2026-07-04)');
    expect(m.links).toEqual([{ kind: 'clause', id: '1', label: 'Text §1' }, { kind: 'clause', id: '2', label: 'Text §2' }]);
  });

  it('has no data when no clause has a deadline, and lists only the first three', () => {
    expect(RISK_MEASURES.clauses_overdue(facts({ clauses: [clause('1', null)] })).score).toBeNull();
    const many = RISK_MEASURES.clauses_overdue(facts({ clauses: ['1', '2', '3', '4', '5'].map((id) => clause(id, `2026-06-0${id}T00:00:00.000Z`)) }));
    expect(many.score).toBe(1);
    expect(many.value).toMatch(/§3 \(open, due 2026-06-03\); and 2 more$/);
  });
});

describe('failing gates', () => {
  it("is the share of the next phase's gate conditions not met", () => {
    const m = RISK_MEASURES.failing_gates(facts({ gate: { phaseId: 'ph2', phaseName: 'Phase Two', conditions: [{ label: 'Force in place', met: false }, { label: 'Quiet', met: true }, { label: 'Texts agreed', met: false }] } }));
    expect(m.score).toBeCloseTo(2 / 3, 4);
    expect(m.value).toBe("2 of the 3 conditions of Phase Two's gate are not met: Force in place; Texts agreed");
    expect(m.links).toEqual([{ kind: 'gate', id: 'ph2', label: 'Gate of Phase Two' }]);
    expect(RISK_MEASURES.failing_gates(facts({ gate: { phaseId: 'ph2', phaseName: 'Phase Two', conditions: [{ label: 'Quiet', met: true }] } })).score).toBe(0);
  });

  it('has no data without a phase to come or without conditions', () => {
    expect(RISK_MEASURES.failing_gates(facts()).value).toBe('No phase is still to come');
    const empty = RISK_MEASURES.failing_gates(facts({ gate: { phaseId: 'ph2', phaseName: 'Phase Two', conditions: [] } }));
    expect([empty.score, empty.value]).toEqual([null, 'Phase Two, the next phase, has no gate conditions']);
  });
});

describe('force and funding gaps', () => {
  it('averages the personnel gap share and the uncommitted budget share', () => {
    const m = RISK_MEASURES.force_gaps(facts({ force: { required: 5000, gap: 1200 }, funding: { budget: 100_000_000, commitmentGap: 40_000_000, currency: 'USD' } }));
    expect(m.score).toBe(0.32);
    expect(m.value).toBe('1,200 of 5,000 personnel required not covered (24 %); 40,000,000 of the 100,000,000 USD budget not committed (40 %)');
    expect(m.explanation).toContain('(0.24 + 0.40) / 2 = 0.32');
  });

  it('uses the one share there is, and has no data with neither', () => {
    expect(RISK_MEASURES.force_gaps(facts({ force: { required: 100, gap: 100 } })).score).toBe(1);
    expect(RISK_MEASURES.force_gaps(facts({ funding: { budget: 10, commitmentGap: 0, currency: null } })).score).toBe(0);
    expect(RISK_MEASURES.force_gaps(facts()).score).toBeNull();
  });
});

describe('precedents', () => {
  const base = { n: 85, days: 365, types: ['cease', 'withd'], label: '41 % of 85 agreements with cease and withd had ended within 365 days (UCDP v22.1)', source: 'UCDP Peace Agreement Dataset v22.1 (CC BY 4.0)' };
  it('is the base rate of the precedents ending within a year, with their source', () => {
    const m = RISK_MEASURES.precedents(facts({ precedents: { ...base, rate: 0.412 } }));
    expect(m.score).toBe(0.412);
    expect(m.value).toBe(base.label);
    expect(m.explanation).toContain('1 − S(365)');
    expect(m.source).toBe(base.source);
  });
  it('has no data when unavailable or with nothing to count', () => {
    expect(RISK_MEASURES.precedents(facts()).score).toBeNull();
    const none = RISK_MEASURES.precedents(facts({ precedents: { ...base, n: 3, rate: null, label: 'Too few precedents: 3 agreements (UCDP v22.1), fewer than 10' } }));
    expect([none.score, none.measure, none.value]).toEqual([null, null, 'Too few precedents: 3 agreements (UCDP v22.1), fewer than 10']);
  });
});

describe('next deadline', () => {
  it('takes the soonest open deadline ahead: 1 today, 0 at 30 days, passed ones left to the overdue parts', () => {
    const f = facts({
      provisions: [provision('late', '2026-06-01T00:00:00.000Z'), provision('done', '2026-06-21T00:00:00.000Z', 'full'), provision('p', '2026-06-29T00:00:00.000Z')],
      clauses: [clause('agreed', '2026-06-22T00:00:00.000Z', 'agreed'), clause('c', '2026-06-29T09:00:00.000Z')],
      withdrawals: [{ id: 'w1', label: 'Brigade from Rafah', deadline: '2026-06-25', verified: true }, { id: 'w2', label: 'Unit from Khan Younis', deadline: '2026-07-10', verified: false }],
    });
    const m = RISK_MEASURES.next_deadline(f);
    expect(m.measure).toBe(9);
    expect(m.score).toBe(0.7);
    expect(m.value).toBe('9 days, to 2026-06-29: P p (provision); Text §c (clause)');
    expect(m.links.map((l) => l.id)).toEqual(['p', 'c']);
    const today = RISK_MEASURES.next_deadline(facts({ withdrawals: [{ id: 'w', label: 'Unit', deadline: AS_OF, verified: false }] }));
    expect([today.measure, today.score, today.value]).toEqual([0, 1, 'Due today: Unit (withdrawal)']);
    expect(RISK_MEASURES.next_deadline(facts({ withdrawals: [{ id: 'w', label: 'Unit', deadline: '2026-07-30', verified: false }] })).score).toBe(0);
  });

  it('has no data with no open deadline ahead', () => {
    const m = RISK_MEASURES.next_deadline(facts({ provisions: [provision('late', '2026-06-01T00:00:00.000Z')] }));
    expect([m.score, m.value]).toEqual([null, 'No open deadline ahead']);
  });
});

describe('the score', () => {
  const measured = (key: RiskPartKey, score: number | null): RiskMeasure & { key: RiskPartKey } => ({ key, value: '', measure: score, score, source: '', explanation: '', links: [] });

  it('is 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with data, each part showing its points', () => {
    const weights = resolveWeights({ violation_trend: 2, excitation: 1 });
    const r = combineRisk([measured('violation_trend', 0.5), measured('excitation', 0.8), measured('precedents', null)], weights);
    expect(r.score).toBe(60); // 100 × (2×0.5 + 1×0.8) / 3
    expect(r.parts.map((p) => [p.key, p.weight, p.contribution])).toEqual([
      ['violation_trend', 2, 33.3],
      ['excitation', 1, 26.7],
      ['precedents', 1, null],
    ]);
    expect(r.parts[0]!.label).toBe('Violation trend');
  });

  it('leaves out parts weighing 0, and is null when no part counts', () => {
    const zero = resolveWeights({ violation_trend: 0 });
    const r = combineRisk([measured('violation_trend', 1), measured('excitation', 0.2)], zero);
    expect(r.score).toBe(20);
    expect(r.parts[0]!.contribution).toBe(0);
    expect(combineRisk([measured('violation_trend', 1)], zero).score).toBeNull();
    expect(combineRisk([measured('violation_trend', null), measured('excitation', null)], resolveWeights({})).score).toBeNull();
  });

  it('measures every part in order; with no data but the incident trend the score is that part', () => {
    const r = computeRisk(facts({ verifiedDays: ['2026-06-20', '2026-06-19', '2026-06-18'] }), resolveWeights({}));
    expect(r.parts.map((p) => p.key)).toEqual([...RISK_PART_KEYS]);
    expect(r.parts.filter((p) => p.score !== null).map((p) => p.key)).toEqual(['violation_trend']);
    expect(r.score).toBe(75);
    const allOut = computeRisk(facts(), resolveWeights({ violation_trend: 0 }));
    expect(allOut.score).toBeNull();
    expect(allOut.parts.every((p) => p.contribution === null)).toBe(true);
  });
});
