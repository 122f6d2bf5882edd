/**
 * 409 messages say what is taken or still in use, in words, never the database's name for a
 * constraint: every unique constraint, primary key and foreign key of the migrated schema (read
 * from the catalog, so a new one cannot be forgotten) maps to a clean message, and real violations
 * through the repositories answer with the field and the value.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../core/index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildIncident, buildParty, buildProvision, buildZone } from '../test/factories.ts';
import { mapWriteError, UNIQUE_MESSAGES } from './versioned.ts';

/** What a database name for a constraint or an index looks like. */
const INTERNAL_NAME = /_(key|pkey|fkey|idx|pk|fk)\b/;

type CatalogConstraint = {
  name: string;
  kind: 'u' | 'p' | 'f' | 'i';
  table: string;
  columns: string[];
  /** Foreign keys: the table referred to, and what a delete of its row does (a no action, r restrict, c cascade, n set null). */
  foreignTable: string | null;
  onDelete: string | null;
};

/** A pg error as pg and PGlite raise it, wrapped as Drizzle wraps it. */
const violation = (code: string, c: CatalogConstraint) => ({ message: 'Failed query', cause: { code, constraint: c.name, table: c.table } });

function conflictOf(err: unknown): ConflictError {
  expect(err).toBeInstanceOf(ConflictError);
  return err as ConflictError;
}

describe.each(testDrivers)('constraint messages on $name', (driver) => {
  const db = databaseFor(driver);

  async function catalog(): Promise<CatalogConstraint[]> {
    return db.current().database.query<CatalogConstraint>(`
      SELECT c.conname AS name, c.contype AS kind, t.relname AS "table",
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns,
             f.relname AS "foreignTable", CASE WHEN c.contype = 'f' THEN c.confdeltype::text END AS "onDelete"
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_class f ON f.oid = c.confrelid
       WHERE n.nspname = 'public' AND c.contype IN ('u', 'p', 'f')
      UNION ALL
      SELECT i.relname, 'i', t.relname,
             ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) k JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k),
             NULL, NULL
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
       ORDER BY 1`);
  }

  it('has a message for every unique constraint and primary key, and none names a constraint', async () => {
    const unique = (await catalog()).filter((c) => c.kind !== 'f');
    expect(unique.map((c) => c.name)).toEqual(expect.arrayContaining(['agreements_slug_key', 'parties_agreement_name_key', 'users_email_key']));
    for (const c of unique) {
      // A random uuid primary key cannot be taken twice: the generic "already exists" will do.
      const randomId = c.kind === 'p' && c.columns.length === 1 && c.columns[0] === 'id';
      if (!randomId) expect(UNIQUE_MESSAGES[c.name], `a message for ${c.name} (${c.table}: ${c.columns.join(', ')})`).toBeDefined();
      for (const values of [{}, { slug: 'cairo', name: 'Hamas', email: 'a@b.example', externalId: '42' }]) {
        const err = conflictOf(mapWriteError(violation('23505', c), 'Record', { values }));
        expect(err.code).toBe('already_exists');
        expect(err.message, c.name).not.toMatch(INTERNAL_NAME);
        expect(JSON.stringify(err.details), c.name).not.toMatch(INTERNAL_NAME);
      }
    }
  });

  it('names what refers to a row, or what is missing, for every foreign key, in words', async () => {
    const foreign = (await catalog()).filter((c) => c.kind === 'f');
    expect(foreign.length).toBeGreaterThan(20);
    for (const c of foreign) {
      for (const code of ['23503', '23001']) {
        const missing = conflictOf(mapWriteError(violation(code, c), 'Record', {}));
        expect(missing.message, c.name).toMatch(/^Record refers to an? [a-z' ]+ that does not exist$/);
        expect(missing.message, c.name).not.toMatch(/a record that/);
        // Only a delete that does not cascade can be refused for what still refers to the row.
        if (c.onDelete === 'c' || c.onDelete === 'n') continue;
        const referenced = conflictOf(mapWriteError(violation(code, c), 'Record', { deleting: true }));
        expect(referenced.code).toBe('still_referenced');
        expect(referenced.message, c.name).toMatch(/^Record is still referred to by [a-z' ]+: remove or change them first$/);
        expect(referenced.message, c.name).not.toMatch(/other records/);
        expect(JSON.stringify([missing.details, referenced.details]), c.name).not.toMatch(INTERNAL_NAME);
      }
    }
  });

  it('answers a real duplicate with the field and the value', async () => {
    const { repos } = db.current();
    const party = await buildParty(repos, { name: 'Hamas' });
    const again = repos.parties.insert({ agreementId: party.agreementId, name: 'Hamas', role: 'belligerent' });
    await expect(again).rejects.toMatchObject({ code: 'already_exists', message: 'A party named "Hamas" already exists in this agreement' });
    const other = await buildParty(repos, { agreementId: party.agreementId, name: 'Israel' });
    await expect(repos.parties.update(party.agreementId, other.id, other.version, { name: 'Hamas' })).rejects.toMatchObject({
      message: 'A party named "Hamas" already exists in this agreement',
    });

    const agreement = await buildAgreement(repos);
    await expect(buildAgreement(repos, { slug: agreement.slug })).rejects.toMatchObject({
      message: `An agreement with the slug "${agreement.slug}" already exists`,
    });

    const zone = await buildZone(repos, { name: 'Rafah crossing', kind: 'crossing' });
    await expect(buildZone(repos, { agreementId: zone.agreementId, name: 'Rafah crossing', kind: 'crossing' })).rejects.toMatchObject({
      message: 'A zone named "Rafah crossing" of this kind already exists in this agreement',
    });

    const email = `taken-${randomUUID().slice(0, 8)}@test.example`;
    await repos.accounts.insertUser({ email, name: 'First', passwordHash: null, admin: false });
    await expect(repos.accounts.insertUser({ email: email.toUpperCase(), name: 'Second', passwordHash: null, admin: false })).rejects.toMatchObject({
      message: `An account with the e-mail address ${email.toUpperCase()} already exists`,
    });

    const incident = await buildIncident(repos, { externalSource: 'acled', externalId: 'GAZ1234' });
    await expect(buildIncident(repos, { agreementId: incident.agreementId, externalSource: 'acled', externalId: 'GAZ1234' })).rejects.toMatchObject({
      message: 'An incident with the source id "GAZ1234" from this source is already in this agreement',
    });
  });

  it('answers a delete refused by a foreign key with what still refers to the row', async () => {
    const { repos } = db.current();
    const provision = await buildProvision(repos);
    const phase = await repos.phases.get(provision.agreementId, provision.phaseId);
    await expect(repos.phases.remove(phase.agreementId, phase.id, phase.version)).rejects.toMatchObject({
      code: 'still_referenced',
      message: 'Phase is still referred to by provisions: remove or change them first',
    });
  });
});
