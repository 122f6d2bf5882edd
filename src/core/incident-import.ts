/**
 * Mapping rows of event datasets to incidents: ACLED-style and UCDP-GED-style columns, detected
 * from the header. Pure: the caller reads the file, gives the parties, the zone assigner and the
 * clock, and gets per row either an incident or the reason it was refused. docs/IMPORT.md
 * describes the mapping for users.
 */
import type { Credibility, IncidentCategory, Reliability } from './incidents.ts';
import { FIRST_DATE, isStorableInstant, LAST_DATE, zonedInstant } from './calendar.ts';
import type { Casualties, Incident } from './model.ts';

export const IMPORT_FORMATS = ['acled', 'ucdp-ged'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The columns a format must have; the others it reads are optional. */
export const REQUIRED_COLUMNS: Record<ImportFormat, readonly string[]> = {
  acled: ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'latitude', 'longitude', 'fatalities'],
  'ucdp-ged': ['id', 'date_start', 'type_of_violence', 'side_a', 'side_b', 'latitude', 'longitude', 'best'],
};

/** The format a header belongs to, or null. */
export function detectImportFormat(header: readonly string[]): ImportFormat | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return IMPORT_FORMATS.find((f) => REQUIRED_COLUMNS[f].every((c) => names.has(c))) ?? null;
}

/** What an imported row becomes; the rest (status, ids, versions) is the database's. */
export interface ImportedIncident
  extends Casualties,
    Pick<Incident, 'lon' | 'lat' | 'zoneId' | 'place' | 'sourceType' | 'reliability' | 'credibility' | 'allegedPartyId' | 'category' | 'description'> {
  occurredAt: Date;
  externalSource: string;
  externalId: string;
}

export type RowResult = { ok: true; incident: ImportedIncident } | { ok: false; reason: string };

export interface ImportContext {
  /** Dates without a time are taken at noon here, so that the day stays the same for nearby viewers. */
  timeZone: string;
  now: Date;
  matchParty: (actor: string) => string | null;
  assignZone: (lon: number, lat: number) => string | null;
  reliability: Reliability;
  credibility: Credibility;
}

export const MAX_DESCRIPTION = 20_000;
export const MAX_PLACE = 300;

const normalizeActor = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// ACLED and UCDP name state actors "Military Forces of X (2022-)", "Police Forces of X", "Government of X".
const STATE_ACTOR = /^(?:(?:military|police|naval|air) forces|government) of (.+)$/;

/**
 * A function from an actor's name to the id of the party it names, or null. An actor matches a
 * party when, ignoring case and parenthesized dates, it equals an alias given for it, the party's
 * name or local name, or is that party's state forces or government. Nothing looser: "Protesters
 * (Israel)" is not the party Israel.
 */
export function partyMatcher(
  parties: ReadonlyArray<{ id: string; name: string; localName: string | null }>,
  aliases: Readonly<Record<string, string>> = {},
): (actor: string) => string | null {
  const byName = new Map<string, string>();
  for (const p of parties) {
    byName.set(normalizeActor(p.name), p.id);
    if (p.localName) byName.set(normalizeActor(p.localName), p.id);
  }
  const byAlias = new Map(Object.entries(aliases).map(([alias, id]) => [normalizeActor(alias), id]));
  const cache = new Map<string, string | null>();
  return (actor) => {
    let found = cache.get(actor);
    if (found !== undefined) return found;
    const name = normalizeActor(actor);
    const state = STATE_ACTOR.exec(name)?.[1];
    found = name === '' ? null : (byAlias.get(name) ?? byName.get(name) ?? (state ? byName.get(state) : undefined) ?? null);
    cache.set(actor, found);
    return found;
  };
}

/** ACLED sub-event types; a type not listed falls back on its event type. */
const ACLED_SUB_EVENTS: Record<string, IncidentCategory> = {
  'armed clash': 'armed_attack',
  'government regains territory': 'incursion',
  'non-state actor overtakes territory': 'incursion',
  'shelling/artillery/missile attack': 'shelling',
  'air/drone strike': 'airstrike',
  'suicide bomb': 'armed_attack',
  'remote explosive/landmine/ied': 'armed_attack',
  grenade: 'armed_attack',
  'chemical weapon': 'armed_attack',
  attack: 'armed_attack',
  'abduction/forced disappearance': 'detention',
  arrests: 'detention',
};
const ACLED_EVENTS: Record<string, IncidentCategory> = {
  battles: 'armed_attack',
  'explosions/remote violence': 'armed_attack',
  'violence against civilians': 'armed_attack',
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A calendar date from "2026-06-20", "2026-06-20 00:00:00.000" or "20 June 2026"; null if none. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(v);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long && MONTHS.includes(long[2]!.toLowerCase())) [y, m, d] = [Number(long[3]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

class RowError extends Error {}
const fail = (reason: string): never => {
  throw new RowError(reason);
};

function count(value: string | undefined, column: string): number | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  if (!/^\d{1,7}$/.test(v)) fail(`${column} must be a whole number of 0 or more (got "${v}")`);
  return Number(v);
}

function text(value: string | undefined, column: string, max: number): string {
  const v = (value ?? '').trim();
  if (v.includes('\u0000')) fail(`${column} contains a NUL character`);
  if (v.length > max) fail(`${column} is longer than ${max} characters`);
  return v;
}

const NOWHERE = { lon: null, lat: null, zoneId: null };

const joinPlace = (...parts: Array<string | undefined>) =>
  [...new Set(parts.map((p) => (p ?? '').trim()).filter(Boolean))].join(', ').slice(0, MAX_PLACE);

/**
 * A function that maps one row (fields in header order) to an incident or to the reason it is
 * refused. `header` is the file's first row.
 */
export function rowMapper(format: ImportFormat, header: readonly string[], ctx: ImportContext): (fields: readonly string[]) => RowResult {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const col = (fields: readonly string[], name: string) => {
    const i = index.get(name);
    return i === undefined ? undefined : fields[i];
  };
  const latest = ctx.now.getTime() + 86_400_000;

  // Dates repeat across rows: each distinct text is parsed and placed in the zone once.
  const instants = new Map<string, Date | string>();
  function occurredAt(value: string | undefined, column: string): Date {
    const raw = value ?? '';
    let known = instants.get(raw);
    if (known === undefined) {
      const date = parseDate(raw);
      known = date === null ? `is not a date (got "${raw}"); use YYYY-MM-DD` : zonedInstant(date, '12:00', ctx.timeZone);
      if (typeof known !== 'string' && known.getTime() > latest) known = `${date} is in the future`;
      // Noon of 0100-01-01 far east of Greenwich is still year 99 in UTC, which would read back as 1999.
      if (typeof known !== 'string' && !isStorableInstant(known)) {
        known = `${date} at noon in ${ctx.timeZone} falls outside the times Phaseline stores (${FIRST_DATE} to ${LAST_DATE} in UTC)`;
      }
      instants.set(raw, known);
    }
    return typeof known === 'string' ? fail(`${column} ${known}`) : known;
  }

  function location(fields: readonly string[]): { lon: number | null; lat: number | null; zoneId: string | null } {
    const latText = (col(fields, 'latitude') ?? '').trim();
    const lonText = (col(fields, 'longitude') ?? '').trim();
    if (latText === '' && lonText === '') return NOWHERE;
    if (latText === '' || lonText === '') fail('latitude and longitude go together: give both or neither');
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) fail(`latitude must be a number from -90 to 90 (got "${latText}")`);
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) fail(`longitude must be a number from -180 to 180 (got "${lonText}")`);
    return { lon, lat, zoneId: ctx.assignZone(lon, lat) };
  }

  // Every row is built as one object literal of the same shape: spreading objects into a literal
  // costs V8 microseconds a row, which a million rows turn into seconds.
  const incident = (
    fields: readonly string[],
    f: Pick<ImportedIncident, 'occurredAt' | 'place' | 'allegedPartyId' | 'category' | 'killed' | 'civiliansKilled' | 'description' | 'externalSource' | 'externalId'>,
  ): ImportedIncident => {
    const at = location(fields);
    return {
      occurredAt: f.occurredAt,
      lon: at.lon,
      lat: at.lat,
      zoneId: at.zoneId,
      place: f.place,
      sourceType: 'media',
      reliability: ctx.reliability,
      credibility: ctx.credibility,
      allegedPartyId: f.allegedPartyId,
      category: f.category,
      killed: f.killed,
      injured: null,
      civiliansKilled: f.civiliansKilled,
      civiliansInjured: null,
      description: f.description,
      externalSource: f.externalSource,
      externalId: f.externalId,
    };
  };

  function acled(fields: readonly string[]): ImportedIncident {
    const externalId = text(col(fields, 'event_id_cnty'), 'event_id_cnty', 100);
    if (externalId === '') fail('event_id_cnty is empty');
    const eventType = text(col(fields, 'event_type'), 'event_type', 200);
    const subEventType = text(col(fields, 'sub_event_type'), 'sub_event_type', 200);
    if (eventType === '') fail('event_type is empty');
    const category = ACLED_SUB_EVENTS[subEventType.toLowerCase()] ?? ACLED_EVENTS[eventType.toLowerCase()] ?? 'other';
    const notes = text(col(fields, 'notes'), 'notes', MAX_DESCRIPTION);
    const source = text(col(fields, 'source'), 'source', 2000);
    const description = [notes || `${eventType}: ${subEventType}`, source ? `Source: ${source}` : ''].filter(Boolean).join('\n\n');
    if (description.length > MAX_DESCRIPTION) fail(`notes and source together are longer than ${MAX_DESCRIPTION} characters`);
    // A clash record does not say which side broke the ceasefire; other events name who carried them out.
    const actor = eventType.toLowerCase() === 'battles' ? '' : text(col(fields, 'actor1'), 'actor1', 500);
    return incident(fields, {
      occurredAt: occurredAt(col(fields, 'event_date'), 'event_date'),
      place: joinPlace(col(fields, 'location'), col(fields, 'admin2'), col(fields, 'admin1'), col(fields, 'country')),
      allegedPartyId: ctx.matchParty(actor),
      category,
      killed: count(col(fields, 'fatalities'), 'fatalities'),
      civiliansKilled: null,
      description,
      externalSource: 'acled',
      externalId,
    });
  }

  function ucdp(fields: readonly string[]): ImportedIncident {
    const externalId = text(col(fields, 'id'), 'id', 100);
    if (externalId === '') fail('id is empty');
    const violence = (col(fields, 'type_of_violence') ?? '').trim();
    if (!['1', '2', '3'].includes(violence)) fail(`type_of_violence must be 1, 2 or 3 (got "${violence}")`);
    const sideA = text(col(fields, 'side_a'), 'side_a', 500);
    const sideB = text(col(fields, 'side_b'), 'side_b', 500);
    const killed = count(col(fields, 'best'), 'best');
    const civiliansKilled = count(col(fields, 'deaths_civilians'), 'deaths_civilians');
    if (killed !== null && civiliansKilled !== null && civiliansKilled > killed) fail(`deaths_civilians (${civiliansKilled}) exceeds best (${killed})`);
    const headline = text(col(fields, 'source_headline'), 'source_headline', MAX_DESCRIPTION);
    const article = text(col(fields, 'source_article'), 'source_article', MAX_DESCRIPTION);
    const description = [headline, `Sides: ${sideA} / ${sideB}`, article ? `Sources: ${article}` : ''].filter(Boolean).join('\n\n');
    if (description.length > MAX_DESCRIPTION) fail(`source_headline and source_article together are longer than ${MAX_DESCRIPTION} characters`);
    return incident(fields, {
      occurredAt: occurredAt(col(fields, 'date_start'), 'date_start'),
      place: joinPlace(col(fields, 'where_coordinates'), col(fields, 'adm_2'), col(fields, 'adm_1'), col(fields, 'country')),
      // Only one-sided violence (3) names a perpetrator; state-based and non-state events are dyads.
      allegedPartyId: violence === '3' ? ctx.matchParty(sideA) : null,
      category: 'armed_attack',
      killed,
      civiliansKilled,
      description,
      externalSource: 'ucdp-ged',
      externalId,
    });
  }

  const map = format === 'acled' ? acled : ucdp;
  return (fields) => {
    try {
      return { ok: true, incident: map(fields) };
    } catch (err) {
      if (err instanceof RowError) return { ok: false, reason: err.message };
      throw err;
    }
  };
}
