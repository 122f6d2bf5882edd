/** An agreement's incidents: filters, the list with cursor paging, and the daily chart of verified incidents per party. */
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { Loading } from '../shared/states.tsx';
import { IncidentsClosed, WithAgreement } from './AgreementContext.tsx';
import { IncidentList } from './IncidentList.tsx';
import './incidents.css';

// Observable Plot (with d3) loads only with the chart, not with every page.
const ComplianceChart = lazy(() => import('./ComplianceChart.tsx').then((m) => ({ default: m.ComplianceChart })));

/** Keyed by slug, so that another agreement starts afresh. */
export function IncidentsRoute() {
  const { slug = '' } = useParams();
  return <IncidentsPage key={slug} slug={slug} />;
}

function IncidentsPage({ slug }: { slug: string }) {
  return (
    <WithAgreement slug={slug}>
      {({ agreement, parties, zones, can, loggedIn }) => (
        <article className="page incidents-page">
          <title>{`Incidents · ${agreement.title} · Phaseline`}</title>
          <p className="eyebrow">
            <Link to={`/agreements/${encodeURIComponent(slug)}`} dir="auto">
              {agreement.title}
            </Link>
          </p>
          <div className="section-head">
            <h1>Incidents</h1>
            {can.incidentReport ? (
              <Link className="button button-primary" to={`/agreements/${encodeURIComponent(slug)}/map?report=1`}>
                Report an incident on the map
              </Link>
            ) : null}
          </div>
          <section aria-labelledby="reports-heading" className="section">
            <h2 id="reports-heading">Reports</h2>
            {can.incidentRead ? (
              <>
                <p className="muted">
                  Times are shown, and days filtered, in the agreement’s time zone, {agreement.timeZone}, as monitors report them; each
                  time’s tooltip gives yours. Casualty counts that are not known are written so, never as 0.
                </p>
                <IncidentList slug={slug} parties={parties} zones={zones} timeZone={agreement.timeZone} />
              </>
            ) : (
              <IncidentsClosed loggedIn={loggedIn} />
            )}
          </section>
          <Suspense fallback={<Loading label="Loading the chart…" />}>
            <ComplianceChart slug={slug} />
          </Suspense>
        </article>
      )}
    </WithAgreement>
  );
}
