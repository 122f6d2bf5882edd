/**
 * Synthetic ACLED-style incidents for the import benchmark, from a seed so that every run reads the
 * same file. They are labelled synthetic in their notes and are never loaded outside a benchmark.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { ACLED_COLUMNS } from '../src/core/test/import-rows.ts';
import { mulberry32 } from './random.ts';

/** The file's columns: ACLED's, as the import tests use them. */
export const CSV_HEADER = ACLED_COLUMNS;

/** The floor's table: the file's columns with the types their values have, no index, no constraint. */
export const FLOOR_COLUMNS =
  'event_id_cnty text, event_date date, event_type text, sub_event_type text, actor1 text, actor2 text, location text, ' +
  'admin1 text, latitude float8, longitude float8, fatalities int4, notes text, source text';

const EVENTS: Array<[string, string]> = [
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Violence against civilians', 'Abduction/forced disappearance'],
  ['Strategic developments', 'Arrests'],
  ['Strategic developments', 'Looting/property destruction'],
];
const ACTORS = ['Military Forces of Israel (2022-)', 'Hamas Movement', 'Unidentified Armed Group (Palestine)', 'Police Forces of Israel (2022-)'];
const PLACES = ['Gaza City', 'Jabalia', 'Beit Lahia', 'Deir al-Balah', 'Nuseirat', 'Khan Younis', 'Rafah', 'Al Mawasi', 'Beit Hanoun'];
const SOURCES = ['Synthetic Wire', 'Synthetic Monitor Network', 'Synthetic Local Radio; Synthetic Wire'];

const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `rows` incidents over the `days` days before `end` to `path`, newest first as ACLED's
 * exports are: points spread over the Gaza Strip's box (some fall at sea or outside every
 * governorate), a tenth without coordinates.
 */
export async function writeIncidentCsv(path: string, rows: number, end: Date, days = 1_095, seed = 20_260_620): Promise<number> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = `${CSV_HEADER.join(',')}\n`;
  const endDay = Math.floor(end.getTime() / 86_400_000);
  for (let i = 1; i <= rows; i += 1) {
    const [type, sub] = pick(EVENTS);
    // Row i falls on the (i / rows)-th part of the window, counted back from the day before `end`.
    const day = new Date((endDay - 1 - Math.floor(((i - 1) * days) / rows)) * 86_400_000).toISOString().slice(0, 10);
    const located = random() > 0.1;
    const lat = located ? (31.22 + random() * 0.38).toFixed(4) : '';
    const lon = located ? (34.2 + random() * 0.37).toFixed(4) : '';
    const place = pick(PLACES);
    chunk +=
      [
        `SYN${i}`,
        day,
        type,
        sub,
        pick(ACTORS),
        'Civilians (Palestine)',
        place,
        'Gaza Strip',
        lat,
        lon,
        String(Math.floor(random() * random() * 6)),
        csvText(`Synthetic benchmark event ${i}: ${sub.toLowerCase()} reported near ${place}, "not a real event".`),
        csvText(pick(SOURCES)),
      ].join(',') + '\n';
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}
