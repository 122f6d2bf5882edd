/**
 * What sits beside the map: the legend (zone kinds, incident statuses, each colour with its label),
 * the zone list (the accessible alternative to the map: selecting a zone highlights it), the
 * incident filters, and the popup of one incident.
 */
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { IncidentView, PartyView, ZoneView } from '../../../src/contract/index.ts';
import { INCIDENT_CATEGORY_LABELS, RELIABILITY_LABELS } from '../../../src/core/incidents.ts';
import { countText, credibilityMeaning, gradeCode } from '../incidents/incidentText.ts';
import { ZONE_KIND_LABELS, ZONE_KINDS } from '../../../src/core/zones.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { INCIDENT_STATUS_LABELS, options, SOURCE_TYPE_LABELS } from '../shared/labels.ts';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { NO_FILTERS, type MapFilters } from './filters.ts';
import type { useMapIncidents } from './map.api.ts';
import { KIND_COLOURS, STATUS_COLOURS } from './mapStyle.ts';

function Swatch({ colour, shape = 'square' }: { colour: string; shape?: 'square' | 'dot' }) {
  return <span className={`swatch swatch-${shape}`} style={{ background: colour }} aria-hidden="true" />;
}

export function StatusLabel({ status }: { status: IncidentView['status'] }) {
  return (
    <span className="map-status">
      <Swatch colour={STATUS_COLOURS[status]} shape="dot" />
      {INCIDENT_STATUS_LABELS[status]}
    </span>
  );
}

export function MapLegend({ kinds, showIncidents }: { kinds: readonly ZoneView['kind'][]; showIncidents: boolean }) {
  const shown = ZONE_KINDS.filter((k) => kinds.includes(k));
  return (
    <section className="map-legend" aria-labelledby="map-legend-heading">
      <h2 id="map-legend-heading">Key</h2>
      {shown.length > 0 ? (
        <ul aria-label="Zone kinds">
          {shown.map((k) => (
            <li key={k}>
              <Swatch colour={KIND_COLOURS[k]} />
              {ZONE_KIND_LABELS[k]}
            </li>
          ))}
        </ul>
      ) : null}
      {showIncidents ? (
        <ul aria-label="Incident statuses">
          {(Object.keys(STATUS_COLOURS) as IncidentView['status'][]).map((s) => (
            <li key={s}>
              <StatusLabel status={s} />
            </li>
          ))}
          <li>
            <span className="swatch swatch-cluster" aria-hidden="true">
              n
            </span>
            A cluster of n incidents (press to zoom in)
          </li>
        </ul>
      ) : null}
    </section>
  );
}

export function ZoneList(props: { zones: ZoneView[]; selectedId: string | null; onSelect: (id: string | null) => void }) {
  const { zones, selectedId, onSelect } = props;
  if (zones.length === 0) return <EmptyState title="No zones yet." />;
  return (
    <table className="table map-zones" aria-label="Zones">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
        </tr>
      </thead>
      <tbody>
        {zones.map((z) => (
          <tr key={z.id} className={z.id === selectedId ? 'selected' : undefined}>
            <td>
              <button type="button" className="button-link" aria-pressed={z.id === selectedId} onClick={() => onSelect(z.id === selectedId ? null : z.id)}>
                <span dir="auto">{z.name}</span>
              </button>
              {z.asOf ? <span className="muted"> as of {z.asOf}</span> : null}
            </td>
            <td>
              <Swatch colour={KIND_COLOURS[z.kind]} />
              {ZONE_KIND_LABELS[z.kind]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MapFilterBar(props: { filters: MapFilters; parties: PartyView[]; timeZone: string; onChange: (filters: MapFilters) => void }) {
  const { filters, parties, timeZone, onChange } = props;
  const set = (key: keyof MapFilters) => (value: string) => onChange({ ...filters, [key]: value });
  const submit = (e: FormEvent) => e.preventDefault();
  return (
    <form className="map-filters" aria-label="Incident filters" onSubmit={submit}>
      <TextField label="From" type="date" value={filters.from} onChange={set('from')} />
      <TextField label="To" type="date" value={filters.to} onChange={set('to')} />
      <SelectField label="Category" value={filters.category} onChange={set('category')} options={[{ value: '', label: 'All categories' }, ...options(INCIDENT_CATEGORY_LABELS)]} />
      <SelectField label="Status" value={filters.status} onChange={set('status')} options={[{ value: '', label: 'All statuses' }, ...options(INCIDENT_STATUS_LABELS)]} />
      <SelectField
        label="Alleged party"
        value={filters.party}
        onChange={set('party')}
        options={[{ value: '', label: 'All parties' }, ...parties.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <button type="button" className="button button-quiet" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
      <p className="field-hint map-filters-note">
        Dates are whole days in the agreement’s time zone, {timeZone}; times are shown in it too, with yours in their tooltips.
      </p>
    </form>
  );
}

export function IncidentPopup({ slug, incident, parties, timeZone }: { slug: string; incident: IncidentView; parties: PartyView[]; timeZone: string }) {
  const alleged = parties.find((p) => p.id === incident.allegedPartyId);
  return (
    <div className="incident-popup">
      <p className="incident-popup-title">{INCIDENT_CATEGORY_LABELS[incident.category]}</p>
      <p>
        <ZonedTime iso={incident.occurredAt} timeZone={timeZone} />
      </p>
      <p>
        <StatusLabel status={incident.status} />
      </p>
      <dl className="incident-popup-facts">
        <dt>Alleged party</dt>
        <dd dir="auto">{alleged?.name ?? 'none named'}</dd>
        <dt>Source</dt>
        <dd>
          {SOURCE_TYPE_LABELS[incident.sourceType]}, graded {gradeCode(incident)} ({RELIABILITY_LABELS[incident.reliability].toLowerCase()};{' '}
          {credibilityMeaning(incident.credibility).toLowerCase()})
        </dd>
        <dt>Killed / injured</dt>
        <dd>
          {countText(incident.killed)} / {countText(incident.injured)}
        </dd>
      </dl>
      <Link to={`/agreements/${encodeURIComponent(slug)}/incidents/${incident.id}`}>Open the incident</Link>
    </div>
  );
}

/** How many incidents match, or why none are shown. */
export function IncidentStatusLine(props: { query: ReturnType<typeof useMapIncidents>; readable: boolean; filtered: boolean }) {
  const { query, readable, filtered } = props;
  if (!readable) return null;
  if (query.isPending) return <Loading label="Loading the incidents…" />;
  if (query.isError) return <ErrorState error={query.error} title="Could not load the incidents" onRetry={() => void query.refetch()} />;
  const { items, more } = query.data;
  const all = items.length;
  const unplaced = items.filter((i) => i.lon === null || i.lat === null).length;
  if (all === 0) {
    return (
      <EmptyState title={filtered ? 'No incident matches these filters.' : 'No incidents have been reported.'}>
        {filtered ? <p>Widen the dates or clear a filter to see more.</p> : null}
      </EmptyState>
    );
  }
  return (
    <p className="map-count" role="status">
      {more
        ? `More than ${all.toLocaleString('en')} incidents match: the newest ${all.toLocaleString('en')} are drawn. Narrow the dates or filters to see the others`
        : all === 1
          ? '1 incident matches'
          : `${all} incidents match`}
      {unplaced > 0 ? ` (${unplaced} without a point, not on the map)` : ''}
      {query.isFetching ? ' · refreshing…' : ''}
    </p>
  );
}
