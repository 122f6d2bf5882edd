// Incident text search on the generated 'simple' tsvector (migration 0012), and the list's totals by
// status, on PGlite and on the PostgreSQL server alike.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildIncident } from '../test/factories.ts';
import { prefixQuery, SEARCH_WORDS } from './incidents.repository.ts';

describe('prefixQuery', () => {
  it('quotes each word as a prefix and ANDs them', () => {
    expect(prefixQuery('الشجا  Gaza')).toBe("'الشجا':* & 'Gaza':*");
  });

  it('escapes quotes and backslashes, and leaves out words without a letter or digit', () => {
    expect(prefixQuery("o'brien a\\b")).toBe("'o''brien':* & 'a\\\\b':*");
    expect(prefixQuery("& | ! ( ) : * ' \\")).toBeNull();
    expect(prefixQuery('   ')).toBeNull();
  });

  it('uses at most SEARCH_WORDS words', () => {
    const query = prefixQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(query?.split(' & ')).toHaveLength(SEARCH_WORDS);
  });
});

describe.each(testDrivers)('incident search on $name', (driver) => {
  const opened = databaseFor(driver);
  let repos: Repositories;
  beforeAll(() => {
    ({ repos } = opened.current());
  });

  const page = { order: 'desc' as const, limit: 50, offset: 0 };
  const found = async (agreementId: string, q: string) => (await repos.incidents.page(agreementId, { ...page, q })).items.map((i) => i.description);

  async function agreementWithTexts() {
    const a = await buildAgreement(repos);
    const texts = {
      arabic: 'قصف مدفعي على حي الشجاعية شرق مدينة غزة',
      hebrew: 'ירי רקטות לעבר שדרות מצפון הרצועה',
      english: "Shelling near Gaza's eastern junction, two injured",
      other: 'A checkpoint closed for the day at Kerem Shalom',
    };
    await buildIncident(repos, { agreementId: a.id, description: texts.arabic, place: 'الشجاعية' });
    await buildIncident(repos, { agreementId: a.id, description: texts.hebrew, place: 'שדרות' });
    await buildIncident(repos, { agreementId: a.id, description: texts.english, place: 'Shuja’iyya' });
    await buildIncident(repos, { agreementId: a.id, description: texts.other, place: 'Kerem Shalom' });
    return { a, texts };
  }

  it('finds an incident by an Arabic word of its description, whole or by its start', async () => {
    const { a, texts } = await agreementWithTexts();
    expect(await found(a.id, 'الشجاعية')).toEqual([texts.arabic]);
    expect(await found(a.id, 'الشجا')).toEqual([texts.arabic]);
    expect(await found(a.id, 'مدفعي غزة')).toEqual([texts.arabic]);
    expect(await found(a.id, 'غزة، مدفعي')).toEqual([texts.arabic]);
  });

  it('finds by a Hebrew word, by the place, and English whatever the case', async () => {
    const { a, texts } = await agreementWithTexts();
    expect(await found(a.id, 'רקטות')).toEqual([texts.hebrew]);
    expect(await found(a.id, 'שדר')).toEqual([texts.hebrew]);
    expect(await found(a.id, 'GAZA')).toEqual([texts.english]);
    expect(await found(a.id, "gaza's JUNCT")).toEqual([texts.english]);
    expect(await found(a.id, 'kerem')).toEqual([texts.other]);
    expect((await found(a.id, 'shuja')).sort()).toEqual([texts.english]);
  });

  it('needs every word', async () => {
    const { a, texts } = await agreementWithTexts();
    expect(await found(a.id, 'shelling junction')).toEqual([texts.english]);
    expect(await found(a.id, 'shelling shalom')).toEqual([]);
    expect(await found(a.id, 'الشجاعية שדרות')).toEqual([]);
  });

  it('takes tsquery operators as text: no error, and nothing found by operators alone', async () => {
    const { a, texts } = await agreementWithTexts();
    for (const q of ["&|!():*'\\", "'", '\\', ':*', '!gaza', 'gaza | kerem', "gaza' & 'x", '(gaza', 'a:*B', "x'':*"]) {
      await expect(repos.incidents.page(a.id, { ...page, q })).resolves.toBeDefined();
    }
    expect(await found(a.id, "&|!():*'\\")).toEqual([]);
    // The operators drop out as punctuation: what is left is words.
    expect(await found(a.id, '!gaza')).toEqual([texts.english]);
    expect(await found(a.id, 'gaza | kerem')).toEqual([]);
    expect(await found(a.id, '(kerem)')).toEqual([texts.other]);
  });

  it('searches the export batches as it searches the list', async () => {
    const { a, texts } = await agreementWithTexts();
    const batches: string[][] = [];
    for await (const batch of repos.incidents.batches(a.id, { q: 'الشجاعية' })) batches.push(batch.map((i) => i.description));
    expect(batches).toEqual([[texts.arabic]]);
  });

  it('totals by status follow every filter but the status one', async () => {
    const a = await buildAgreement(repos);
    await buildIncident(repos, { agreementId: a.id, description: 'قصف على خان يونس', status: 'verified' });
    await buildIncident(repos, { agreementId: a.id, description: 'قصف على رفح', status: 'reported' });
    await buildIncident(repos, { agreementId: a.id, description: 'قصف على رفح الشرقية', status: 'reported' });
    await buildIncident(repos, { agreementId: a.id, description: 'إطلاق نار في رفح', status: 'triaged', category: 'armed_attack' });
    const totals = async (filter: Record<string, unknown>) => {
      const result = await repos.incidents.page(a.id, { ...page, ...filter });
      return Object.fromEntries(result.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]));
    };
    const all = await repos.incidents.page(a.id, page);
    expect(all.byStatus.map((s) => s.status)).toEqual(['reported', 'triaged', 'under_investigation', 'verified', 'not_verified', 'disputed', 'duplicate']);
    expect(all.byStatus.every((s) => !s.capped)).toBe(true);
    expect(await totals({})).toEqual({ reported: 2, triaged: 1, verified: 1 });
    expect(await totals({ q: 'رفح' })).toEqual({ reported: 2, triaged: 1 });
    // The status filter narrows the list, not its totals.
    const reported = await repos.incidents.page(a.id, { ...page, q: 'قصف', status: ['reported'] });
    expect(reported.total).toBe(2);
    expect(Object.fromEntries(reported.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]))).toEqual({ reported: 2, verified: 1 });
    expect(await totals({ q: 'قصف', category: ['armed_attack'] })).toEqual({});
    expect(await totals({ q: '!!!' })).toEqual({});
  });

  it('pages a search in time order, by offset and by cursor, either way, with rows whole', async () => {
    const a = await buildAgreement(repos);
    const at = (day: number) => new Date(`2026-06-${String(day).padStart(2, '0')}T08:00:00Z`);
    // Five matches among others, two on the same instant (then ordered by id).
    for (const day of [3, 9, 9, 14, 20]) await buildIncident(repos, { agreementId: a.id, description: `قصف قرب المعبر ${day}`, occurredAt: at(day), provisionIds: [] });
    for (const day of [1, 2, 10, 21]) await buildIncident(repos, { agreementId: a.id, description: `Convoy passed ${day}`, occurredAt: at(day) });
    const plain = await repos.incidents.page(a.id, { ...page, limit: 50 });
    const expected = plain.items.filter((i) => i.description.startsWith('قصف'));
    const first = await repos.incidents.page(a.id, { ...page, limit: 2, q: 'المعبر' });
    expect(first.total).toBe(5);
    expect(first.items).toEqual(expected.slice(0, 2));
    const byCursor = await repos.incidents.page(a.id, { ...page, limit: 2, q: 'المعبر', cursor: first.nextCursor! });
    expect(byCursor.items).toEqual(expected.slice(2, 4));
    const byOffset = await repos.incidents.page(a.id, { ...page, limit: 2, offset: 4, q: 'المعبر' });
    expect(byOffset.items).toEqual(expected.slice(4));
    expect(byOffset.nextCursor).toBeNull();
    const ascending = await repos.incidents.page(a.id, { ...page, order: 'asc', limit: 50, q: 'المعبر' });
    expect(ascending.items).toEqual([...expected].reverse());
  });
});
