/**
 * `phaseline audit head` and `phaseline audit verify [--anchor]` on PGlite and on a PostgreSQL
 * database of each test's own, against a log tampered with as an attacker with the database's
 * superuser rights would: an entry appended past the head, entries truncated with the head moved
 * back, the log reset to zero and chained anew, an entry rewritten with every hash after it recomputed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type AuditEntry, type ChainPoint } from '../core/index.ts';
import { repositories, sha256, type Database } from '../db/index.ts';
import { withTestDatabase, withTestRepositories } from './test/monitoring.ts';
import { migratedDataDir, run, TEST_DATABASE_URL, tempDataDir } from './test/run.ts';
import { fakeTerminal } from './test/streams.ts';

type Env = Record<string, string>;

/** Where each test's log lives: a fresh PGlite data directory, or a fresh database on the PostgreSQL server. */
const targets = [
  {
    name: 'pglite',
    async create(): Promise<{ env: Env; drop(): Promise<void> }> {
      const data = migratedDataDir();
      return { env: { PHASELINE_DATA_DIR: data.dir, LOG_LEVEL: 'silent' }, drop: async () => data.remove() };
    },
  },
  {
    name: 'postgres',
    async create(): Promise<{ env: Env; drop(): Promise<void> }> {
      // A database of its own: a tampered log must never reach the shared one other tests verify.
      const name = `phaseline_audit_cli_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      return {
        env: { DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' },
        async drop() {
          const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await dropper.connect();
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await dropper.end();
          }
        },
      };
    },
  },
];

const ACTOR = { id: null, name: 'cli audit test' };

/** Writes through the application: an agreement and `parties` parties, each one audited. Returns the new head. */
function write(env: Env, parties: number, label = 'original'): Promise<ChainPoint> {
  return withTestDatabase(env, async (svc, database) => {
    const agreement = await svc.agreements.create(
      { slug: `audit-${randomUUID().slice(0, 8)}`, title: `Audit test (${label})`, summary: '', status: 'drafting', timeZone: 'UTC', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    for (let i = 1; i <= parties; i += 1) {
      await svc.agreements.parties.create(agreement.slug, { name: `Party ${i} (${label})`, localName: '', role: 'belligerent', description: '' }, ACTOR);
    }
    return repositories(database.db).audit.head();
  });
}

const anchorOf = (point: ChainPoint) => `${point.seq}:${point.hash}`;

/** Runs `sql` statements as a superuser would, around the append-only trigger, in one transaction. */
function tamper(env: Env, work: (query: (sql: string, params?: unknown[]) => Promise<unknown>, entries: AuditEntry[]) => Promise<void>) {
  return withTestRepositories(env, async (repos, database: Database) => {
    const entries: AuditEntry[] = [];
    for await (const entry of repos.audit.entries()) entries.push(entry);
    await database.bulkTransaction(async (tx) => {
      await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await work((sql, params = []) => tx.query(sql, params), entries);
      await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
  });
}

/** `entry`'s content as the repository would have appended it after `prev`, hashed correctly. */
function chained(prev: ChainPoint, entry: AuditEntry): AuditEntry {
  const { hash: _hash, ...fields } = entry;
  const next = { ...fields, seq: prev.seq + 1, prevHash: prev.hash };
  return { ...next, hash: entryHash(next, sha256) };
}

const INSERT = `INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity, entity_id, agreement_id, before, after, prev_hash, hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const insertArgs = (e: AuditEntry) => [
  e.seq,
  e.at,
  e.actorId,
  e.actorName,
  e.action,
  e.entity,
  e.entityId,
  e.agreementId,
  e.before === null ? null : JSON.stringify(e.before),
  e.after === null ? null : JSON.stringify(e.after),
  e.prevHash,
  e.hash,
];

describe.each(targets)('phaseline audit head and verify --anchor on $name', (target) => {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });
  async function freshLog(): Promise<Env> {
    const { env, drop } = await target.create();
    drops.push(drop);
    return env;
  }

  it('prints the head as <seq>:<hash> with the time of its entry, in text and JSON, and verifies against it', async () => {
    const env = await freshLog();
    const empty = await run(['audit', 'head'], env);
    expect(empty).toEqual({ code: 0, stdout: `0:${GENESIS_HASH}\nthe audit log is empty\n`, stderr: '' });

    const head = await write(env, 3);
    const text = await run(['audit', 'head'], env);
    expect(text.code).toBe(0);
    const [line, about] = text.stdout.split('\n');
    expect(line).toBe(anchorOf(head));
    expect(about).toMatch(new RegExp(`^entry ${head.seq} of the audit log, appended at 20\\d\\d-\\d\\d-\\d\\dT[\\d:.]+Z$`));
    const json = await run(['audit', 'head', '--format', 'json'], env);
    expect(JSON.parse(json.stdout)).toEqual({ seq: head.seq, hash: head.hash, at: about!.split(' at ')[1] });

    // The log grows; every anchor taken on the way still holds, in any order.
    const later = await write(env, 2);
    const verified = await run(['audit', 'verify', '--anchor', anchorOf(later), '--anchor', line!, '--anchor', `0:${GENESIS_HASH}`], env);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe(
      `Audit log intact: ${later.seq} entries checked in ${whereOf(env)}.\n` +
        `Last hash: ${later.hash}\n` +
        `Anchor 0:${GENESIS_HASH} matches.\nAnchor ${anchorOf(head)} matches.\nAnchor ${anchorOf(later)} matches.\n`,
    );
  });

  it('fails on a correctly hashed entry appended past the recorded head', async () => {
    const env = await freshLog();
    const head = await write(env, 2);
    await tamper(env, async (query, entries) => {
      const extra = chained(head, { ...entries.at(-1)!, actorName: 'someone else', at: '2026-06-21T00:00:00.000Z' });
      // INSERT is what the trigger allows: no need to go around it.
      await query(INSERT, insertArgs(extra));
    });
    const verified = await run(['audit', 'verify'], env);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe('');
    expect(verified.stderr).toMatch(
      new RegExp(`^phaseline: the audit log of .* is broken at entry ${head.seq + 1}: entry ${head.seq + 1} lies beyond the recorded head \\(entry ${head.seq}\\).*\\(${head.seq} entries checked before it\\)\\n$`),
    );
    // The head itself is as recorded, and an anchor of it still matches; the extra entry is what fails.
    expect((await run(['audit', 'head'], env)).stdout.split('\n')[0]).toBe(anchorOf(head));
  });

  it('fails on an anchor past the end of a log truncated below it, head moved back and all', async () => {
    const env = await freshLog();
    const early = await write(env, 2);
    const late = await write(env, 3);
    await tamper(env, async (query, entries) => {
      const keep = entries[early.seq]!; // one entry after the early anchor
      await query('DELETE FROM audit_events WHERE seq > $1', [keep.seq]);
      await query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [keep.seq, keep.hash]);
    });
    // Without an anchor the shortened log looks whole: that is what anchors are for.
    expect((await run(['audit', 'verify'], env)).code).toBe(0);

    // The early anchor still holds: the late one is what fails.
    const verified = await run(['audit', 'verify', '--anchor', anchorOf(early), '--anchor', anchorOf(late)], env);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toBe(
      `phaseline: the audit log of ${whereOf(env)} fails its anchor at entry ${late.seq}: the log ends at entry ${early.seq + 1}, ` +
        `before the anchored entry ${late.seq}: entries were removed from the end, or the log was reset and chained anew (${early.seq + 1} entries checked)\n`,
    );
  });

  it('fails on an anchor of a log reset to zero, empty or chained anew', async () => {
    const env = await freshLog();
    const anchor = await write(env, 3);
    await tamper(env, async (query) => {
      await query('TRUNCATE audit_events');
      await query('UPDATE audit_head SET seq = 0, hash = $1 WHERE id = 1', [GENESIS_HASH]);
    });
    const empty = await run(['audit', 'verify', '--anchor', anchorOf(anchor)], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(new RegExp(`fails its anchor at entry ${anchor.seq}: the log ends at entry 0, before the anchored entry ${anchor.seq}`));

    // A fresh log chained through the application, longer than the old one: valid, but not the one anchored.
    const anew = await write(env, 5, 'anew');
    expect(anew.seq).toBeGreaterThan(anchor.seq);
    expect((await run(['audit', 'verify'], env)).code).toBe(0);
    const rechained = await run(['audit', 'verify', '--anchor', anchorOf(anchor)], env);
    expect(rechained.code).toBe(1);
    expect(rechained.stderr).toMatch(
      new RegExp(`fails its anchor at entry ${anchor.seq}: entry ${anchor.seq} no longer matches the anchor ${anchor.seq}:${anchor.hash.slice(0, 16)}… .*was rewritten, or the log was reset and chained anew`),
    );
  });

  it('fails on an anchor at or after an entry rewritten with every later hash and the head recomputed', async () => {
    const env = await freshLog();
    const first = await write(env, 0);
    const head = await write(env, 4);
    const target = first.seq + 2;
    await tamper(env, async (query, entries) => {
      let prev: ChainPoint = { seq: target - 1, hash: entries[target - 2]!.hash };
      for (const entry of entries.filter((e) => e.seq >= target)) {
        const forged = chained(prev, { ...entry, actorName: entry.seq === target ? 'someone else' : entry.actorName });
        await query('UPDATE audit_events SET actor_name = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [forged.actorName, forged.prevHash, forged.hash, forged.seq]);
        prev = forged;
      }
      await query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [prev.seq, prev.hash]);
    });
    expect((await run(['audit', 'verify'], env)).code).toBe(0);

    // The anchor before the rewrite holds; the one after it fails, naming the entries in between.
    const verified = await run(['audit', 'verify', '--anchor', anchorOf(first), '--anchor', anchorOf(head)], env);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(
      new RegExp(`fails its anchor at entry ${head.seq}: entry ${head.seq} no longer matches .*: one of entries ${first.seq + 1} to ${head.seq} was rewritten`),
    );
  });

  it('draws its progress bar while it checks against an anchor', async () => {
    const env = await freshLog();
    const head = await write(env, 2);
    const terminal = fakeTerminal();
    const verified = await run(['audit', 'verify', '--anchor', anchorOf(head)], env, { progress: true, progressStream: terminal.stream });
    expect(verified.code).toBe(0);
    expect(terminal.drawn()).toContain(`Verifying`);
    expect(terminal.drawn()).toContain(`${head.seq}/${head.seq} entries`);
  });
});

/** How the CLI names the database of `env` in its messages. */
function whereOf(env: Env): string {
  return env.DATABASE_URL ? `postgres at ${env.DATABASE_URL}` : `pglite at ${env.PHASELINE_DATA_DIR}`;
}

describe('phaseline audit, bad command lines', () => {
  const folders: Array<() => void> = [];
  afterEach(() => {
    for (const remove of folders.splice(0)) remove();
  });

  it('refuses a malformed anchor or format with exit code 2, before opening the database', async () => {
    const data = tempDataDir();
    folders.push(data.remove);
    const env = { PHASELINE_DATA_DIR: `${data.dir}/never-created` };
    for (const bad of ['249', `249:${'a'.repeat(63)}`, `x:${'a'.repeat(64)}`, `-1:${'a'.repeat(64)}`]) {
      const res = await run(['audit', 'verify', '--anchor', `0:${GENESIS_HASH}`, '--anchor', bad], env);
      expect(res).toEqual({
        code: 2,
        stdout: '',
        stderr: `phaseline: option --anchor: must be <seq>:<hash> as "phaseline audit head" prints it, a sequence number and 64 hexadecimal digits (got ${JSON.stringify(bad)})\n`,
      });
    }
    expect(await run(['audit', 'head', '--format', 'csv'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'phaseline: option --format: must be one of text, json (got "csv")\n',
    });
    expect(existsSync(`${data.dir}/never-created`)).toBe(false);
  });
});
