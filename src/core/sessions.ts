/**
 * The times of a negotiation session. A session is timed (from one instant to a later one, or with
 * no known end) or takes whole days in the agreement's zone when its times were not reported: then
 * it runs from the first instant of its first day to the first instant of the day after its last.
 */
import { addDays, dayStart, localDate } from './calendar.ts';
import type { RuleIssue } from './rules.ts';

export interface SessionTimes {
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
}

/** The instants of whole days `first` to `last` (inclusive) in a zone, as an all-day session stores them. */
export function allDayBounds(first: string, last: string, timeZone: string): { startsAt: string; endsAt: string } {
  return { startsAt: dayStart(first, timeZone).toISOString(), endsAt: dayStart(addDays(last, 1), timeZone).toISOString() };
}

/** The first and last day (YYYY-MM-DD, in the zone) of a session; its start's day alone when it has no end. */
export function sessionDays(session: Pick<SessionTimes, 'startsAt' | 'endsAt'>, timeZone: string): { first: string; last: string } {
  const first = localDate(new Date(session.startsAt), timeZone);
  if (session.endsAt === null) return { first, last: first };
  // The end is excluded: a session that ends at midnight ended the day before.
  const last = localDate(new Date(Date.parse(session.endsAt) - 1), timeZone);
  return { first, last: last < first ? first : last };
}

const isDayStart = (iso: string, timeZone: string) => dayStart(localDate(new Date(iso), timeZone), timeZone).getTime() === Date.parse(iso);

/** A session ends after it starts; an all-day one starts and ends at the start of a day in the zone. */
export function checkSessionTimes(session: SessionTimes, timeZone: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (session.endsAt !== null && Date.parse(session.endsAt) <= Date.parse(session.startsAt)) {
    issues.push({ path: 'endsAt', message: `must be after startsAt (${session.startsAt})` });
  }
  if (session.allDay) {
    const where = `in the agreement's time zone (${timeZone}) for a whole-day session`;
    if (!isDayStart(session.startsAt, timeZone)) issues.push({ path: 'startsAt', message: `must be the start of a day ${where}` });
    if (session.endsAt !== null && !isDayStart(session.endsAt, timeZone)) {
      issues.push({ path: 'endsAt', message: `must be the start of the day after the last ${where}` });
    }
  }
  return issues;
}
