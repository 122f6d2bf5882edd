/**
 * The negotiated clauses not agreed yet, soonest deadline first: bottlenecks of the text beside
 * those of the provisions. Computed by the server from the stances this reader may see, so the
 * blocking parties named are only those the reader may know.
 */
import { Link } from 'react-router';
import type { MatrixView, PartyView } from '../../../src/contract/index.ts';
import { GROUP_STATUS_LABELS } from '../../../src/core/negotiation/consensus.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';

export function ClauseBottlenecks({ matrix }: { matrix: MatrixView }) {
  if (matrix.clauses.length === 0) return null;
  const parties = new Map<string, PartyView>(matrix.parties.map((p) => [p.id, p]));
  const slug = matrix.agreement.slug;
  return (
    <section aria-labelledby="clause-bottlenecks-heading" className="clause-bottlenecks">
      <h3 id="clause-bottlenecks-heading">Clauses not agreed</h3>
      <ul className="bottlenecks">
        {matrix.clauses.map((c) => (
          <li key={c.clauseId} className="bottleneck">
            <div className="reality-head">
              <Link to={`/agreements/${slug}/documents/${c.documentId}`} dir="auto">
                {c.number ? `Clause ${c.number}` : 'A clause'} of {c.documentTitle}
              </Link>
            </div>
            <div className="reality-meta">
              <span className={c.status === 'blocked' ? 'reason reason-disputed' : 'reason'}>{GROUP_STATUS_LABELS[c.status]}</span>
              {c.blockingPartyIds.length > 0 ? (
                <span className="party" dir="auto">
                  blocked by {c.blockingPartyIds.map((id) => parties.get(id)?.name ?? 'a party').join(', ')}
                </span>
              ) : null}
              {c.deadline ? (
                <span className="deadline">
                  due <ZonedTime iso={c.deadline} timeZone={matrix.agreement.timeZone} />
                </span>
              ) : (
                <span className="muted">no deadline</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
