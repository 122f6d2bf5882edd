/** An instant in the viewer's own time zone (the browser's), with its UTC value in the tooltip. */
import { browserZone, formatDateTime } from '../shared/time.ts';

export function ViewerTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={`${iso.replace('.000Z', 'Z')} (UTC)`}>
      {formatDateTime(iso, browserZone())}
    </time>
  );
}
