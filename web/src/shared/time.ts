/**
 * Dates and times as the UI writes them and as its inputs hold them. The API stores instants in UTC;
 * an agreement's times are shown, typed and filtered in the agreement's time zone, labelled with the
 * zone's abbreviation, with the viewer's own time beside them (shared/ZonedTime.tsx). Times of no
 * agreement (accounts, tokens) are in the viewer's zone, and say so. Calendar dates (YYYY-MM-DD) have
 * no zone. The calendar arithmetic is src/core/calendar.ts's: this module only formats and parses.
 */
import { isCalendarDate, localDateTime, zonedInstant } from '../../../src/core/calendar.ts';

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

/** The written form of an instant ("14 Jun 2026, 00:00 EEST") less its zone: en-GB with these options (the e2e specs write times with it too). */
export const DATE_TIME_STYLE = {
  locale: LOCALE,
  options: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
} as const satisfies { locale: string; options: Intl.DateTimeFormatOptions };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_TIME_STYLE.locale, { ...DATE_TIME_STYLE.options, timeZone });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** "14 Jun 2026, 00:00 EEST": an instant in the given IANA zone, with the zone's abbreviation then. */
export function formatDateTime(iso: string, timeZone: string): string {
  return dateTimeFormat(timeZone).format(new Date(iso));
}

/** The zone's abbreviation at an instant: "EEST" in a Gaza summer, "EET" in its winter, "GMT+2" where English has none. */
export function zoneAbbreviation(timeZone: string, at: string | Date): string {
  return dateTimeFormat(timeZone).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The browser's own zone, for the viewer's time and for times that belong to no agreement (accounts, tokens). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Your time: 13 Jun 2026, 17:00 GMT-4 (America/New_York)": an instant in the viewer's zone, for a tooltip. */
export function viewerTimeText(iso: string): string {
  const zone = browserZone();
  return `Your time: ${formatDateTime(iso, zone)} (${zone})`;
}

/** The value of an <input type="datetime-local"> showing an instant in a zone: "2026-06-14T00:00". */
export function toZonedInput(iso: string | null, timeZone: string): string {
  return iso ? localDateTime(new Date(iso), timeZone) : '';
}

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

/**
 * The UTC ISO instant of a datetime-local value read in a zone, or null for an empty, malformed or
 * nonexistent one (30 February, 24:00). A time the clocks skip moves forward by the gap; one they
 * repeat is the earlier instant (src/core/calendar.ts).
 */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [, date, hour, minute] = m as unknown as [string, string, string, string];
  if (!isCalendarDate(date) || Number(hour) > 23 || Number(minute) > 59) return null;
  return zonedInstant(date, `${hour}:${minute}`, timeZone).toISOString();
}
