/**
 * The home page's line for one agreement the user belongs to: "2 new · 1 overdue", linked to its
 * "since" page (docs/DESK.md). One request serves every agreement of the list; nothing shows for an
 * agreement the user does not belong to, for a visitor, or when all is quiet.
 */
import { Link } from 'react-router';
import { useSession } from '../auth/session.ts';
import { useDesk } from './desk.api.ts';
import { deskCountsText } from './sinceText.ts';
import './desk-counts.css';

export function DeskCounts({ slug }: { slug: string }) {
  const session = useSession();
  const desk = useDesk(session.user !== null);
  const entry = desk.data?.items.find((a) => a.slug === slug);
  // Nothing new, overdue or due: nothing to say.
  if (!entry || entry.newCount + entry.overdueCount + entry.dueSoonCount === 0) return null;
  const label = `What changed since ${entry.sinceFrom === 'last_visit' ? 'your last visit' : '7 days ago'}: ${deskCountsText(entry)}, ${entry.dueSoonCount} due within 7 days`;
  return (
    <p className="desk-counts">
      <Link to={`/agreements/${slug}/since`} title={label}>
        {deskCountsText(entry)}
      </Link>
      {entry.dueSoonCount > 0 ? <span className="muted"> · {entry.dueSoonCount} due within 7 days</span> : null}
    </p>
  );
}
