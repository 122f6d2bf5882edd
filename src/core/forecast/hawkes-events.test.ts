import { describe, expect, it } from 'vitest';
import { parseHawkesEventsCsv } from './hawkes-events.ts';

describe('parseHawkesEventsCsv', () => {
  it('reads ISO 8601 times as days since the earliest, labels sorted, rows in any order', () => {
    const parsed = parseHawkesEventsCsv('\ufeffTime,Dimension\r\n2026-06-02T12:00Z,b\n2026-06-01,a\n2026-06-02 06:00,"b"\n2026-06-03T02:00+02:00,a\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.labels).toEqual(['a', 'b']);
    expect(parsed.origin).toBe('2026-06-01');
    expect(parsed.iso).toBe(true);
    expect(parsed.events).toEqual([
      { time: 1.5, dim: 1 },
      { time: 0, dim: 0 },
      { time: 1.25, dim: 1 },
      { time: 2, dim: 0 },
    ]);
  });

  it('reads decimal days, shifted to start at 0', () => {
    const parsed = parseHawkesEventsCsv('time,dimension\n10.5,x\n10,y\n1e1,x\n');
    expect(parsed.events).toEqual([
      { time: 0.5, dim: 0 },
      { time: 0, dim: 1 },
      { time: 0, dim: 0 },
    ]);
    expect(parsed.iso).toBe(false);
  });

  it('reports every bad row by its line', () => {
    const parsed = parseHawkesEventsCsv('time,dimension\n2026-02-30,a\nsoon,a\n2026-06-01,\n2026-06-01T25:00Z,a\n2026-06-01,a,extra\n3.5,a\n');
    expect(parsed.errors).toEqual([
      { line: 2, message: 'the date 2026-02-30 does not exist' },
      { line: 3, message: 'the time "soon" is neither ISO 8601 (2026-06-01 or 2026-06-01T14:30Z) nor a number of days' },
      { line: 4, message: 'the dimension is empty' },
      { line: 5, message: 'the time of day in "2026-06-01T25:00Z" does not exist' },
      { line: 6, message: 'expected 2 fields (time,dimension), found 3' },
      { line: 7, message: 'the time 3.5 is a number of days, but line 4 is ISO 8601: one kind per file' },
    ]);
    expect(parsed.events).toEqual([]);
  });

  it('requires the header and at least one event', () => {
    expect(parseHawkesEventsCsv('').errors).toEqual([{ line: 1, message: 'the first row must be the header time,dimension (the file is empty)' }]);
    expect(parseHawkesEventsCsv('date,party\n').errors[0]!.message).toMatch(/header time,dimension \(found "date,party"\)/);
    expect(parseHawkesEventsCsv('time,dimension\n').errors).toEqual([{ line: 1, message: 'the file has no events' }]);
  });
});
