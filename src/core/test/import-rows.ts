/**
 * ACLED and UCDP GED columns and rows for the tests of the import (core's mapping, the API's import,
 * the CLI's), written once. A row is given by column name; the defaults are an air strike in Gaza
 * City by the forces of Israel.
 */

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'admin1',
  'latitude',
  'longitude',
  'fatalities',
  'notes',
  'source',
] as const;

export const UCDP_COLUMNS = [
  'id',
  'date_start',
  'date_end',
  'type_of_violence',
  'side_a',
  'side_b',
  'adm_1',
  'latitude',
  'longitude',
  'best',
  'deaths_civilians',
  'source_headline',
  'source_article',
] as const;

/** An ACLED row's values but its id and point. */
export const ACLED_DEFAULTS = {
  event_date: '2026-06-14',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Air/drone strike',
  actor1: 'Military Forces of Israel (2022-)',
  actor2: 'Civilians (Palestine)',
  location: 'Gaza City',
  admin1: 'Gaza Strip',
  fatalities: '1',
  notes: 'Strike reported by local sources',
  source: 'Example Wire',
};

/** The values of an ACLED row in column order, empty where `fields` names none. */
export const acledFields = (fields: Partial<Record<(typeof ACLED_COLUMNS)[number], string>>): string[] => ACLED_COLUMNS.map((column) => fields[column] ?? '');
