import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../core/index.ts';
import { incidentBulk, type Database, type IncidentBulkRow, type Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildIncident, buildParty, buildProvision, buildZone } from '../test/factories.ts';
import { pgError } from './versioned.ts';

describe.each(testDrivers)('incidents and zones on $name', (driver) => {
  const opened = databaseFor(driver);
  let database: Database;
  let repos: Repositories;
  beforeAll(() => {
    ({ database, repos } = opened.current());
  });

  describe('zones', () => {
    it('stores geometry with its box and area, filters by kind and box, and refuses a second zone of the same kind and name', async () => {
      const a = await buildAgreement(repos);
      const sector = await buildZone(repos, { agreementId: a.id, name: 'Gaza', lon: 34.4, lat: 31.4 });
      await buildZone(repos, { agreementId: a.id, name: 'Far', lon: 35, lat: 32 });
      await buildZone(repos, { agreementId: a.id, name: 'Gaza', kind: 'checkpoint', lon: 34.45, lat: 31.45, size: 0.01 });
      expect(sector.bbox).toEqual([34.4, 31.4, 34.5, 31.5]);
      expect(sector.areaSqKm).toBeGreaterThan(90);
      expect((await repos.zones.filter(a.id, { bbox: [34.45, 31.45, 34.46, 31.46] })).map((z) => [z.name, z.kind])).toEqual([
        ['Gaza', 'checkpoint'],
        ['Gaza', 'sector'],
      ]);
      expect((await repos.zones.filter(a.id, { kind: 'sector' })).map((z) => z.name)).toEqual(['Far', 'Gaza']);
      await expect(buildZone(repos, { agreementId: a.id, name: 'Gaza' })).rejects.toMatchObject({ code: 'already_exists' });
    });
  });

  describe('incidents', () => {
    it('keeps the provisions an incident bears on, and versions updates', async () => {
      const provision = await buildProvision(repos);
      const incident = await buildIncident(repos, { agreementId: provision.agreementId, provisionIds: [provision.id] });
      expect(await repos.incidents.get(provision.agreementId, incident.id)).toMatchObject({
        status: 'reported',
        provisionIds: [provision.id],
        killed: null,
        occurredAt: '2026-06-19T08:00:00.000Z',
      });
      const updated = await repos.incidents.update(provision.agreementId, incident.id, 1, { killed: 2 }, []);
      expect(updated).toMatchObject({ killed: 2, version: 2, provisionIds: [] });
      await expect(repos.incidents.update(provision.agreementId, incident.id, 1, { killed: 3 })).rejects.toMatchObject({ code: 'stale_version' });
      // The mirror in incidents.provision_ids follows any write to the link table, by a trigger.
      await database.query('INSERT INTO incident_provisions (incident_id, provision_id) VALUES ($1, $2)', [incident.id, provision.id]);
      expect((await repos.incidents.get(provision.agreementId, incident.id)).provisionIds).toEqual([provision.id]);
      await expect(repos.provisions.remove(provision.agreementId, provision.id, provision.version)).rejects.toMatchObject({ code: 'still_referenced' });
      await expect(repos.incidents.get((await buildAgreement(repos)).id, incident.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('pages newest first with filters, a capped total and a keyset cursor that neither skips nor repeats', async () => {
      const a = await buildAgreement(repos);
      const party = await buildParty(repos, { agreementId: a.id });
      const times = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 5, 10 + i, 8)));
      // Two incidents at the same instant: the id breaks the tie.
      times.push(times[3]!);
      for (const [i, occurredAt] of times.entries()) {
        await buildIncident(repos, { agreementId: a.id, occurredAt, category: i % 2 ? 'airstrike' : 'shelling', allegedPartyId: i < 4 ? party.id : null });
      }
      const base = { order: 'desc' as const, limit: 3, offset: 0 };
      const seen: string[] = [];
      let page = await repos.incidents.page(a.id, base);
      expect(page).toMatchObject({ total: 8, totalCapped: false });
      for (;;) {
        seen.push(...page.items.map((i) => i.id));
        if (!page.nextCursor) break;
        page = await repos.incidents.page(a.id, { ...base, cursor: page.nextCursor });
      }
      expect(seen).toHaveLength(8);
      expect(new Set(seen).size).toBe(8);
      const all = (await repos.incidents.page(a.id, { ...base, limit: 50 })).items;
      expect(all.map((i) => i.id)).toEqual(seen);
      expect(all.map((i) => i.occurredAt)).toEqual([...all.map((i) => i.occurredAt)].sort().reverse());
      expect((await repos.incidents.page(a.id, { ...base, limit: 50, category: ['airstrike'], partyId: party.id })).total).toBe(2);
      const window = await repos.incidents.page(a.id, { ...base, limit: 50, from: times[1], to: times[3], order: 'asc' });
      expect(window.items.map((i) => i.occurredAt)).toEqual([times[1]!.toISOString(), times[2]!.toISOString()]);
      const batches: number[] = [];
      for await (const batch of repos.incidents.batches(a.id, {}, 'asc', 3)) batches.push(batch.length);
      expect(batches).toEqual([3, 3, 2]);
    });

    it('finds incidents by point box and by provision', async () => {
      const provision = await buildProvision(repos);
      const a = provision.agreementId;
      const inside = await buildIncident(repos, { agreementId: a, lon: 34.45, lat: 31.5, provisionIds: [provision.id] });
      await buildIncident(repos, { agreementId: a, lon: 35.2, lat: 31.9 });
      await buildIncident(repos, { agreementId: a });
      const q = { order: 'desc' as const, limit: 10, offset: 0 };
      expect((await repos.incidents.page(a, { ...q, bbox: [34.2, 31.2, 34.6, 31.6] })).items.map((i) => i.id)).toEqual([inside.id]);
      expect((await repos.incidents.page(a, { ...q, provisionId: provision.id })).items.map((i) => i.id)).toEqual([inside.id]);
    });

    it('counts verified violations by local day in the agreement’s zone, per party and per provision', async () => {
      const provision = await buildProvision(repos);
      const a = provision.agreementId;
      const party = await buildParty(repos, { agreementId: a });
      const verified = { status: 'verified' as const, attributedPartyId: party.id, provisionIds: [provision.id] };
      // 20:30 UTC is 23:30 in Gaza (19 June); 21:30 UTC is 00:30 on 20 June there.
      await buildIncident(repos, { agreementId: a, occurredAt: new Date('2026-06-19T20:30:00Z'), ...verified });
      await buildIncident(repos, { agreementId: a, occurredAt: new Date('2026-06-19T21:30:00Z'), ...verified });
      await buildIncident(repos, { agreementId: a, occurredAt: new Date('2026-06-19T21:45:00Z'), status: 'verified' });
      await buildIncident(repos, { agreementId: a, occurredAt: new Date('2026-06-19T21:50:00Z'), status: 'reported', provisionIds: [provision.id] });
      const window = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z'), timeZone: 'Asia/Gaza' };
      const byParty = await repos.incidents.complianceCounts(a, { by: 'party', granularity: 'day', ...window });
      expect(byParty.sort((x, y) => `${x.date}${x.key}`.localeCompare(`${y.date}${y.key}`))).toEqual([
        { date: '2026-06-19', key: party.id, count: 1 },
        { date: '2026-06-20', key: party.id, count: 1 },
        { date: '2026-06-20', key: null, count: 1 },
      ]);
      const byProvisionWeek = await repos.incidents.complianceCounts(a, { by: 'provision', granularity: 'week', ...window });
      expect(byProvisionWeek).toEqual([{ date: '2026-06-15', key: provision.id, count: 2 }]);
      const recent = await repos.incidents.recentViolations(a, new Date('2026-06-19T21:00:00Z'), new Date('2026-06-20T12:00:00Z'));
      expect([...recent]).toEqual([[provision.id, 1]]);
    });

    it('deletes an agreement with its incidents, their history and links', async () => {
      const provision = await buildProvision(repos);
      const party = await buildParty(repos, { agreementId: provision.agreementId });
      const zone = await buildZone(repos, { agreementId: provision.agreementId });
      const first = await buildIncident(repos, { agreementId: provision.agreementId, allegedPartyId: party.id, zoneId: zone.id, provisionIds: [provision.id] });
      await buildIncident(repos, { agreementId: provision.agreementId, status: 'duplicate', duplicateOfId: first.id, attributedPartyId: party.id });
      await repos.incidentRecords.appendStep({ incidentId: first.id, from: 'reported', to: 'triaged', reason: 'x', actorId: null, actorName: 't', at: new Date(), attributedPartyId: null, duplicateOfId: null });
      await repos.agreements.remove(provision.agreementId);
      await expect(repos.incidents.get(provision.agreementId, first.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await repos.incidentRecords.history(first.id)).toEqual([]);
    });
  });

  describe('records', () => {
    it('numbers history steps and refuses to change or remove one', async () => {
      const incident = await buildIncident(repos);
      const step = { incidentId: incident.id, actorId: null, actorName: 'monitor', at: new Date('2026-06-20T10:00:00Z'), attributedPartyId: null, duplicateOfId: null };
      await repos.incidentRecords.appendStep({ ...step, from: 'reported', to: 'triaged', reason: 'credible' });
      await repos.incidentRecords.appendStep({ ...step, from: 'triaged', to: 'under_investigation', reason: 'team sent' });
      expect((await repos.incidentRecords.history(incident.id)).map((s) => [s.seq, s.to])).toEqual([
        [1, 'triaged'],
        [2, 'under_investigation'],
      ]);
      await expect(database.query(`UPDATE incident_history SET reason = 'edited' WHERE incident_id = $1`, [incident.id])).rejects.toThrow(/append-only/);
      await expect(database.query(`DELETE FROM incident_history WHERE incident_id = $1`, [incident.id])).rejects.toThrow(/append-only/);
      expect(await repos.incidentRecords.history(incident.id)).toHaveLength(2);
    });

    it('keeps a file’s bytes exactly, apart from its description', async () => {
      const incident = await buildIncident(repos);
      const bytes = new Uint8Array([0, 1, 2, 255, 0x5c, 10]);
      const evidence = await repos.incidentRecords.addEvidence(
        { incidentId: incident.id, kind: 'file', name: 'photo.jpg', url: null, contentType: 'image/jpeg', size: 6, sha256: 'x', description: '', addedBy: null },
        bytes,
      );
      const file = await repos.incidentRecords.evidenceFile(incident.id, evidence.id);
      expect([...file!.bytes!]).toEqual([...bytes]);
      expect(await repos.incidentRecords.evidenceFile(incident.id, randomUUID())).toBeNull();
    });
  });

  describe('bulk import', () => {
    const row = (agreementId: string, externalId: string, description = 'tab\there, new\nline, back\\slash'): IncidentBulkRow => ({
      agreementId,
      reportedAt: new Date('2026-06-20T12:00:00Z'),
      id: randomUUID(),
      reportedBy: null,
      occurredAt: new Date('2026-06-14T09:00:00Z'),
      lon: 34.45,
      lat: 31.5,
      zoneId: null,
      place: 'Gaza City',
      sourceType: 'media',
      reliability: 'F',
      credibility: 6,
      allegedPartyId: null,
      category: 'airstrike',
      killed: 3,
      injured: null,
      civiliansKilled: null,
      civiliansInjured: null,
      description,
      externalSource: 'acled',
      externalId,
    });

    it('copies through a staging table in chunks cut anywhere, keeps text intact and skips rows already there', async () => {
      const a = await buildAgreement(repos);
      // Chunks may cut a line anywhere.
      async function* lines(ids: string[]) {
        const text = ids.map((id) => incidentBulk.copyLine(row(a.id, id))).join('');
        for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
      }
      const added = await database.bulkTransaction(async (tx) => {
        const target = await incidentBulk.createStaging(tx);
        await tx.copyIn(target, lines(['1', '2', '3']));
        return incidentBulk.mergeStaging(tx);
      });
      expect(added).toBe(3);
      const again = await database.bulkTransaction(async (tx) => {
        await tx.copyIn(await incidentBulk.createStaging(tx), lines(['3', '4']));
        return incidentBulk.mergeStaging(tx);
      });
      expect(again).toBe(1);
      const page = await repos.incidents.page(a.id, { order: 'desc', limit: 10, offset: 0 });
      expect(page.total).toBe(4);
      expect(page.items[0]!.description).toBe('tab\there, new\nline, back\\slash');
    });

    it('copies more than one PGlite blob, cut mid-line, without losing or splitting a row', async () => {
      const a = await buildAgreement(repos);
      const long = 'x'.repeat(10_000);
      async function* chunks() {
        const text = Array.from({ length: 1_000 }, (_, i) => incidentBulk.copyLine(row(a.id, `L${i}`, `${i} ${long}`))).join('');
        for (let i = 0; i < text.length; i += 65_537) yield text.slice(i, i + 65_537);
      }
      await database.bulkTransaction((tx) => tx.copyIn(incidentBulk.DIRECT_TARGET, chunks()));
      const [stats] = await database.query<{ n: number; bad: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE length(description) <> length(split_part(description, ' ', 1)) + 10001)::int AS bad
         FROM incidents WHERE agreement_id = $1`,
        [a.id],
      );
      expect(stats).toEqual({ n: 1_000, bad: 0 });
    });

    it('inserts batches through unnest, and a failure rolls every batch back', async () => {
      const a = await buildAgreement(repos);
      // Counted outside the transaction: an assertion failing inside it would only be one more rejection.
      const inserted: number[] = [];
      const failed = await database
        .bulkTransaction(async (tx) => {
          inserted.push(await incidentBulk.insertBatch(tx, [row(a.id, '1'), row(a.id, '2')]));
          // A zone that does not exist breaks the foreign key: the whole transaction goes.
          inserted.push(await incidentBulk.insertBatch(tx, [{ ...row(a.id, '3'), zoneId: randomUUID() }]));
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(inserted).toEqual([2]);
      expect(pgError(failed)).toMatchObject({ code: '23503', constraint: 'incidents_zone_id_zones_id_fk' });
      expect((await repos.incidents.page(a.id, { order: 'desc', limit: 10, offset: 0 })).total).toBe(0);
      await expect(database.bulkTransaction(async (tx) => incidentBulk.insertBatch(tx, [row(a.id, '1')]))).resolves.toBe(1);
    });

    it('is refused a duplicate inside one merge only by the database, as a conflict', async () => {
      const a = await buildAgreement(repos);
      const conflict = buildIncident(repos, { agreementId: a.id, externalSource: 'acled', externalId: 'x' }).then(() =>
        buildIncident(repos, { agreementId: a.id, externalSource: 'acled', externalId: 'x' }),
      );
      await expect(conflict).rejects.toBeInstanceOf(ConflictError);
    });
  });
});
