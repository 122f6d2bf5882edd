/**
 * What the contract accepts, each database must store and read back: every time zone an agreement
 * may use (Intl accepts links that tzdata dropped, such as US/Pacific-New, and PostgreSQL refuses
 * them) and the first and last instants and dates. Asked of PGlite and of the PostgreSQL server, so
 * that the runtime, the contract and the two databases cannot drift apart unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_DATE, FIRST_INSTANT, LAST_DATE, LAST_INSTANT, supportedTimeZones } from '../core/index.ts';
import { databaseFor, testDrivers } from './test/databases.ts';
import { buildAgreement, buildIncident, buildPhase } from './test/factories.ts';

describe.each(testDrivers)('what the contract accepts, on $name', (driver) => {
  const db = databaseFor(driver);

  it('knows every time zone an agreement may use', async () => {
    const zones = [...supportedTimeZones()];
    const { database } = db.current();
    const unknown = await database.query<{ zone: string }>(
      'SELECT z AS zone FROM unnest($1::text[]) z WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n.name = z) ORDER BY 1',
      [zones],
    );
    expect(unknown.map((r) => r.zone)).toEqual([]);
    // And converts with each of them, as the compliance counts do.
    const [converted] = await database.query<{ n: number }>(
      "SELECT count((timestamptz '2026-06-20 12:00:00+00' AT TIME ZONE z)::date)::int AS n FROM unnest($1::text[]) z",
      [zones],
    );
    expect(converted!.n).toBe(zones.length);
  });

  it('refuses the zone that was the reason for this test', async () => {
    const { database } = db.current();
    await expect(database.query("SELECT now() AT TIME ZONE 'US/Pacific-New'")).rejects.toThrow(/time zone/);
    expect(supportedTimeZones()).not.toContain('US/Pacific-New');
  });

  it('stores and reads back the first and last instants and dates', async () => {
    const { database } = db.current();
    const [row] = await database.query<{ first: Date | string; last: Date | string; firstDay: string; lastDay: string; east: string; west: string }>(
      `SELECT $1::timestamptz AS first, $2::timestamptz AS last, $3::date::text AS "firstDay", $4::date::text AS "lastDay",
        ($2::timestamptz AT TIME ZONE 'Pacific/Kiritimati')::date::text AS east, ($1::timestamptz AT TIME ZONE 'America/Los_Angeles')::date::text AS west`,
      [FIRST_INSTANT, LAST_INSTANT, FIRST_DATE, LAST_DATE],
    );
    expect(new Date(row!.first).toISOString()).toBe(FIRST_INSTANT);
    expect(new Date(row!.last).toISOString()).toBe(LAST_INSTANT);
    expect([row!.firstDay, row!.lastDay]).toEqual([FIRST_DATE, LAST_DATE]);
    // The local dates of the edges, which the compliance counts return and core reads.
    expect([row!.east, row!.west]).toEqual(['10000-01-01', '0099-12-31']);
  });

  it('reads them back through the repositories as they were written', async () => {
    const { repos } = db.current();
    const a = await buildAgreement(repos);
    for (const at of [FIRST_INSTANT, LAST_INSTANT]) {
      const incident = await buildIncident(repos, { agreementId: a.id, occurredAt: new Date(at) });
      expect((await repos.incidents.get(a.id, incident.id)).occurredAt).toBe(at);
    }
    const phase = await buildPhase(repos, { agreementId: a.id, plannedStart: FIRST_DATE, plannedEnd: LAST_DATE });
    const read = await repos.phases.get(a.id, phase.id);
    expect([read.plannedStart, read.plannedEnd]).toEqual([FIRST_DATE, LAST_DATE]);
  });
});
