/**
 * `phaseline incidents import|list|export` on PGlite and on the PostgreSQL server: both CSV
 * formats, all or nothing (rows and audit entries counted before and after), --skip-invalid's report,
 * the progress bar, and exports in three formats that parse and follow their filters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACLED_HEADER, acledRow, cliDatabases, cliTestContext, countsOf, monitoringAgreement, PLACES, UCDP_HEADER, withTestRepositories } from './test/monitoring.ts';
import { run } from './test/run.ts';
import { fakeTerminal, slowReader } from './test/streams.ts';

interface IncidentJson {
  id: string;
  externalId: string;
  externalSource: string;
  allegedPartyId: string | null;
  zoneId: string | null;
  category: string;
  killed: number | null;
  civiliansKilled: number | null;
  occurredAt: string;
  reliability: string;
  credibility: number;
  status: string;
}
interface ImportJson {
  format: string;
  rows: number;
  inserted: number;
  existing: number;
  rejectedCount: number;
  rejected: Array<{ line: number; reason: string }>;
}

const UCDP_ROWS = [
  `9001,2026-06-10 00:00:00.000,2026-06-10 00:00:00.000,3,Government of Israel,Civilians,Gaza Strip,${PLACES.jabalia.lat},${PLACES.jabalia.lon},4,3,Strike on a house,"Wire, 11 June"`,
  `9002,2026-06-11,2026-06-11,1,Government of Israel,Hamas,Gaza Strip,${PLACES.rafah.lat},${PLACES.rafah.lon},2,0,,`,
];

describe.each(cliDatabases)('phaseline incidents on $name', (db) => {
  const context = cliTestContext(db);
  const { env, folder } = context;
  const file = (name: string, ...lines: string[]) => context.file(name, `${lines.join('\n')}\n`);

  const listed = async (slug: string, ...more: string[]) => {
    const result = await run(['incidents', 'list', '--agreement', slug, '--format', 'json', '--order', 'asc', ...more], env);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { items: IncidentJson[]; total: number; byStatus: Array<{ status: string; count: number }> };
  };
  const partyIds = (agreementId: string) =>
    withTestRepositories(env, async (repos) => Object.fromEntries((await repos.parties.list(agreementId)).map((p) => [p.name, p.id])));
  const zoneIds = (agreementId: string) =>
    withTestRepositories(env, async (repos) => Object.fromEntries((await repos.zones.list(agreementId)).map((z) => [z.name, z.id])));

  /** An agreement with three ACLED incidents: an air strike alleged against Israel, a clash (no party alleged), and one alleged against Hamas. */
  async function withAcledIncidents() {
    const agreement = await monitoringAgreement(env);
    const path = file(
      'acled.csv',
      ACLED_HEADER,
      acledRow('PSE1'),
      acledRow('PSE2', { event_date: '2026-06-15', event_type: 'Battles', sub_event_type: 'Armed clash', place: 'rafah', fatalities: '2' }),
      acledRow('PSE3', { event_date: '16 June 2026', actor1: 'Hamas Movement', sub_event_type: 'Shelling/artillery/missile attack', place: 'jabalia', fatalities: '0' }),
    );
    const imported = await run(['incidents', 'import', path, '--agreement', agreement.slug, '--alias', 'Hamas Movement=Hamas'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    return { agreement, imported };
  }

  it('imports an ACLED-style CSV with zones, alleged parties (aliases) and casualties, audited once', async () => {
    const { agreement, imported } = await withAcledIncidents();
    expect(imported.stdout).toBe(`Imported acled.csv (ACLED) into ${agreement.slug}: 3 rows read, 3 inserted, 0 already there, 0 rejected.\n`);
    const parties = await partyIds(agreement.id);
    const zones = await zoneIds(agreement.id);
    const { items, total } = await listed(agreement.slug);
    expect(total).toBe(3);
    expect(items.map((i) => [i.externalId, i.category, i.allegedPartyId, i.zoneId, i.killed, i.status])).toEqual([
      ['PSE1', 'airstrike', parties.Israel, zones.Gaza, 1, 'reported'],
      ['PSE2', 'armed_attack', null, zones.Rafah, 2, 'reported'],
      ['PSE3', 'shelling', parties.Hamas, zones['North Gaza'], 0, 'reported'],
    ]);
    // Noon in Asia/Gaza (UTC+3 in June), graded F6 unless told otherwise.
    expect(items[0]).toMatchObject({ occurredAt: '2026-06-14T09:00:00.000Z', reliability: 'F', credibility: 6, externalSource: 'acled' });
    const audited = await withTestRepositories(env, (repos) => repos.audit.countFor(agreement.id, 'incident_import'));
    expect(audited).toBe(1);
  });

  it('imports a UCDP-GED-style CSV with the grading given, alleging only one-sided violence', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('ged.csv', UCDP_HEADER, ...UCDP_ROWS);
    const imported = await run(
      ['incidents', 'import', path, '--agreement', agreement.id, '--format', 'ucdp-ged', '--reliability', 'B', '--credibility', '2', '--output', 'json'],
      env,
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'ucdp-ged', rows: 2, inserted: 2, existing: 0, rejectedCount: 0, rejected: [], fileName: 'ged.csv' });
    const parties = await partyIds(agreement.id);
    const { items } = await listed(agreement.slug);
    expect(items.map((i) => [i.externalId, i.externalSource, i.allegedPartyId, i.killed, i.civiliansKilled, i.reliability, i.credibility])).toEqual([
      ['9001', 'ucdp-ged', parties.Israel, 4, 3, 'B', 2],
      ['9002', 'ucdp-ged', null, 2, 0, 'B', 2],
    ]);

    const again = await run(['incidents', 'import', path, '--agreement', agreement.slug], env);
    expect(again.stdout).toBe(`Imported ged.csv (UCDP GED) into ${agreement.slug}: 2 rows read, 0 inserted, 2 already there, 0 rejected.\n`);
  });

  it('refuses a file whose header is not the --format given, before writing anything', async () => {
    const agreement = await monitoringAgreement(env);
    const before = await countsOf(env, agreement.id);
    const path = file('ged.csv', UCDP_HEADER, ...UCDP_ROWS);
    const refused = await run(['incidents', 'import', path, '--agreement', agreement.slug, '--format', 'acled'], env);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `phaseline: ${path} is not ACLED: its header lacks event_id_cnty, event_date, event_type, sub_event_type, actor1, fatalities\n`,
    });
    expect(await countsOf(env, agreement.id)).toEqual(before);
  });

  it('writes nothing when a row is bad, and names its line (exit 1)', async () => {
    const agreement = await monitoringAgreement(env);
    const before = await countsOf(env, agreement.id);
    const rows = Array.from({ length: 30 }, (_, i) => acledRow(`OK${i}`));
    rows.splice(25, 0, acledRow('BAD', { fatalities: 'many' }));
    const path = file('acled.csv', ACLED_HEADER, ...rows);
    const refused = await run(['incidents', 'import', path, '--agreement', agreement.slug], env);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'phaseline: Line 27: fatalities must be a whole number of 0 or more (got "many"). Nothing was imported.\n',
    });
    expect(await countsOf(env, agreement.id)).toEqual(before);
    expect((await listed(agreement.slug)).total).toBe(0);
  });

  it('with --skip-invalid, imports the good rows and reports each rejected one with its line and reason', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file(
      'acled.csv',
      ACLED_HEADER,
      acledRow('A1'),
      acledRow('A2', { event_date: '2026-02-30' }),
      acledRow('A3'),
      acledRow('A1', { event_date: '2026-06-15' }),
      ...Array.from({ length: 22 }, (_, i) => acledRow(`F${i}`, { event_date: '2027-01-01' })),
    );
    const table = await run(['incidents', 'import', path, '--agreement', agreement.slug, '--skip-invalid'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^Imported acled\\.csv \\(ACLED\\) into ${agreement.slug}: 26 rows read, 2 inserted, 0 already there, 24 rejected\\.\\nRejected rows:\\n`));
    expect(table.stdout).toMatch(/│ Line │ Reason\s+│/);
    expect(table.stdout).toMatch(/│ 3\s+│ event_date is not a date \(got "2026-02-30"\); use YYYY-MM-DD\s+│/);
    expect(table.stdout).toMatch(/│ 5\s+│ the id A1 appears earlier in the file\s+│/);
    expect(table.stdout).toMatch(/│ 6\s+│ event_date 2027-01-01 is in the future\s+│/);
    expect(table.stdout).toContain('│ 23   │');
    expect(table.stdout).not.toContain('│ 24   │');
    expect(table.stdout).toMatch(/\nand 4 more \(--output json lists up to 24\)\.\n$/);
    expect((await listed(agreement.slug)).items.map((i) => i.externalId).sort()).toEqual(['A1', 'A3']);

    const other = await monitoringAgreement(env);
    const json = await run(['incidents', 'import', path, '--agreement', other.slug, '--skip-invalid', '--output', 'json'], env);
    const report = JSON.parse(json.stdout) as ImportJson;
    expect(report).toMatchObject({ format: 'acled', rows: 26, inserted: 2, existing: 0, rejectedCount: 24 });
    expect(report.rejected).toHaveLength(24);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 5, ...Array.from({ length: 22 }, (_, i) => i + 6)]);
  });

  it('draws a progress bar on the terminal it is given, ending at 100% with the rows read', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('acled.csv', ACLED_HEADER, acledRow('P1'), acledRow('P2'));
    const terminal = fakeTerminal();
    const imported = await run(['incidents', 'import', path, '--agreement', agreement.slug], env, { progress: true, progressStream: terminal.stream });
    expect(imported.code).toBe(0);
    expect(terminal.drawn()).toMatch(/Importing =+ 100% \| 2 rows \| 0\.0 MB of 0\.0 MB/);
    expect(imported.stderr).toBe('');
  });

  it('fails with exit code 1 naming a missing file or an unknown agreement, and 2 for bad options', async () => {
    const missing = await run(['incidents', 'import', '/nonexistent/acled.csv', '--agreement', 'x'], env);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'phaseline: cannot read /nonexistent/acled.csv: no such file or directory\n' });
    const path = file('acled.csv', ACLED_HEADER, acledRow('X1'));
    for (const args of [
      ['incidents', 'import', path, '--agreement', 'no-such-agreement'],
      ['incidents', 'export', '--agreement', 'no-such-agreement'],
      ['incidents', 'list', '--agreement', 'no-such-agreement'],
    ]) {
      expect(await run(args, env)).toEqual({ code: 1, stdout: '', stderr: 'phaseline: Agreement no-such-agreement was not found\n' });
    }
    const bad = await run(['incidents', 'import', path, '--agreement', 'x', '--credibility', '9', '--alias', 'Hamas', '--format', 'gdelt'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'phaseline: option --format: must be one of auto, acled, ucdp-ged (got "gdelt"); ' +
        'option --alias: must be "actor name=party", e.g. "Hamas Movement=Hamas" (got ["Hamas"]); ' +
        'option --credibility: must be a whole number from 1 to 6 (got "9")\n',
    );
    expect((await run(['incidents', 'export', '--agreement', 'x', '--format', 'xml'], env)).stderr).toBe(
      'phaseline: option --format: must be one of csv, json, geojson (got "xml")\n',
    );
    const dates = await run(['incidents', 'list', '--agreement', 'x', '--from', '14/06/2026', '--status', 'confirmed'], env);
    expect(dates.code).toBe(2);
    expect(dates.stderr).toMatch(/option --status: .*\(got "confirmed"\); option --from: a date \(2026-06-14\) or an ISO 8601 time/);
    expect((await run(['incidents', 'import', path], env)).stderr).toContain("required option '--agreement <agreement>' not specified");
  });

  it('exports CSV with a header and one row per incident, names for parties and zones, to stdout or a file', async () => {
    const { agreement } = await withAcledIncidents();
    const exported = await run(['incidents', 'export', '--agreement', agreement.slug, '--order', 'asc'], env);
    expect(exported.code).toBe(0);
    const [header, ...rows] = parse(exported.stdout) as string[][];
    expect(header!.slice(0, 5)).toEqual(['id', 'occurred_at', 'reported_at', 'status', 'category']);
    const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(column('external_id')).toEqual(['PSE1', 'PSE2', 'PSE3']);
    expect(column('alleged_party')).toEqual(['Israel', '', 'Hamas']);
    expect(column('zone')).toEqual(['Gaza', 'Rafah', 'North Gaza']);

    const dir = folder();
    const out = join(dir, 'incidents.csv');
    const written = await run(['incidents', 'export', '--agreement', agreement.slug, '--order', 'asc', '--out', out], env);
    expect(written.stdout).toMatch(new RegExp(`^Exported the incidents of ${agreement.slug} as csv to ${out} \\([\\d,]+ bytes\\)\\.\\n$`));
    expect(readFileSync(out, 'utf8')).toBe(exported.stdout);
    expect(readdirSync(dir)).toEqual(['incidents.csv']);

    const unwritable = await run(['incidents', 'export', '--agreement', agreement.slug, '--out', '/nonexistent/out.csv'], env);
    expect(unwritable).toEqual({ code: 1, stdout: '', stderr: 'phaseline: cannot write /nonexistent/out.csv: no such file or directory\n' });
    expect(existsSync('/nonexistent/out.csv')).toBe(false);
  });

  it('exports a JSON array and a GeoJSON FeatureCollection that follow the filters', async () => {
    const { agreement } = await withAcledIncidents();
    const parties = await partyIds(agreement.id);
    const json = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'json', '--party', 'ISRAEL'], env);
    const items = JSON.parse(json.stdout) as IncidentJson[];
    expect(items.map((i) => [i.externalId, i.allegedPartyId])).toEqual([['PSE1', parties.Israel]]);

    const geo = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'geojson', '--category', 'armed_attack,shelling'], env);
    const collection = JSON.parse(geo.stdout) as { type: string; features: Array<{ type: string; geometry: { type: string; coordinates: number[] }; properties: IncidentJson }> };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => [f.properties.externalId, f.type, f.geometry.type])).toEqual([
      ['PSE3', 'Feature', 'Point'],
      ['PSE2', 'Feature', 'Point'],
    ]);
    expect(collection.features[1]!.geometry.coordinates).toEqual([PLACES.rafah.lon, PLACES.rafah.lat]);

    // Plain dates are days in the agreement's zone, --to included; the local name and the zone name also select.
    const days = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'json', '--from', '2026-06-15', '--to', '2026-06-15'], env);
    expect((JSON.parse(days.stdout) as IncidentJson[]).map((i) => i.externalId)).toEqual(['PSE2']);
    const local = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'json', '--party', 'حماس', '--zone', 'north gaza'], env);
    expect((JSON.parse(local.stdout) as IncidentJson[]).map((i) => i.externalId)).toEqual(['PSE3']);
    const none = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'geojson', '--status', 'verified'], env);
    expect(JSON.parse(none.stdout)).toEqual({ type: 'FeatureCollection', features: [] });

    const unknown = await run(['incidents', 'export', '--agreement', agreement.slug, '--party', 'Egypt'], env);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: `phaseline: Party "Egypt" of ${agreement.slug} was not found\n` });
  });

  it('streams the export to standard output, writing again only once the stream has drained', async () => {
    const { agreement } = await withAcledIncidents();
    // A slow reader: each chunk is taken 20 ms after it arrives, and its buffer holds one byte.
    const slow = slowReader(1, 20);
    const exported = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'json'], env, { stdoutStream: slow.stream });
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((JSON.parse(slow.received.join('')) as IncidentJson[]).map((i) => i.externalId)).toEqual(['PSE3', 'PSE2', 'PSE1']);
    // '[', one batch, ']': each written into an empty buffer.
    expect(slow.bufferedAtWrite).toEqual([0, 0, 0]);
  });

  it('lists and exports the incidents a search finds, by an Arabic word or the start of one, with the totals by status', async () => {
    const { agreement } = await withAcledIncidents();
    const arabic = file('arabic.csv', ACLED_HEADER, acledRow('PSE4', { notes: 'قصف مدفعي على حي الشجاعية شرق مدينة غزة' }));
    expect((await run(['incidents', 'import', arabic, '--agreement', agreement.slug], env)).code).toBe(0);
    const found = await listed(agreement.slug, '--q', 'الشجا');
    expect(found.items.map((i) => i.externalId)).toEqual(['PSE4']);
    expect(found.byStatus.find((s) => s.status === 'reported')?.count).toBe(1);
    expect((await listed(agreement.slug, '--q', 'STRIKE reported')).items.map((i) => i.externalId)).toEqual(['PSE1', 'PSE2', 'PSE3']);
    expect((await listed(agreement.slug, '--q', "&|!():*'\\")).items).toEqual([]);
    const exported = await run(['incidents', 'export', '--agreement', agreement.slug, '--format', 'json', '--q', 'الشجاعية'], env);
    expect((JSON.parse(exported.stdout) as IncidentJson[]).map((i) => i.externalId)).toEqual(['PSE4']);
  });

  it('lists incidents as a table in the agreement time zone, and as CSV, with paging', async () => {
    const { agreement } = await withAcledIncidents();
    const table = await run(['incidents', 'list', '--agreement', agreement.slug, '--limit', '2'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ Occurred \(Asia\/Gaza\) │ Status\s+│ Category\s+│ Alleged party │ Zone\s+│ Killed │ Place\s+│ Id\s+│/);
    expect(table.stdout).toMatch(/│ 2026-06-16 12:00\s+│ reported │ shelling\s+│ Hamas\s+│ North Gaza │ 0\s+│ Gaza City, Gaza Strip │/);
    expect(table.stdout).not.toContain('airstrike');
    expect(table.stdout).toMatch(/\n1-2 of 3 incidents\n$/);
    const csv = await run(['incidents', 'list', '--agreement', agreement.slug, '--format', 'csv', '--offset', '2'], env);
    const [header, ...rows] = parse(csv.stdout) as string[][];
    expect(header).toEqual(['id', 'occurred_at', 'status', 'category', 'alleged_party', 'attributed_party', 'zone', 'place', 'killed', 'injured', 'external_id']);
    expect(rows.map((r) => [r[1], r[4], r[6], r[10]])).toEqual([['2026-06-14T09:00:00.000Z', 'Israel', 'Gaza', 'PSE1']]);
  });
});
