/** Every stance on a clause the reader may see, newest first: the history behind the current grid. */
import { useQuery } from '@tanstack/react-query';
import type { ClauseView, PartyView } from '../../../src/contract/index.ts';
import { POSITION_LABELS } from '../../../src/core/negotiation/consensus.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { clauseGroups } from './ClauseCard.tsx';
import { negotiationApi } from './negotiation.api.ts';
import { alternativeText } from './stanceGrid.ts';

export interface StanceHistoryProps {
  slug: string;
  documentId: string;
  clause: ClauseView;
  parties: PartyView[];
  timeZone: string;
}

export function StanceHistory({ slug, documentId, clause, parties, timeZone }: StanceHistoryProps) {
  const history = useQuery({
    queryKey: [...queryKeys.document(slug, documentId), 'stances', clause.id],
    queryFn: () => negotiationApi.stances(slug, documentId, clause.id),
  });
  const groups = clauseGroups(clause);
  const describeGroup = (key: string, alternative: number) => {
    const group = groups.find((g) => g.key === key);
    if (!group) return `an earlier text's group, alternative ${alternative + 1}`;
    return `${group.label}, alternative ${alternative + 1} (${alternativeText(group.alternatives[alternative] ?? '')})`;
  };
  return (
    <section className="stance-history" aria-labelledby="stance-history-heading">
      <h3 id="stance-history-heading">Stance history</h3>
      <QueryStates
        query={history}
        loading="Loading the stances…"
        failed="Could not load the stances"
        empty={(items) => (items.length === 0 ? 'No stances you may see on this clause.' : null)}
      >
        {(items) => (
          <ol className="version-list" aria-label="Stance history">
            {items.map((s) => (
              <li key={s.id}>
                <strong dir="auto">{parties.find((p) => p.id === s.partyId)?.name ?? 'A party'}</strong>: {POSITION_LABELS[s.position]} on{' '}
                <span dir="auto">{describeGroup(s.groupKey, s.alternative)}</span> · stated {formatDate(s.statedOn)}
                {s.reservation ? (
                  <>
                    {' '}
                    · reservation: <span dir="auto">{s.reservation}</span>
                  </>
                ) : null}
                {s.reason ? (
                  <>
                    {' '}
                    · <span dir="auto">{s.reason}</span>
                  </>
                ) : null}{' '}
                <span className="muted">
                  (recorded <ZonedTime iso={s.createdAt} timeZone={timeZone} /> by <span dir="auto">{s.authorName ?? 'an author not recorded'}</span>)
                </span>
              </li>
            ))}
          </ol>
        )}
      </QueryStates>
    </section>
  );
}
