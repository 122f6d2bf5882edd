/**
 * How an instant is shown. An agreement's times (ZonedTime) are in the agreement's time zone, as
 * monitoring missions report in the local time of the area, labelled with the zone's abbreviation
 * ("14 Jun 2026, 00:00 EEST"), with the viewer's own time in the tooltip. Times of no agreement
 * (YourTime: accounts, tokens, invitations) are in the viewer's zone, and the tooltip says so.
 */
import { browserZone, formatDateTime, viewerTimeText } from './time.ts';

export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <time dateTime={iso} title={viewerTimeText(iso)}>
      {formatDateTime(iso, timeZone)}
    </time>
  );
}

export function YourTime({ iso }: { iso: string }) {
  const zone = browserZone();
  return (
    <time dateTime={iso} title={`In your time zone, ${zone}`}>
      {formatDateTime(iso, zone)}
    </time>
  );
}
