import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories, type Database } from '../../db/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { demoProvisions, DEMO_SLUG } from './cairo-2026.ts';
import { services } from '../app.ts';
import { loadDemo } from './demo.service.ts';

/** Tests that load the demo and then read or write much of it: more than the default 30 s on a busy 2-core runner. */
const DEMO_TEST_TIMEOUT = 60_000;

describe.each(testDrivers)('demo scenario on $name', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = await driver.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('loads once and leaves an existing scenario as it is', async () => {
    const first = await loadDemo(database);
    const again = await loadDemo(database);
    expect(again).toEqual({ agreement: first.agreement, created: false, accounts: [] });
    const repos = repositories(database.db);
    const provisions = await repos.provisions.list(first.agreement.id);
    expect(provisions.map((p) => p.code).sort()).toEqual(demoProvisions.map((p) => p.code).sort());
    expect((await repos.parties.list(first.agreement.id)).map((p) => p.name).sort()).toEqual(['Egypt', 'Hamas', 'Israel', 'Qatar']);
    const [round] = await repos.rounds.list(first.agreement.id);
    expect(round).toMatchObject({ venue: 'Cairo', startsOn: '2026-06-06' });
    expect(round!.partyIds).toHaveLength(2);
    expect((await repos.incidents.page(first.agreement.id, { order: 'desc', limit: 1, offset: 0 })).total).toBe(0);
  });
});

describe('demo round session', () => {
  it('is the Cairo session of 6 June, a whole day because the seed gives no hours', async () => {
    const database = await testDrivers[0]!.open();
    try {
      const { agreement } = await loadDemo(database);
      const repos = repositories(database.db);
      const [round] = await repos.rounds.list(agreement.id);
      const [session, ...more] = await repos.roundSessions.list(agreement.id);
      expect(more).toEqual([]);
      expect(session).toMatchObject({ roundId: round!.id, venue: 'Cairo', allDay: true, startsAt: '2026-06-05T21:00:00.000Z', endsAt: '2026-06-06T21:00:00.000Z', outcome: '' });
      const hamas = (await repos.parties.list(agreement.id)).find((p) => p.name === 'Hamas')!;
      expect(session!.delegations).toEqual([{ partyId: hamas.id, head: 'Khalil al-Hayya', members: [] }]);
      expect(session!.mediators.map((m) => m.name)).toEqual(['Egyptian security officials']);
      expect(session!.agenda.map((a) => a.title)).toEqual(['Finalize the mechanisms of Phase One', 'Evaluate the Phase Two structural text']);
    } finally {
      await database.close();
    }
  });
});

describe('demo accounts', () => {
  it('creates one account per role and per party with generated passwords, once', async () => {
    const database = await testDrivers[0]!.open();
    try {
      const { accounts, agreement } = await loadDemo(database, { accounts: true });
      expect(accounts.map((a) => [a.role, a.party])).toEqual([
        ['admin', null],
        ['mediator', null],
        ['monitor', null],
        ['viewer', null],
        ['party_delegate', 'Hamas'],
        ['party_delegate', 'Israel'],
        ['party_delegate', 'Egypt'],
        ['party_delegate', 'Qatar'],
      ]);
      expect(new Set(accounts.map((a) => a.password)).size).toBe(8);
      for (const a of accounts) expect(a.password).toMatch(/^[A-Za-z2-9]{20}$/);
      const svc = services(database);
      const hamas = accounts.find((a) => a.party === 'Hamas')!;
      const session = await svc.auth.login(hamas.email, hamas.password);
      const principal = (await svc.auth.fromSession(session.token))!.principal;
      const [party] = (await svc.agreements.parties.list(agreement.id)).filter((p) => p.name === 'Hamas');
      expect(principal).toMatchObject({ admin: false, memberships: [{ agreementId: agreement.id, role: 'party_delegate', partyId: party!.id }] });
      expect((await loadDemo(database, { accounts: true })).accounts).toEqual([]);
    } finally {
      await database.close();
    }
  }, DEMO_TEST_TIMEOUT);
});

describe('demo reset', () => {
  it('replaces the scenario, discarding edits, in one transaction', async () => {
    const database = await testDrivers[0]!.open();
    try {
      const { agreement } = await loadDemo(database);
      const repos = repositories(database.db);
      await repos.agreements.update(agreement.id, agreement.version, { title: 'Edited' });
      const reset = await loadDemo(database, { reset: true });
      expect(reset.created).toBe(true);
      expect((await repos.agreements.get(DEMO_SLUG)).title).not.toBe('Edited');
      expect(await repos.agreements.find(agreement.id)).toBeNull();
    } finally {
      await database.close();
    }
  }, DEMO_TEST_TIMEOUT);
});

describe('demo zones', () => {
  it('are the five Gaza governorates as sectors, with their OCHA codes, and no incident is invented', async () => {
    // A fresh PGlite: on the shared server an older scenario may already hold the slug.
    const database = await testDrivers[0]!.open();
    try {
      const { agreement } = await loadDemo(database);
      const repos = repositories(database.db);
      const zones = await repos.zones.list(agreement.id);
      const sectors = zones.filter((z) => z.kind === 'sector');
      expect(sectors.map((z) => z.name).sort()).toEqual(['Deir Al-Balah', 'Gaza', 'Khan Younis', 'North Gaza', 'Rafah']);
      expect(sectors.find((z) => z.name === 'Gaza')!.properties).toMatchObject({ adm2_pcode: 'PS0260' });
      // Besides them, the two crossings and three snapshots of the held area (ground-force.test.ts).
      expect(zones.filter((z) => z.kind !== 'sector').map((z) => z.kind).sort()).toEqual(['controlled_area', 'controlled_area', 'controlled_area', 'crossing', 'crossing']);
      expect(await repos.audit.countFor(agreement.id, 'zone')).toBe(10);
      expect((await repos.incidents.page(agreement.id, { order: 'desc', limit: 1, offset: 0 })).total).toBe(0);
    } finally {
      await database.close();
    }
  });
});
