import { describe, expect, it } from 'vitest';
import type { AreaHistoryView } from '../../../src/contract/index.ts';
import { ApiError } from '../shared/api.ts';
import { areaPoints, areaSeriesNames, areaTableRows, indicatorPoints, metCounts, valueDomain } from './chartData.ts';
import { csvErrors, latestText, statusText, streakSentence, targetText } from './groundText.ts';

const trucks = { target: 600, comparison: '>=' as const, period: 'day' as const, unit: 'trucks' };

describe('groundText', () => {
  it('writes a target in words', () => {
    expect(targetText(trucks)).toBe('at least 600 trucks a day');
    expect(targetText({ ...trucks, comparison: '=', period: 'week' })).toBe('equal to 600 trucks a week (within 0.5 %)');
  });

  it('states a streak at target with its start and newest observation', () => {
    const streak = { periods: 3, since: '2026-06-18', latest: { observedOn: '2026-06-20', value: 612 }, met: true, periodsBehind: 1 };
    expect(streakSentence(trucks, streak)).toBe('At target for 3 days in a row, since 18 Jun 2026, up to the newest observation (612 trucks on 20 Jun 2026).');
  });

  it('states a miss, and how old the newest observation is', () => {
    const streak = { periods: 0, since: null, latest: { observedOn: '2024-01-30', value: 134 }, met: false, periodsBehind: 1037 };
    expect(streakSentence(trucks, streak)).toBe(
      'Not at target: the newest observation, 134 trucks on 30 Jan 2024, is short of the target of at least 600 trucks a day; no day in a row is at target. That observation is 1,037 days old.',
    );
    expect(latestText(trucks, streak)).toBe('134 trucks on 30 Jan 2024: not met (target at least 600 trucks a day)');
  });

  it('says when there is no observation', () => {
    const streak = { periods: 0, since: null, latest: null, met: false, periodsBehind: null };
    expect(streakSentence(trucks, streak)).toMatch(/^No observation yet/);
  });

  it('writes a status with since when', () => {
    expect(statusText({ status: 'late', since: '2026-06-21' })).toBe('Late since 21 Jun 2026');
    expect(statusText({ status: 'on_time', since: null })).toBe('On time');
  });

  it('reads the line errors of a refused import, and nothing of other errors', () => {
    const refused = new ApiError(400, 'invalid_csv', 'No observation was imported.', { errors: [{ line: 3, message: 'bad date' }, { line: 'x' }] });
    expect(csvErrors(refused)).toEqual([{ line: 3, message: 'bad date' }]);
    expect(csvErrors(new ApiError(409, 'conflict', 'no'))).toBeNull();
    expect(csvErrors(new Error('x'))).toBeNull();
  });
});

describe('chartData', () => {
  const points = [
    { period: '2026-06-02', start: '2026-06-02', observedOn: '2026-06-02', value: 700, target: 600, met: true },
    { period: '2026-06-01', start: '2026-06-01', observedOn: '2026-06-01', value: 100, target: 600, met: false },
  ];

  it('puts an indicator’s points in date order at UTC midnight', () => {
    const shaped = indicatorPoints({ points });
    expect(shaped.map((p) => p.day)).toEqual(['2026-06-01', '2026-06-02']);
    expect(shaped[0]!.date.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(metCounts(shaped)).toEqual({ met: 1, missed: 1 });
  });

  it('keeps the target in the value domain', () => {
    expect(valueDomain([{ value: 100 }], 600)[1]).toBeGreaterThan(600);
    expect(valueDomain([], 0)).toEqual([0, 1]);
  });

  const history: AreaHistoryView = {
    kind: 'sector',
    sectors: [
      { id: 's1', name: 'Gaza', areaKm2: 74 },
      { id: 's2', name: 'Rafah', areaKm2: 64 },
    ],
    areas: [
      {
        name: 'Held',
        partyId: 'p1',
        series: [
          { asOf: '2026-07-06', snapshotIds: ['b'], sectors: [{ id: 's1', name: 'Gaza', coveredKm2: 10, share: 10 / 74 }], totalKm2: 12, coveredKm2: 10 },
          {
            asOf: '2026-06-06',
            snapshotIds: ['a'],
            sectors: [
              { id: 's1', name: 'Gaza', coveredKm2: 20, share: 20 / 74 },
              { id: 's2', name: 'Rafah', coveredKm2: 5, share: 5 / 64 },
            ],
            totalKm2: 26,
            coveredKm2: 25,
          },
        ],
      },
    ],
  };

  it('draws one line per sector, oldest date first, named by sector when there is one area', () => {
    expect(areaPoints(history).map((p) => `${p.series}@${p.asOf}`)).toEqual(['Gaza@2026-06-06', 'Rafah@2026-06-06', 'Gaza@2026-07-06']);
    expect(areaSeriesNames(history)).toEqual(['Gaza', 'Rafah']);
    expect(areaSeriesNames({ ...history, areas: [...history.areas, { ...history.areas[0]!, name: 'Other' }] })[2]).toBe('Other: Gaza');
  });

  it('tabulates every sector on every date, 0 where a snapshot does not reach it', () => {
    const rows = areaTableRows(history);
    expect(rows.map((r) => r.asOf)).toEqual(['2026-06-06', '2026-07-06']);
    expect(rows[1]!.cells.map((c) => c.coveredKm2)).toEqual([10, 0]);
  });
});
