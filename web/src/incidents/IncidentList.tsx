/**
 * The filtered incident list: a text search and filters in the address bar, the totals by status of
 * the selection, a table newest (or oldest) first with each report's place and the start of its
 * description, pages by cursor with the earlier pages' cursors kept in the history entry (so Back
 * and Previous agree), and downloads of the same selection.
 */
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { currentSearch } from '../shared/address.ts';
import type { IncidentView, PartyView, ZoneView } from '../../../src/contract/index.ts';
import { INCIDENT_CATEGORY_LABELS, type IncidentStatus } from '../../../src/core/incidents.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { INCIDENT_STATUS_LABELS, options, SOURCE_TYPE_LABELS } from '../shared/labels.ts';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { excerpt } from './excerpt.ts';
import { dateRangeProblem, exportHref, filterQuery, filtersFromSearch, isFiltered, NO_FILTERS, searchOf, toggledStatus, type IncidentFilters } from './filters.ts';
import { useIncidentPage } from './incidents.api.ts';
import { casualtiesText, gradeCode, gradeMeaning } from './incidentText.ts';
import { IncidentSearchBox } from './IncidentSearchBox.tsx';
import { IncidentStatusBadge } from './IncidentStatusBadge.tsx';
import { TimeSortHeader } from '../shared/TimeSortHeader.tsx';
import './incident-search.css';

/** The cursors of the pages before this one, kept in the history entry; '' stands for the first page. */
function earlierCursors(state: unknown): string[] {
  if (typeof state === 'object' && state !== null && 'cursors' in state && Array.isArray(state.cursors)) {
    return state.cursors.filter((c): c is string => typeof c === 'string');
  }
  return [];
}

const any = (label: string) => ({ value: '', label });

/** `timeZone` is the agreement's: times are shown, and days filtered, there. */
export function IncidentList({ slug, parties, zones, timeZone }: { slug: string; parties: PartyView[]; zones: ZoneView[]; timeZone: string }) {
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filters = filtersFromSearch(search);
  const cursor = search.get('cursor');
  const earlier = earlierCursors(location.state);
  const rangeProblem = dateRangeProblem(filters);
  const page = useIncidentPage(slug, { ...filterQuery(filters, timeZone), cursor }, rangeProblem === null);

  // Built on the address as it is now, not as last rendered: two changes in one tick keep both.
  const setFilter = (key: keyof IncidentFilters) => (value: string) => setSearch(searchOf({ ...filtersFromSearch(currentSearch()), [key]: value }));
  // Typing replaces the history entry: Back goes to the page before the search, not to each pause.
  const setQuery = (q: string) => setSearch(searchOf({ ...filtersFromSearch(currentSearch()), q }), { replace: true });
  const toggleStatus = (status: IncidentStatus) => setSearch(searchOf(toggledStatus(filtersFromSearch(currentSearch()), status)));
  const goTo = (target: string | null, cursors: string[]) => navigate({ search: `?${searchOf(filters, target).toString()}` }, { state: { cursors } });
  const partyName = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? 'Unknown party') : '—');
  const zoneName = (id: string | null) => (id ? (zones.find((z) => z.id === id)?.name ?? 'Unknown zone') : '—');

  return (
    <div className="incident-list">
      <form className="toolbar incident-filters" aria-label="Incident filters" onSubmit={(e) => e.preventDefault()}>
        <IncidentSearchBox value={filters.q} onSearch={setQuery} />
        <TextField label="From day" type="date" value={filters.from} onChange={setFilter('from')} error={rangeProblem ?? undefined} hint={`Whole days in ${timeZone}`} />
        <TextField label="To day" type="date" value={filters.to} onChange={setFilter('to')} hint="That day included" />
        <SelectField label="Category" value={filters.category} onChange={setFilter('category')} options={[any('Any category'), ...options(INCIDENT_CATEGORY_LABELS)]} />
        <SelectField label="Status" value={filters.status} onChange={setFilter('status')} options={[any('Any status'), ...options(INCIDENT_STATUS_LABELS)]} />
        <SelectField
          label="Alleged party"
          value={filters.party}
          onChange={setFilter('party')}
          options={[any('Any party'), ...parties.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField label="Zone" value={filters.zone} onChange={setFilter('zone')} options={[any('Any zone'), ...zones.map((z) => ({ value: z.id, label: z.name }))]} />
        <SelectField label="Source" value={filters.source} onChange={setFilter('source')} options={[any('Any source'), ...options(SOURCE_TYPE_LABELS)]} />
        {isFiltered(filters) ? (
          <button type="button" className="button button-quiet" onClick={() => setSearch(searchOf({ ...NO_FILTERS, order: filters.order }))}>
            Clear filters
          </button>
        ) : null}
        <details className="menu">
          <summary className="button">Download</summary>
          <ul aria-label="Download formats">
            {(['csv', 'json', 'geojson'] as const).map((format) => (
              <li key={format}>
                <a href={exportHref(slug, filters, format, timeZone)} download onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}>
                  {format === 'geojson' ? 'GeoJSON' : format.toUpperCase()}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </form>

      {!rangeProblem && page.data ? <StatusTotals totals={page.data.byStatus} chosen={filters.status} onChoose={toggleStatus} /> : null}

      {rangeProblem ? null : page.isPending ? (
        <Loading label="Loading incidents…" />
      ) : page.isError ? (
        <ErrorState error={page.error} title="Could not load the incidents" onRetry={() => void page.refetch()} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={isFiltered(filters) ? 'No incident matches these filters.' : 'No incidents reported yet.'}>
          {cursor ? <button type="button" className="button" onClick={() => goTo(null, [])}>Back to the first page</button> : null}
        </EmptyState>
      ) : (
        <>
          <IncidentTable
            slug={slug}
            items={page.data.items}
            timeZone={timeZone}
            order={filters.order}
            onOrder={(order) => setSearch(searchOf({ ...filtersFromSearch(currentSearch()), order }))}
            partyName={partyName}
            zoneName={zoneName}
            busy={page.isFetching}
          />
          <nav className="pager" aria-label="Incident pages">
            <span>
              Page {earlier.length + 1} · {page.data.total}
              {page.data.totalCapped ? '+' : ''} {page.data.total === 1 ? 'incident' : 'incidents'}
            </span>
            {cursor && earlier.length === 0 ? (
              <button type="button" className="button" onClick={() => goTo(null, [])}>
                First page
              </button>
            ) : null}
            <button type="button" className="button" disabled={earlier.length === 0} onClick={() => goTo(earlier.at(-1) || null, earlier.slice(0, -1))}>
              Previous
            </button>
            <button type="button" className="button" disabled={!page.data.nextCursor} onClick={() => goTo(page.data.nextCursor, [...earlier, cursor ?? ''])}>
              Next
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

interface TableProps {
  slug: string;
  items: IncidentView[];
  timeZone: string;
  order: 'asc' | 'desc';
  onOrder: (order: 'asc' | 'desc') => void;
  partyName: (id: string | null) => string;
  zoneName: (id: string | null) => string;
  busy: boolean;
}

function IncidentTable({ slug, items, timeZone, order, onOrder, partyName, zoneName, busy }: TableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table incident-table" aria-label="Incidents" aria-busy={busy}>
        <thead>
          <tr>
            <TimeSortHeader timeZone={timeZone} order={order} onOrder={onOrder} />
            <th scope="col">Place and description</th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
            <th scope="col">Zone</th>
            <th scope="col">Alleged party</th>
            <th scope="col">Casualties</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {items.map((incident) => (
            <tr key={incident.id}>
              <td>
                <Link to={`/agreements/${encodeURIComponent(slug)}/incidents/${incident.id}`}>
                  <ZonedTime iso={incident.occurredAt} timeZone={timeZone} />
                </Link>
              </td>
              <td className="incident-summary">
                {incident.place ? (
                  <span className="incident-place" dir="auto">
                    {incident.place}
                  </span>
                ) : null}
                <span className="incident-excerpt" dir="auto" title={incident.description}>
                  {excerpt(incident.description)}
                </span>
              </td>
              <td>{INCIDENT_CATEGORY_LABELS[incident.category]}</td>
              <td>
                <IncidentStatusBadge status={incident.status} />
              </td>
              <td dir="auto">{zoneName(incident.zoneId)}</td>
              <td dir="auto">{partyName(incident.allegedPartyId)}</td>
              <td>{casualtiesText(incident.killed, incident.injured)}</td>
              <td>
                {SOURCE_TYPE_LABELS[incident.sourceType]} · <abbr title={gradeMeaning(incident)}>{gradeCode(incident)}</abbr>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface TotalsProps {
  totals: ReadonlyArray<{ status: IncidentStatus; count: number; capped: boolean }>;
  /** The status filter ('' for any). */
  chosen: string;
  onChoose: (status: IncidentStatus) => void;
}

const countOf = (t: { count: number; capped: boolean }) => `${t.count.toLocaleString('en')}${t.capped ? '+' : ''}`;

/** The selection's totals by status (every filter applied but the status one); each chooses its status, or none when chosen. */
function StatusTotals({ totals, chosen, onChoose }: TotalsProps) {
  const shown = totals.filter((t) => t.count > 0 || t.status === chosen);
  if (shown.length === 0) return null;
  return (
    <div className="status-totals">
      <span className="muted">By status</span>
      <ul aria-label="Totals by status">
        {shown.map((t) => (
          <li key={t.status}>
            <button type="button" className="status-total" aria-pressed={t.status === chosen} onClick={() => onChoose(t.status)}>
              {INCIDENT_STATUS_LABELS[t.status]} <strong>{countOf(t)}</strong>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
