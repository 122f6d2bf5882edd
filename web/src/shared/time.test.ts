// Formatting, and the datetime-local values of time fields read and written in a zone (the
// arithmetic under them is src/core/calendar.ts's, tested there); the e2e tests cover the browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatWindow, fromZonedInput, toZonedInput, viewerTimeText, zoneAbbreviation } from './time.ts';

describe('zoned datetime inputs', () => {
  it('shows an instant as wall-clock time in the zone', () => {
    expect(toZonedInput('2026-06-13T21:00:00Z', 'Asia/Gaza')).toBe('2026-06-14T00:00');
    expect(toZonedInput('2026-01-10T21:00:00Z', 'Asia/Gaza')).toBe('2026-01-10T23:00');
    expect(toZonedInput(null, 'Asia/Gaza')).toBe('');
  });

  it.each([
    ['2026-06-14T00:00', 'Asia/Gaza', '2026-06-13T21:00:00.000Z'],
    ['2026-01-10T23:00', 'Asia/Gaza', '2026-01-10T21:00:00.000Z'],
    ['2026-07-01T18:00', 'Africa/Khartoum', '2026-07-01T16:00:00.000Z'],
    ['2026-03-08T12:00', 'America/New_York', '2026-03-08T16:00:00.000Z'],
  ])('reads wall-clock time in the zone back as a UTC instant, in summer and in winter: %s in %s', (input, zone, iso) => {
    expect(fromZonedInput(input, zone)).toBe(iso);
  });

  it('round-trips instants around daylight-saving changes', () => {
    for (const iso of ['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-10-25T02:30:00.000Z', '2026-11-01T07:30:00.000Z']) {
      for (const zone of ['Europe/London', 'Asia/Jerusalem', 'America/New_York', 'UTC']) {
        expect(fromZonedInput(toZonedInput(iso, zone), zone)).toBe(iso);
      }
    }
  });

  it.each([
    // New York, 1 Nov 2026: 01:30 happens in EDT (05:30Z) and again in EST (06:30Z).
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    // New York, 8 Mar 2026: 02:30 does not exist; it becomes 03:30 EDT.
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // London, 25 Oct 2026: 01:30 BST (00:30Z) comes before 01:30 GMT (01:30Z).
    ['2026-10-25T01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    // London, 29 Mar 2026: 01:30 does not exist; it becomes 02:30 BST.
    ['2026-03-29T01:30', 'Europe/London', '2026-03-29T01:30:00.000Z'],
  ])('takes the earlier instant for a time that occurs twice, and moves a skipped time forward: %s in %s', (input, zone, iso) => {
    expect(fromZonedInput(input, zone)).toBe(iso);
  });

  it('refuses malformed input and days that do not exist', () => {
    expect(fromZonedInput('', 'UTC')).toBeNull();
    expect(fromZonedInput('14/06/2026 00:00', 'UTC')).toBeNull();
    expect(fromZonedInput('2026-02-29T10:00', 'UTC')).toBeNull();
    expect(fromZonedInput('2026-06-14T24:00', 'UTC')).toBeNull();
    expect(fromZonedInput('2028-02-29T10:00', 'UTC')).toBe('2028-02-29T10:00:00.000Z');
  });
});

describe('display', () => {
  it('formats calendar dates without a zone shift', () => {
    expect(formatDate('2026-06-06')).toBe('6 Jun 2026');
    expect(formatWindow('2026-06-06', null)).toBe('from 6 Jun 2026');
    expect(formatWindow(null, null)).toBeNull();
  });

  it('formats an instant in the given zone, with its abbreviation then', () => {
    expect(formatDateTime('2026-06-13T21:00:00Z', 'Asia/Gaza')).toBe('14 Jun 2026, 00:00 EEST');
    expect(formatDateTime('2026-01-10T21:00:00Z', 'Asia/Gaza')).toBe('10 Jan 2026, 23:00 EET');
    expect(formatDateTime('2026-06-13T21:00:00Z', 'UTC')).toBe('13 Jun 2026, 21:00 UTC');
    expect(zoneAbbreviation('Asia/Gaza', '2026-06-13T21:00:00Z')).toBe('EEST');
    expect(zoneAbbreviation('Asia/Gaza', '2026-12-13T21:00:00Z')).toBe('EET');
    expect(zoneAbbreviation('Africa/Khartoum', '2026-06-13T21:00:00Z')).toBe('GMT+2');
  });
});

describe("the viewer's own time", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names the zone the browser is in', () => {
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...resolved.call(this), timeZone: 'America/New_York' };
    });
    expect(viewerTimeText('2026-06-13T21:00:00Z')).toBe('Your time: 13 Jun 2026, 17:00 GMT-4 (America/New_York)');
  });
});
