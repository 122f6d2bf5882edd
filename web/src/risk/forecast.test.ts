// The forecast section's words: the branching ratio on either side of 1, the excitation matrix's
// cells with cross-excitation marked as the retaliation signal (every party alike), intervals, and
// backtests in plain words, including a model that does not beat no-change.
import { describe, expect, it } from 'vitest';
import type { BacktestScoreView } from '../../../src/contract/index.ts';
import { addDays, backtestSummary, beatsWords, branchingWords, coverageText, excitationRows, horizonText, intervalMax, intervalText, retaliationSummary } from './forecastText.ts';

const escalation = {
  fitted: true,
  dimensions: [
    { key: 'p1', label: 'حماس', events: 30 },
    { key: 'p2', label: 'Israel', events: 40 },
  ],
  adjacency: [
    [0.2, 0.3],
    [0.1, 0.4],
  ],
};

const score = (horizon: number, mae: boolean, crps: boolean): BacktestScoreView => ({
  horizon,
  n: 50,
  model: { mae: 1, crps: 1, coverage80: 0.8 },
  noChange: { mae: 1.2, crps: 1.1 },
  historicalMean: { mae: 2, crps: 1.5 },
  beatsNoChange: { mae, crps },
});

describe('branchingWords', () => {
  it('says a burst dies out below 1 and escalates on its own at or above 1', () => {
    expect(branchingWords(0.42)).toEqual({ figure: '0.42', words: expect.stringContaining('Below 1') as string });
    expect(branchingWords(0.42).words).toContain('dies out');
    expect(branchingWords(1).words).toContain('escalate on its own');
    expect(branchingWords(1.3).figure).toBe('1.3');
    expect(branchingWords(null).figure).toBe('—');
  });
});

describe('excitationRows', () => {
  it('marks the cells off the diagonal as cross-excitation, in the same words for every party', () => {
    const rows = excitationRows(escalation);
    expect(rows.map((r) => r.label)).toEqual(['حماس', 'Israel']);
    expect(rows[0]!.cells.map((c) => c.cross)).toEqual([false, true]);
    expect(rows[1]!.cells.map((c) => c.cross)).toEqual([true, false]);
    expect(rows[0]!.cells[1]!.text).toBe('Each incident attributed to Israel is followed by 0.3 incidents attributed to حماس on average (retaliation signal)');
    expect(rows[1]!.cells[0]!.text).toBe('Each incident attributed to حماس is followed by 0.1 incidents attributed to Israel on average (retaliation signal)');
    expect(rows[1]!.cells[1]!.text).toContain('self-excitation');
  });

  it('sums the retaliation signal against the diagonal, and says nothing for one dimension or no fit', () => {
    expect(retaliationSummary(escalation)).toBe('Cross-excitation (off the diagonal, the retaliation signal) is 40 % of all excitation: 0.4 against 0.6 on the diagonal.');
    expect(retaliationSummary({ ...escalation, fitted: false })).toBeNull();
    expect(retaliationSummary({ fitted: true, adjacency: [[0.5]] })).toBeNull();
    expect(retaliationSummary({ fitted: true, adjacency: [[0, 0], [0, 0]] })).toContain('no retaliation signal');
  });
});

describe('counts and backtests in words', () => {
  it('writes an expected count with its 80 % interval', () => {
    expect(intervalText({ expected: 4.25, low: 1, high: 8 })).toBe('4.3 (80 % interval 1 to 8)');
    expect(horizonText(1)).toBe('the next day');
    expect(horizonText(14)).toBe('the next 14 days');
    expect(intervalMax([{ expected: 2, high: 5 }, { expected: 9, high: 7 }])).toBe(9);
  });

  it('says whether the model beats no-change, per horizon and overall', () => {
    expect(beatsWords(score(1, true, true))).toEqual({ beats: 'both', text: 'Beats no-change on both scores' });
    expect(beatsWords(score(1, false, true)).text).toBe('Beats no-change on CRPS only');
    expect(beatsWords(score(1, false, false))).toEqual({ beats: 'none', text: 'Does not beat no-change' });
    expect(backtestSummary([score(1, true, true), score(7, true, true)])).toContain('beats no-change (tomorrow as today) at every horizon');
    expect(backtestSummary([score(1, false, false), score(7, false, false)])).toContain('does not beat no-change');
    expect(backtestSummary([score(1, true, true), score(7, false, false), score(14, true, false)])).toBe(
      'The model beats no-change on both scores at 1 day ahead; does not beat it at 7 days ahead; beats it on one score only at one horizon.',
    );
    expect(backtestSummary([])).toContain('Not backtested');
  });
});

describe('days and coverage', () => {
  it('adds calendar days across months and years, and writes coverage as a percentage', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(coverageText(0.784)).toBe('78 %');
    expect(coverageText(undefined)).toBe('—');
  });
});
