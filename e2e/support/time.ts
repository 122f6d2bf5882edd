/**
 * An instant as the web UI writes it in a zone ("28 Mar 2026, 23:30 EEST"), computed here on its own
 * so that the specs check the page against Intl, not against the web UI's code.
 */
export const writtenTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
