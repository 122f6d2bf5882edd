import { describe, expect, it } from 'vitest';
import { allDayBounds, checkSessionTimes, sessionDays } from './sessions.ts';

const GAZA = 'Asia/Gaza';

describe('session times', () => {
  it('bounds whole days in the zone, and reads them back', () => {
    const bounds = allDayBounds('2026-06-06', '2026-06-07', GAZA);
    expect(bounds).toEqual({ startsAt: '2026-06-05T21:00:00.000Z', endsAt: '2026-06-07T21:00:00.000Z' });
    expect(sessionDays(bounds, GAZA)).toEqual({ first: '2026-06-06', last: '2026-06-07' });
    expect(checkSessionTimes({ ...bounds, allDay: true }, GAZA)).toEqual([]);
  });

  it('takes a session without an end, or ending at midnight, to its start day', () => {
    expect(sessionDays({ startsAt: '2026-06-06T07:00:00Z', endsAt: null }, GAZA)).toEqual({ first: '2026-06-06', last: '2026-06-06' });
    expect(sessionDays({ startsAt: '2026-06-06T07:00:00Z', endsAt: '2026-06-06T21:00:00Z' }, GAZA)).toEqual({ first: '2026-06-06', last: '2026-06-06' });
    expect(sessionDays({ startsAt: '2026-06-06T20:00:00Z', endsAt: '2026-06-06T22:00:00Z' }, GAZA)).toEqual({ first: '2026-06-06', last: '2026-06-07' });
  });

  it('refuses an end before the start, and whole days that do not start at midnight in the zone', () => {
    expect(checkSessionTimes({ startsAt: '2026-06-06T07:00:00Z', endsAt: '2026-06-06T07:00:00Z', allDay: false }, GAZA).map((i) => i.path)).toEqual(['endsAt']);
    expect(checkSessionTimes({ startsAt: '2026-06-06T00:00:00Z', endsAt: '2026-06-07T00:00:00Z', allDay: true }, GAZA).map((i) => i.path)).toEqual([
      'startsAt',
      'endsAt',
    ]);
    expect(checkSessionTimes({ startsAt: '2026-06-06T00:00:00Z', endsAt: null, allDay: true }, 'UTC')).toEqual([]);
  });
});
