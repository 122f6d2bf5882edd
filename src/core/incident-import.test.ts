import { describe, expect, it } from 'vitest';
import { detectImportFormat, parseDate, partyMatcher, rowMapper, type ImportContext } from './incident-import.ts';
import { ACLED_COLUMNS, ACLED_DEFAULTS, acledFields } from './test/import-rows.ts';

const parties = [
  { id: 'israel', name: 'Israel', localName: 'ישראל' },
  { id: 'hamas', name: 'Hamas', localName: 'حماس' },
];

const ctx: ImportContext = {
  timeZone: 'Asia/Gaza',
  now: new Date('2026-06-20T12:00:00Z'),
  matchParty: partyMatcher(parties, { 'Hamas Movement': 'hamas' }),
  assignZone: (lon) => (lon > 34.4 ? 'gaza' : null),
  reliability: 'F',
  credibility: 6,
};

const ACLED_HEADER = [...ACLED_COLUMNS];
const acledRow = (overrides: Record<string, string>) =>
  acledFields({
    ...ACLED_DEFAULTS,
    event_id_cnty: 'PSE1',
    latitude: '31.5',
    longitude: '34.4667',
    fatalities: '3',
    notes: 'A strike was reported.',
    ...overrides,
  });

const UCDP_HEADER = ['id', 'date_start', 'type_of_violence', 'side_a', 'side_b', 'latitude', 'longitude', 'best', 'deaths_civilians', 'source_article', 'adm_1'];

describe('format detection', () => {
  it('tells ACLED from UCDP GED by their columns, in any case and order', () => {
    expect(detectImportFormat(ACLED_HEADER)).toBe('acled');
    expect(detectImportFormat(UCDP_HEADER.map((h) => h.toUpperCase()).reverse())).toBe('ucdp-ged');
    expect(detectImportFormat(['date', 'place'])).toBeNull();
  });
});

describe('party matching', () => {
  const match = partyMatcher(parties, { 'Al Qassam Brigades': 'hamas' });
  it('matches names, local names, aliases and state forces, ignoring case and dates', () => {
    expect(match('Israel')).toBe('israel');
    expect(match('حماس')).toBe('hamas');
    expect(match('AL QASSAM BRIGADES')).toBe('hamas');
    expect(match('Military Forces of Israel (2022-)')).toBe('israel');
    expect(match('Government of Israel')).toBe('israel');
  });
  it('matches nothing looser', () => {
    expect(match('Protesters (Israel)')).toBeNull();
    expect(match('Civilians (Palestine)')).toBeNull();
    expect(match('')).toBeNull();
  });
});

describe('dates', () => {
  it('reads ISO dates, UCDP timestamps and ACLED long dates, and refuses impossible ones', () => {
    expect(parseDate('2026-06-14')).toBe('2026-06-14');
    expect(parseDate('2026-06-14 00:00:00.000')).toBe('2026-06-14');
    expect(parseDate('14 June 2026')).toBe('2026-06-14');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('14/06/2026')).toBeNull();
  });
});

describe('ACLED rows', () => {
  const map = rowMapper('acled', ACLED_HEADER, ctx);

  it('become media reports at noon local time, with category, alleged party, zone and casualties', () => {
    const result = map(acledRow({}));
    expect(result).toEqual({
      ok: true,
      incident: {
        occurredAt: new Date('2026-06-14T09:00:00Z'),
        lon: 34.4667,
        lat: 31.5,
        zoneId: 'gaza',
        place: 'Gaza City, Gaza Strip',
        sourceType: 'media',
        reliability: 'F',
        credibility: 6,
        allegedPartyId: 'israel',
        category: 'airstrike',
        killed: 3,
        injured: null,
        civiliansKilled: null,
        civiliansInjured: null,
        description: 'A strike was reported.\n\nSource: Example Wire',
        externalSource: 'acled',
        externalId: 'PSE1',
      },
    });
  });

  it('allege no side of a battle, and map unknown sub-events through their event type', () => {
    const battle = map(acledRow({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Hamas Movement' }));
    expect(battle).toMatchObject({ ok: true, incident: { allegedPartyId: null, category: 'armed_attack' } });
    const protest = map(acledRow({ event_type: 'Protests', sub_event_type: 'Peaceful protest' }));
    expect(protest).toMatchObject({ ok: true, incident: { category: 'other' } });
    const arrest = map(acledRow({ event_type: 'Strategic developments', sub_event_type: 'Arrests', actor1: 'Hamas Movement' }));
    expect(arrest).toMatchObject({ ok: true, incident: { category: 'detention', allegedPartyId: 'hamas' } });
  });

  it('refuse bad dates, half coordinates, out-of-range points, negative counts and empty ids, with the reason', () => {
    expect(map(acledRow({ event_date: 'yesterday' }))).toEqual({ ok: false, reason: 'event_date is not a date (got "yesterday"); use YYYY-MM-DD' });
    expect(map(acledRow({ event_date: '2026-07-01' }))).toEqual({ ok: false, reason: 'event_date 2026-07-01 is in the future' });
    const farEast = rowMapper('acled', ACLED_HEADER, { ...ctx, timeZone: 'Etc/GMT-14' });
    expect(farEast(acledRow({ event_date: '0100-01-01' }))).toEqual({
      ok: false,
      reason: 'event_date 0100-01-01 at noon in Etc/GMT-14 falls outside the times Phaseline stores (0100-01-01 to 9999-12-31 in UTC)',
    });
    expect(farEast(acledRow({ event_date: '0100-01-02' }))).toMatchObject({ ok: true });
    expect(map(acledRow({ latitude: '' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/together/) });
    expect(map(acledRow({ latitude: '131.5' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/latitude/) });
    expect(map(acledRow({ fatalities: '-1' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/fatalities/) });
    expect(map(acledRow({ event_id_cnty: ' ' }))).toEqual({ ok: false, reason: 'event_id_cnty is empty' });
  });

  it('keep a row without coordinates, in no zone', () => {
    expect(map(acledRow({ latitude: '', longitude: '' }))).toMatchObject({ ok: true, incident: { lon: null, lat: null, zoneId: null } });
  });
});

describe('UCDP GED rows', () => {
  const map = rowMapper('ucdp-ged', UCDP_HEADER, ctx);
  const row = (o: Record<string, string>) =>
    UCDP_HEADER.map((h) => ({ id: '123', date_start: '2026-06-10 00:00:00.000', type_of_violence: '3', side_a: 'Government of Israel', side_b: 'Civilians', latitude: '31.3', longitude: '34.3', best: '4', deaths_civilians: '2', source_article: 'Wire, 11 June', adm_1: 'Gaza Strip', ...o })[h] ?? '');

  it('map best and civilian deaths, and allege only one-sided violence', () => {
    expect(map(row({}))).toMatchObject({
      ok: true,
      incident: { externalSource: 'ucdp-ged', externalId: '123', killed: 4, civiliansKilled: 2, allegedPartyId: 'israel', zoneId: null, category: 'armed_attack' },
    });
    expect(map(row({ type_of_violence: '1' }))).toMatchObject({ ok: true, incident: { allegedPartyId: null } });
  });

  it('refuse an unknown violence type and more civilian deaths than deaths', () => {
    expect(map(row({ type_of_violence: '4' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/type_of_violence/) });
    expect(map(row({ deaths_civilians: '5' }))).toEqual({ ok: false, reason: 'deaths_civilians (5) exceeds best (4)' });
  });
});
