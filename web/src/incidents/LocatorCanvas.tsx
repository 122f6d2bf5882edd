/**
 * The locator map's canvas (loaded with MapLibre only when an incident has a point): the offline
 * map style (Natural Earth outlines, no tile server), the agreement's zones for context, and the
 * incident as one point coloured by its status. It does not pan or zoom by pointer (a page scrolls
 * past it on a phone); its buttons zoom.
 */
import { Map as MapLibre, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Under Vite, maplibre's own guess of its worker's address (beside its module) is wrong: name the built file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import countriesUrl from '../map/data/levant_countries_10m.geojson?url';
import { LAYERS, mapStyle, SOURCES } from '../map/mapStyle.ts';

setWorkerUrl(new URL(workerUrl, window.location.href).href);

/** Close enough to tell a neighbourhood, far enough to see the zones around it. */
export const LOCATOR_ZOOM = 11;

// A ring around the point, so that it stands out from the zones whatever its status's colour.
const HALO = {
  id: 'locator-halo',
  type: 'circle',
  source: SOURCES.incidents,
  paint: { 'circle-radius': 13, 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': '#1b2430', 'circle-stroke-width': 2.5 },
} as const;

export interface LocatorCanvasProps {
  lon: number;
  lat: number;
  /** The zones (zoneCollection) and the incident (incidentCollection of it). */
  zones: FeatureCollection;
  point: FeatureCollection;
  label: string;
}

export function LocatorCanvas({ lon, lat, zones, point, label }: LocatorCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = new MapLibre({
      container: container.current,
      style: mapStyle(new URL(countriesUrl, window.location.href).href),
      center: [lon, lat],
      zoom: LOCATOR_ZOOM,
      interactive: false,
      // Folded into an (i) button: on a small map the credits would cover it.
      attributionControl: { compact: true },
      fadeDuration: 0,
    });
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => {
      instance.addLayer(HALO, LAYERS.incidents);
      setMap(instance);
    });
    return () => {
      setMap(null);
      instance.remove();
    };
  }, [lon, lat]);

  useEffect(() => {
    if (!map) return;
    map.getSource<GeoJSONSource>(SOURCES.zones)?.setData(zones);
    map.getSource<GeoJSONSource>(SOURCES.incidents)?.setData(point);
  }, [map, zones, point]);

  return <div ref={container} className="locator-map" role="img" aria-label={label} data-ready={map ? 'true' : undefined} />;
}
