/**
 * An agreement's ground page (docs/GATES.md): the withdrawal schedule with its verifications, the
 * indicators against their targets (a small chart each, linking to the indicator's page), and the
 * area held per sector over time, with a link to the map.
 */
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AreaHistoryView, IndicatorView } from '../../../src/contract/index.ts';
import { Notice } from '../shared/Notice.tsx';
import { EmptyState, Loading, QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { latestMet, MetBadge } from './badges.tsx';
import { areaTableRows, coverageText } from './chartData.ts';
import { useAreaHistory, useIndicators, useIndicatorSeries } from './ground.api.ts';
import { WithGround } from './GroundContext.tsx';
import { latestText } from './groundText.ts';
import { WithdrawalSchedule } from './WithdrawalSchedule.tsx';
import './ground.css';

// Observable Plot (with d3) loads with the charts, after the page's tables.
const IndicatorSparkline = lazy(() => import('./GroundCharts.tsx').then((m) => ({ default: m.IndicatorSparkline })));
const AreaHistoryChart = lazy(() => import('./GroundCharts.tsx').then((m) => ({ default: m.AreaHistoryChart })));

/** Keyed by slug, so that another agreement starts afresh. */
export function GroundRoute() {
  const { slug = '' } = useParams();
  return <GroundPage key={slug} slug={slug} />;
}

function GroundPage({ slug }: { slug: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const agreementPath = `/agreements/${encodeURIComponent(slug)}`;
  return (
    <WithGround slug={slug}>
      {(context) => (
        <article className="page ground-page">
          <title>{`Ground · ${context.agreement.title} · Phaseline`}</title>
          <p className="eyebrow">
            <Link to={agreementPath} dir="auto">
              {context.agreement.title}
            </Link>
          </p>
          <div className="section-head">
            <h1>Ground</h1>
            <Link className="button" to={`${agreementPath}/map`}>
              Open the map
            </Link>
          </div>
          <p className="muted">
            What must be true on the ground before the next phase: forces withdrawn on schedule, aid flowing at its targets, and the
            areas each party holds.
          </p>
          <WithdrawalSchedule slug={slug} context={context} onNotice={setNotice} />
          <IndicatorsSection slug={slug} />
          <AreaHistorySection slug={slug} />
          <Notice message={notice} onDismiss={() => setNotice(null)} />
        </article>
      )}
    </WithGround>
  );
}

function IndicatorsSection({ slug }: { slug: string }) {
  const indicators = useIndicators(slug);
  return (
    <section aria-labelledby="indicators-heading" className="section">
      <h2 id="indicators-heading">Indicators</h2>
      <p className="muted">Each indicator’s observations against its target. Sources are contested: each names its own, shown on its page.</p>
      <QueryStates query={indicators} loading="Loading the indicators…" failed="Could not load the indicators" empty="No indicator has been defined.">
        {(list) => (
          <ul className="indicator-cards">
            {list.map((indicator) => (
              <IndicatorCard key={indicator.id} slug={slug} indicator={indicator} />
            ))}
          </ul>
        )}
      </QueryStates>
    </section>
  );
}

function IndicatorCard({ slug, indicator }: { slug: string; indicator: IndicatorView }) {
  const series = useIndicatorSeries(slug, indicator.id);
  const headingId = `indicator-${indicator.id}`;
  return (
    <li className="indicator-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/agreements/${encodeURIComponent(slug)}/indicators/${indicator.id}`} dir="auto">
          {indicator.name}
        </Link>
      </h3>
      <p>
        <MetBadge met={latestMet(indicator)} />{' '}
        {latestText(indicator, indicator.streak)}
      </p>
      <QueryStates query={series} loading="Loading the chart…" failed="Could not load the chart" empty={(view) => (view.points.length === 0 ? 'No observation yet.' : null)}>
        {(view) => (
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <IndicatorSparkline view={view} />
          </Suspense>
        )}
      </QueryStates>
      {indicator.sourceNote ? (
        <p className="indicator-source-short" dir="auto">
          <strong>Source:</strong> {indicator.sourceNote}
        </p>
      ) : (
        <p className="indicator-source-short muted">No source note given.</p>
      )}
    </li>
  );
}

function AreaHistorySection({ slug }: { slug: string }) {
  const history = useAreaHistory(slug);
  return (
    <section aria-labelledby="areas-heading" className="section">
      <div className="section-head">
        <h2 id="areas-heading">Areas held per sector</h2>
        <Link to={`/agreements/${encodeURIComponent(slug)}/map`}>See the areas on the map, by date</Link>
      </div>
      <QueryStates query={history} loading="Loading the areas held…" failed="Could not load the areas held" empty={(view) => (view.areas.length === 0 ? 'No controlled area has been drawn.' : null)}>
        {(view) => (
          <>
            <p className="muted">The area each party’s forces hold inside each sector, on each date a snapshot of it was drawn.</p>
            {view.sectors.length === 0 ? (
              <EmptyState title="No sector has been drawn, so the areas held cannot be measured against any." />
            ) : (
              <>
                <Suspense fallback={<Loading label="Loading the chart…" />}>
                  <AreaHistoryChart view={view} />
                </Suspense>
                <AreaTable view={view} />
              </>
            )}
          </>
        )}
      </QueryStates>
    </section>
  );
}

function AreaTable({ view }: { view: AreaHistoryView }) {
  const rows = areaTableRows(view);
  return (
    <div className="table-scroll">
      <table className="data-table area-table" aria-label="Area held per sector and date">
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">As of</th>
            {view.sectors.map((s) => (
              <th scope="col" key={s.id} dir="auto">
                {s.name}
              </th>
            ))}
            <th scope="col">In the sectors</th>
            <th scope="col">Whole area</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.area}-${row.asOf}`}>
              <th scope="row" dir="auto">
                {row.area}
              </th>
              <td>
                <time dateTime={row.asOf}>{formatDate(row.asOf)}</time>
              </td>
              {row.cells.map((cell, i) => (
                <td className="num" key={view.sectors[i]?.id ?? i}>
                  {coverageText(cell.coveredKm2, cell.share)}
                </td>
              ))}
              <td className="num">{row.coveredKm2.toFixed(1)} km²</td>
              <td className="num">{row.totalKm2.toFixed(1)} km²</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
