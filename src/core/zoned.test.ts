import { describe, expect, it } from 'vitest';
import { bucketsBetween, complianceTable } from './compliance.ts';
import { isValidTimeZone, supportedTimeZones } from './rules.ts';
import { addDays, daysBetween, isoWeek, isoWeekStart, isStorableDate, isStorableInstant, localDate, zonedInstant } from './zoned.ts';

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
