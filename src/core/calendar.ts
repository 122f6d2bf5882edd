/**
 * Calendar arithmetic in an IANA time zone, with Intl only: the local date of an instant, and the
 * instant of a local wall-clock time. Instants are stored in UTC; days and weeks are counted where
 * the agreement is.
 */

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The instants Phaseline stores and reads: years 0100 to 9999 in UTC. The databases hold more, but
 * below year 100 JavaScript's date parser, which reads the timestamps they return, takes 0001 for
 * 2001 (and PostgreSQL refuses year 0), and past 9999 ISO 8601 writes a sign neither database reads.
 */
export const FIRST_INSTANT = '0100-01-01T00:00:00.000Z';
export const LAST_INSTANT = '9999-12-31T23:59:59.999Z';
/** The calendar dates likewise. */
export const FIRST_DATE = '0100-01-01';
export const LAST_DATE = '9999-12-31';
const FIRST_MS = Date.parse(FIRST_INSTANT);
const LAST_MS = Date.parse(LAST_INSTANT);

/** Whether an instant (a Date or milliseconds since 1970) is one Phaseline stores. */
export function isStorableInstant(instant: Date | number): boolean {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return Number.isFinite(t) && t >= FIRST_MS && t <= LAST_MS;
}

/** Whether a YYYY-MM-DD string is a date Phaseline stores (the caller checks that it is a real date). */
export function isStorableDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= FIRST_DATE && date <= LAST_DATE;
}

/** Milliseconds of a UTC wall time; unlike Date.UTC, years 0 to 99 are not taken for 1900 to 1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  return t.getTime();
}

/** YYYY-MM-DD of the UTC day of an instant (a fifth digit past 9999, never a sign). */
function dateOf(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  return wall;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The wall-clock date and time (YYYY-MM-DDTHH:MM) of an instant in a zone, as a datetime-local input shows it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return utc(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show `date` at `time` (HH:MM). A time skipped by a
 * daylight-saving jump moves forward by the jump; a repeated one takes the earlier instant.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = ymd(date);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = utc(y, m, d, hh, mm);
  // The offsets a day either side: a wall time is one of them, or falls in the gap a jump skips.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const candidates = [before, after].filter((t) => t + offsetAt(t, timeZone) === wall);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : before);
}

/**
 * The first instant of a calendar day in a zone: its midnight, or where the clocks skip midnight,
 * the end of the gap (a zone that repeats midnight starts the day at the first one).
 */
export function dayStart(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/**
 * The instants that bound whole days in a zone: from the first instant of `first` to the first
 * instant of the day after `last` (excluded), as a filter "from 2026-06-01 to 2026-06-30" means
 * them. A bound given as null stays open.
 */
export function wholeDays(first: string | null, last: string | null, timeZone: string): { from: Date | null; to: Date | null } {
  return {
    from: first === null ? null : dayStart(first, timeZone),
    to: last === null ? null : dayStart(addDays(last, 1), timeZone),
  };
}

/** Whether a string is a calendar date written YYYY-MM-DD that exists (2026-02-29 does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = ymd(value);
  return m >= 1 && m <= 12 && d >= 1 && dateOf(utc(y, m, d)) === value;
}

/** The date `days` after a calendar date (negative for before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return dateOf(utc(y, m, d + days));
}

/** The number of days from one calendar date to another (negative when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  return Math.round((utc(y2, m2, d2) - utc(y1, m1, d1)) / DAY_MS);
}

/** The Monday that starts the ISO week of a calendar date. */
export function isoWeekStart(date: string): string {
  const [y, m, d] = ymd(date);
  const weekday = (new Date(utc(y, m, d)).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(date, -weekday);
}

/** The ISO 8601 week of a calendar date, e.g. "2026-W25" (the year is the week's, not the date's). */
export function isoWeek(date: string): string {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(isoWeekStart(date), 3);
  const [year, m, d] = ymd(thursday);
  const dayOfYear = (utc(year, m, d) - utc(year, 1, 1)) / DAY_MS;
  return `${pad(year, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}
