/**
 * A provision's page, its permalink (docs/DESK.md): its text, obligated party, deadline, verification
 * method, the phase, pillar and clause it belongs to, its indicators, the incidents that bear on it
 * (for those who may read incidents), its status history with CSV and JSON downloads, and, for those
 * who may edit provisions, the form that changes its status with a reason.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { IndicatorView, ProvisionPageView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { CATEGORY_LABELS } from '../../../src/core/domain.ts';
import { INCIDENT_CATEGORY_LABELS } from '../../../src/core/incidents.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';
import { targetText } from '../ground/groundText.ts';
import { IncidentStatusBadge } from '../incidents/IncidentStatusBadge.tsx';
import { StatusBadge } from '../matrix/StatusBadge.tsx';
import { ApiError } from '../shared/api.ts';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { zoneAbbreviation } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { provisionPath } from './paths.ts';
import { useProvisionPage } from './provisions.api.ts';
import { StatusChangeForm } from './StatusChangeForm.tsx';
import { StatusHistory } from './StatusHistory.tsx';
import './provisions.css';

/** Keyed by slug and id, so that another provision starts afresh. */
export function ProvisionRoute() {
  const { slug = '', id = '' } = useParams();
  return <ProvisionPage key={`${slug}/${id}`} slug={slug} id={id} />;
}

/** Whether a refusal is of the agreement itself (not there, or not for this reader) rather than of the provision. */
const agreementMissing = (error: unknown) => error instanceof ApiError && error.isNotFound && error.details.entity === 'Agreement';

function ProvisionPage({ slug, id }: { slug: string; id: string }) {
  const query = useProvisionPage(slug, id);
  const agreementPath = `/agreements/${encodeURIComponent(slug)}`;
  if (query.isPending) return <Loading label="Loading the provision…" />;
  if (query.isError) {
    const error = query.error;
    return (
      <section className="page">
        {agreementMissing(error) ? (
          <>
            <title>Agreement not found · Phaseline</title>
            <AgreementNotFound slug={slug} />
          </>
        ) : error instanceof ApiError && (error.isNotFound || error.status === 400) ? (
          <>
            <title>Provision not found · Phaseline</title>
            <h1>Provision not found</h1>
            <p>
              This agreement has no provision “{id}”. <Link to={agreementPath}>Back to the agreement and its Strategic Matrix</Link>.
            </p>
          </>
        ) : (
          <ErrorState error={error} title="Could not load this provision" onRetry={() => void query.refetch()} />
        )}
      </section>
    );
  }
  return <ProvisionBody view={query.data} onReload={() => void query.refetch()} />;
}

function ProvisionBody({ view, onReload }: { view: ProvisionPageView; onReload: () => void }) {
  const session = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const { agreement, provision } = view;
  const slug = agreement.slug;
  const timeZone = agreement.timeZone;
  const name = provision.code ? `${provision.code} ${provision.title}` : provision.title;
  const mayChange = can(session.principal, 'provision:write', agreement);
  return (
    <article className="page provision-page">
      <title>{`${name} · ${agreement.title} · Phaseline`}</title>
      <p className="eyebrow">
        <Link to={`/agreements/${encodeURIComponent(slug)}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › Provision
      </p>
      <div className="section-head provision-head">
        <h1>
          {provision.code ? <span className="code">{provision.code}</span> : null} <span dir="auto">{provision.title}</span>
        </h1>
        <StatusBadge status={provision.status} />
      </div>
      <p className="muted permalink">
        Permalink: <Link to={provisionPath(slug, provision.id)}>{`${window.location.origin}${provisionPath(slug, provision.id)}`}</Link>
      </p>
      <ProvisionFacts view={view} />
      <section aria-labelledby="text-heading" className="section">
        <h2 id="text-heading">Text</h2>
        {provision.text ? (
          <p className="provision-text" dir="auto">
            {provision.text}
          </p>
        ) : (
          <p className="muted">No text was given for this provision.</p>
        )}
      </section>
      <IndicatorsSection slug={slug} indicators={view.indicators} />
      <IncidentsSection view={view} />
      <StatusHistory slug={slug} provisionId={provision.id} items={view.history} timeZone={timeZone} />
      {mayChange ? (
        <section aria-labelledby="change-heading" className="section">
          <h2 id="change-heading">Change status</h2>
          <StatusChangeForm
            key={provision.version}
            slug={slug}
            provision={provision}
            incidents={view.incidents.items}
            timeZone={timeZone}
            onChanged={setNotice}
            onReload={onReload}
          />
        </section>
      ) : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

function ProvisionFacts({ view }: { view: ProvisionPageView }) {
  const { agreement, provision, phase, pillar, obligatedParty, clause } = view;
  const slug = encodeURIComponent(agreement.slug);
  return (
    <section aria-labelledby="facts-heading" className="section">
      <h2 id="facts-heading" className="visually-hidden">
        Facts
      </h2>
      <dl className="facts provision-facts">
        <dt>Obligated party</dt>
        <dd>
          {obligatedParty ? (
            <>
              <span dir="auto">{obligatedParty.name}</span>
              {obligatedParty.localName ? (
                <>
                  {' '}
                  (<span dir="auto">{obligatedParty.localName}</span>)
                </>
              ) : null}
            </>
          ) : (
            'All parties, jointly'
          )}
        </dd>
        <dt>Deadline</dt>
        <dd>
          {provision.deadline ? (
            <>
              <ZonedTime iso={provision.deadline} timeZone={agreement.timeZone} />{' '}
              <span className="muted">
                ({agreement.timeZone}, {zoneAbbreviation(agreement.timeZone, provision.deadline)})
              </span>
            </>
          ) : (
            <span className="muted">None set</span>
          )}
        </dd>
        <dt>Verification</dt>
        <dd dir="auto">{provision.verificationMethod || <span className="muted">No method given</span>}</dd>
        <dt>Phase</dt>
        <dd>
          <Link to={`/agreements/${slug}/phases/${phase.id}/gate`} dir="auto">
            {phase.ordinal}. {phase.name}
          </Link>
        </dd>
        <dt>Pillar</dt>
        <dd dir="auto">{pillar ? pillar.title : <span className="muted">None</span>}</dd>
        <dt>Category</dt>
        <dd>{CATEGORY_LABELS[provision.category]}</dd>
        <dt>Clause</dt>
        <dd>
          {clause ? (
            <Link to={`/agreements/${slug}/documents/${clause.documentId}`} dir="auto">
              {clause.number ? `Clause ${clause.number}` : 'A clause'} of {clause.documentTitle}
            </Link>
          ) : (
            <span className="muted">Not tied to a clause of a negotiated document</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function IndicatorsSection({ slug, indicators }: { slug: string; indicators: readonly IndicatorView[] }) {
  return (
    <section aria-labelledby="indicators-heading" className="section">
      <h2 id="indicators-heading">Indicators</h2>
      {indicators.length === 0 ? (
        <p className="muted">No indicator measures this provision.</p>
      ) : (
        <ul className="plain-list provision-list" aria-labelledby="indicators-heading">
          {indicators.map((i) => (
            <li key={i.id}>
              <Link to={`/agreements/${encodeURIComponent(slug)}/indicators/${i.id}`} dir="auto">
                {i.name}
              </Link>{' '}
              <span className="muted">
                · target {targetText(i)} · {i.streak.met ? 'at target' : 'short of target'}
                {i.streak.latest ? ` (newest ${i.streak.latest.observedOn})` : ' (no observation yet)'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function IncidentsSection({ view }: { view: ProvisionPageView }) {
  const location = useLocation();
  const session = useSession();
  const { agreement, incidents } = view;
  const slug = encodeURIComponent(agreement.slug);
  return (
    <section aria-labelledby="incidents-heading" className="section">
      <h2 id="incidents-heading">Incidents that bear on it</h2>
      {!incidents.shown ? (
        <div className="state state-empty" role="note">
          <p className="state-title">{session.user ? 'Incident reports are for the agreement’s members' : 'Log in to see incident reports'}</p>
          <p>Reports are shown to those who hold a role on this agreement; the counts of verified incidents are public.</p>
          {session.user ? null : (
            <Link className="button button-primary" to={loginPath(location.pathname + location.search)}>
              Log in
            </Link>
          )}
        </div>
      ) : incidents.total === 0 ? (
        <p className="muted">No incident report bears on this provision.</p>
      ) : (
        <>
          <p className="muted">
            {incidents.total > incidents.items.length ? `The newest ${incidents.items.length} of ${incidents.total}` : `${incidents.total === 1 ? 'One report' : `${incidents.total} reports`}, newest first`}
            ; every report is in <Link to={`/agreements/${slug}/incidents`}>the incidents list</Link>.
          </p>
          <ul className="plain-list provision-list" aria-labelledby="incidents-heading">
            {incidents.items.map((i) => (
              <li key={i.id}>
                <Link to={`/agreements/${slug}/incidents/${i.id}`}>
                  {INCIDENT_CATEGORY_LABELS[i.category]}
                  {i.place ? (
                    <>
                      {' '}
                      at <span dir="auto">{i.place}</span>
                    </>
                  ) : null}
                </Link>{' '}
                <span className="muted">
                  <ZonedTime iso={i.occurredAt} timeZone={agreement.timeZone} />
                </span>{' '}
                <IncidentStatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
