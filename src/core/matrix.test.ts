import { describe, expect, it } from 'vitest';
import { bottleneckReasons, computeMatrix, countStatuses, nextDeadlineChange } from './matrix.ts';
import type { Agreement, Phase, Pillar, Provision } from './model.ts';

const agreement: Agreement = {
  id: 'a',
  slug: 'cairo-2026',
  title: 'Test',
  summary: '',
  status: 'in_force',
  timeZone: 'Asia/Gaza',
  illustrative: true,
  public: true,
  sourceNote: '',
  version: 1,
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
};

const phase = (id: string, ordinal: number): Phase => ({
  id,
  agreementId: 'a',
  ordinal,
  name: `Phase ${ordinal}`,
  objective: `Objective ${ordinal}`,
  status: 'planned',
  plannedStart: null,
  plannedEnd: null,
  version: 1,
});

let seq = 0;
const provision = (overrides: Partial<Provision>): Provision => ({
  id: `p${(seq += 1)}`,
  agreementId: 'a',
  phaseId: 'ph1',
  pillarId: null,
  ordinal: seq,
  code: '',
  title: 'Obligation',
  text: '',
  category: 'ceasefire',
  obligatedPartyId: null,
  deadline: null,
  verificationMethod: '',
  status: 'not_started',
  clauseId: null,
  version: 1,
  updatedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

const now = new Date('2026-06-20T12:00:00Z');

describe('bottleneckReasons', () => {
  it('marks a provision overdue once its deadline has passed unfulfilled, with whole days late', () => {
    const p = provision({ deadline: '2026-06-13T21:00:00Z', status: 'intermediate' });
    expect(bottleneckReasons(p, now)).toEqual([{ kind: 'overdue', deadline: '2026-06-13T21:00:00Z', daysOverdue: 6 }]);
  });

  it('does not mark a fulfilled or not-yet-due provision', () => {
    expect(bottleneckReasons(provision({ deadline: '2026-06-13T21:00:00Z', status: 'full' }), now)).toEqual([]);
    expect(bottleneckReasons(provision({ deadline: '2026-06-20T12:00:00Z' }), now)).toEqual([]);
    expect(bottleneckReasons(provision({ deadline: '2026-07-01T00:00:00Z' }), now)).toEqual([]);
  });

  it('counts verified violations of the last 7 days as a reason, fulfilled or not', () => {
    expect(bottleneckReasons(provision({ status: 'full' }), now, 3)).toEqual([{ kind: 'violations', count: 3, days: 7 }]);
    expect(bottleneckReasons(provision({}), now, 0)).toEqual([]);
  });

  it('gives both reasons for a disputed provision past its deadline', () => {
    const reasons = bottleneckReasons(provision({ deadline: '2026-06-19T12:00:00Z', status: 'disputed' }), now);
    expect(reasons.map((r) => r.kind)).toEqual(['overdue', 'disputed']);
  });
});

describe('countStatuses', () => {
  it('counts each status and scores the PAM scale, leaving disputed off it', () => {
    const counts = countStatuses([
      provision({ status: 'full' }),
      provision({ status: 'minimal' }),
      provision({ status: 'disputed' }),
    ]);
    expect(counts.total).toBe(3);
    expect(counts.byStatus).toEqual({ not_started: 0, minimal: 1, intermediate: 0, full: 1, disputed: 1 });
    expect(counts.score).toBeCloseTo(4 / 6);
  });

  it('has no score when nothing is on the scale', () => {
    expect(countStatuses([]).score).toBeNull();
    expect(countStatuses([provision({ status: 'disputed' })]).score).toBeNull();
  });
});

describe('computeMatrix', () => {
  const phases = [phase('ph2', 2), phase('ph1', 1), phase('ph3', 3)];
  const pillars: Pillar[] = [
    { id: 'pl1', agreementId: 'a', ordinal: 1, title: 'Withdrawals', description: '', version: 1 },
  ];
  const provisions = [
    provision({ id: 'late', phaseId: 'ph1', ordinal: 2, code: '1.2', deadline: '2026-06-10T00:00:00Z', pillarId: 'pl1' }),
    provision({ id: 'ok', phaseId: 'ph1', ordinal: 1, code: '1.1', status: 'full' }),
    provision({ id: 'contested', phaseId: 'ph2', ordinal: 1, code: '2.1', status: 'disputed', pillarId: 'pl1' }),
  ];
  const matrix = computeMatrix({ agreement, parties: [], phases, pillars, provisions, recentViolations: new Map(), now });

  it('orders phases and their provisions by position', () => {
    expect(matrix.rows.map((r) => r.phase.id)).toEqual(['ph1', 'ph2', 'ph3']);
    expect(matrix.rows[0]!.realities.map((p) => p.code)).toEqual(['1.1', '1.2']);
    expect(matrix.rows[2]!.realities).toEqual([]);
  });

  it('computes each phase’s bottlenecks from the data', () => {
    expect(matrix.rows[0]!.bottlenecks).toEqual([
      {
        provisionId: 'late',
        code: '1.2',
        title: 'Obligation',
        obligatedPartyId: null,
        reasons: [{ kind: 'overdue', deadline: '2026-06-10T00:00:00Z', daysOverdue: 10 }],
      },
    ]);
    expect(matrix.rows[1]!.bottlenecks.map((b) => b.reasons)).toEqual([[{ kind: 'disputed' }]]);
    expect(matrix.rows[2]!.bottlenecks).toEqual([]);
  });

  it('summarizes progress per phase, per pillar and overall', () => {
    expect(matrix.rows[0]!.progress.score).toBeCloseTo(0.5);
    expect(matrix.pillars).toEqual([
      expect.objectContaining({ provisionIds: ['late', 'contested'], bottleneckCount: 2 }),
    ]);
    expect(matrix.totals).toMatchObject({ total: 3, bottlenecks: 2 });
    expect(matrix.asOf).toBe('2026-06-20T12:00:00.000Z');
  });

  it('follows the clock it is given: the same data is not overdue earlier', () => {
    const before = computeMatrix({ agreement, parties: [], phases, pillars, provisions, recentViolations: new Map(), now: new Date('2026-06-01T00:00:00Z') });
    expect(before.rows[0]!.bottlenecks).toEqual([]);
  });

  it('makes a provision with verified violations in the last 7 days a bottleneck of its phase', () => {
    const withViolations = computeMatrix({ agreement, parties: [], phases, pillars, provisions, recentViolations: new Map([['ok', 2]]), now });
    expect(withViolations.rows[0]!.bottlenecks.map((b) => [b.provisionId, b.reasons])).toEqual([
      ['ok', [{ kind: 'violations', count: 2, days: 7 }]],
      ['late', [{ kind: 'overdue', deadline: '2026-06-10T00:00:00Z', daysOverdue: 10 }]],
    ]);
    expect(withViolations.totals.bottlenecks).toBe(3);
  });
});

describe('nextDeadlineChange', () => {
  const now = new Date('2026-06-20T12:00:00.000Z');
  it('is just after a coming deadline, then every 24 hours after a past one, and never for a provision in full', () => {
    const coming = provision({ deadline: '2026-06-21T00:00:00.000Z' });
    expect(nextDeadlineChange([coming], now)?.toISOString()).toBe('2026-06-21T00:00:00.001Z');
    const past = provision({ deadline: '2026-06-18T18:00:00.000Z' });
    expect(bottleneckReasons(past, now)).toEqual([{ kind: 'overdue', deadline: past.deadline, daysOverdue: 1 }]);
    const change = nextDeadlineChange([past], now)!;
    expect(change.toISOString()).toBe('2026-06-20T18:00:00.000Z');
    expect(bottleneckReasons(past, new Date(change.getTime() - 1))).toEqual(bottleneckReasons(past, now));
    expect(bottleneckReasons(past, change)).toEqual([{ kind: 'overdue', deadline: past.deadline, daysOverdue: 2 }]);
    expect(nextDeadlineChange([coming, past], now)).toEqual(change);
    expect(nextDeadlineChange([provision({ deadline: '2026-06-18T18:00:00.000Z', status: 'full' }), provision({ deadline: null })], now)).toBeNull();
  });
});
