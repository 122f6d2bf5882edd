// The map's style must work without internet: local sources only, no glyphs, sprites or text layers.
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../src/core/incidents.ts';
import { ZONE_KINDS } from '../../../src/core/zones.ts';
import { KIND_COLOURS, LAYERS, mapStyle, SOURCES, STATUS_COLOURS } from './mapStyle.ts';

describe('mapStyle', () => {
  const style = mapStyle('/assets/levant_countries_10m.geojson');

  it('references no remote resource: no glyphs, no sprite, no tiles, only the local countries file', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(JSON.stringify(source)).not.toMatch(/https?:\/\//);
    }
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  it('credits Natural Earth and world-atlas on the countries source', () => {
    const countries = style.sources[SOURCES.countries] as { attribution?: string; data: unknown };
    expect(countries.data).toBe('/assets/levant_countries_10m.geojson');
    expect(countries.attribution).toMatch(/Natural Earth.*world-atlas/);
  });

  it('clusters the incidents and draws every layer it names', () => {
    expect(style.sources[SOURCES.incidents]).toMatchObject({ cluster: true });
    const ids = style.layers.map((l) => l.id);
    for (const id of Object.values(LAYERS)) expect(ids).toContain(id);
  });

  it('has a colour for every zone kind and every incident status, each different', () => {
    expect(Object.keys(KIND_COLOURS).sort()).toEqual([...ZONE_KINDS].sort());
    expect(Object.keys(STATUS_COLOURS).sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(new Set(Object.values(KIND_COLOURS)).size).toBe(ZONE_KINDS.length);
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(INCIDENT_STATUSES.length);
  });
});
