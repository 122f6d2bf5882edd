/** A brief for the layout's tests: every section filled, names in Arabic and Hebrew, text that looks like markup. */
import type { Brief } from './model.ts';

export function sampleBrief(overrides: Partial<Brief> = {}): Brief {
  return {
    agreement: { slug: 'cairo-2026', title: 'Gaza ceasefire <Phase Two> & "Cairo"', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: true },
    asOf: '2026-06-20',
    cutoff: '2026-06-20T20:59:59.999Z',
    audience: { kind: 'mediators', label: 'the mediators' },
    headline: 'Phase Two is next, its gate at 1 of 3 conditions; 2 verified violations in 7 days, next deadline in 5 days.',
    facts: ['Phase One is in force.', 'Phase Two is next: its gate meets 1 of 3 conditions.'],
    notes: ['Stances are read as recorded now.'],
    matrix: {
      parties: [{ id: 'p1', name: 'Hamas', localName: 'حماس' }],
      rows: [
        {
          phase: { name: 'Phase One', objective: 'Hold the truce lines', status: 'active' },
          realities: [{ code: '1.1', title: 'Halt attacks', status: 'intermediate', deadline: '2026-06-13T21:00:00.000Z' }],
          bottlenecks: [{ code: '1.1', title: 'Halt attacks', reasons: [{ kind: 'overdue', daysOverdue: 7 }, { kind: 'violations', count: 2, days: 7 }] }],
          progress: { total: 1, score: 0.67 },
          gate: null,
          withdrawals: { bottlenecks: [{ label: 'Division from Rafah', status: 'late' }] },
        },
        {
          phase: { name: 'Phase Two', objective: 'Political transition', status: 'planned' },
          realities: [],
          bottlenecks: [],
          progress: { total: 0, score: null },
          gate: { passes: false, met: 1, total: 3 },
          withdrawals: { bottlenecks: [] },
        },
      ],
    },
    negotiation: {
      documents: [
        {
          title: 'Phase Two text',
          deadline: '2026-06-25T09:00:00.000Z',
          revision: 3,
          consensus: { clauses: 3, agreed: 1, blocked: 1, converging: 0, open: 1, agreedShare: 1 / 3 },
          clauses: [
            { label: '§1', status: 'blocked', deadline: null, blockers: [{ partyId: 'p1', partyName: 'حماس', alternative: 'troops from *Egypt*' }], reservations: [] },
            { label: '§2', status: 'open', deadline: '2026-06-25T09:00:00.000Z', blockers: [], reservations: [{ partyId: 'p2', partyName: 'ישראל', text: 'Only with <script>alert(1)</script> | pipes', audience: 'party' }] },
          ],
        },
      ],
    },
    rounds: [
      {
        title: 'Cairo round',
        venue: 'Cairo',
        startsOn: '2026-06-06',
        endsOn: '2026-06-09',
        when: 'past',
        outcome: 'Talks continue',
        sessions: [{ venue: 'GIS building', startsAt: '2026-06-06T07:00:00.000Z', endsAt: '2026-06-06T10:00:00.000Z', allDay: false, agenda: ['Force'], outcome: '' }],
      },
    ],
    ground: {
      violations: { last7: 2, last30: 3, byParty: [{ label: 'Hamas', last7: 1, last30: 2 }, { label: 'Not attributed', last7: 1, last30: 1 }] },
      withdrawals: { counts: { on_time: 0, late: 1, verified: 0, disputed: 0 }, items: [{ label: 'Division from Rafah', phaseName: 'Phase One', deadline: '2026-06-10', status: 'late', since: '2026-06-11' }] },
      indicators: [{ name: 'Aid trucks', unit: 'trucks/day', comparison: '>=', target: 600, period: 'day', latest: { observedOn: '2026-06-19', value: 1234.5 }, met: true, streakPeriods: 3, since: '2026-06-17', source: 'gaza-projections.org' }],
    },
    force: {
      illustrative: true,
      totals: { required: 5000, covered: 3000, gap: 2000 },
      requirements: [{ label: 'Infantry · Rafah', required: 5000, covered: 3000, gap: 2000 }],
      funding: { budget: 1_000_000, pledged: 800_000, committed: 500_000, disbursed: 100_000, commitmentGap: 500_000, disbursementGap: 900_000 },
    },
    forecast: {
      available: true,
      reason: null,
      view: {
        seed: 12,
        escalation: { events: 40, fitted: true, reason: null, dimensions: [], branchingRatio: 0.42, forecast: [{ days: 7, total: { days: 7, expected: 3.2, low: 1, high: 6 } }] },
        series: [
          {
            key: 'verified-incidents',
            label: 'Verified incidents per day',
            source: 'Phaseline',
            days: 90,
            last: { day: '2026-06-20', value: 1 },
            fitted: true,
            reason: null,
            forecast: [{ days: 7, expected: 4, low: 2, high: 7 }],
            backtest: [{ horizon: 7, n: 30, model: { mae: 1.1, crps: 0.8 }, noChange: { mae: 1.3, crps: 1 }, beatsNoChange: { mae: true, crps: true } }],
          },
        ],
      },
    },
    risk: {
      available: true,
      reason: null,
      view: {
        score: 41.6,
        parts: [
          { key: 'violation_trend', label: 'Violation trend', value: '2 in 7 days against 1 before', score: 0.5, weight: 1, contribution: 12.5, source: 'Verified incidents', explanation: 'Doubling scores 0.5.' },
          { key: 'precedents', label: 'Precedents', value: 'no data', score: null, weight: 1, contribution: null, source: 'UCDP', explanation: 'Without data it does not count.' },
        ],
      },
    },
    precedents: { available: false, reason: 'Precedents are not available on this server yet.', view: null },
    sources: [{ kind: 'dataset', label: 'UCDP Peace Agreement Dataset v22.1', detail: 'Pettersson et al. (2019).', licence: 'CC BY 4.0' }],
    ...overrides,
  };
}
