import { describe, expect, it } from 'vitest';
import { bucketsBetween, complianceTable, complianceWindow } from './compliance.ts';
import { isValidTimeZone, supportedTimeZones } from './rules.ts';
import {
  addDays,
  dayStart,
  daysBetween,
  isCalendarDate,
  isoWeek,
  isoWeekStart,
  isStorableDate,
  isStorableInstant,
  localDate,
  localDateTime,
  wholeDays,
  zonedInstant,
} from './calendar.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const HOUR = 3_600_000;
/** Hours from the start of a day in a zone to the start of the next. */
const hoursIn = (date: string, zone: string) => (dayStart(addDays(date, 1), zone).getTime() - dayStart(date, zone).getTime()) / HOUR;

describe('calendar dates', () => {
  it('steps over month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-20', 365)).toBe('2027-06-20');
    expect(daysBetween('2026-12-25', '2027-01-05')).toBe(11);
    expect(daysBetween('2027-01-05', '2026-12-25')).toBe(-11);
  });

  it('counts leap days: every fourth year, not centuries unless divisible by 400', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2100-01-01', '2101-01-01')).toBe(365);
    expect(addDays('2024-02-29', 365)).toBe('2025-02-28');
  });

  it('knows which written dates exist', () => {
    for (const good of ['2026-06-20', '2028-02-29', '2000-02-29', '2026-12-31', '0100-01-01', '9999-12-31']) expect(isCalendarDate(good), good).toBe(true);
    for (const bad of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-6-20', '20260620', '2026-06-20T00:00', '', 'today']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

describe('days in a zone (Asia/Gaza: EET, UTC+2; EEST, UTC+3, in summer)', () => {
  it('starts a day at local midnight, on either side of daylight saving time', () => {
    expect(iso(dayStart('2026-01-10', 'Asia/Gaza'))).toBe('2026-01-09T22:00:00.000Z');
    expect(iso(dayStart('2026-06-14', 'Asia/Gaza'))).toBe('2026-06-13T21:00:00.000Z');
    expect(iso(dayStart('2026-06-14', 'UTC'))).toBe('2026-06-14T00:00:00.000Z');
    expect(iso(dayStart('2026-06-14', 'America/New_York'))).toBe('2026-06-14T04:00:00.000Z');
  });

  it('makes the days the clocks change 23 and 25 hours long (2026: 02:00 to 03:00 on 28 March, 02:00 to 01:00 on 24 October)', () => {
    expect(hoursIn('2026-03-27', 'Asia/Gaza')).toBe(24);
    expect(hoursIn('2026-03-28', 'Asia/Gaza')).toBe(23);
    expect(hoursIn('2026-03-29', 'Asia/Gaza')).toBe(24);
    expect(hoursIn('2026-10-24', 'Asia/Gaza')).toBe(25);
    expect(hoursIn('2026-10-25', 'Asia/Gaza')).toBe(24);
    // The instants either side of the jumps.
    expect(iso(zonedInstant('2026-03-28', '01:59', 'Asia/Gaza'))).toBe('2026-03-27T23:59:00.000Z');
    expect(iso(zonedInstant('2026-03-28', '03:00', 'Asia/Gaza'))).toBe('2026-03-28T00:00:00.000Z');
    // 02:30 does not exist that night: it moves forward by the hour skipped.
    expect(iso(zonedInstant('2026-03-28', '02:30', 'Asia/Gaza'))).toBe('2026-03-28T00:30:00.000Z');
    // 01:30 happens twice on 24 October: the earlier one, still in summer time.
    expect(iso(zonedInstant('2026-10-24', '01:30', 'Asia/Gaza'))).toBe('2026-10-23T22:30:00.000Z');
    expect(localDateTime(new Date('2026-10-23T22:30:00Z'), 'Asia/Gaza')).toBe('2026-10-24T01:30');
    expect(localDateTime(new Date('2026-10-23T23:30:00Z'), 'Asia/Gaza')).toBe('2026-10-24T01:30');
  });

  it('starts a day whose midnight the clocks skip or repeat at its first instant', () => {
    // 2022: midnight to 01:00 on 27 March; 2020: 01:00 back to midnight on 24 October.
    expect(iso(dayStart('2022-03-27', 'Asia/Gaza'))).toBe('2022-03-26T22:00:00.000Z');
    expect(localDateTime(dayStart('2022-03-27', 'Asia/Gaza'), 'Asia/Gaza')).toBe('2022-03-27T01:00');
    expect(hoursIn('2022-03-27', 'Asia/Gaza')).toBe(23);
    expect(iso(dayStart('2020-10-24', 'Asia/Gaza'))).toBe('2020-10-23T21:00:00.000Z');
    expect(hoursIn('2020-10-24', 'Asia/Gaza')).toBe(25);
    expect(localDate(new Date('2022-03-26T21:59:59.999Z'), 'Asia/Gaza')).toBe('2022-03-26');
    expect(localDate(new Date('2022-03-26T22:00:00Z'), 'Asia/Gaza')).toBe('2022-03-27');
  });

  it('bounds whole days: "from 1 June to 30 June" is the start of 1 June to the start of 1 July there', () => {
    expect(wholeDays('2026-06-01', '2026-06-30', 'Asia/Gaza')).toEqual({ from: new Date('2026-05-31T21:00:00Z'), to: new Date('2026-06-30T21:00:00Z') });
    expect(wholeDays('2026-06-14', '2026-06-14', 'Asia/Gaza')).toEqual({ from: new Date('2026-06-13T21:00:00Z'), to: new Date('2026-06-14T21:00:00Z') });
    expect(wholeDays(null, '2026-12-31', 'Asia/Gaza')).toEqual({ from: null, to: new Date('2026-12-31T22:00:00Z') });
    expect(wholeDays('2026-03-28', null, 'Asia/Gaza')).toEqual({ from: new Date('2026-03-27T22:00:00Z'), to: null });
    // Across the change to summer time: 6 days of 24 hours and one of 23.
    const week = wholeDays('2026-03-25', '2026-03-31', 'Asia/Gaza');
    expect((week.to!.getTime() - week.from!.getTime()) / HOUR).toBe(7 * 24 - 1);
    // 23:30 and 00:30 in Gaza on either side of a day's end.
    const day = wholeDays('2026-06-14', '2026-06-14', 'Asia/Gaza');
    const inside = (at: string) => Date.parse(at) >= day.from!.getTime() && Date.parse(at) < day.to!.getTime();
    expect([inside('2026-06-13T20:30:00Z'), inside('2026-06-13T21:30:00Z'), inside('2026-06-14T20:30:00Z'), inside('2026-06-14T21:30:00Z')]).toEqual([false, true, true, false]);
  });

  it('reads and writes wall-clock times (datetime-local values) in a zone', () => {
    expect(localDateTime(new Date('2026-06-13T21:00:00Z'), 'Asia/Gaza')).toBe('2026-06-14T00:00');
    expect(localDateTime(new Date('2026-01-10T21:00:00Z'), 'Asia/Gaza')).toBe('2026-01-10T23:00');
    expect(localDateTime(new Date('2026-12-31T22:30:00Z'), 'Asia/Gaza')).toBe('2027-01-01T00:30');
    expect(localDateTime(new Date('2028-02-29T21:59:00Z'), 'Asia/Gaza')).toBe('2028-02-29T23:59');
    expect(iso(zonedInstant('2026-07-01', '18:00', 'Africa/Khartoum'))).toBe('2026-07-01T16:00:00.000Z');
    expect(iso(zonedInstant('2026-03-08', '12:00', 'America/New_York'))).toBe('2026-03-08T16:00:00.000Z');
    // America/New_York and Europe/London: the repeated hour takes the earlier instant, the skipped one moves forward.
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    // Every hour of 2026 in Gaza reads back as itself.
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += HOUR) {
      const [date, time] = localDateTime(new Date(t), 'Asia/Gaza').split('T') as [string, string];
      if (zonedInstant(date, time, 'Asia/Gaza').getTime() !== t) {
        // Only the repeated hour of 24 October may read back as its earlier instant.
        expect(new Date(t).toISOString()).toMatch(/^2026-10-23T23:/);
      }
    }
  });
});

describe('the compliance window', () => {
  const now = new Date('2026-06-20T12:00:00Z');
  it('defaults to 90 whole days in the zone, today included', () => {
    expect(complianceWindow(now, 'Asia/Gaza', 'day')).toEqual({ from: new Date('2026-03-22T22:00:00Z'), to: new Date('2026-06-20T21:00:00Z') });
    // Late in the evening in Gaza is already tomorrow there.
    expect(complianceWindow(new Date('2026-06-20T21:30:00Z'), 'Asia/Gaza', 'day')).toEqual({
      from: new Date('2026-03-23T22:00:00Z'),
      to: new Date('2026-06-21T21:00:00Z'),
    });
    expect(complianceWindow(now, 'UTC', 'day')).toEqual({ from: new Date('2026-03-23T00:00:00Z'), to: new Date('2026-06-21T00:00:00Z') });
  });

  it('starts on a Monday by week, and keeps the ends it is given', () => {
    // 90 days back from Thursday 11 June is Saturday 14 March; its week starts Monday 9 March.
    const to = new Date('2026-06-11T21:00:00Z');
    expect(complianceWindow(now, 'Asia/Gaza', 'week', { to })).toEqual({ from: new Date('2026-03-08T22:00:00Z'), to });
    expect(complianceWindow(now, 'Asia/Gaza', 'day', { to })).toEqual({ from: new Date('2026-03-13T22:00:00Z'), to });
    const from = new Date('2026-06-01T09:15:00Z');
    expect(complianceWindow(now, 'Asia/Gaza', 'week', { from })).toEqual({ from, to: new Date('2026-06-20T21:00:00Z') });
    expect(complianceWindow(now, 'Asia/Gaza', 'day', { from, to })).toEqual({ from, to });
  });
});

describe('the instants and dates Phaseline stores', () => {
  it('are years 0100 to 9999 in UTC', () => {
    expect(isStorableInstant(Date.parse('0100-01-01T00:00:00Z'))).toBe(true);
    expect(isStorableInstant(Date.parse('9999-12-31T23:59:59.999Z'))).toBe(true);
    expect(isStorableInstant(new Date('2026-06-20T12:00:00Z'))).toBe(true);
    // Year 0001 would be stored, but read back as 2001.
    for (const bad of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '0100-01-01T00:00:00+14:00', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-14:00', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z']) {
      expect(isStorableInstant(Date.parse(bad)), bad).toBe(false);
    }
    expect(isStorableInstant(Number.NaN)).toBe(false);
    expect(isStorableInstant(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('are dates 0100-01-01 to 9999-12-31', () => {
    expect(isStorableDate('0100-01-01')).toBe(true);
    expect(isStorableDate('9999-12-31')).toBe(true);
    for (const bad of ['0000-01-01', '0001-01-01', '0099-12-31', '10000-01-01', '+002026-06-20', '2026-6-20', '']) expect(isStorableDate(bad), bad).toBe(false);
  });
});

describe('calendar arithmetic at the edges of the range', () => {
  it('does not take years 0 to 99 for 1900 to 1999', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(daysBetween('0050-01-01', '0051-01-01')).toBe(365);
    expect(isoWeekStart('0001-01-03')).toBe('0001-01-01');
    expect(isoWeek('0001-01-01')).toBe('0001-W01');
    expect(zonedInstant('0050-06-01', '12:00', 'UTC').toISOString()).toBe('0050-06-01T12:00:00.000Z');
  });

  it('writes years past 9999 with five digits, never a sign', () => {
    expect(addDays('9999-12-31', 1)).toBe('10000-01-01');
    expect(daysBetween('9999-12-31', '10000-01-01')).toBe(1);
  });

  it('reads the local dates either side of the range', () => {
    expect(localDate(new Date('0100-01-01T00:00:00Z'), 'America/Los_Angeles')).toBe('0099-12-31');
    expect(localDate(new Date('9999-12-31T23:00:00Z'), 'Pacific/Kiritimati')).toBe('10000-01-01');
  });

  it('buckets a window at either end of the range, and ends', () => {
    const first = bucketsBetween(new Date('0100-01-01T00:00:00Z'), new Date('0100-01-03T00:00:00Z'), 'America/Los_Angeles', 'day');
    expect(first.map((b) => b.key)).toEqual(['0099-12-31', '0100-01-01', '0100-01-02']);
    const last = bucketsBetween(new Date('9999-12-31T00:00:00Z'), new Date('9999-12-31T23:59:59.999Z'), 'Pacific/Kiritimati', 'day');
    expect(last.map((b) => b.key)).toEqual(['9999-12-31', '10000-01-01']);
    expect(bucketsBetween(new Date('9999-12-20T00:00:00Z'), new Date('9999-12-31T23:59:59.999Z'), 'Pacific/Kiritimati', 'week').map((b) => b.key)).toEqual([
      '9999-W51',
      '9999-W52',
    ]);
    // A date core cannot read is left out of the counts rather than failing them.
    const table = complianceTable([{ date: '0099-12-31', key: 'p', count: 2 }, { date: '0001-12-31 BC', key: 'p', count: 5 }], first, 'day');
    expect(table.series).toEqual([{ key: 'p', counts: [2, 0, 0], total: 2 }]);
  });
});

describe('time zones', () => {
  it('accepts listed zones, UTC and current IANA names, and refuses links tzdata dropped', () => {
    for (const zone of ['Asia/Gaza', 'Africa/Cairo', 'UTC', 'Etc/UTC', 'Etc/GMT-3', 'Asia/Kolkata', 'Europe/Kyiv']) expect(isValidTimeZone(zone), zone).toBe(true);
    // US/Pacific-New: Intl still takes it, PostgreSQL does not.
    for (const zone of ['US/Pacific-New', 'Mars/Olympus', 'asia/gaza', '', 'Factory']) expect(isValidTimeZone(zone), zone).toBe(false);
    expect(supportedTimeZones()).toContain('Asia/Gaza');
    expect(supportedTimeZones().length).toBeGreaterThan(400);
  });
});
