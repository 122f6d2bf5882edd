/** One incident: its facts, history, evidence, parties' responses and the workflow's next steps. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IncidentDetail, PartyView, ProvisionSummary, ZoneView } from '../../../src/contract/index.ts';
import { mayAddEvidence, respondingParties } from '../../../src/core/access.ts';
import { INCIDENT_CATEGORY_LABELS } from '../../../src/core/incidents.ts';
import { useSession } from '../auth/session.ts';
import { ApiError } from '../shared/api.ts';
import { SOURCE_TYPE_LABELS } from '../shared/labels.ts';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { zoneAbbreviation } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { IncidentsClosed, WithAgreement, type AgreementContext } from './AgreementContext.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { useIncident } from './incidents.api.ts';
import { countText, gradeCode, gradeMeaning, pointText } from './incidentText.ts';
import { IncidentWorkflow, noEvidenceReasonOf, WithoutEvidence } from './IncidentWorkflow.tsx';
import { LocatorMap } from './LocatorMap.tsx';
import { provisionPath } from '../provisions/paths.ts';
import { ResponsesSection } from './ResponsesSection.tsx';
import { IncidentStatusBadge } from './IncidentStatusBadge.tsx';
import './incidents.css';

export function IncidentRoute() {
  const { slug = '', id = '' } = useParams();
  return <WithAgreement slug={slug}>{(context) => <IncidentPage key={`${slug}/${id}`} slug={slug} id={id} context={context} />}</WithAgreement>;
}

function IncidentPage({ slug, id, context }: { slug: string; id: string; context: AgreementContext }) {
  const session = useSession();
  const incident = useIncident(slug, id);
  const [notice, setNotice] = useState<string | null>(null);
  const { agreement, parties, provisions, zones, can, loggedIn } = context;
  const listHref = `/agreements/${encodeURIComponent(slug)}/incidents`;

  const header = (
    <p className="eyebrow">
      <Link to={`/agreements/${encodeURIComponent(slug)}`} dir="auto">
        {agreement.title}
      </Link>{' '}
      › <Link to={listHref}>Incidents</Link>
    </p>
  );

  if (!can.incidentRead) {
    return (
      <section className="page">
        <title>Incident · Phaseline</title>
        {header}
        <h1>Incident</h1>
        <IncidentsClosed loggedIn={loggedIn} />
      </section>
    );
  }
  if (incident.isPending) return <Loading label="Loading the incident…" />;
  if (incident.isError) {
    const error = incident.error;
    const missing = error instanceof ApiError && (error.isNotFound || error.status === 400);
    return (
      <section className="page">
        <title>Incident not found · Phaseline</title>
        {header}
        {missing ? (
          <>
            <h1>Incident not found</h1>
            <p>
              This agreement has no incident “{id}”. <Link to={listHref}>Back to the incidents</Link>.
            </p>
          </>
        ) : error instanceof ApiError && (error.isForbidden || error.isUnauthenticated) ? (
          <IncidentsClosed loggedIn={loggedIn} />
        ) : (
          <ErrorState error={error} title="Could not load this incident" onRetry={() => void incident.refetch()} />
        )}
      </section>
    );
  }

  const data = incident.data;
  const respondFor = can.incidentRespond ? respondingParties(session.principal, data) : [];
  const noEvidenceReason = noEvidenceReasonOf(data);
  return (
    <article className="page incident-page">
      <title>{`${INCIDENT_CATEGORY_LABELS[data.category]} · Incident · Phaseline`}</title>
      {header}
      <div className="section-head">
        <h1>
          {INCIDENT_CATEGORY_LABELS[data.category]}
          {data.place ? (
            <>
              {' · '}
              <span dir="auto">{data.place}</span>
            </>
          ) : null}
        </h1>
        <IncidentStatusBadge status={data.status} />
      </div>
      {noEvidenceReason ? <WithoutEvidence reason={noEvidenceReason} evidenceSince={data.evidence.length > 0} /> : null}
      <IncidentFacts slug={slug} incident={data} parties={parties} zones={zones} provisions={provisions} timeZone={agreement.timeZone} />
      <LocatorMap incident={data} zones={zones} />
      <IncidentWorkflow
        slug={slug}
        incident={data}
        parties={parties}
        timeZone={agreement.timeZone}
        canVerify={can.incidentVerify}
        onChanged={setNotice}
        onReload={() => void incident.refetch()}
      />
      <EvidenceSection slug={slug} incident={data} timeZone={agreement.timeZone} canAdd={can.incidentReport && mayAddEvidence(session.principal, data)} onChanged={setNotice} />
      <ResponsesSection slug={slug} incident={data} parties={parties} timeZone={agreement.timeZone} respondFor={respondFor} onChanged={setNotice} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

interface FactsProps {
  slug: string;
  incident: IncidentDetail;
  parties: PartyView[];
  zones: ZoneView[];
  provisions: ProvisionSummary[];
  /** The agreement's zone, in which times are shown. */
  timeZone: string;
}

function IncidentFacts({ slug, incident, parties, zones, provisions, timeZone }: FactsProps) {
  const partyName = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? 'Unknown party') : null);
  const zone = zones.find((z) => z.id === incident.zoneId);
  const point = pointText(incident.lon, incident.lat);
  const bearsOn = provisions.filter((p) => incident.provisionIds.includes(p.id));
  return (
    <section aria-labelledby="facts-heading" className="section">
      <h2 id="facts-heading" className="visually-hidden">
        Facts
      </h2>
      <dl className="facts incident-facts">
        <dt>Occurred</dt>
        <dd>
          <ZonedTime iso={incident.occurredAt} timeZone={timeZone} />{' '}
          <span className="muted">
            (local time in {timeZone}, {zoneAbbreviation(timeZone, incident.occurredAt)})
          </span>
          <br />
          <span className="muted mono">{incident.occurredAt.replace('.000Z', 'Z')} UTC</span>
        </dd>
        <dt>Reported</dt>
        <dd>
          <ZonedTime iso={incident.reportedAt} timeZone={timeZone} />
        </dd>
        <dt>Category</dt>
        <dd>{INCIDENT_CATEGORY_LABELS[incident.category]}</dd>
        <dt>Place</dt>
        <dd>
          {point ? <span className="mono">{point}</span> : <span className="muted">No point given</span>}
          {' · '}
          {zone ? <span dir="auto">zone {zone.name}</span> : <span className="muted">no zone</span>}
          {incident.place ? (
            <>
              {' · '}
              <span dir="auto">{incident.place}</span>
            </>
          ) : null}
        </dd>
        <dt>Source</dt>
        <dd>
          {SOURCE_TYPE_LABELS[incident.sourceType]}
          {incident.reportingPartyId ? <span dir="auto"> of {partyName(incident.reportingPartyId)}</span> : null} · grade{' '}
          <strong>{gradeCode(incident)}</strong>: {gradeMeaning(incident)}
          {incident.externalSource ? <span className="muted"> · imported from {incident.externalSource} {incident.externalId ?? ''}</span> : null}
        </dd>
        <dt>Alleged party</dt>
        <dd dir="auto">{partyName(incident.allegedPartyId) ?? <span className="muted">None named</span>}</dd>
        {incident.status === 'verified' ? (
          <>
            <dt>Attributed to</dt>
            <dd dir="auto">{partyName(incident.attributedPartyId) ?? <span className="muted">No party (not attributable)</span>}</dd>
          </>
        ) : null}
        {incident.duplicateOfId ? (
          <>
            <dt>Duplicate of</dt>
            <dd>
              <Link to={`/agreements/${encodeURIComponent(slug)}/incidents/${incident.duplicateOfId}`}>incident {incident.duplicateOfId.slice(0, 8)}</Link>
            </dd>
          </>
        ) : null}
        <dt>Killed</dt>
        <dd>
          {countText(incident.killed)} <span className="muted">(civilians: {countText(incident.civiliansKilled)})</span>
        </dd>
        <dt>Injured</dt>
        <dd>
          {countText(incident.injured)} <span className="muted">(civilians: {countText(incident.civiliansInjured)})</span>
        </dd>
        <dt>Provisions</dt>
        <dd>
          {bearsOn.length === 0 ? (
            <span className="muted">None named</span>
          ) : (
            <ul className="inline-list">
              {bearsOn.map((p) => (
                <li key={p.id}>
                  <Link to={provisionPath(slug, p.id)} dir="auto">
                    {p.code ? `${p.code} ${p.title}` : p.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3>Description</h3>
      <p className="incident-description" dir="auto">
        {incident.description}
      </p>
    </section>
  );
}
