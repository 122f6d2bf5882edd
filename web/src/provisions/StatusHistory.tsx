/**
 * A provision's status history, oldest first, as the Barometer publishes its ratings: each change
 * with its date in the agreement's zone, from and to, the reason, the source and its grade, the
 * evidence (links to incidents and documents) and who made it; and the CSV and JSON downloads.
 */
import { Link } from 'react-router';
import type { StatusChangeView, StatusEvidenceView } from '../../../src/contract/index.ts';
import { EmptyState } from '../shared/states.tsx';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { StatusBadge } from '../matrix/StatusBadge.tsx';
import { historyHref } from './provisions.api.ts';
import { sourceText } from './statusText.ts';

function Evidence({ slug, item }: { slug: string; item: StatusEvidenceView }) {
  if (item.kind === 'url') {
    return (
      <a href={item.url} target="_blank" rel="noreferrer noopener" dir="auto" className="evidence-link">
        {item.label}
      </a>
    );
  }
  if (item.incidentId === null) return <span className="muted">{item.label}</span>;
  return (
    <Link to={`/agreements/${encodeURIComponent(slug)}/incidents/${item.incidentId}`} dir="auto" className="evidence-link">
      {item.label}
    </Link>
  );
}

export function StatusHistory({ slug, provisionId, items, timeZone }: { slug: string; provisionId: string; items: readonly StatusChangeView[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading" className="section">
      <div className="section-head">
        <h2 id="history-heading">Status history</h2>
        <p className="downloads">
          Download: <a href={historyHref(slug, provisionId, 'csv')} download>CSV</a> · <a href={historyHref(slug, provisionId, 'json')} download>JSON</a>
        </p>
      </div>
      <p className="muted">Oldest first. Dates are in the agreement’s time zone, {timeZone}. A change of status is never edited or removed.</p>
      {items.length === 0 ? (
        <EmptyState title="No status change is recorded for this provision." />
      ) : (
        <ScrollingTable labelledBy="history-heading" className="status-history" columns={['Date', 'Status', 'Reason', 'Source', 'Evidence', 'By']}>
          {items.map((c) => (
            <tr key={c.seq}>
              <td className="nowrap" data-label="Date">
                <ZonedTime iso={c.at} timeZone={timeZone} />
              </td>
              <td className="history-move" data-label="Status">
                {c.from ? (
                  <>
                    <StatusBadge status={c.from} /> <span aria-label="to">→</span>{' '}
                  </>
                ) : (
                  <span className="muted">Start: </span>
                )}
                <StatusBadge status={c.to} />
              </td>
              <td dir="auto" className="history-reason" data-label="Reason">
                {c.reason}
              </td>
              <td dir="auto" data-label="Source">
                {sourceText(c)}
              </td>
              <td data-label="Evidence">
                {c.evidence.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="plain-list">
                    {c.evidence.map((e, i) => (
                      <li key={i}>
                        <Evidence slug={slug} item={e} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td dir="auto" data-label="By">
                {c.actorName}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      )}
    </section>
  );
}
