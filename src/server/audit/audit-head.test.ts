/**
 * The audit log's head, read-only for any logged-in user (GET /api/audit/head), and the snapshot
 * verification reads: an entry appended while it runs is not taken for one added past the head.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditHead } from '../../contract/index.ts';
import { GENESIS_HASH } from '../../core/index.ts';
import { openDatabase, repositories } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { openTestDatabase } from '../../db/test/template.ts';
import { services } from '../app.ts';
import { createAgreement, startHarness, TEST_NOW, type Harness } from '../test/harness.ts';

describe('GET /api/audit/head', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives any logged-in user the recorded head and the time of its entry, and visitors 401', async () => {
    await createAgreement(h);
    const { token } = await h.userWith(null);
    const res = await h.as(token)<AuditHead>('GET', '/api/audit/head');
    expect(res.status).toBe(200);
    const head = await h.repos.audit.head();
    expect(res.body).toEqual({ seq: head.seq, hash: head.hash, at: TEST_NOW });
    expect(res.body.seq).toBeGreaterThan(0);
    expect((await h.svc.audit.verify({ anchors: [res.body] })).ok).toBe(true);
    expect((await h.anonymous('GET', '/api/audit/head')).status).toBe(401);
  });

  it('is the genesis with no time on an empty log', async () => {
    const database = await openTestDatabase();
    try {
      expect(await services(database).audit.head()).toEqual({ seq: 0, hash: GENESIS_HASH, at: null });
    } finally {
      await database.close();
    }
  });
});

describe('verification reads one snapshot of the log (PostgreSQL, writers on other connections)', () => {
  it('does not see an entry appended after it began, which lands all the same', async () => {
    const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL });
    try {
      const svc = services(database);
      const appendOne = () =>
        svc.agreements.create({ slug: `snap-${randomUUID().slice(0, 8)}`, title: 'Snapshot test', summary: '', status: 'drafting', timeZone: 'UTC', illustrative: false, public: false, sourceNote: '' }, { id: null, name: 'test' });
      await appendOne();
      const seen = await repositories(database.db).audit.snapshot(async (audit) => {
        const head = await audit.head();
        await appendOne();
        return { head, after: await audit.point(head.seq + 1), again: await audit.head() };
      });
      expect(seen.after).toBeNull();
      expect(seen.again).toEqual(seen.head);
      expect(await repositories(database.db).audit.point(seen.head.seq + 1)).not.toBeNull();
    } finally {
      await database.close();
    }
  });
});
