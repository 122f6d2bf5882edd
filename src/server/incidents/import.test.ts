/**
 * The CSV import on PGlite and on the PostgreSQL server: both formats, zone assignment, line
 * numbers, all-or-nothing (rows counted before and after), --skip-invalid, re-imports, both write
 * methods, and one audit entry per import.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories, type Database, type Repositories } from '../../db/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { services, type Services } from '../app.ts';
import { ACLED_COLUMNS, ACLED_DEFAULTS, acledFields, UCDP_COLUMNS } from '../../core/test/import-rows.ts';
import { fixedClock } from '../clock.ts';
import { GAZA_COLLECTION, PLACES } from '../test/incident-setup.ts';
import { IMPORT_METHODS, ImportRowError, type IncidentImportOptions } from './import.ts';

const ACTOR = { id: null, name: 'import test' };
const ACLED = ACLED_COLUMNS.join(',');
const UCDP = UCDP_COLUMNS.join(',');

const acledRow = (id: string, overrides: Partial<Record<'date' | 'type' | 'sub' | 'actor' | 'lat' | 'lon' | 'fatalities' | 'notes', string>> = {}) =>
  acledFields({
    ...ACLED_DEFAULTS,
    event_id_cnty: id,
    event_date: overrides.date ?? ACLED_DEFAULTS.event_date,
    event_type: overrides.type ?? ACLED_DEFAULTS.event_type,
    sub_event_type: overrides.sub ?? ACLED_DEFAULTS.sub_event_type,
    actor1: overrides.actor ?? ACLED_DEFAULTS.actor1,
    latitude: overrides.lat ?? String(PLACES.gazaCity.lat),
    longitude: overrides.lon ?? String(PLACES.gazaCity.lon),
    fatalities: overrides.fatalities ?? ACLED_DEFAULTS.fatalities,
    notes: overrides.notes ?? `"Strike reported, ""as cited"" by sources"`,
  }).join(',');

const file = (...lines: string[]) => [lines.join('\n')];

describe.each(testDrivers)('incident import on $name', (driver) => {
  let database: Database;
  let svc: Services;
  let repos: Repositories;

  beforeAll(async () => {
    database = await driver.open();
    svc = services(database, { clock: fixedClock('2026-06-20T12:00:00Z') });
    repos = repositories(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  async function setup() {
    const agreement = await svc.agreements.create(
      { slug: `import-${randomUUID().slice(0, 8)}`, title: 'Import test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    const israel = await svc.agreements.parties.create(agreement.slug, { name: 'Israel', localName: null, role: 'belligerent', description: '' }, ACTOR);
    const hamas = await svc.agreements.parties.create(agreement.slug, { name: 'Hamas', localName: null, role: 'belligerent', description: '' }, ACTOR);
    const zones = await svc.zones.importCollection(agreement.slug, GAZA_COLLECTION, { kind: 'sector', nameProperty: 'adm2_name' }, ACTOR);
    const zoneId = (name: string) => zones.find((z) => z.name === name)!.id;
    return { agreement, israel, hamas, zoneId };
  }

  const count = async (agreementId: string) =>
    Number((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE agreement_id = $1', [agreementId]))[0]!.n);
  const importCsv = (options: Omit<IncidentImportOptions, 'fileName'> & { fileName?: string }) => svc.incidentImport.importCsv({ fileName: 'test.csv', ...options }, ACTOR);

  it('imports ACLED rows with zone, category, alleged party and casualties, and records one audit entry', async () => {
    const { agreement, israel, zoneId } = await setup();
    const progress: number[] = [];
    const result = await importCsv({
      agreement: agreement.slug,
      input: file(
        ACLED,
        acledRow('PSE1'),
        acledRow('PSE2', { lat: String(PLACES.rafah.lat), lon: String(PLACES.rafah.lon), type: 'Battles', sub: 'Armed clash' }),
        acledRow('PSE3', { lat: String(PLACES.sea.lat), lon: String(PLACES.sea.lon), sub: 'Shelling/artillery/missile attack' }),
        '',
        acledRow('PSE4', { lat: '', lon: '', actor: 'Hamas Movement', type: 'Strategic developments', sub: 'Arrests' }),
      ),
      aliases: { 'Hamas Movement': 'Hamas' },
      onProgress: (p) => progress.push(p.rows),
      progressEvery: 2,
    });
    expect(result).toMatchObject({ format: 'acled', rows: 4, inserted: 4, existing: 0, rejectedCount: 0, rejected: [] });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress).toEqual([2, 4, 4]);
    const items = (await repos.incidents.page(agreement.id, { order: 'asc', limit: 10, offset: 0 })).items;
    const byId = Object.fromEntries(items.map((i) => [i.externalId, i]));
    expect(byId.PSE1).toMatchObject({
      zoneId: zoneId('Gaza'),
      category: 'airstrike',
      allegedPartyId: israel.id,
      killed: 1,
      status: 'reported',
      sourceType: 'media',
      reliability: 'F',
      credibility: 6,
      occurredAt: '2026-06-14T09:00:00.000Z',
      description: 'Strike reported, "as cited" by sources\n\nSource: Example Wire',
      externalSource: 'acled',
    });
    expect(byId.PSE2).toMatchObject({ zoneId: zoneId('Rafah'), category: 'armed_attack', allegedPartyId: null });
    expect(byId.PSE3).toMatchObject({ zoneId: null, category: 'shelling' });
    expect(byId.PSE4).toMatchObject({ zoneId: null, lon: null, category: 'detention', allegedPartyId: (await repos.parties.list(agreement.id)).find((p) => p.name === 'Hamas')!.id });
    expect(await repos.audit.countFor(agreement.id, 'incident_import')).toBe(1);
    expect(await repos.audit.countFor(agreement.id, 'incident')).toBe(0);
  });

  it('imports UCDP GED rows, alleging only one-sided violence', async () => {
    const { agreement, israel, zoneId } = await setup();
    const result = await importCsv({
      agreement: agreement.slug,
      input: file(
        UCDP,
        `9001,2026-06-10 00:00:00.000,2026-06-10 00:00:00.000,3,Government of Israel,Civilians,Gaza Strip,${PLACES.jabalia.lat},${PLACES.jabalia.lon},4,3,Strike on a house,"Wire, 11 June"`,
        `9002,2026-06-11,2026-06-11,1,Government of Israel,Hamas,Gaza Strip,${PLACES.rafah.lat},${PLACES.rafah.lon},2,0,,`,
      ),
    });
    expect(result).toMatchObject({ format: 'ucdp-ged', inserted: 2 });
    const items = (await repos.incidents.page(agreement.id, { order: 'asc', limit: 10, offset: 0 })).items;
    expect(items.map((i) => [i.externalId, i.zoneId, i.allegedPartyId, i.killed, i.civiliansKilled])).toEqual([
      ['9001', zoneId('North Gaza'), israel.id, 4, 3],
      ['9002', zoneId('Rafah'), null, 2, 0],
    ]);
  });

  for (const method of IMPORT_METHODS) {
    it(`writes nothing when a row is bad, and names its line (${method})`, async () => {
      const { agreement } = await setup();
      const before = await count(agreement.id);
      const auditBefore = await repos.audit.countFor(agreement.id);
      // The bad row comes after enough good ones that the first batches have already been sent.
      const lines = [ACLED, ...Array.from({ length: 12_000 }, (_, i) => acledRow(`OK${i}`))];
      lines.splice(11_500, 0, acledRow('BAD', { fatalities: 'many' }));
      const attempt = importCsv({ agreement: agreement.slug, input: file(...lines), method });
      await expect(attempt).rejects.toBeInstanceOf(ImportRowError);
      await expect(attempt).rejects.toMatchObject({
        line: 11_501,
        message: 'Line 11501: fatalities must be a whole number of 0 or more (got "many"). Nothing was imported.',
      });
      expect(await count(agreement.id)).toBe(before);
      expect(await repos.audit.countFor(agreement.id)).toBe(auditBefore);
    });
  }

  it('with skipInvalid, imports the good rows and reports each bad one with its line', async () => {
    const { agreement } = await setup();
    const result = await importCsv({
      agreement: agreement.slug,
      skipInvalid: true,
      input: file(
        ACLED,
        acledRow('A'),
        acledRow('B', { date: '2026-13-01' }),
        acledRow('C', { lat: '31.5', lon: '' }),
        acledRow('A'),
        'only,three,fields',
        acledRow('D', { notes: '"spans\ntwo lines"' }),
        acledRow('E', { date: '2026-07-01' }),
      ),
    });
    expect(result).toMatchObject({ inserted: 2, rows: 7, rejectedCount: 5 });
    expect(result.rejected).toEqual([
      { line: 3, reason: 'event_date is not a date (got "2026-13-01"); use YYYY-MM-DD' },
      { line: 4, reason: 'latitude and longitude go together: give both or neither' },
      { line: 5, reason: 'the id A appears earlier in the file' },
      { line: 6, reason: 'has 3 fields where the header has 13' },
      { line: 9, reason: 'event_date 2026-07-01 is in the future' },
    ]);
    expect(await count(agreement.id)).toBe(2);
  });

  it('skips on a re-import what is already there, and adds the rest, whatever the method', async () => {
    const { agreement } = await setup();
    await importCsv({ agreement: agreement.slug, input: file(ACLED, acledRow('R1'), acledRow('R2')) });
    for (const [i, method] of IMPORT_METHODS.entries()) {
      const again = await importCsv({ agreement: agreement.slug, input: file(ACLED, acledRow('R1'), acledRow('R2'), acledRow(`N${i}`)), method });
      expect(again, method).toMatchObject({ inserted: 1, existing: 2 });
    }
    expect(await count(agreement.id)).toBe(5);
  });

  it('refuses an unknown header, an empty file, broken CSV and an alias to no party, writing nothing', async () => {
    const { agreement } = await setup();
    await expect(importCsv({ agreement: agreement.slug, input: file('date,place,what', '2026-06-01,Gaza,x') })).rejects.toMatchObject({ line: 1, message: expect.stringMatching(/matches neither ACLED/) });
    await expect(importCsv({ agreement: agreement.slug, input: [] })).rejects.toMatchObject({ line: 1 });
    await expect(importCsv({ agreement: agreement.slug, input: file(ACLED, acledRow('X'), 'PSE9,"unclosed') })).rejects.toBeInstanceOf(ImportRowError);
    await expect(importCsv({ agreement: agreement.slug, input: file(ACLED), aliases: { IDF: 'Nobody' } })).rejects.toMatchObject({ code: 'rule_violation' });
    expect(await count(agreement.id)).toBe(0);
  });

  it('reads a stream in small chunks, with a byte-order mark and Windows line ends', async () => {
    const { agreement } = await setup();
    const text = `\ufeff${[ACLED, acledRow('W1'), acledRow('W2')].join('\r\n')}\r\n`;
    async function* chunks() {
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const result = await importCsv({ agreement: agreement.slug, input: chunks() });
    expect(result).toMatchObject({ inserted: 2, bytes: Buffer.byteLength(text) });
  });
});
