#!/usr/bin/env node
// Writes the demo's ground data files in src/server/demo/data/ (see data/SOURCE.md there):
//   aid-trucks-daily.csv          date,value,source: the 116 daily total_truck values of the
//                                 Gaza-projections series (gaza_food_trucks_2023-10-07_2024-01-30.csv)
//   aid-kerem-shalom-daily.csv    date,value,source: UNRWA consignment rows per Received Date with
//   aid-rafah-crossing-daily.csv  Crossing "Kerem Shalom" / "Rafah Crossing" (one row ≈ one truck)
//   controlled-area-illustrative.geojson
//                                 three dated snapshots of an ILLUSTRATIVE held area: the Gaza Strip
//                                 (OCHA COD-AB pse_admin1 PS02) cut to a band along its eastern border,
//                                 narrowing from one snapshot to the next, and a band along the
//                                 Egyptian border. Drawn for the demo, not a real line.
// Usage: node scripts/demo-ground-data.mjs [shared data folder, default ../shared/data]
// Values are copied, never adjusted; days with no UNRWA row for a crossing are left out, not zeroed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { intersection, union } from 'polyclip-ts';

const shared = process.argv[2] ?? new URL('../../shared/data', import.meta.url).pathname;
const out = new URL('../src/server/demo/data/', import.meta.url).pathname;

const MONTHS = { January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12 };
const isoOf = (text) => {
  const [day, month, year] = text.split(' ');
  if (!MONTHS[month]) throw new Error(`unexpected date ${text}`);
  return `${year}-${String(MONTHS[month]).padStart(2, '0')}-${day.padStart(2, '0')}`;
};
const csvLine = (fields) => fields.map((f) => (/[",\n]/.test(String(f)) ? `"${String(f).replaceAll('"', '""')}"` : String(f))).join(',');
const write = (name, lines) => {
  writeFileSync(join(out, name), lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length - 1} rows`);
};

// 1. The daily series.
const trucks = parse(readFileSync(join(shared, 'aid-trucks/gaza_food_trucks_2023-10-07_2024-01-30.csv'), 'utf8'), { columns: true });
const TRUCKS_SOURCE = 'gaza-projections.org gaza_food_trucks.csv total_truck';
const daily = trucks.map((r) => {
  if (!/^\d+$/.test(r.total_truck)) throw new Error(`total_truck ${r.total_truck} on ${r.date}`);
  return [isoOf(r.date), Number(r.total_truck)];
});
const total = daily.reduce((sum, [, v]) => sum + v, 0);
if (daily.length !== 116 || total !== 10192) throw new Error(`expected 116 days totalling 10,192, found ${daily.length} totalling ${total}`);
write('aid-trucks-daily.csv', ['date,value,source', ...daily.map(([d, v]) => csvLine([d, v, TRUCKS_SOURCE]))]);

// 2. UNRWA consignment rows per day and crossing.
const unrwa = parse(readFileSync(join(shared, 'aid-trucks/unrwa_commodities_received_20241111.csv'), 'utf8'), { columns: true, bom: true });
for (const [crossing, file] of [
  ['Kerem Shalom', 'aid-kerem-shalom-daily.csv'],
  ['Rafah Crossing', 'aid-rafah-crossing-daily.csv'],
]) {
  const perDay = new Map();
  for (const r of unrwa) {
    if (r.Crossing !== crossing) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r['Received Date'])) throw new Error(`Received Date ${r['Received Date']} (ID ${r.ID})`);
    perDay.set(r['Received Date'], (perDay.get(r['Received Date']) ?? 0) + 1);
  }
  const source = `UNRWA Commodities Received 20241111: rows received via ${crossing}`;
  write(file, ['date,value,source', ...[...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([d, v]) => csvLine([d, v, source]))]);
}

// 3. The illustrative held area: bands of the Strip along its eastern and Egyptian borders.
const admin1 = JSON.parse(readFileSync(join(shared, 'ocha-cod-ab-pse/pse_admin1.geojson'), 'utf8'));
const strip = admin1.features.find((f) => f.properties.adm1_pcode === 'PS02').geometry.coordinates;
const ring = strip[0].slice(0, -1);
// The ring runs from the north-east corner west along the north, down the coast, east along the
// Egyptian border to the southern tip (Kerem Shalom), then north-east along the border with Israel.
const tip = ring.reduce((best, p, i) => (p[1] < ring[best][1] ? i : best), 0);
const seaCorner = ring.reduce((best, p, i) => (i < tip && p[0] < ring[best][0] ? i : best), 0);
const eastBorder = [...ring.slice(tip), ...ring.slice(0, 3)];
const egyptBorder = ring.slice(seaCorner, tip + 1);
/** The band between a border and its copy moved by (dLon, dLat), cut to the Strip. */
const band = (border, dLon, dLat) => {
  // The inner edge is a drawing: every eighth point of the border is enough.
  const moved = border.filter((_, i) => i % 8 === 0 || i === border.length - 1).map(([lon, lat]) => [lon + dLon, lat + dLat]).reverse();
  return intersection(strip, [[...border, ...moved, border[0]]]);
};
// Four decimals (about 10 m) are enough for a drawing; points that round together are dropped.
const roundRing = (r) => {
  const points = r.map(([lon, lat]) => [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4]);
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
};
const round = (geometry) => geometry.map((polygon) => polygon.map(roundRing));
const snapshots = [
  { asOf: '2026-06-06', east: 0.035 },
  { asOf: '2026-07-06', east: 0.025 },
  { asOf: '2026-08-06', east: 0.015 },
];
const features = snapshots.map(({ asOf, east }) => {
  const coordinates = round(union(band(eastBorder, -east, 0), band(egyptBorder, 0.006, 0.006)));
  return {
    type: 'Feature',
    properties: { name: 'Held area (illustrative)', as_of: asOf, illustrative: true, eastern_band_degrees: east },
    geometry: coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates },
  };
});
writeFileSync(join(out, 'controlled-area-illustrative.geojson'), JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`controlled-area-illustrative.geojson: ${features.length} snapshots`);
