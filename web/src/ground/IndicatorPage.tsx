/**
 * One indicator's page: its chart (daily values, the target as a rule, the points short of it
 * marked), the current streak in words, its source note in full (sources are contested: always
 * shown), the observations a page at a time, and for those who may, recording one and importing a
 * CSV file. A crossing's or corridor's indicator links to its zone on the map.
 */
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IndicatorView, ZoneView } from '../../../src/contract/index.ts';
import { meets } from '../../../src/core/index.ts';
import { RELIABILITY_LABELS } from '../../../src/core/incidents.ts';
import { ZONE_KIND_LABELS } from '../../../src/core/zones.ts';
import { credibilityMeaning } from '../incidents/incidentText.ts';
import { ApiError } from '../shared/api.ts';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading, QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { MetBadge } from './badges.tsx';
import { OBSERVATION_PAGE_SIZE, useIndicatorSeries, useObservationPage } from './ground.api.ts';
import { WithGround, type GroundContext } from './GroundContext.tsx';
import { numberText, streakSentence, targetText } from './groundText.ts';
import { ImportObservationsForm, ObservationForm } from './ObservationForms.tsx';
import './ground.css';

const IndicatorChart = lazy(() => import('./GroundCharts.tsx').then((m) => ({ default: m.IndicatorChart })));

/** Keyed by slug and id, so that another indicator starts afresh. */
export function IndicatorRoute() {
  const { slug = '', id = '' } = useParams();
  return <IndicatorPage key={`${slug}/${id}`} slug={slug} id={id} />;
}

function IndicatorPage({ slug, id }: { slug: string; id: string }) {
  return <WithGround slug={slug}>{(context) => <IndicatorBody slug={slug} id={id} context={context} />}</WithGround>;
}

function IndicatorBody({ slug, id, context }: { slug: string; id: string; context: GroundContext }) {
  const series = useIndicatorSeries(slug, id);
  const [notice, setNotice] = useState<string | null>(null);
  const agreementPath = `/agreements/${encodeURIComponent(slug)}`;
  const crumbs = (
    <p className="eyebrow">
      <Link to={agreementPath} dir="auto">
        {context.agreement.title}
      </Link>{' '}
      › <Link to={`${agreementPath}/ground`}>Ground</Link>
    </p>
  );
  if (series.isPending) return <Loading label="Loading the indicator…" />;
  if (series.isError) {
    return (
      <section className="page">
        {crumbs}
        {series.error instanceof ApiError && series.error.isNotFound ? (
          <>
            <title>Indicator not found · Phaseline</title>
            <h1>Indicator not found</h1>
            <p>
              This agreement has no such indicator. <Link to={`${agreementPath}/ground`}>Back to the ground page</Link>.
            </p>
          </>
        ) : (
          <ErrorState error={series.error} title="Could not load this indicator" onRetry={() => void series.refetch()} />
        )}
      </section>
    );
  }
  const view = series.data;
  const { indicator } = view;
  const zone = context.zones.find((z) => z.id === indicator.zoneId) ?? null;
  return (
    <article className="page indicator-page">
      <title>{`${indicator.name} · ${context.agreement.title} · Phaseline`}</title>
      {crumbs}
      <h1 dir="auto">{indicator.name}</h1>
      <p>
        Target: <strong>{targetText(indicator)}</strong>
        {indicator.category ? (
          <>
            {' '}
            · category <span dir="auto">{indicator.category}</span>
          </>
        ) : null}
        {zone ? <ZoneLink slug={slug} zone={zone} /> : null}
      </p>
      <section className="indicator-source" aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        {indicator.sourceNote ? <p dir="auto">{indicator.sourceNote}</p> : <p>No source note was given for this indicator: treat its figures with care.</p>}
      </section>
      <section aria-labelledby="chart-heading" className="section">
        <h2 id="chart-heading">Against the target</h2>
        <p className={`indicator-streak indicator-streak-${view.streak.met ? 'met' : 'missed'}`} role="status">
          {streakSentence(indicator, view.streak)}
        </p>
        {view.points.length === 0 ? (
          <p className="muted">No observation yet: the chart appears with the first.</p>
        ) : (
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <IndicatorChart view={view} />
          </Suspense>
        )}
        <p className="muted">Days are calendar days in the agreement’s time zone, {context.agreement.timeZone}; today there is {formatDate(view.today)}.</p>
      </section>
      <ObservationsSection slug={slug} indicator={indicator} />
      {context.can.observe ? (
        <section aria-labelledby="record-heading" className="section ground-forms">
          <h2 id="record-heading">Record observations</h2>
          <div className="ground-form-grid">
            <div>
              <h3>One observation</h3>
              <ObservationForm slug={slug} indicator={indicator} timeZone={context.agreement.timeZone} onSaved={setNotice} />
            </div>
            <div>
              <h3>Import a CSV file</h3>
              <ImportObservationsForm slug={slug} indicator={indicator} onImported={setNotice} />
            </div>
          </div>
        </section>
      ) : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

function ZoneLink({ slug, zone }: { slug: string; zone: ZoneView }) {
  return (
    <>
      {' '}
      · measured at{' '}
      <Link to={`/agreements/${encodeURIComponent(slug)}/map?zone=${encodeURIComponent(zone.id)}`}>
        <span dir="auto">{zone.name}</span> ({ZONE_KIND_LABELS[zone.kind].toLowerCase()}) on the map
      </Link>
    </>
  );
}

function ObservationsSection({ slug, indicator }: { slug: string; indicator: IndicatorView }) {
  const [offset, setOffset] = useState(0);
  const page = useObservationPage(slug, indicator.id, offset);
  return (
    <section aria-labelledby="observations-heading" className="section">
      <h2 id="observations-heading">Observations</h2>
      <QueryStates query={page} loading="Loading the observations…" failed="Could not load the observations" empty={(p) => (p.total === 0 ? 'No observation has been recorded.' : null)}>
        {(data) => {
          const last = Math.min(data.offset + data.items.length, data.total);
          return (
            <>
              <p className="muted">
                Newest first: {data.offset + 1}–{last} of {numberText(data.total)}.{page.isFetching ? ' Loading…' : ''}
              </p>
              <div className="table-scroll">
                <table className="data-table observations-table" aria-labelledby="observations-heading" aria-busy={page.isFetching}>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Value</th>
                      <th scope="col">Target</th>
                      <th scope="col">Source</th>
                      <th scope="col">Grade</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((o) => {
                      const met = meets(o.value, indicator.comparison, indicator.target);
                      return (
                        <tr key={o.id}>
                          <th scope="row">
                            <time dateTime={o.observedOn}>{formatDate(o.observedOn)}</time>
                          </th>
                          <td className="num">
                            {numberText(o.value)} {indicator.unit}
                          </td>
                          <td>
                            <MetBadge met={met} />
                          </td>
                          <td dir="auto">{o.source || <span className="muted">none given</span>}</td>
                          <td>
                            {o.sourceReliability || o.credibility ? (
                              <abbr
                                title={[o.sourceReliability ? RELIABILITY_LABELS[o.sourceReliability] : null, o.credibility ? credibilityMeaning(o.credibility) : null]
                                  .filter(Boolean)
                                  .join('; ')}
                              >
                                {o.sourceReliability ?? '–'}
                                {o.credibility ?? '–'}
                              </abbr>
                            ) : (
                              <span className="muted">not graded</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Observation pages">
                <button type="button" className="button button-small" disabled={data.offset === 0} onClick={() => setOffset(Math.max(0, offset - OBSERVATION_PAGE_SIZE))}>
                  Newer
                </button>
                <button type="button" className="button button-small" disabled={last >= data.total} onClick={() => setOffset(offset + OBSERVATION_PAGE_SIZE)}>
                  Older
                </button>
              </nav>
            </>
          );
        }}
      </QueryStates>
    </section>
  );
}
