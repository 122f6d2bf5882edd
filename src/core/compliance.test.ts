import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsBetween, complianceTable } from './compliance.ts';
import { isoWeek, localDate, zonedInstant } from './calendar.ts';

describe('local dates and zoned instants', () => {
  it('puts an instant on the date of the zone, across midnight', () => {
    // Gaza is UTC+3 in summer: 21:30 UTC is already the next day there.
    expect(localDate(new Date('2026-06-19T20:59:59Z'), 'Asia/Gaza')).toBe('2026-06-19');
    expect(localDate(new Date('2026-06-19T21:00:00Z'), 'Asia/Gaza')).toBe('2026-06-20');
    expect(localDate(new Date('2026-06-19T21:00:00Z'), 'UTC')).toBe('2026-06-19');
    // And UTC+2 in winter.
    expect(localDate(new Date('2026-01-10T22:00:00Z'), 'Asia/Gaza')).toBe('2026-01-11');
  });

  it('finds the instant of a wall-clock time, in summer and winter', () => {
    expect(zonedInstant('2026-06-20', '12:00', 'Asia/Gaza').toISOString()).toBe('2026-06-20T09:00:00.000Z');
    expect(zonedInstant('2026-01-10', '12:00', 'Asia/Gaza').toISOString()).toBe('2026-01-10T10:00:00.000Z');
    expect(zonedInstant('2026-06-20', '00:00', 'UTC').toISOString()).toBe('2026-06-20T00:00:00.000Z');
  });

  it('moves a time skipped by a clock change forward, and takes the earlier of a repeated one', () => {
    // Europe/London: 01:30 on 29 March 2026 does not exist; 01:30 on 25 October 2026 happens twice.
    expect(zonedInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('names ISO weeks, whose year may differ from the date’s', () => {
    expect(isoWeek('2026-06-20')).toBe('2026-W25');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});

describe('compliance buckets', () => {
  it('buckets by day and by week in the agreement’s zone', () => {
    const lateEvening = new Date('2026-06-21T21:30:00Z'); // Monday 22 June, 00:30 in Gaza
    expect(bucketOf(lateEvening, 'Asia/Gaza', 'day')).toEqual({ key: '2026-06-22', start: '2026-06-22' });
    expect(bucketOf(lateEvening, 'Asia/Gaza', 'week')).toEqual({ key: '2026-W26', start: '2026-06-22' });
    expect(bucketOf(lateEvening, 'UTC', 'week')).toEqual({ key: '2026-W25', start: '2026-06-15' });
  });

  it('lists every bucket of a window, the end excluded', () => {
    const from = new Date('2026-06-18T21:00:00Z'); // 19 June 00:00 in Gaza
    const to = new Date('2026-06-21T21:00:00Z'); // 22 June 00:00 in Gaza
    expect(bucketsBetween(from, to, 'Asia/Gaza', 'day').map((b) => b.key)).toEqual(['2026-06-19', '2026-06-20', '2026-06-21']);
    expect(bucketsBetween(from, to, 'Asia/Gaza', 'week').map((b) => b.key)).toEqual(['2026-W25']);
    expect(bucketsBetween(to, from, 'Asia/Gaza', 'day')).toEqual([]);
  });

  it('fills empty buckets with zeros, keeps known keys, and orders by total', () => {
    const buckets = bucketsBetween(new Date('2026-06-18T21:00:00Z'), new Date('2026-06-21T21:00:00Z'), 'Asia/Gaza', 'day');
    const table = complianceTable(
      [
        { date: '2026-06-19', key: 'israel', count: 1 },
        { date: '2026-06-21', key: 'hamas', count: 2 },
        { date: '2026-06-21', key: null, count: 1 },
        { date: '2026-07-01', key: 'hamas', count: 9 },
      ],
      buckets,
      'day',
      ['egypt', 'israel'],
    );
    expect(table.series).toEqual([
      { key: 'hamas', counts: [0, 0, 2], total: 2 },
      { key: 'israel', counts: [1, 0, 0], total: 1 },
      { key: null, counts: [0, 0, 1], total: 1 },
      { key: 'egypt', counts: [0, 0, 0], total: 0 },
    ]);
    expect(table.total).toBe(4);
  });

  it('adds daily counts into their week', () => {
    const buckets = bucketsBetween(new Date('2026-06-14T21:00:00Z'), new Date('2026-06-28T21:00:00Z'), 'Asia/Gaza', 'week');
    const table = complianceTable([{ date: '2026-06-15', key: 'p', count: 1 }, { date: '2026-06-22', key: 'p', count: 3 }], buckets, 'week');
    expect(table.buckets.map((b) => b.key)).toEqual(['2026-W25', '2026-W26']);
    expect(table.series).toEqual([{ key: 'p', counts: [1, 3], total: 4 }]);
  });
});
