import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplianceCount, ComplianceDimension, ComplianceGranularity } from '../../core/index.ts';
import { incidentBulk, type Database, type IncidentBulkRow, type Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildIncident, buildParty, buildProvision } from '../test/factories.ts';

type Day = { dimension: string; day: string; key: string | null; count: number };

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

async function* copyText(rows: readonly IncidentBulkRow[]): AsyncGenerator<string> {
  yield rows.map(incidentBulk.copyLine).join('');
}

describe.each(testDrivers)('verified incidents per day on $name', (driver) => {
  const opened = databaseFor(driver);
  let database: Database;
  let repos: Repositories;
  beforeEach(() => {
    ({ database, repos } = opened.current());
  });

  /** What the triggers keep, without the rows that fell back to 0. */
  const kept = (agreementId: string) =>
    database.query<Day>(
      `SELECT dimension, day::text AS day, key, count FROM verified_incident_days WHERE agreement_id = $1 AND count <> 0`,
      [agreementId],
    );

  /** The same, counted from scratch over the incidents. */
  const fromScratch = (agreementId: string) =>
    database.query<Day>(
      `SELECT 'party' AS dimension, (i.occurred_at AT TIME ZONE a.time_zone)::date::text AS day, i.attributed_party_id AS key, count(*)::int AS count
       FROM incidents i JOIN agreements a ON a.id = i.agreement_id WHERE i.agreement_id = $1 AND i.status = 'verified' GROUP BY 1, 2, 3
       UNION ALL
       SELECT 'provision', (i.occurred_at AT TIME ZONE a.time_zone)::date::text, p.id, count(*)::int
       FROM incidents i JOIN agreements a ON a.id = i.agreement_id CROSS JOIN LATERAL unnest(i.provision_ids) AS p(id)
       WHERE i.agreement_id = $1 AND i.status = 'verified' GROUP BY 1, 2, 3`,
      [agreementId],
    );

  const expectInStep = async (agreementId: string, days: number) => {
    const counted = await fromScratch(agreementId);
    expect(counted.length).toBe(days);
    expect(sorted(await kept(agreementId))).toEqual(sorted(counted));
  };

  const bulkRow = (agreementId: string, externalId: string, occurredAt: Date): IncidentBulkRow => ({
    agreementId,
    occurredAt,
    reportedAt: new Date('2026-06-20T00:00:00Z'),
    id: randomUUID(),
    reportedBy: null,
    lon: null,
    lat: null,
    zoneId: null,
    place: '',
    sourceType: 'media',
    reliability: 'F',
    credibility: 6,
    allegedPartyId: null,
    category: 'shelling',
    killed: null,
    injured: null,
    civiliansKilled: null,
    civiliansInjured: null,
    description: 'imported',
    externalSource: 'acled',
    externalId,
  });

  it('follows inserts, transitions, edits, links, imports, a change of time zone and deletes', async () => {
    const a = await buildAgreement(repos, { timeZone: 'Asia/Gaza' });
    const [p1, p2] = [await buildParty(repos, { agreementId: a.id }), await buildParty(repos, { agreementId: a.id })];
    const [v1, v2] = [await buildProvision(repos, { agreementId: a.id }), await buildProvision(repos, { agreementId: a.id })];
    // 21:30 UTC is 00:30 the next day in Gaza: the local day, not the UTC one, is counted.
    const late = await buildIncident(repos, { agreementId: a.id, occurredAt: new Date('2026-06-19T21:30:00Z'), status: 'verified', attributedPartyId: p1.id, provisionIds: [v1.id, v2.id] });
    const open = await buildIncident(repos, { agreementId: a.id, occurredAt: new Date('2026-06-19T08:00:00Z'), provisionIds: [v1.id] });
    await buildIncident(repos, { agreementId: a.id, occurredAt: new Date('2026-06-18T08:00:00Z'), status: 'verified' });
    // party 20 June (p1), party 18 June (null), provisions 20 June (v1, v2)
    await expectInStep(a.id, 4);

    await repos.incidents.update(a.id, open.id, open.version, { status: 'verified', attributedPartyId: p2.id });
    await expectInStep(a.id, 6);
    // Moving a verified incident across local midnight moves its counts.
    await repos.incidents.update(a.id, late.id, late.version, { occurredAt: new Date('2026-06-19T20:30:00Z') });
    await expectInStep(a.id, 5);
    // Attribution changes, links replaced on a verified incident, then it leaves "verified".
    const moved = await repos.incidents.get(a.id, late.id);
    await repos.incidents.update(a.id, late.id, moved.version, { attributedPartyId: p2.id }, [v2.id]);
    await expectInStep(a.id, 4);
    await repos.incidents.update(a.id, open.id, (await repos.incidents.get(a.id, open.id)).version, { status: 'disputed' });
    await expectInStep(a.id, 3);
    // The mirror trigger's own update of provision_ids is counted too.
    await database.query('INSERT INTO incident_provisions (incident_id, provision_id) VALUES ($1, $2)', [late.id, v1.id]);
    await expectInStep(a.id, 4);

    // An import writes reported incidents (nothing to count); verifying them all at once is one statement.
    await database.bulkTransaction(async (tx) => {
      const rows = Array.from({ length: 300 }, (_, i) => bulkRow(a.id, `x${i}`, new Date(Date.UTC(2026, 5, 1 + (i % 10), i % 24))));
      await tx.copyIn(incidentBulk.DIRECT_TARGET, copyText(rows));
    });
    await expectInStep(a.id, 4);
    await database.query(`UPDATE incidents SET status = 'verified', attributed_party_id = $2 WHERE agreement_id = $1 AND external_id IS NOT NULL`, [a.id, p1.id]);
    const counted = await fromScratch(a.id);
    expect(counted.filter((d) => d.dimension === 'party').reduce((sum, d) => sum + d.count, 0)).toBe(302);
    await expectInStep(a.id, counted.length);

    // Another zone puts the same instants on other days: everything is counted again.
    await repos.agreements.update(a.id, a.version, { timeZone: 'America/Santiago' });
    await expectInStep(a.id, (await fromScratch(a.id)).length);
    expect((await kept(a.id)).some((d) => d.day === '2026-06-19' && d.key === p2.id)).toBe(true);

    await database.query(`DELETE FROM incidents WHERE agreement_id = $1 AND external_id IN ('x1', 'x2', 'x3')`, [a.id]);
    await expectInStep(a.id, (await fromScratch(a.id)).length);
    await repos.agreements.remove(a.id);
    expect(await database.query('SELECT 1 FROM verified_incident_days WHERE agreement_id = $1', [a.id])).toEqual([]);
  });

  it('counts any window the same through the days kept as from every incident, at both cut ends', async () => {
    for (const timeZone of ['Asia/Gaza', 'America/Santiago']) {
      const a = await buildAgreement(repos, { timeZone });
      const parties = [await buildParty(repos, { agreementId: a.id }), await buildParty(repos, { agreementId: a.id })];
      const provisions = [await buildProvision(repos, { agreementId: a.id }), await buildProvision(repos, { agreementId: a.id })];
      // Incidents every 5 hours over March to mid-April and over September (both zones change their
      // clocks then; Santiago skips its midnight on 6 September 2026), verified two times in three.
      await database.bulkTransaction(async (tx) => {
        const rows: IncidentBulkRow[] = [];
        for (const start of [Date.UTC(2026, 2, 1), Date.UTC(2026, 8, 1)]) {
          for (let i = 0; i < 220; i += 1) rows.push(bulkRow(a.id, randomUUID(), new Date(start + i * 5 * 3_600_000 + (i % 7) * 60_000)));
        }
        await tx.copyIn(incidentBulk.DIRECT_TARGET, copyText(rows));
      });
      await database.query(
        `UPDATE incidents SET status = 'verified', attributed_party_id = CASE WHEN abs(hashtext(id::text)) % 3 = 0 THEN NULL ELSE ($2::uuid[])[1 + abs(hashtext(id::text)) % 2] END
         WHERE agreement_id = $1 AND abs(hashtext(external_id)) % 3 <> 0`,
        [a.id, parties.map((p) => p.id)],
      );
      await database.query(
        `INSERT INTO incident_provisions (incident_id, provision_id)
         SELECT i.id, p.id FROM incidents i, unnest($2::uuid[]) AS p(id) WHERE i.agreement_id = $1 AND abs(hashtext(i.id::text || p.id::text)) % 2 = 0`,
        [a.id, provisions.map((p) => p.id)],
      );
      const raw = (q: { by: ComplianceDimension; granularity: ComplianceGranularity; from: Date; to: Date; timeZone: string }) =>
        database.query<ComplianceCount & Record<string, unknown>>(
          `SELECT date_trunc('${q.granularity}', i.occurred_at AT TIME ZONE $4)::date::text AS date, ${q.by === 'party' ? 'i.attributed_party_id' : 'p.id'} AS key, count(*)::int AS count
           FROM incidents i ${q.by === 'party' ? '' : 'CROSS JOIN LATERAL unnest(i.provision_ids) AS p(id)'}
           WHERE i.agreement_id = $1 AND i.status = 'verified' AND i.occurred_at >= $2 AND i.occurred_at < $3 GROUP BY 1, 2`,
          [a.id, q.from.toISOString(), q.to.toISOString(), q.timeZone],
        );
      const windows: Array<[string, string]> = [
        ['2026-03-02T13:17:00Z', '2026-04-10T05:00:00Z'],
        ['2026-03-03T22:00:00Z', '2026-03-29T21:00:00Z'],
        ['2026-03-10T10:00:00Z', '2026-03-10T11:00:00Z'],
        ['2026-03-10T10:00:00Z', '2026-03-11T23:59:00Z'],
        ['2026-02-01T00:00:00Z', '2026-10-01T00:00:00Z'],
        ['2026-09-05T04:00:00Z', '2026-09-20T03:00:00Z'],
        ['2026-09-06T04:00:00Z', '2026-09-07T03:00:00Z'],
      ];
      let seen = 0;
      for (const [from, to] of windows) {
        // The agreement's own zone (through the days kept) and another one (from every incident).
        for (const zone of [timeZone, 'UTC']) {
          for (const by of ['party', 'provision'] as const) {
            for (const granularity of ['day', 'week'] as const) {
              const q = { by, granularity, from: new Date(from), to: new Date(to), timeZone: zone };
              const expected = await raw(q);
              seen += expected.reduce((sum, c) => sum + c.count, 0);
              expect(sorted(await repos.incidents.complianceCounts(a.id, q)), `${timeZone} ${zone} ${by} ${granularity} ${from} ${to}`).toEqual(sorted(expected));
            }
          }
        }
      }
      expect(seen).toBeGreaterThan(1_000);
    }
  });
});
