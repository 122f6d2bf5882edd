/**
 * What changed in an agreement since the reader last looked (docs/DESK.md): from their last visit,
 * a day they choose (`?since=` in the address) or 7 days back, each item by kind with its count and
 * a link to its page. Once the view has loaded, a member's visit is marked at its end, so that the
 * next view starts there; the page keeps showing the window it loaded.
 */
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SinceView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useSession } from '../auth/session.ts';
import { currentSearch } from '../shared/address.ts';
import { ApiError } from '../shared/api.ts';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { formatDateTime } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { useMarkSeen, useSince } from './desk.api.ts';
import { countsText, groupItems, sinceFromWords, sinceParam } from './sinceText.ts';
import './desk.css';

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function SinceRoute() {
  const { slug = '' } = useParams();
  return <SincePageFrame key={slug} slug={slug} />;
}

function SincePageFrame({ slug }: { slug: string }) {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const since = sinceParam(params.get('since'));
  const view = useSince(slug, since);
  const { mutate: markSeen, isError: seenFailed } = useMarkSeen(slug);
  const marked = useRef<string | null>(null);
  const data = view.data;
  const mayVisit = data !== undefined && can(session.principal, 'desk:visit', data.agreement);

  // Each view loaded marks the visit at its end, once: tomorrow's view starts where this one ends.
  useEffect(() => {
    if (!data || !mayVisit || marked.current === data.until) return;
    marked.current = data.until;
    markSeen(data.until);
  }, [data, mayVisit, markSeen]);

  const setSince = (day: string) =>
    void setParams(
      () => {
        const next = currentSearch();
        if (day) next.set('since', day);
        else next.delete('since');
        return next;
      },
      { replace: true },
    );

  if (view.isPending) return <Loading label="Loading what changed…" />;
  if (view.isError) {
    return (
      <section className="page">
        <title>What changed · Phaseline</title>
        {view.error instanceof ApiError && view.error.isNotFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <ErrorState error={view.error} title="Could not load what changed" onRetry={() => void view.refetch()} />
        )}
      </section>
    );
  }
  return <SincePage view={view.data} chosen={since} onSince={setSince} mayVisit={mayVisit} seenFailed={seenFailed} />;
}

interface SincePageProps {
  view: SinceView;
  /** The day in the address; "" for the default start. */
  chosen: string;
  onSince: (day: string) => void;
  mayVisit: boolean;
  seenFailed: boolean;
}

function SincePage({ view, chosen, onSince, mayVisit, seenFailed }: SincePageProps) {
  const { agreement } = view;
  const zone = agreement.timeZone;
  const sinceText = formatDateTime(view.since, zone);
  const groups = groupItems(view);

  return (
    <article className="page since-page">
      <title>{`What changed · ${agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="since-breadcrumb">
        <Link to={`/agreements/${agreement.slug}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › What changed
      </nav>
      <h1>
        What changed since <time dateTime={view.since}>{sinceText}</time>
      </h1>
      <p className="since-from">
        From {sinceFromWords(view.sinceFrom)} to <ZonedTime iso={view.until} timeZone={zone} />.
      </p>
      <p className="since-counts">
        {countsText(view)}
      </p>
      <form className="since-choose" aria-label="Choose the start" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="since-input">Since</label>
        <input id="since-input" type="date" value={chosen || localDate(new Date(view.since), zone)} max={localDate(new Date(view.until), zone)} onChange={(e) => onSince(e.target.value)} />
        {chosen ? (
          <button type="button" className="button button-small" onClick={() => onSince('')}>
            {mayVisit ? 'Since my last visit' : 'The last 7 days'}
          </button>
        ) : null}
        <span className="muted">Days start at midnight in {zone}.</span>
      </form>
      {seenFailed ? <p className="muted">This visit could not be marked: your next view starts where the last marked one did.</p> : null}

      {view.newCount === 0 ? <EmptyState title={`Nothing changed since ${sinceText}.`} /> : null}
      {groups.map((group) => (
        <section key={group.kind} className="section since-group" data-kind={group.kind} aria-labelledby={`since-${group.kind}`}>
          <h2 id={`since-${group.kind}`}>
            {group.label} <span className="since-count">{group.count}</span>
          </h2>
          <ul className="stack-list since-items" aria-label={group.label}>
            {group.items.map((item) => (
              <li key={item.id} className="since-item">
                <Link to={item.href} className="since-item-title" dir="auto">
                  {item.title}
                </Link>
                <p className="meta">
                  <ZonedTime iso={item.at} timeZone={zone} />
                </p>
                {item.detail ? (
                  <p className="since-item-detail" dir="auto">
                    {item.detail}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {group.more ? <p className="muted">{group.more}</p> : null}
        </section>
      ))}
    </article>
  );
}
