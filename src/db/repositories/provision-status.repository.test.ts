import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildProvision } from '../test/factories.ts';

const AT = new Date('2026-06-18T09:30:00Z');

describe.each(testDrivers)('provision status history on $name', (driver) => {
  const opened = databaseFor(driver);
  let database: Database;
  let repos: Repositories;
  beforeAll(() => {
    ({ database, repos } = opened.current());
  });

  const change = (p: { agreementId: string; id: string }, from: 'minimal' | null, to: 'minimal' | 'full', at = AT) => ({
    agreementId: p.agreementId,
    provisionId: p.id,
    from,
    to,
    reason: 'الإفراج تم',
    source: 'ICRC',
    sourceGrade: 'B2',
    evidence: [{ kind: 'url' as const, url: 'https://icrc.example/note', label: 'ICRC note' }],
    actorId: null,
    actorName: 'test',
    at,
  });

  it('numbers each provision’s changes from 1 and reads them oldest first', async () => {
    const p = await buildProvision(repos);
    const other = await buildProvision(repos, { agreementId: p.agreementId });
    const first = await repos.provisionStatus.append(change(p, null, 'minimal'));
    await repos.provisionStatus.append(change(other, null, 'minimal'));
    const second = await repos.provisionStatus.append(change(p, 'minimal', 'full', new Date('2026-06-19T09:30:00Z')));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second).toMatchObject({ from: 'minimal', to: 'full', reason: 'الإفراج تم', sourceGrade: 'B2', evidence: [{ kind: 'url', label: 'ICRC note' }], at: '2026-06-19T09:30:00.000Z' });
    expect((await repos.provisionStatus.history(p.agreementId, p.id)).map((c) => c.seq)).toEqual([1, 2]);
    expect(await repos.provisionStatus.history(randomUUID(), p.id)).toEqual([]);
    expect((await repos.provisionStatus.ofAgreement(p.agreementId)).map((c) => [c.provisionId, c.seq])).toEqual([
      ...[p.id, other.id].sort().map((id) => [id, 1]),
      [p.id, 2],
    ]);
  });

  it('refuses a grade off the Admiralty scale', async () => {
    const p = await buildProvision(repos);
    await expect(repos.provisionStatus.append({ ...change(p, null, 'minimal'), sourceGrade: 'G7' })).rejects.toThrow();
    expect(await repos.provisionStatus.history(p.agreementId, p.id)).toEqual([]);
  });

  it('is append-only: a row is never updated or deleted on its own, only with its provision', async () => {
    const p = await buildProvision(repos);
    await repos.provisionStatus.append(change(p, null, 'minimal'));
    await expect(database.db.execute(sql`UPDATE provision_status_changes SET reason = 'rewritten' WHERE provision_id = ${p.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM provision_status_changes WHERE provision_id = ${p.id}`)).rejects.toThrow();
    expect((await repos.provisionStatus.history(p.agreementId, p.id))[0]!.reason).toBe('الإفراج تم');
    await repos.provisions.remove(p.agreementId, p.id, p.version);
    expect(await repos.provisionStatus.history(p.agreementId, p.id)).toEqual([]);
  });
});
