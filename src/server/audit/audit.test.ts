import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../contract/index.ts';
import { entryHash, type AuditEntry } from '../../core/index.ts';
import { openDatabase, repositories, sha256, type Database } from '../../db/index.ts';
import { TEST_DATABASE_URL } from '../../db/test/databases.ts';
import { openTestDatabase } from '../../db/test/template.ts';
import { services } from '../app.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { createAgreement, startHarness, type Harness } from '../test/harness.ts';

describe('every write is audited', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('records actor, action, entity and before/after, in order', async () => {
    const a = await createAgreement(h);
    const base = `/api/agreements/${a.slug}`;
    const phase = (await h.call<{ id: string }>('POST', `${base}/phases`, { name: 'Phase One' })).body;
    const p = (await h.call<{ id: string }>('POST', `${base}/provisions`, { phaseId: phase.id, title: 'Halt attacks', category: 'ceasefire' })).body;
    await h.call('PATCH', `${base}/provisions/${p.id}`, { version: 1, status: 'minimal', statusReason: 'First convoy through' });
    await h.call('DELETE', `${base}/provisions/${p.id}?version=2`);
    const log = await h.call<{ items: AuditEntryView[]; total: number }>('GET', `${base}/audit?order=asc`);
    expect(log.body.total).toBe(7);
    // A provision's status history is audited with it: its first row when it is added, then each change.
    expect(log.body.items.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'agreement'],
      ['create', 'phase'],
      ['create', 'provision'],
      ['create', 'provision_status'],
      ['update', 'provision'],
      ['create', 'provision_status'],
      ['delete', 'provision'],
    ]);
    const update = log.body.items[4]!;
    expect(update).toMatchObject({ actorName: 'admin@test.example', before: { status: 'not_started' }, after: { status: 'minimal' } });
    expect(log.body.items[5]!.after).toMatchObject({ seq: 2, from: 'not_started', to: 'minimal', reason: 'First convoy through' });
    expect(log.body.items[6]!.after).toBeNull();
    for (let i = 1; i < log.body.items.length; i += 1) {
      expect(log.body.items[i]!.seq).toBeGreaterThan(log.body.items[i - 1]!.seq);
    }
  });

  it('records nothing for a refused write', async () => {
    const a = await createAgreement(h);
    const before = await h.repos.audit.head();
    expect((await h.call('POST', `/api/agreements/${a.slug}/phases`, { name: 'P', plannedStart: '2026-06-10', plannedEnd: '2026-06-01' })).status).toBe(422);
    expect((await h.call('PATCH', `/api/agreements/${a.slug}`, { version: 99, title: 'x' })).status).toBe(409);
    expect(await h.repos.audit.head()).toEqual(before);
  });

  it('keeps the chain intact across many writes, and the table refuses updates', async () => {
    await loadDemo(h.database);
    const report = await h.svc.audit.verify();
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.checked).toBe(report.head.seq);
    await expect(h.database.query("UPDATE audit_events SET actor_name = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(h.database.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
  });
});

/** Tampering as someone with database superuser rights would: around the trigger. */
async function tamper(database: Database, sql: string, params: unknown[] = []): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await tx.query(sql, params);
      await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql, params);
    await client.query('SET session_replication_role = DEFAULT');
  } finally {
    client.release();
  }
}

/** A database of its own for each tampering run, so that no other test sees a broken chain. */
const tamperTargets = [
  {
    name: 'pglite',
    async open(): Promise<{ database: Database; drop(): Promise<void> }> {
      const database = await openTestDatabase();
      return { database, drop: () => database.close() };
    },
  },
  {
    name: 'postgres',
    async open(): Promise<{ database: Database; drop(): Promise<void> }> {
      const name = `phaseline_tamper_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString() });
      return {
        database,
        async drop() {
          await database.close();
          await admin.query(`DROP DATABASE ${name}`);
          await admin.end();
        },
      };
    },
  },
];

describe.each(tamperTargets)('tampering with the audit log on $name', (target) => {
  async function withLog(run: (database: Database, seqOf: (i: number) => Promise<number>) => Promise<void>) {
    const { database, drop } = await target.open();
    try {
      await loadDemo(database);
      const seqOf = async (i: number) => Number((await database.query<{ seq: string }>('SELECT seq FROM audit_events ORDER BY seq OFFSET $1 LIMIT 1', [i]))[0]!.seq);
      await run(database, seqOf);
    } finally {
      await drop();
    }
  }
  const verify = (database: Database) => services(database).audit.verify();

  it('names an entry whose content was changed', async () => {
    await withLog(async (database, seqOf) => {
      const seq = await seqOf(5);
      await tamper(database, `UPDATE audit_events SET after = jsonb_set(after, '{title}', '"Rewritten"') WHERE seq = $1`, [seq]);
      expect((await verify(database)).firstBreak).toMatchObject({ seq, problem: 'altered' });
    });
  });

  it('names an entry rewritten with a freshly computed hash', async () => {
    await withLog(async (database, seqOf) => {
      const seq = await seqOf(3);
      // Recompute the hash as a careful forger would: the next entry's link still gives it away.
      let row: AuditEntry | undefined;
      for await (const e of repositories(database.db).audit.entries()) if (e.seq === seq) row = e;
      const { hash: _old, ...fields } = { ...row!, actorName: 'someone else' };
      await tamper(database, 'UPDATE audit_events SET actor_name = $1, hash = $2 WHERE seq = $3', ['someone else', entryHash(fields, sha256), seq]);
      expect((await verify(database)).firstBreak).toMatchObject({ seq, problem: 'altered' });
    });
  });

  it('names the first entry removed', async () => {
    await withLog(async (database, seqOf) => {
      const seq = await seqOf(7);
      await tamper(database, 'DELETE FROM audit_events WHERE seq = $1', [seq]);
      expect((await verify(database)).firstBreak).toMatchObject({ seq, problem: 'removed' });
    });
  });

  it('notices the newest entries removed', async () => {
    await withLog(async (database) => {
      const { seq } = await repositories(database.db).audit.head();
      await tamper(database, 'DELETE FROM audit_events WHERE seq >= $1', [seq - 1]);
      expect((await verify(database)).firstBreak).toMatchObject({ seq: seq - 1, problem: 'removed' });
    });
  });
});
