/**
 * Dates and times for display and for form inputs. The API stores instants in UTC; the UI shows
 * them, and takes them in, in the agreement's time zone. Calendar dates (YYYY-MM-DD) have no zone.
 */
const LOCALE = 'en-GB';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "6 Jun 2026" for a calendar date "2026-06-06". */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "1 Jun – 30 Jun 2026", "from 1 Jun 2026", "until ..." or null when neither end is set. */
export function formatWindow(start: string | null, end: string | null): string | null {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return null;
}

/** "14 Jun 2026, 00:00 GMT+3": an instant in the given IANA zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The browser's own zone, for times that belong to no agreement (accounts, tokens). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of an <input type="datetime-local"> showing an instant in a zone: "2026-06-14T00:00". */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const w = wallClock(Date.parse(iso), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const DAY_MS = 86_400_000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The UTC ISO instant of a wall-clock time in a zone, or null for an empty or malformed input.
 * The zone's offsets a day either side give the candidates (no zone changes offset twice in two
 * days). Like Temporal's "compatible" choice: a time that occurs twice (clocks going back) is the
 * earlier instant; a time skipped when clocks go forward moves forward by the gap.
 */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const target = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (instant: number) => {
    const w = wallClock(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - instant;
  };
  const candidates = [target - offsetAt(target - DAY_MS), target - offsetAt(target + DAY_MS)];
  const shows = (instant: number) => {
    const w = wallClock(instant, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === target;
  };
  const valid = candidates.filter(shows);
  const instant = valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
  return new Date(instant).toISOString();
}

/** Whole days from one calendar date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
