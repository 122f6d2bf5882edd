/**
 * An agreement's precedents: its provision categories linked to the nearest UCDP provisions, and how
 * often past agreements with a peacekeeping operation (a stabilization force) held against those
 * without, with a link to the precedents page showing them.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import type { AgreementPrecedentsView, SurvivalSummaryView } from '../../../src/contract/index.ts';
import { QueryStates } from '../shared/states.tsx';
import { useAgreementPrecedents } from './precedents.api.ts';
import { formatDays, formatShare, precedentsHref } from './survivalChart.ts';
import './precedents.css';

export function AgreementPrecedentsSection({ slug }: { slug: string }) {
  const query = useAgreementPrecedents(slug);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section agreement-precedents">
      <h2 id={headingId}>Precedents</h2>
      <QueryStates query={query} loading="Loading the precedents…" failed="Could not load the precedents">
        {(view) => <Body view={view} />}
      </QueryStates>
    </section>
  );
}

/** "76 % of 50 still in force after a year; median not reached (19 ended)". */
export function summaryText(s: SurvivalSummaryView): string {
  if (s.n === 0) return 'no such agreement in the dataset';
  const median = s.median === null ? 'fewer than half had ended by the data’s end' : `half had ended after ${formatDays(s.median)}`;
  const few = s.n < 10 ? '; too few agreements to go by' : '';
  return `${formatShare(s.oneYear)} of ${s.n} still in force a year after signing; ${median} (${s.events} ended)${few}`;
}

function Body({ view }: { view: AgreementPrecedentsView }) {
  const { stabilization, allLinked } = view;
  return (
    <>
      <p className="muted">
        How often past agreements held, from the {view.source.dataset} ({view.source.licence}). Agreements not known to have ended are followed to{' '}
        {view.source.dataEnd}.
      </p>
      <dl>
        <dt>
          <Link to={precedentsHref(['pko'])}>With a peacekeeping operation</Link>
        </dt>
        <dd>{summaryText(stabilization.with)}</dd>
        <dt>
          <Link to={precedentsHref([], ['pko'])}>Without one</Link>
        </dt>
        <dd>{summaryText(stabilization.without)}</dd>
        {allLinked ? (
          <>
            <dt>
              <Link to={precedentsHref(allLinked.with)}>With every linked provision</Link>
            </dt>
            <dd>
              {summaryText(allLinked)} <span className="muted">({allLinked.label})</span>
            </dd>
          </>
        ) : null}
      </dl>
      {view.categories.length === 0 ? (
        <p>This agreement has no provisions yet, so none is linked to a UCDP provision.</p>
      ) : (
        <div className="table-scroll">
        <table className="precedent-table">
          <caption className="visually-hidden">This agreement's provision categories and their nearest UCDP provisions</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Provisions</th>
              <th scope="col">Nearest UCDP provision</th>
              <th scope="col">How near</th>
            </tr>
          </thead>
          <tbody>
            {view.categories.map((c) => (
              <tr key={c.category}>
                <td>{c.label}</td>
                <td>{c.provisions}</td>
                <td>
                  {c.ucdp.length === 0
                    ? 'None'
                    : c.ucdp.map((u, i) => (
                        <span key={u.key}>
                          {i > 0 ? ', ' : ''}
                          <Link to={precedentsHref([u.key])}>{u.label}</Link>
                        </span>
                      ))}
                </td>
                <td className="muted">{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
