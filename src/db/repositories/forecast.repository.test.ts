/** What the forecast reads, on PGlite and PostgreSQL: verified incidents up to an instant, and their counts per local day. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildIncident, buildParty } from '../test/factories.ts';

describe.each(testDrivers)('the forecast repository on $name', (driver) => {
  const opened = databaseFor(driver);
  let repos: Repositories;
  beforeEach(() => {
    ({ repos } = opened.current());
  });

  it('reads verified incidents before an instant, oldest first, and counts them per day in the agreement’s zone', async () => {
    const a = await buildAgreement(repos, { timeZone: 'Asia/Gaza' });
    const other = await buildAgreement(repos, { timeZone: 'Asia/Gaza' });
    const party = await buildParty(repos, { agreementId: a.id });
    const at = (iso: string, overrides: Parameters<typeof buildIncident>[1] = {}) =>
      buildIncident(repos, { agreementId: a.id, occurredAt: new Date(iso), status: 'verified', attributedPartyId: party.id, category: 'shelling', ...overrides });
    // 21:30 UTC on the 19th is 00:30 on the 20th in Gaza (UTC+3).
    const late = await at('2026-06-19T21:30:00Z');
    const first = await at('2026-06-10T08:00:00Z', { attributedPartyId: null, category: 'armed_attack' });
    const second = await at('2026-06-19T08:00:00Z');
    await at('2026-06-19T09:00:00Z', { status: 'reported', attributedPartyId: null });
    await buildIncident(repos, { agreementId: other.id, occurredAt: new Date('2026-06-19T08:00:00Z'), status: 'verified' });

    const events = await repos.forecast.verifiedEvents(a.id, new Date('2026-06-19T21:00:00Z'));
    expect(events).toEqual([
      { id: first.id, occurredAt: '2026-06-10T08:00:00.000Z', attributedPartyId: null, category: 'armed_attack' },
      { id: second.id, occurredAt: '2026-06-19T08:00:00.000Z', attributedPartyId: party.id, category: 'shelling' },
    ]);
    expect((await repos.forecast.verifiedEvents(a.id, new Date('2026-06-21T00:00:00Z'))).map((e) => e.id)).toEqual([first.id, second.id, late.id]);

    expect(await repos.forecast.verifiedDailyCounts(a.id, '2026-06-01', '2026-06-30')).toEqual([
      { day: '2026-06-10', count: 1 },
      { day: '2026-06-19', count: 1 },
      { day: '2026-06-20', count: 1 },
    ]);
    expect(await repos.forecast.verifiedDailyCounts(a.id, '2026-06-11', '2026-06-19')).toEqual([{ day: '2026-06-19', count: 1 }]);
    expect(await repos.forecast.firstVerifiedDay(a.id, '2026-06-30')).toBe('2026-06-10');
    expect(await repos.forecast.firstVerifiedDay(a.id, '2026-06-09')).toBeNull();

    // A day whose only verified incident leaves "verified" is no longer counted, nor the first day.
    await repos.incidents.update(a.id, first.id, first.version, { status: 'disputed' });
    expect(await repos.forecast.verifiedDailyCounts(a.id, '2026-06-01', '2026-06-30')).toHaveLength(2);
    expect(await repos.forecast.firstVerifiedDay(a.id, '2026-06-30')).toBe('2026-06-19');
  });
});
