/**
 * Migration 0007 gives notes written before audiences their audience (confidential: their party's
 * circle; shared: everyone) and records, from the audit log itself, every confidential scope a note
 * ever had, so that the earlier entries of a note made confidential stay hidden after the upgrade.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './open.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The committed migrations up to and including `lastTag`, in a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'phaseline-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return dir;
}

describe('migration 0007 (note audiences)', () => {
  it('turns confidential notes into their party’s circle and records the scopes of their past', async () => {
    const client = await PGlite.create();
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsUpTo('0006_verified_incident_days_triggers') });
      const [agreement] = (await client.query<{ id: string }>(`INSERT INTO agreements (slug, title, status) VALUES ('m7', 'M7', 'drafting') RETURNING id`)).rows;
      const party = async (name: string) =>
        (await client.query<{ id: string }>(`INSERT INTO parties (agreement_id, name, role) VALUES ($1, $2, 'belligerent') RETURNING id`, [agreement!.id, name])).rows[0]!.id;
      const hamas = await party('Hamas');
      const israel = await party('Israel');
      const note = async (partyId: string, title: string, confidential: boolean) =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO party_notes (agreement_id, party_id, title, confidential) VALUES ($1, $2, $3, $4) RETURNING id`,
            [agreement!.id, partyId, title, confidential],
          )
        ).rows[0]!.id;
      const secret = await note(hamas, 'Secret', true);
      const shared = await note(israel, 'Shared', false);
      const madeSecret = await note(israel, 'Shared, then secret, then shared again', false);
      let seq = 0;
      const entry = async (entityId: string, before: unknown, after: unknown) => {
        seq += 1;
        await client.query(
          `INSERT INTO audit_events (seq, at, actor_name, action, entity, entity_id, agreement_id, before, after, prev_hash, hash)
           VALUES ($1, now(), 'test', 'update', 'note', $2, $3, $4, $5, 'x', 'y')`,
          [seq, entityId, agreement!.id, JSON.stringify(before), JSON.stringify(after)],
        );
      };
      await entry(secret, null, { partyId: hamas, confidential: true });
      await entry(shared, null, { partyId: israel, confidential: false });
      await entry(madeSecret, null, { partyId: israel, confidential: false });
      await entry(madeSecret, { partyId: israel, confidential: false }, { partyId: israel, confidential: true });
      await entry(madeSecret, { partyId: israel, confidential: true }, { partyId: israel, confidential: false });

      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });

      const audiences = (await client.query<{ title: string; audience: string }>(`SELECT title, audience FROM party_notes ORDER BY title`)).rows;
      expect(audiences).toEqual([
        { title: 'Secret', audience: 'party' },
        { title: 'Shared', audience: 'all' },
        { title: 'Shared, then secret, then shared again', audience: 'all' },
      ]);
      const scopes = (await client.query<{ entity_id: string; scope: string }>(`SELECT entity_id, scope FROM audit_scopes`)).rows;
      const asKeys = (rows: Array<{ entity_id: string; scope: string }>) => rows.map((r) => `${r.scope} ${r.entity_id}`).sort();
      expect(asKeys(scopes)).toEqual(
        asKeys([
          { entity_id: secret, scope: `party:${hamas}` },
          { entity_id: madeSecret, scope: `party:${israel}` },
        ]),
      );
    } finally {
      await client.close();
    }
  });
});
