/** `phaseline zones import|list` on PGlite and on the PostgreSQL server: all or nothing, audited, errors and exit codes. */
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ZONE_KINDS } from '../core/index.ts';
import { cliDatabases, cliTestContext, monitoringAgreement, withTestDatabase, withTestRepositories } from './test/monitoring.ts';
import { run } from './test/run.ts';

const point = (name: string, lon: number, lat: number) => ({
  type: 'Feature',
  properties: { label: name, code: name.slice(0, 3).toUpperCase() },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const square = (name: string, lon: number, lat: number, closed = true) => ({
  type: 'Feature',
  properties: { label: name },
  geometry: {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], closed ? [lon, lat] : [lon + 0.001, lat]]],
  },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

interface ZoneJson {
  name: string;
  kind: string;
  geometry: { type: string };
  properties: Record<string, unknown>;
}

describe.each(cliDatabases)('phaseline zones on $name', (db) => {
  const { env, file } = cliTestContext(db);

  const listJson = async (slug: string, ...more: string[]) => {
    const listed = await run(['zones', 'list', '--agreement', slug, '--format', 'json', ...more], env);
    expect(listed.code).toBe(0);
    return JSON.parse(listed.stdout) as ZoneJson[];
  };

  it('imports every feature as a zone of the kind given, named by --name-property, and audits each', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('checkpoints.geojson', collection(point('Netzarim', 34.42, 31.45), square('Kissufim', 34.38, 31.37), point('Kerem Shalom', 34.28, 31.22)));
    const imported = await run(['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'checkpoint', '--name-property', 'label'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^Imported 3 checkpoint zones into ${agreement.slug} from ${path}\\.\\n`));
    expect(imported.stdout).toMatch(/│ Kissufim\s+│ checkpoint │ Polygon\s+│ 1\.\d\s+│/);

    const checkpoints = await listJson(agreement.slug, '--kind', 'checkpoint');
    expect(checkpoints.map((z) => [z.name, z.geometry.type])).toEqual([
      ['Kerem Shalom', 'Point'],
      ['Kissufim', 'Polygon'],
      ['Netzarim', 'Point'],
    ]);
    expect(checkpoints[0]!.properties).toEqual({ label: 'Kerem Shalom', code: 'KER' });
    expect(await listJson(agreement.slug)).toHaveLength(8);

    const audited = await withTestRepositories(env, (repos) => repos.audit.page(agreement.id, { limit: 100, offset: 0, order: 'asc', scopes: null }));
    const zoneEntries = audited.items.filter((e) => e.entity === 'zone' && e.actorName.startsWith('cli:'));
    expect(zoneEntries).toHaveLength(3);
    expect(zoneEntries[0]!.actorName).toBe(`cli:${userInfo().username}`);
  });

  it('lists zones as a table and as CSV', async () => {
    const agreement = await monitoringAgreement(env);
    const table = await run(['zones', 'list', '--agreement', agreement.id], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ Name\s+│ Kind\s+│ Geometry │ Area \(km²\) │ Id\s+│/);
    expect(table.stdout).toMatch(/│ Khan Younis\s+│ sector │ Polygon\s+│ \d+\.\d\s+│ [0-9a-f-]{36} │/);
    expect(table.stdout).toMatch(/\n5 zones\n$/);
    const csv = await run(['zones', 'list', '--agreement', agreement.slug, '--format', 'csv'], env);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('id,name,kind,geometry_type,area_sq_km,min_lon,min_lat,max_lon,max_lat');
    expect(rows.map((r) => r.split(',')[1])).toEqual(['Deir Al-Balah', 'Gaza', 'Khan Younis', 'North Gaza', 'Rafah']);
  });

  it('refuses a file with invalid geometry, naming the feature, and writes nothing', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('bad.geojson', collection(point('Good', 34.42, 31.45), square('Broken', 34.38, 31.37, false)));
    const refused = await run(['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'checkpoint', '--name-property', 'label'], env);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'phaseline: No zone was imported. "Broken" (features[1]) geometry.coordinates.0: the ring is not closed: its last position must equal its first\n',
    });
    expect(await listJson(agreement.slug, '--kind', 'checkpoint')).toEqual([]);
  });

  it('refuses a name already taken by a zone of the same kind, writing nothing', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('sectors.geojson', collection(point('New sector', 34.42, 31.45), point('Rafah', 34.25, 31.29)));
    const refused = await run(['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'sector', '--name-property', 'label'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('phaseline: No zone was imported. "Rafah" (features[1]) properties: a sector named "Rafah" already exists\n');
    expect((await listJson(agreement.slug)).map((z) => z.name)).not.toContain('New sector');
  });

  it('refuses an unknown or missing kind as a usage error (exit 2) listing the kinds', async () => {
    const path = file('one.geojson', collection(point('Netzarim', 34.42, 31.45)));
    const unknown = await run(['zones', 'import', path, '--agreement', 'whatever', '--kind', 'roadblock'], env);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: `phaseline: option --kind: must be one of ${ZONE_KINDS.join(', ')} (got "roadblock")\n` });
    const missing = await run(['zones', 'import', path, '--agreement', 'whatever'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--kind <kind>' not specified");
    const listKind = await run(['zones', 'list', '--agreement', 'whatever', '--kind', 'Sector'], env);
    expect(listKind.code).toBe(2);
  });

  it('fails with exit code 1 on a missing file, a file that is not JSON, an empty collection or an unknown agreement', async () => {
    const missing = await run(['zones', 'import', '/nonexistent/zones.geojson', '--agreement', 'x', '--kind', 'sector'], env);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'phaseline: cannot read /nonexistent/zones.geojson: no such file or directory\n' });
    const notJson = file('notjson.geojson', '{"type": "FeatureCollection", ');
    const broken = await run(['zones', 'import', notJson, '--agreement', 'x', '--kind', 'sector'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^phaseline: ${notJson} is not JSON: `));
    const empty = file('empty.geojson', collection());
    expect((await run(['zones', 'import', empty, '--agreement', 'x', '--kind', 'sector'], env)).stderr).toBe(`phaseline: ${empty} has no features: nothing to import\n`);
    const good = file('good.geojson', collection(point('Netzarim', 34.42, 31.45)));
    const noAgreement = await run(['zones', 'import', good, '--agreement', 'no-such-agreement', '--kind', 'checkpoint'], env);
    expect(noAgreement).toEqual({ code: 1, stdout: '', stderr: 'phaseline: Agreement no-such-agreement was not found\n' });
    expect((await run(['zones', 'list', '--agreement', 'no-such-agreement'], env)).code).toBe(1);
  });

  it('gives the coverage of each sector by a zone named by id or name (the newest snapshot of an area), as a table or JSON', async () => {
    const agreement = await monitoringAgreement(env);
    const setUp = { id: null, name: 'cli test set-up' };
    const held = await withTestDatabase(env, async (svc) => {
      const rafah = (await svc.zones.filter(agreement.slug, { kind: 'sector' })).find((z) => z.name === 'Rafah')!;
      const hamas = (await svc.agreements.parties.list(agreement.slug)).find((p) => p.name === 'Hamas')!;
      const area = (asOf: string, geometry: typeof rafah.geometry) =>
        svc.zones.create(agreement.slug, { name: 'Southern hold', kind: 'controlled_area', description: '', properties: {}, partyId: hamas.id, asOf, geometry }, setUp);
      await area('2026-06-01', { type: 'Polygon', coordinates: [[[34.2, 31.2], [34.21, 31.2], [34.21, 31.21], [34.2, 31.2]]] });
      return area('2026-06-15', rafah.geometry);
    });
    const table = await run(['zones', 'coverage', 'Southern hold', '--agreement', agreement.slug], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Southern hold: \d+\.\d\d km², covering \d+\.\d % of the sector zones\n/);
    expect(table.stdout).toMatch(/│ Sector\s+│ Area \(km²\) │ Covered \(km²\) │ Share\s+│/);
    expect(table.stdout).toMatch(/│ Rafah\s+│ (\d+\.\d\d)\s+│ \1\s+│ 100\.0 %\s+│/);
    expect(table.stdout).toMatch(/│ Gaza\s+│ \d+\.\d\d\s+│ 0\.00\s+│ 0\.0 %\s+│/);
    expect(table.stdout).toMatch(/│ Total\s+│/);
    const json = await run(['zones', 'coverage', held.id, '--agreement', agreement.slug, '--format', 'json', '--kind', 'controlled_area'], env);
    const parsed = JSON.parse(json.stdout) as { zone: { id: string }; sectors: { name: string; share: number }[] };
    expect(Object.keys(parsed).sort()).toEqual(['sectors', 'total', 'zone']);
    expect(parsed.zone.id).toBe(held.id);
    expect(parsed.sectors.map((s) => s.name)).toEqual(['Southern hold']); // the other snapshot, not itself
    const unknown = await run(['zones', 'coverage', 'Nowhere', '--agreement', agreement.slug], env);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'phaseline: Zone Nowhere was not found\n' });
    expect((await run(['zones', 'coverage', 'Rafah', '--agreement', agreement.slug, '--format', 'csv'], env)).code).toBe(2);
  });

  it('imports controlled areas with their party (by name) and date, and refuses them without (exit 2)', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('held.geojson', collection(square('Southern hold', 34.25, 31.25)));
    const args = ['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'controlled_area', '--name-property', 'label'];
    const refused = await run(args, env);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'phaseline: option --party: a controlled_area needs the party holding the area; option --as-of: a controlled_area needs the date of the snapshot\n' });
    expect((await run(['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'sector', '--as-of', '2026-06-01'], env)).code).toBe(2);
    const imported = await run([...args, '--party', 'حماس', '--as-of', '2026-06-01'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const [held] = (await listJson(agreement.slug, '--kind', 'controlled_area')) as unknown as { name: string; asOf: string; partyId: string }[];
    expect(held).toMatchObject({ name: 'Southern hold', asOf: '2026-06-01' });
    expect((await run([...args, '--party', 'Nobody', '--as-of', '2026-06-02'], env)).stderr).toBe('phaseline: Party Nobody was not found\n');
  });

  it('refuses a document that is not a FeatureCollection', async () => {
    const agreement = await monitoringAgreement(env);
    const path = file('feature.geojson', JSON.stringify(point('Netzarim', 34.42, 31.45)));
    const refused = await run(['zones', 'import', path, '--agreement', agreement.slug, '--kind', 'checkpoint'], env);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `phaseline: ${path} is not a GeoJSON FeatureCollection (its type is "Feature")\n` });
    expect(await listJson(agreement.slug, '--kind', 'checkpoint')).toEqual([]);
  });
});
