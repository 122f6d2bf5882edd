/**
 * The map page: zones and incidents over an offline basemap, with the incident filters in the URL,
 * the zone list beside it, and for the roles that may, filing an incident at a clicked point
 * (also entered by ?report=1) and drawing, renaming, reshaping and deleting zones. Visitors who
 * may not read incidents see the zones only, with a note.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { AgreementSummaryView, ZoneView } from '../../../src/contract/index.ts';
import { delegatePartyOf } from '../../../src/core/access.ts';
import { localDate } from '../../../src/core/calendar.ts';
import type { ZoneGeometry, ZoneKind } from '../../../src/core/zones.ts';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { agreementAbilities } from '../auth/abilities.ts';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';
import { useWithdrawalItems } from '../ground/ground.api.ts';
import { IncidentForm } from '../incidents/IncidentForm.tsx';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { problemsOf } from '../shared/forms.tsx';
import { Notice } from '../shared/Notice.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import { ErrorState, Loading, QueryStates } from '../shared/states.tsx';
import {
  addVertex,
  draftGeometry,
  draftPreview,
  geometryProblems,
  handleCollection,
  KIND_SHAPES,
  moveVertex,
  removeLastVertex,
  vertexHandles,
  type Draft,
  type LngLat,
} from './drawing.ts';
import { incidentCollection, interiorPoint, unionBBox, zoneAttribution, zoneCollection } from './features.ts';
import { exportParams, filtersFromSearch, hasFilters, searchWithFilters } from './filters.ts';
import { useMapIncidents, useZones, zonesApi } from './map.api.ts';
import { MapCanvas, type MapMode } from './MapCanvas.tsx';
import { IncidentPopup, IncidentStatusLine, MapFilterBar, MapLegend, ZoneList } from './MapPanels.tsx';
import { Foldable } from './Foldable.tsx';
import { snapshotDates, sliderRange, withdrawalCollection, zonesAtDate } from './ground.ts';
import { AreaDateSlider, WithdrawalPanel, ZoneFlows } from './GroundPanels.tsx';
import { DrawBar, EditBar, PickBar } from './MapTools.tsx';
import { DeleteZoneDialog, ZoneForm } from './ZoneForm.tsx';
import './map.css';

type Tool =
  | { kind: 'browse' }
  | { kind: 'pick' }
  | { kind: 'report'; point: LngLat | null }
  | { kind: 'draw'; zoneKind: ZoneKind; draft: Draft }
  | { kind: 'name'; zoneKind: ZoneKind; geometry: ZoneGeometry }
  | { kind: 'edit'; zone: ZoneView; geometry: ZoneGeometry; changed: boolean }
  | { kind: 'details'; zone: ZoneView }
  | { kind: 'delete'; zone: ZoneView };

const BROWSE: Tool = { kind: 'browse' };
const MODES: Partial<Record<Tool['kind'], MapMode>> = { pick: 'pick', draw: 'draw', edit: 'edit' };

export default function MapScreen({ slug }: { slug: string }) {
  const summary = useAgreementSummary(slug);
  const session = useSession();
  const location = useLocation();
  // The session decides the tools (and whether ?report=1 opens one): wait for it too.
  if (summary.isPending || session.query.isPending) return <Loading label="Loading the agreement…" />;
  if (summary.isError) {
    const notFound = summary.error instanceof ApiError && summary.error.isNotFound;
    return (
      <section className="page">
        {notFound ? (
          <>
            <h1>Agreement not found</h1>
            <p>
              There is no agreement “{slug}” that you may read. <Link to="/">Back to the agreements</Link>.
              {session.user ? null : (
                <>
                  {' '}
                  If it is not public, <Link to={loginPath(location.pathname + location.search)}>log in</Link> to see its map.
                </>
              )}
            </p>
          </>
        ) : (
          <ErrorState error={summary.error} title="Could not load this agreement" onRetry={() => void summary.refetch()} />
        )}
      </section>
    );
  }
  return <AgreementMap slug={slug} summary={summary.data} />;
}

function AgreementMap({ slug, summary }: { slug: string; summary: AgreementSummaryView }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const agreement = summary.agreement;
  const can = agreementAbilities(session.principal, agreement, summary.parties.map((p) => p.id));
  const ownParty = delegatePartyOf(session.principal, agreement.id);
  const delegateParty = ownParty === null ? undefined : summary.parties.find((p) => p.id === ownParty);
  // Times are shown, and days filtered, in the agreement's zone.
  const timeZone = agreement.timeZone;
  const filters = filtersFromSearch(search);
  const params = exportParams(filters, timeZone);

  const zones = useZones(slug);
  const incidents = useMapIncidents(slug, params, can.incidentRead);
  const [tool, setTool] = useState<Tool>(() => (search.get('report') === '1' && can.incidentReport ? { kind: 'pick' } : BROWSE));
  // ?zone=<id> (from the ground pages) opens with that zone selected.
  const [selectedId, setSelectedId] = useState<string | null>(() => search.get('zone'));
  const [popup, setPopup] = useState<{ id: string; at: LngLat } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const allZones = useMemo(() => zones.data ?? [], [zones.data]);
  // Controlled areas: only the snapshot in force on the slider's date (today's by default).
  const today = localDate(new Date(), timeZone);
  const areaRange = useMemo(() => sliderRange(snapshotDates(allZones), today), [allZones, today]);
  const [areaDate, setAreaDate] = useState<string | null>(null);
  const shownDate = areaDate ?? areaRange?.last ?? today;
  const zoneItems = useMemo(() => zonesAtDate(allZones, shownDate), [allZones, shownDate]);
  const zoneSource = useMemo(() => zoneCollection(zoneItems), [zoneItems]);
  const bounds = useMemo(() => unionBBox(allZones.map((z) => z.bbox)), [allZones]);
  const withdrawals = useWithdrawalItems(slug);
  const [withdrawalId, setWithdrawalId] = useState<string | null>(null);
  const withdrawalSource = useMemo(() => withdrawalCollection(withdrawals.data ?? [], allZones, withdrawalId), [withdrawals.data, allZones, withdrawalId]);
  const incidentSource = useMemo(() => (incidents.data ? incidentCollection(incidents.data.items) : null), [incidents.data]);
  const selectedIndex = zoneItems.findIndex((z) => z.id === selectedId);
  const selectedZone = zoneItems[selectedIndex] ?? null;
  const selected = useMemo(
    () => (selectedZone ? { index: selectedIndex, bbox: selectedZone.bbox, point: interiorPoint(selectedZone.geometry as ZoneGeometry) } : null),
    [selectedZone, selectedIndex],
  );
  const popupIncident = popup ? incidents.data?.items.find((i) => i.id === popup.id) : undefined;

  const setToolAndUrl = (next: Tool) => {
    setTool(next);
    if (next.kind !== 'pick' && search.has('report')) {
      const without = new URLSearchParams(search);
      without.delete('report');
      setSearch(without, { replace: true });
    }
  };
  const leaveTool = useRef(() => setToolAndUrl(BROWSE));
  useEffect(() => {
    leaveTool.current = () => setToolAndUrl(BROWSE);
  });
  const done = (message: string) => {
    setNotice(message);
    setToolAndUrl(BROWSE);
  };

  // Escape leaves the map tools (picking, drawing, moving corners); dialogs close themselves on Escape.
  const toolOn = tool.kind === 'pick' || tool.kind === 'draw' || tool.kind === 'edit';
  useEffect(() => {
    if (!toolOn) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) leaveTool.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toolOn]);

  const saveShape = useMutation({
    mutationFn: (t: { zone: ZoneView; geometry: ZoneGeometry }) => zonesApi.update(slug, t.zone.id, { geometry: t.geometry as ZoneView['geometry'], version: t.zone.version }),
    onSuccess: async (zone) => {
      await client.invalidateQueries({ queryKey: queryKeys.zones(slug) });
      done(`The shape of “${zone.name}” was saved.`);
    },
  });
  const shapeProblems = saveShape.error ? problemsOf(saveShape.error, []) : null;

  const mode: MapMode = MODES[tool.kind] ?? 'browse';
  // The shape being drawn, or the shape being edited as it now stands.
  const draft = useMemo(
    () =>
      tool.kind === 'draw'
        ? draftPreview(tool.draft)
        : tool.kind === 'edit'
          ? ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: tool.geometry as Geometry }] } satisfies FeatureCollection)
          : null,
    [tool],
  );
  const handleList = useMemo(() => (tool.kind === 'edit' ? vertexHandles(tool.geometry) : []), [tool]);
  const handles = useMemo(() => (handleList.length > 0 ? handleCollection(handleList) : null), [handleList]);

  const finishDraft = () => {
    if (tool.kind !== 'draw') return;
    const geometry = draftGeometry(tool.draft);
    if (geometry) setTool({ kind: 'name', zoneKind: tool.zoneKind, geometry });
  };

  const canvas = (
    <MapCanvas
      label={`Map of ${agreement.title}`}
      zones={zoneSource}
      bounds={bounds}
      selected={selected}
      incidents={can.incidentRead ? incidentSource : null}
      withdrawals={withdrawalSource}
      draft={draft}
      handles={handles}
      attribution={zoneAttribution(zoneItems)}
      mode={mode}
      popup={popup && popupIncident ? { lngLat: popup.at, content: <IncidentPopup slug={slug} incident={popupIncident} parties={summary.parties} timeZone={timeZone} /> } : null}
      onMapClick={(at, tolerance) => {
        if (tool.kind === 'pick') setTool({ kind: 'report', point: at });
        if (tool.kind === 'draw') setTool({ ...tool, draft: addVertex(tool.draft, at, tolerance) });
      }}
      onDoubleClick={finishDraft}
      onZoneClick={(id) => setSelectedId(id)}
      onIncidentClick={(id, at) => setPopup({ id, at })}
      onHandleMove={(index, to) => {
        const handle = handleList[index];
        if (tool.kind === 'edit' && handle) setTool({ ...tool, geometry: moveVertex(tool.geometry, handle.path, to), changed: true });
      }}
      onPopupClose={(at) => setPopup((current) => (current && current.at[0] === at[0] && current.at[1] === at[1] ? null : current))}
    />
  );

  return (
    <article className="page map-page">
      <title>{`Map · ${agreement.title} · Phaseline`}</title>
      <p className="eyebrow">
        <Link to={`/agreements/${encodeURIComponent(slug)}`}>{agreement.title}</Link>
      </p>
      <div className="section-head">
        <h1>Map</h1>
        {tool.kind === 'browse' ? (
          <div className="map-actions">
            {can.incidentReport ? (
              <button type="button" className="button button-primary" onClick={() => setToolAndUrl({ kind: 'pick' })}>
                Report an incident
              </button>
            ) : null}
            {can.zoneWrite ? (
              <button type="button" className="button" onClick={() => setToolAndUrl({ kind: 'draw', zoneKind: 'sector', draft: { shape: KIND_SHAPES.sector, vertices: [] } })}>
                Draw a zone
              </button>
            ) : null}
          </div>
        ) : null}
      </div>

      {can.incidentRead ? (
        <Foldable label="Filters" note={hasFilters(filters) ? 'some set' : undefined}>
          <MapFilterBar filters={filters} parties={summary.parties} timeZone={timeZone} onChange={(f) => setSearch(searchWithFilters(search, f), { replace: true })} />
        </Foldable>
      ) : (
        <p className="map-note" role="note">
          Incident reports are shown to the agreement’s members only: this map shows its zones.{' '}
          {session.user ? null : <Link to={loginPath(location.pathname + location.search)}>Log in</Link>}
        </p>
      )}

      {tool.kind === 'pick' ? (
        <PickBar
          onWithoutMap={() => setTool({ kind: 'report', point: null })}
          onLocated={(point) => setTool({ kind: 'report', point })}
          onCancel={() => setToolAndUrl(BROWSE)}
        />
      ) : null}
      {tool.kind === 'draw' ? (
        <DrawBar
          kind={tool.zoneKind}
          draft={tool.draft}
          onKind={(zoneKind) => setTool({ kind: 'draw', zoneKind, draft: { shape: KIND_SHAPES[zoneKind], vertices: tool.draft.shape === KIND_SHAPES[zoneKind] ? tool.draft.vertices : [] } })}
          onShape={(shape) => setTool({ ...tool, draft: { shape, vertices: [] } })}
          onUndo={() => setTool({ ...tool, draft: removeLastVertex(tool.draft) })}
          onFinish={finishDraft}
          onCancel={() => setToolAndUrl(BROWSE)}
        />
      ) : null}
      {tool.kind === 'edit' ? (
        <>
          <EditBar
            name={tool.zone.name}
            problems={[...geometryProblems(tool.geometry), ...(shapeProblems ? [...shapeProblems.general, ...Object.values(shapeProblems.fields).filter((m): m is string => !!m)] : [])]}
            changed={tool.changed}
            saving={saveShape.isPending}
            onSave={() => saveShape.mutate({ zone: tool.zone, geometry: tool.geometry })}
            onCancel={() => {
              saveShape.reset();
              setToolAndUrl(BROWSE);
            }}
          />
          {shapeProblems?.conflict ? (
            <div className="form-conflict" role="alert">
              <p>
                <strong>Someone changed this zone first.</strong> Reload it, then move its corners again. Nothing was saved.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  saveShape.reset();
                  setToolAndUrl(BROWSE);
                  void client.invalidateQueries({ queryKey: queryKeys.zones(slug) });
                }}
              >
                Reload
              </button>
            </div>
          ) : null}
        </>
      ) : null}

      <div className="map-layout">
        <div className="map-main">
          {canvas}
          <IncidentStatusLine query={incidents} readable={can.incidentRead} filtered={hasFilters(filters)} />
        </div>
        <aside className="map-side">
          {selectedZone ? (
            <section className="panel map-zone-detail" aria-label="Selected zone">
              <h2 dir="auto">{selectedZone.name}</h2>
              {selectedZone.description ? <p dir="auto">{selectedZone.description}</p> : null}
              {selectedZone.areaSqKm > 0 ? <p className="muted">{selectedZone.areaSqKm.toFixed(1)} km²</p> : null}
              <ZoneFlows slug={slug} zone={selectedZone} />
              {can.zoneWrite && tool.kind === 'browse' ? (
                <div className="map-toolbar-actions">
                  <button type="button" className="button button-small" onClick={() => setTool({ kind: 'details', zone: selectedZone })}>
                    Edit name and kind
                  </button>
                  <button type="button" className="button button-small" onClick={() => setTool({ kind: 'edit', zone: selectedZone, geometry: selectedZone.geometry as ZoneGeometry, changed: false })}>
                    Edit shape
                  </button>
                  <button type="button" className="button button-small" onClick={() => setTool({ kind: 'delete', zone: selectedZone })}>
                    Delete
                  </button>
                </div>
              ) : null}
            </section>
          ) : null}
          {areaRange ? (
            <AreaDateSlider range={areaRange} date={shownDate} snapshots={zoneItems.filter((z) => z.kind === 'controlled_area')} onChange={setAreaDate} />
          ) : null}
          <section aria-labelledby="withdrawals-heading">
            <h2 id="withdrawals-heading">Withdrawals</h2>
            <QueryStates query={withdrawals} loading="Loading the withdrawal schedule…" failed="Could not load the withdrawal schedule">
              {(items) => (
                <WithdrawalPanel
                  slug={slug}
                  items={items}
                  zones={allZones}
                  selectedId={withdrawalId}
                  onSelect={(item) => {
                    setWithdrawalId(item?.id ?? null);
                    if (item && (item.fromZoneId ?? item.behindZoneId)) setSelectedId(item.fromZoneId ?? item.behindZoneId);
                  }}
                />
              )}
            </QueryStates>
          </section>
          <section aria-labelledby="zones-heading">
            <h2 id="zones-heading">Zones</h2>
            <QueryStates query={zones} loading="Loading the zones…" failed="Could not load the zones">
              {() => (
                <ZoneList
                  zones={allZones}
                  selectedId={selectedId}
                  onSelect={(id) => {
                    // An area's snapshot not in force on the slider's date moves the slider to its own date.
                    const zone = allZones.find((z) => z.id === id);
                    if (zone?.asOf && !zoneItems.includes(zone)) setAreaDate(zone.asOf);
                    setSelectedId(id);
                  }}
                />
              )}
            </QueryStates>
          </section>
          <Foldable label="Key">
            <MapLegend kinds={zoneItems.map((z) => z.kind)} showIncidents={can.incidentRead} />
          </Foldable>
        </aside>
      </div>

      {tool.kind === 'report' ? (
        <Dialog title="Report an incident" onClose={() => setToolAndUrl(BROWSE)}>
          <IncidentForm
            slug={slug}
            parties={summary.parties}
            provisions={summary.provisions}
            zones={zoneItems}
            timeZone={timeZone}
            point={tool.point ? { lon: tool.point[0], lat: tool.point[1] } : null}
            reportingParty={delegateParty ?? null}
            onSaved={(incident) => navigate(`/agreements/${encodeURIComponent(slug)}/incidents/${incident.id}`)}
            onCancel={() => setToolAndUrl(BROWSE)}
          />
        </Dialog>
      ) : null}
      {tool.kind === 'name' || tool.kind === 'details' ? (
        <Dialog title={tool.kind === 'name' ? 'Name the new zone' : `Edit zone: ${tool.zone.name}`} onClose={() => setToolAndUrl(BROWSE)}>
          <ZoneForm
            slug={slug}
            zone={tool.kind === 'details' ? tool.zone : null}
            draft={tool.kind === 'name' ? { kind: tool.zoneKind, geometry: tool.geometry } : undefined}
            onSaved={(zone, created) => {
              setSelectedId(zone.id);
              done(created ? `Zone “${zone.name}” added.` : `Zone “${zone.name}” saved.`);
            }}
            onCancel={() => setToolAndUrl(BROWSE)}
          />
        </Dialog>
      ) : null}
      {tool.kind === 'delete' ? (
        <DeleteZoneDialog
          slug={slug}
          zone={tool.zone}
          onDeleted={() => {
            setSelectedId(null);
            done(`Zone “${tool.zone.name}” deleted.`);
          }}
          onClose={() => setToolAndUrl(BROWSE)}
        />
      ) : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

