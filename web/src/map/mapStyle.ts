/**
 * The map's style, built from local sources only (no tile server, no remote glyphs or sprites: the
 * machines that run Phaseline may have no internet): a background, Natural Earth country outlines,
 * the agreement's zones by kind, the incidents clustered and coloured by status with their labels
 * in the legend, and the layers of the drawing and editing tools. No layer draws text (glyphs would
 * need a font server, and Arabic and Hebrew need the browser's shaping): zone names and cluster
 * counts are HTML markers (MapCanvas), and the names are in the zone list too.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { ZONE_KINDS, type ZoneKind } from '../../../src/core/zones.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../src/core/incidents.ts';

export const SOURCES = { countries: 'countries', zones: 'zones', withdrawals: 'withdrawals', incidents: 'incidents', draft: 'draft', handles: 'handles' } as const;

export const LAYERS = {
  zoneFill: 'zone-fill',
  zoneOutline: 'zone-outline',
  zoneLine: 'zone-line',
  zonePoint: 'zone-point',
  withdrawalLeft: 'withdrawal-left',
  withdrawalBehind: 'withdrawal-behind',
  clusters: 'incident-clusters',
  incidents: 'incident-points',
  draftFill: 'draft-fill',
  draftLine: 'draft-line',
  draftVertices: 'draft-vertices',
  handles: 'edit-handles',
} as const;

/** Layers a click may select a zone on. */
export const ZONE_LAYERS = [LAYERS.zonePoint, LAYERS.zoneLine, LAYERS.zoneFill];

/** One colour per kind; the legend names each. */
export const KIND_COLOURS: Record<ZoneKind, string> = {
  sector: '#1d4e89',
  urban_corridor: '#7a4f9a',
  buffer_zone: '#8c6d1f',
  controlled_area: '#6b5b4b',
  logistic_junction: '#2f7f6f',
  checkpoint: '#b2452f',
  crossing: '#0f7c9c',
  aid_corridor: '#2e8b3a',
  withdrawal_line: '#c0392b',
};

/** Status colours of incidents, always shown beside their label (never colour alone). Never a party's colour. */
export const STATUS_COLOURS: Record<IncidentStatus, string> = {
  reported: '#5b6b7a',
  triaged: '#2b6cb0',
  under_investigation: '#c77c02',
  verified: '#a61b1b',
  not_verified: '#8a8f96',
  disputed: '#7b3fa0',
  duplicate: '#b8bec6',
};

const match = <K extends string>(property: string, colours: Record<K, string>, keys: readonly K[], fallback: string): ExpressionSpecification =>
  ['match', ['get', property], ...keys.flatMap((k) => [k, colours[k]]), fallback] as unknown as ExpressionSpecification;

const kindColour = match('kind', KIND_COLOURS, ZONE_KINDS, '#555555');
const statusColour = match('status', STATUS_COLOURS, INCIDENT_STATUSES, '#555555');
const selected = (yes: number, no: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'selected'], false], yes, no];
const isArea: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

const LAND = '#f3f0e8';
const WATER = '#d6e3ec';
const DRAFT = '#e0771f';

export const COUNTRIES_ATTRIBUTION = 'Countries: Natural Earth (public domain) via world-atlas (ISC)';

function zoneLayers(): LayerSpecification[] {
  return [
    { id: LAYERS.zoneFill, type: 'fill', source: SOURCES.zones, filter: isArea, paint: { 'fill-color': kindColour, 'fill-opacity': selected(0.45, 0.18) } },
    {
      id: LAYERS.zoneOutline,
      type: 'line',
      source: SOURCES.zones,
      filter: isArea,
      paint: { 'line-color': kindColour, 'line-width': selected(3.5, 1.5) },
    },
    {
      id: LAYERS.zoneLine,
      type: 'line',
      source: SOURCES.zones,
      filter: isLine,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': kindColour, 'line-width': selected(6, 3.5), 'line-dasharray': [2, 1] },
    },
    {
      id: LAYERS.zonePoint,
      type: 'circle',
      source: SOURCES.zones,
      filter: isPoint,
      paint: { 'circle-color': '#ffffff', 'circle-stroke-color': kindColour, 'circle-stroke-width': selected(5, 3), 'circle-radius': 7 },
    },
  ];
}

/** The withdrawal items' zones: the area left outlined in dashes, the line behind solid; the selected item's stronger. */
const WITHDRAWAL = '#222b36';
const chosen = (yes: number, no: number): ExpressionSpecification => ['case', ['boolean', ['get', 'selected'], false], yes, no];

function withdrawalLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.withdrawalLeft,
      type: 'line',
      source: SOURCES.withdrawals,
      filter: ['==', ['get', 'role'], 'left'],
      paint: { 'line-color': WITHDRAWAL, 'line-width': chosen(3.5, 1.5), 'line-opacity': chosen(1, 0.45), 'line-dasharray': [3, 2] },
    },
    {
      id: LAYERS.withdrawalBehind,
      type: 'line',
      source: SOURCES.withdrawals,
      filter: ['==', ['get', 'role'], 'behind'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': WITHDRAWAL, 'line-width': chosen(5, 2), 'line-opacity': chosen(1, 0.45) },
    },
  ];
}

function incidentLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.clusters,
      type: 'circle',
      source: SOURCES.incidents,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#fdfdfd',
        'circle-stroke-color': '#33414f',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 15, 10, 19, 100, 24, 1000, 30],
      },
    },
    {
      id: LAYERS.incidents,
      type: 'circle',
      source: SOURCES.incidents,
      filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': statusColour, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}

function toolLayers(): LayerSpecification[] {
  return [
    { id: LAYERS.draftFill, type: 'fill', source: SOURCES.draft, filter: isArea, paint: { 'fill-color': DRAFT, 'fill-opacity': 0.2 } },
    { id: LAYERS.draftLine, type: 'line', source: SOURCES.draft, filter: ['!', isPoint], paint: { 'line-color': DRAFT, 'line-width': 2.5 } },
    {
      id: LAYERS.draftVertices,
      type: 'circle',
      source: SOURCES.draft,
      filter: isPoint,
      paint: { 'circle-color': DRAFT, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: LAYERS.handles,
      type: 'circle',
      source: SOURCES.handles,
      paint: { 'circle-color': '#ffffff', 'circle-radius': 6, 'circle-stroke-color': DRAFT, 'circle-stroke-width': 2.5 },
    },
  ];
}

/** The whole style; `countriesUrl` is the vendored Natural Earth file's address. */
export function mapStyle(countriesUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCES.countries]: { type: 'geojson', data: countriesUrl, attribution: COUNTRIES_ATTRIBUTION },
      [SOURCES.zones]: { type: 'geojson', data: empty() },
      [SOURCES.withdrawals]: { type: 'geojson', data: empty() },
      [SOURCES.incidents]: { type: 'geojson', data: empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: 14 },
      [SOURCES.draft]: { type: 'geojson', data: empty() },
      [SOURCES.handles]: { type: 'geojson', data: empty() },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': WATER } },
      { id: 'countries-fill', type: 'fill', source: SOURCES.countries, paint: { 'fill-color': LAND } },
      { id: 'countries-line', type: 'line', source: SOURCES.countries, paint: { 'line-color': '#9aa0a6', 'line-width': 1 } },
      ...zoneLayers(),
      ...withdrawalLayers(),
      ...incidentLayers(),
      ...toolLayers(),
    ],
  };
}
