import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, parseDailyCsv, parseDailyJson } from './daily-series.ts';

describe('dayNumber', () => {
  it('reads ISO and long dates and refuses impossible ones', () => {
    expect(dayString(dayNumber('2024-02-29')!)).toBe('2024-02-29');
    expect(dayString(dayNumber('07 October 2023')!)).toBe('2023-10-07');
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('2023-13-01')).toBeNull();
    expect(dayNumber('yesterday')).toBeNull();
  });
});

describe('parseDailyCsv', () => {
  it('fills absent days and empty values with null, in date order', () => {
    const parsed = parseDailyCsv('date,value\n2024-01-03,5\n2024-01-01,2\n2024-01-04,\n', 'value');
    expect(parsed).toEqual({ ok: true, series: { start: '2024-01-01', values: [2, null, 5, null] } });
  });

  it('reads a quoted CSV with other columns', () => {
    const parsed = parseDailyCsv('"date","date_1","total_truck"\n"07 October 2023","07-Oct-23",0\n"08 October 2023","08-Oct-23",12\n', 'total_truck');
    expect(parsed).toEqual({ ok: true, series: { start: '2023-10-07', values: [0, 12] } });
  });

  it('names the line of a bad value, date or field count', () => {
    expect(parseDailyCsv('date,value\n2024-01-01,1.5\n', 'value')).toEqual({ ok: false, message: 'line 2: value "1.5" is not a count (a whole number ≥ 0)' });
    expect(parseDailyCsv('date,value\n2024-01-01,1\n01/02/2024,3\n', 'value')).toMatchObject({ ok: false, message: expect.stringContaining('line 3') as string });
    expect(parseDailyCsv('date,value\n2024-01-01,1,2\n', 'value')).toMatchObject({ ok: false, message: expect.stringContaining('line 2: 3 fields') as string });
    expect(parseDailyCsv('day,value\n', 'value')).toMatchObject({ ok: false, message: expect.stringContaining('line 1') as string });
  });
});

describe('parseDailyJson', () => {
  it('marks unreported days and multi-day reports missing, not zero', () => {
    const rows = [
      { report_date: '2024-01-01', report_source: 'mohtel', report_period: 24, killed: 10 },
      { report_date: '2024-01-02', report_source: 'missing', report_period: 24, killed: 0 },
      { report_date: '2024-01-03', report_source: 'mohtel', report_period: 0, killed: 0 },
      { report_date: '2024-01-04', report_source: 'mohtel', report_period: 48, killed: 30 },
      { report_date: '2024-01-05', report_source: 'mohtel', report_period: 24 },
      { report_date: '2024-01-06', report_source: 'mohtel', report_period: 24, killed: 0 },
    ];
    expect(parseDailyJson(JSON.stringify(rows), 'killed')).toEqual({ ok: true, series: { start: '2024-01-01', values: [10, null, null, null, null, 0] } });
  });

  it('reads a dotted field', () => {
    const rows = [{ report_date: '2024-01-01', verified: { killed: 3 } }];
    expect(parseDailyJson(JSON.stringify(rows), 'verified.killed')).toEqual({ ok: true, series: { start: '2024-01-01', values: [3] } });
  });

  it('refuses a field no row has, a bad date and text that is not a JSON array', () => {
    expect(parseDailyJson('[{"report_date":"2024-01-01","killed":1}]', 'injured')).toEqual({ ok: false, message: 'no row has the field "injured"' });
    expect(parseDailyJson('[{"report_date":"2024-1-1","killed":1}]', 'killed')).toMatchObject({ ok: false, message: expect.stringContaining('row 1') as string });
    expect(parseDailyJson('{}', 'killed')).toMatchObject({ ok: false });
    expect(parseDailyJson('[', 'killed')).toMatchObject({ ok: false });
  });
});
