/**
 * A write that fails in the database is logged without what it carried: the text of a
 * confidential note must not land in the server log through Drizzle's "params: ...", PGlite's
 * `params`, PostgreSQL's `detail` ("Failing row contains (...)") or a data exception's message.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loggableError, loggableMessage } from '../db/loggable-error.ts';
import { createAgreement, startHarness, type Harness } from './test/harness.ts';

const MARKER = 'SECRET-MARKER-7f3a';
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** A harness whose server logs (pino, as `phaseline serve` does) into `lines`. */
async function loggingHarness() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const h = await startHarness(undefined, { logger });
  open.push(h);
  return { h, lines };
}

describe('the log of a failed statement', () => {
  it('has the error, its SQL and SQLSTATE, but not the note text it carried', async () => {
    const { h, lines } = await loggingHarness();
    const a = await createAgreement(h);
    const party = (await h.call<{ id: string }>('POST', `/api/agreements/${a.slug}/parties`, { name: 'Hamas', role: 'belligerent' })).body;
    // A constraint the application does not know: the insert fails in the database with a 500.
    await h.database.db.execute(sql.raw(`ALTER TABLE party_notes ADD CONSTRAINT test_no_marker CHECK (body NOT LIKE '%${MARKER}%')`));

    const res = await h.call('POST', `/api/agreements/${a.slug}/notes`, { partyId: party.id, title: 'Red lines', body: `Our fallback position: ${MARKER}` });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain(MARKER);

    const logged = lines.join('');
    expect(logged).toContain('"msg":"unhandled error"');
    expect(logged).not.toContain(MARKER);
    const entry = lines.map((l) => JSON.parse(l) as { msg: string; err?: Record<string, unknown> }).find((l) => l.msg === 'unhandled error');
    expect(entry?.err).toMatchObject({
      type: 'DrizzleQueryError',
      message: expect.stringMatching(/^Failed query: insert into "party_notes" .*: new row for relation "party_notes" violates check constraint "test_no_marker"$/),
      query: expect.stringMatching(/^insert into "party_notes"/),
      code: '23514',
      constraint: 'test_no_marker',
      table: 'party_notes',
    });
    expect(String(entry?.err?.stack)).toMatch(/\n\s+at /);
    expect(logged).not.toMatch(/params|Failing row/);
  });

  it('keeps out the value a data exception quotes, and the detail of a unique violation', async () => {
    const { h } = await loggingHarness();
    const db = h.database.db;
    await db.execute(sql`CREATE TEMP TABLE taken (x text UNIQUE)`);
    await db.execute(sql`INSERT INTO taken VALUES (${MARKER})`);
    const failures = [() => db.execute(sql`SELECT ${MARKER}::uuid`), () => db.execute(sql`INSERT INTO taken VALUES (${MARKER})`)];
    for (const fail of failures) {
      const err = await fail().then(
        () => null,
        (e: unknown) => e,
      );
      // Before: the marker is in the message, `params`, the cause's message or its `detail`.
      expect(JSON.stringify(err, Object.getOwnPropertyNames(err)) + String((err as Error).message)).toContain(MARKER);
      const safe = loggableError(err) as { code: string; message: string };
      expect(JSON.stringify(safe)).not.toContain(MARKER);
      expect(loggableMessage(err)).not.toContain(MARKER);
      expect(safe).toMatchObject(
        safe.code === '22P02'
          ? { message: 'Failed query: SELECT $1::uuid: data exception (SQLSTATE 22P02); the value is not logged' }
          : { code: '23505', constraint: 'taken_x_key', message: expect.stringMatching(/duplicate key value violates unique constraint "taken_x_key"$/) },
      );
    }
  });

  it('leaves an error that is not the database’s as it is', () => {
    const err = new TypeError('x is not a function');
    expect(loggableError(err)).toBe(err);
    expect(loggableMessage(err)).toBe('x is not a function');
  });
});
