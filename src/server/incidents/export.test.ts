import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../contract/index.ts';
import { CSV_COLUMNS } from './export.ts';
import { harnessForFile } from '../test/harness.ts';
import { incidentSetup, PLACES, report } from '../test/incident-setup.ts';

const h = harnessForFile();
let ctx: Awaited<ReturnType<typeof incidentSetup>>;
const created: IncidentView[] = [];
const TOTAL = 2 + 2_100;

beforeAll(async () => {
  ctx = await incidentSetup(h);
  const bodies = [
    report({ ...PLACES.gazaCity, allegedPartyId: ctx.israel.id, provisionIds: [ctx.provision.id], description: 'قصف, "مدفعي"\nسطر ثان', killed: 2, occurredAt: '2026-06-18T08:00:00Z' }),
    report({ category: 'detention', description: '=HYPERLINK("http://x")', occurredAt: '2026-06-17T08:00:00Z' }),
  ];
  for (const body of bodies) created.push((await h.call<IncidentView>('POST', `${ctx.base}/incidents`, body)).body);
  // Enough rows for more than one export batch, imported in bulk (older than the two above).
  const lines = ['event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,fatalities,notes'];
  for (let i = 0; i < 2_100; i += 1) lines.push(`PSE${i},2026-05-${String(1 + (i % 28)).padStart(2, '0')},Battles,Armed clash,,${PLACES.rafah.lat},${PLACES.rafah.lon},0,bulk ${i}`);
  const result = await h.svc.incidentImport.importCsv({ agreement: ctx.a.slug, input: [lines.join('\n')], fileName: 'bulk.csv' }, { id: null, name: 'test' });
  expect(result.inserted).toBe(2_100);
});

const get = (qs: string) => h.app.inject({ method: 'GET', url: `${ctx.base}/incidents/export?${qs}`, headers: { authorization: `Bearer ${h.adminToken}` } });

describe('export', () => {
  it('gives CSV that parses back to every incident, text intact and formulas defused', async () => {
    const res = await get('format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${ctx.a.slug}-incidents.csv"`);
    const rows = parse(res.body, { columns: true }) as Array<Record<(typeof CSV_COLUMNS)[number], string>>;
    expect(rows).toHaveLength(TOTAL);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      id: created[0]!.id,
      description: 'قصف, "مدفعي"\nسطر ثان',
      alleged_party: 'Israel',
      zone: 'Gaza',
      provisions: '1.1',
      killed: '2',
      injured: '',
      longitude: '34.4667',
    });
    expect(rows[1]!.description).toBe(`'=HYPERLINK("http://x")`);
    expect(new Set(rows.map((r) => r.id)).size).toBe(TOTAL);
  });

  it('gives a JSON array and a GeoJSON FeatureCollection with the list filters', async () => {
    const json = JSON.parse((await get('format=json&category=detention')).body) as IncidentView[];
    expect(json.map((i) => i.id)).toEqual([created[1]!.id]);
    const all = JSON.parse((await get('format=json&order=asc')).body) as IncidentView[];
    expect(all).toHaveLength(TOTAL);
    expect(all[0]!.description).toMatch(/^bulk /);
    expect(all[TOTAL - 1]!.id).toBe(created[0]!.id);
    const geo = await get(`format=geojson&zoneId=${ctx.zones.Gaza}`);
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = JSON.parse(geo.body) as { type: string; features: Array<{ id: string; geometry: { coordinates: number[] } | null; properties: IncidentView }> };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => [f.id, f.geometry?.coordinates])).toEqual([[created[0]!.id, [34.4667, 31.5]]]);
    const unlocated = JSON.parse((await get('format=geojson&category=detention')).body) as typeof collection;
    expect(unlocated.features[0]!.geometry).toBeNull();
  });

  it('stops after limit incidents, in list order, across batches', async () => {
    const newest = JSON.parse((await get('format=json&limit=2')).body) as IncidentView[];
    expect(newest.map((i) => i.id)).toEqual([created[0]!.id, created[1]!.id]);
    const geo = JSON.parse((await get('format=geojson&order=asc&limit=2001')).body) as { features: Array<{ properties: IncidentView }> };
    expect(geo.features).toHaveLength(2_001);
    expect(geo.features.every((f) => f.properties.description?.startsWith('bulk '))).toBe(true);
    const csv = parse((await get('format=csv&limit=1')).body, { columns: true }) as unknown[];
    expect(csv).toHaveLength(1);
    expect((await get('format=json&limit=0')).statusCode).toBe(400);
  });

  it('is refused to visitors and validates its filters', async () => {
    expect((await h.app.inject({ method: 'GET', url: `${ctx.base}/incidents/export` })).statusCode).toBe(404);
    expect((await get('format=xml')).statusCode).toBe(400);
    expect((await get('format=json&category=rumour')).statusCode).toBe(400);
  });
});
