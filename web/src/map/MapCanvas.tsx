/**
 * The MapLibre map: its style from local sources, the zones, incidents, draft and handle sources fed
 * from props, and the mouse turned into callbacks (a click on the map, on a zone, on an incident, a
 * handle dragged); a scale bar. Cluster counts are HTML buttons (no glyphs offline), which zoom in when
 * pressed, and the area zones' names HTML labels.
 * The container carries data-selected-point, the pixel of the selected zone's inside point, and
 * data-first-handle while a shape is edited, so that browser tests can click into a zone or drag a
 * corner without reaching into the map.
 */
import { AttributionControl, GeoJSONSource, Map as MapLibre, Marker, NavigationControl, Popup, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Under Vite, maplibre's own guess of its worker's address (beside its module) is wrong: name the built file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { BBox, ZoneGeometry } from '../../../src/core/zones.ts';
import type { LngLat } from './drawing.ts';
import { labelPoint } from './features.ts';
import countriesUrl from './data/levant_countries_10m.geojson?url';
import { LAYERS, mapStyle, SOURCES, ZONE_LAYERS } from './mapStyle.ts';

setWorkerUrl(new URL(workerUrl, window.location.href).href);

export type MapMode = 'browse' | 'pick' | 'draw' | 'edit';

export interface MapCanvasProps {
  zones: FeatureCollection;
  /** The box to fit when it first arrives (all the zones). */
  bounds: BBox | null;
  /** The feature id (index) of the selected zone, its box and a point inside it. */
  selected: { index: number; bbox: BBox; point: LngLat } | null;
  incidents: FeatureCollection | null;
  /** The withdrawal items' zones (features with role "left" or "behind"). */
  withdrawals?: FeatureCollection | null;
  draft: FeatureCollection | null;
  handles: FeatureCollection | null;
  attribution: string | null;
  mode: MapMode;
  popup: { lngLat: LngLat; content: ReactNode } | null;
  label: string;
  onMapClick: (at: LngLat, tolerance: number) => void;
  onDoubleClick: () => void;
  onZoneClick: (zoneId: string) => void;
  onIncidentClick: (incidentId: string, at: LngLat) => void;
  onHandleMove: (handleIndex: number, to: LngLat, done: boolean) => void;
  /** The popup at `lngLat` was closed (by its button or a click elsewhere on the map). */
  onPopupClose: (lngLat: LngLat) => void;
}

type Callbacks = Pick<
  MapCanvasProps,
  'mode' | 'onMapClick' | 'onDoubleClick' | 'onZoneClick' | 'onIncidentClick' | 'onHandleMove' | 'onPopupClose'
>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const lngLatOf = (e: MapMouseEvent): LngLat => [e.lngLat.lng, e.lngLat.lat];
const pointOf = (geometry: Geometry): LngLat | null =>
  geometry.type === 'Point' ? [geometry.coordinates[0]!, geometry.coordinates[1]!] : null;

function setData(map: MapLibre, source: string, data: FeatureCollection) {
  map.getSource<GeoJSONSource>(source)?.setData(data);
}

/** Keeps one HTML count marker per visible cluster; a marker is a button that zooms into its cluster. */
function syncClusterMarkers(map: MapLibre, markers: Map<number, Marker>) {
  if (!map.getSource(SOURCES.incidents) || !map.isSourceLoaded(SOURCES.incidents)) return;
  const seen = new Set<number>();
  for (const f of map.querySourceFeatures(SOURCES.incidents)) {
    const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
    if (!props.cluster || props.cluster_id === undefined || seen.has(props.cluster_id)) continue;
    seen.add(props.cluster_id);
    if (markers.has(props.cluster_id)) continue;
    const clusterId = props.cluster_id;
    const at = pointOf(f.geometry);
    if (!at) continue;
    const [lon, lat] = at;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-cluster';
    button.textContent = String(props.point_count ?? '');
    button.setAttribute('aria-label', `${props.point_count} incidents here: zoom in`);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      void map
        .getSource<GeoJSONSource>(SOURCES.incidents)
        ?.getClusterExpansionZoom(clusterId)
        .then((zoom) => map.easeTo({ center: [lon, lat], zoom }));
    });
    markers.set(clusterId, new Marker({ element: button }).setLngLat([lon, lat]).addTo(map));
  }
  for (const [id, marker] of markers) {
    if (!seen.has(id)) {
      marker.remove();
      markers.delete(id);
    }
  }
}

/**
 * Writes each area zone's name on the map as an HTML label (the browser shapes Arabic and Hebrew,
 * and the offline style has no glyphs for a text layer), at a point of the zone in view: after
 * every move, the larger zones first, leaving out a name that would overlap one already written.
 * Labels let clicks through to the map. Returns the clean-up.
 */
function showZoneNames(map: MapLibre, zones: FeatureCollection): () => void {
  const labels = zones.features
    .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f) => {
      const element = document.createElement('span');
      element.className = 'map-zone-label';
      element.dir = 'auto';
      element.textContent = String(f.properties?.name ?? '');
      const [w, s, e, n] = (f.bbox as BBox | undefined) ?? boxOf(f.geometry as ZoneGeometry);
      return { geometry: f.geometry as ZoneGeometry, element, marker: new Marker({ element }), size: (e - w) * (n - s), added: false };
    })
    .sort((a, b) => b.size - a.size);
  const place = () => {
    const b = map.getBounds();
    const view: BBox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const taken: DOMRect[] = [];
    for (const label of labels) {
      const at = labelPoint(label.geometry, view);
      if (!at) {
        label.element.hidden = true;
        continue;
      }
      label.marker.setLngLat(at);
      if (!label.added) {
        label.marker.addTo(map);
        label.added = true;
      }
      label.element.hidden = false;
      const box = label.element.getBoundingClientRect();
      const overlaps = taken.some((t) => box.left < t.right && box.right > t.left && box.top < t.bottom && box.bottom > t.top);
      label.element.hidden = overlaps;
      if (!overlaps) taken.push(box);
    }
  };
  place();
  map.on('moveend', place);
  return () => {
    map.off('moveend', place);
    for (const label of labels) label.marker.remove();
  };
}

/** The box of an area's outer rings. */
function boxOf(geometry: ZoneGeometry): BBox {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.type === 'MultiPolygon' ? geometry.coordinates.map((p) => p[0] ?? []) : [];
  const points = rings.flat();
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function MapCanvas(props: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const [popupNode] = useState(() => document.createElement('div'));
  const callbacks = useRef<Callbacks>(props);
  const fitted = useRef(false);
  const selectedIndex = useRef<number | null>(null);
  const attributionControl = useRef<AttributionControl | null>(null);
  const dragging = useRef<number | null>(null);

  useEffect(() => {
    callbacks.current = props;
  });

  // The map itself, made once; sources start empty and follow the props below.
  useEffect(() => {
    if (!container.current) return;
    const instance = new MapLibre({
      container: container.current,
      style: mapStyle(new URL(countriesUrl, window.location.href).href),
      center: [34.4, 31.4],
      zoom: 8,
      attributionControl: false,
      // Shapes are drawn in the browser with software WebGL in headless tests: keep it light.
      fadeDuration: 0,
    });
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // Top left: at the bottom, a phone's attribution lines would cover it.
    instance.addControl(new ScaleControl({ maxWidth: 120, unit: 'metric' }), 'top-left');
    const markers = new Map<number, Marker>();
    const hit = (e: MapMouseEvent, layers: string[]) => {
      const present = layers.filter((l) => instance.getLayer(l));
      return present.length > 0 ? instance.queryRenderedFeatures(e.point, { layers: present }) : [];
    };
    instance.on('click', (e) => {
      const c = callbacks.current;
      if (c.mode === 'pick' || c.mode === 'draw') {
        // Three pixels, in degrees at this zoom: the clicks of a double-click land within it.
        const tolerance = Math.abs(instance.unproject([e.point.x + 3, e.point.y]).lng - e.lngLat.lng);
        c.onMapClick(lngLatOf(e), tolerance);
        return;
      }
      if (c.mode === 'edit') return;
      const incident = hit(e, [LAYERS.incidents])[0];
      const at = incident ? pointOf(incident.geometry) : null;
      if (incident && at) {
        c.onIncidentClick(String(incident.properties.id), at);
        return;
      }
      const zone = hit(e, ZONE_LAYERS)[0];
      if (zone) c.onZoneClick(String(zone.properties.id));
    });
    instance.on('dblclick', (e) => {
      if (callbacks.current.mode !== 'draw') return;
      e.preventDefault();
      callbacks.current.onDoubleClick();
    });
    instance.on('mousedown', LAYERS.handles, (e) => {
      if (callbacks.current.mode !== 'edit') return;
      const id = e.features?.[0]?.id;
      if (typeof id !== 'number') return;
      e.preventDefault();
      dragging.current = id;
      instance.getCanvas().style.cursor = 'grabbing';
    });
    instance.on('mousemove', (e) => {
      if (dragging.current !== null) callbacks.current.onHandleMove(dragging.current, lngLatOf(e), false);
    });
    instance.on('mouseup', (e) => {
      if (dragging.current === null) return;
      const index = dragging.current;
      dragging.current = null;
      instance.getCanvas().style.cursor = '';
      callbacks.current.onHandleMove(index, lngLatOf(e), true);
    });
    for (const layer of [LAYERS.incidents, ...ZONE_LAYERS]) {
      instance.on('mouseenter', layer, () => {
        if (callbacks.current.mode === 'browse') instance.getCanvas().style.cursor = 'pointer';
      });
      instance.on('mouseleave', layer, () => {
        if (callbacks.current.mode === 'browse') instance.getCanvas().style.cursor = '';
      });
    }
    instance.on('render', () => syncClusterMarkers(instance, markers));
    instance.on('load', () => setMap(instance));
    return () => {
      for (const marker of markers.values()) marker.remove();
      instance.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    setData(map, SOURCES.zones, props.zones);
    if (props.bounds && !fitted.current) {
      fitted.current = true;
      map.fitBounds(props.bounds, { padding: 40, duration: 0 });
    }
  }, [map, props.zones, props.bounds]);

  // The names of the area zones, kept in view as the map moves.
  useEffect(() => {
    if (!map) return;
    return showZoneNames(map, props.zones);
  }, [map, props.zones]);

  useEffect(() => {
    if (map) setData(map, SOURCES.incidents, props.incidents ?? EMPTY);
  }, [map, props.incidents]);
  useEffect(() => {
    if (map) setData(map, SOURCES.withdrawals, props.withdrawals ?? EMPTY);
  }, [map, props.withdrawals]);
  useEffect(() => {
    if (map) setData(map, SOURCES.draft, props.draft ?? EMPTY);
  }, [map, props.draft]);
  // The handles, and the pixel of the first one in data-first-handle (for browser tests, as data-selected-point).
  useEffect(() => {
    const element = container.current;
    if (!map || !element) return;
    setData(map, SOURCES.handles, props.handles ?? EMPTY);
    const first = props.handles?.features[0]?.geometry;
    const at = first ? pointOf(first) : null;
    if (!at) {
      delete element.dataset.firstHandle;
      return;
    }
    const place = () => {
      const p = map.project(at);
      element.dataset.firstHandle = `${Math.round(p.x)},${Math.round(p.y)}`;
    };
    place();
    map.on('move', place);
    return () => {
      map.off('move', place);
    };
  }, [map, props.handles]);

  // Drawing needs every click, so a double-click finishes a shape instead of zooming.
  useEffect(() => {
    if (!map) return;
    if (props.mode === 'draw') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = props.mode === 'pick' || props.mode === 'draw' ? 'crosshair' : '';
  }, [map, props.mode]);

  // Dragging a handle must not pan the map; everywhere else it does.
  useEffect(() => {
    if (!map || props.mode !== 'edit') return;
    const onDown = (e: MapMouseEvent) => {
      if (map.getLayer(LAYERS.handles) && map.queryRenderedFeatures(e.point, { layers: [LAYERS.handles] }).length > 0) map.dragPan.disable();
    };
    const onUp = () => map.dragPan.enable();
    map.on('mousedown', onDown);
    map.on('mouseup', onUp);
    return () => {
      map.off('mousedown', onDown);
      map.off('mouseup', onUp);
      map.dragPan.enable();
    };
  }, [map, props.mode]);

  const selected = props.selected;
  useEffect(() => {
    if (!map) return;
    if (selectedIndex.current !== null) map.removeFeatureState({ source: SOURCES.zones, id: selectedIndex.current });
    selectedIndex.current = selected?.index ?? null;
    const element = container.current;
    if (!element) return;
    if (!selected) {
      delete element.dataset.selectedPoint;
      return;
    }
    map.setFeatureState({ source: SOURCES.zones, id: selected.index }, { selected: true });
    map.fitBounds(selected.bbox, { padding: 60, duration: 0, maxZoom: 14 });
    const place = () => {
      const p = map.project(selected.point);
      element.dataset.selectedPoint = `${Math.round(p.x)},${Math.round(p.y)}`;
    };
    place();
    map.on('move', place);
    return () => {
      map.off('move', place);
    };
    // The selection's identity is its index and box: a new zones answer with the same zone keeps the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, selected?.index, selected?.bbox.join(','), selected?.point.join(',')]);

  useEffect(() => {
    if (!map) return;
    if (attributionControl.current) map.removeControl(attributionControl.current);
    const control = new AttributionControl({ compact: false, customAttribution: props.attribution ?? undefined });
    map.addControl(control, 'bottom-right');
    attributionControl.current = control;
  }, [map, props.attribution]);

  const popup = props.popup;
  const popupAt = popup?.lngLat.join(',');
  useEffect(() => {
    if (!map || !popupAt) return;
    const [lon, lat] = popupAt.split(',').map(Number) as LngLat;
    const instance = new Popup({ closeOnClick: true, maxWidth: '320px', focusAfterOpen: false })
      .setLngLat([lon, lat])
      .setDOMContent(popupNode)
      .addTo(map);
    const closed = () => callbacks.current.onPopupClose([lon, lat]);
    instance.on('close', closed);
    return () => {
      instance.off('close', closed);
      instance.remove();
    };
  }, [map, popupAt, popupNode]);
  return (
    <div
      ref={container}
      className={`map-canvas map-mode-${props.mode}`}
      role="region"
      aria-label={props.label}
      data-ready={map ? 'true' : undefined}
    >
      {popup ? createPortal(popup.content, popupNode) : null}
    </div>
  );
}
