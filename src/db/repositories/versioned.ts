/**
 * Shared machinery for versioned rows: optimistic concurrency (a write names the version it read;
 * a stale one is refused with 409), unique-violation mapping, and CRUD scoped to one agreement.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError, staleVersion } from '../../core/index.ts';
import type { Db } from '../open.ts';

/** The SQLSTATE and constraint of a PostgreSQL error, as pg and PGlite report it, possibly wrapped by Drizzle. */
export function pgError(err: unknown): { code: string; constraint: string; table: string } | null {
  for (let e: unknown = err; e !== null && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, table } = e as { code?: unknown; constraint?: unknown; table?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : '', table: typeof table === 'string' ? table : '' };
    }
  }
  return null;
}

type ScopedTable = PgTable & { id: PgColumn; agreementId: PgColumn; version: PgColumn };

export interface ScopedRepository<Row, Model> {
  /** All rows of an agreement, ordered. */
  list(agreementId: string): Promise<Model[]>;
  /** One row or NotFoundError. */
  get(agreementId: string, id: string): Promise<Model>;
  insert(values: Record<string, unknown>): Promise<Model>;
  /** Applies `patch` when `version` is current, bumping the version; 404 or 409 otherwise. */
  update(agreementId: string, id: string, version: number, patch: Record<string, unknown>): Promise<Model>;
  /** Deletes when `version` is current; 404 or 409 otherwise. */
  remove(agreementId: string, id: string, version: number): Promise<void>;
  readonly _row?: Row;
}

/** CRUD for a table whose rows belong to one agreement and carry a version. */
export function scopedRepository<Row, Model>(
  db: Db,
  config: {
    table: ScopedTable;
    entity: string;
    orderBy: PgColumn[];
    toModel: (row: Row) => Model;
    extraSet?: () => Record<string, SQL>;
  },
): ScopedRepository<Row, Model> {
  const { table, entity, toModel } = config;
  const scope = (agreementId: string, id: string) => and(eq(table.id, id), eq(table.agreementId, agreementId));

  async function currentVersion(agreementId: string, id: string): Promise<number | null> {
    const rows = await db.select({ version: table.version }).from(table).where(scope(agreementId, id));
    return rows[0] ? Number(rows[0].version) : null;
  }

  async function refuse(agreementId: string, id: string, version: number): Promise<never> {
    const actual = await currentVersion(agreementId, id);
    if (actual === null) throw new NotFoundError(entity, id);
    throw staleVersion(entity, id, version, actual);
  }

  return {
    async list(agreementId) {
      const rows = await db
        .select()
        .from(table)
        .where(eq(table.agreementId, agreementId))
        .orderBy(...config.orderBy.map((c) => asc(c)), asc(table.id));
      return (rows as Row[]).map(toModel);
    },
    async get(agreementId, id) {
      const rows = await db.select().from(table).where(scope(agreementId, id));
      if (!rows[0]) throw new NotFoundError(entity, id);
      return toModel(rows[0] as Row);
    },
    async insert(values) {
      try {
        const rows = await db.insert(table).values(values).returning();
        return toModel(rows[0] as Row);
      } catch (err) {
        throw mapWriteError(err, entity, { values });
      }
    },
    async update(agreementId, id, version, patch) {
      let rows: unknown[];
      try {
        rows = await db
          .update(table)
          .set({ ...patch, ...config.extraSet?.(), version: sql`${table.version} + 1` })
          .where(and(scope(agreementId, id), eq(table.version, version)))
          .returning();
      } catch (err) {
        throw mapWriteError(err, entity, { values: patch });
      }
      if (!rows[0]) return refuse(agreementId, id, version);
      return toModel(rows[0] as Row);
    },
    async remove(agreementId, id, version) {
      let rows: unknown[];
      try {
        rows = await db
          .delete(table)
          .where(and(scope(agreementId, id), eq(table.version, version)))
          .returning({ id: table.id });
      } catch (err) {
        throw mapWriteError(err, entity, { deleting: true });
      }
      if (!rows[0]) await refuse(agreementId, id, version);
    },
  };
}

type Values = Readonly<Record<string, unknown>>;

/** `withValue(value)` when the write carried a non-empty text for `key`, else `without`. */
function naming(values: Values, key: string, withValue: (value: string) => string, without: string): string {
  const value = values[key];
  return typeof value === 'string' && value !== '' ? withValue(value) : without;
}

const RETRY = 'another write changed the same records at the same time; try again';

/**
 * Every unique constraint and primary key of the schema (other than a table's random `id`), as the
 * message of its 409: what is taken, in words, from the values written when they are known. Never
 * the constraint's name: src/db/repositories/constraints.test.ts checks that each one is here.
 */
export const UNIQUE_MESSAGES: Readonly<Record<string, (values: Values) => string>> = {
  agreements_slug_key: (v) =>
    naming(v, 'slug', (slug) => `An agreement with the slug "${slug}" already exists`, 'An agreement with this slug already exists'),
  parties_agreement_name_key: (v) =>
    naming(v, 'name', (name) => `A party named "${name}" already exists in this agreement`, 'A party with this name already exists in this agreement'),
  zones_agreement_kind_name_as_of_key: (v) =>
    typeof v.asOf === 'string' && v.asOf !== ''
      ? naming(v, 'name', (name) => `"${name}" already has a snapshot dated ${String(v.asOf)}`, `This area already has a snapshot dated ${String(v.asOf)}`)
      : naming(v, 'name', (name) => `A zone named "${name}" of this kind already exists in this agreement`, 'A zone of this kind with this name already exists in this agreement'),
  indicators_agreement_name_key: (v) =>
    naming(v, 'name', (name) => `An indicator named "${name}" already exists in this agreement`, 'An indicator with this name already exists in this agreement'),
  indicator_observations_indicator_date_key: (v) =>
    naming(v, 'observedOn', (day) => `This indicator already has an observation on ${day}`, 'This indicator already has an observation on that date'),
  phase_gates_phase_key: () => 'This phase already has a gate: edit it instead',
  risk_settings_pkey: () => `The risk weights were set by another write at the same time: read them again and retry`,
  force_contributors_agreement_name_key: (v) =>
    naming(v, 'name', (name) => `A contributor named "${name}" already exists in this agreement`, 'A contributor with this name already exists in this agreement'),
  budget_lines_agreement_name_key: (v) =>
    naming(v, 'name', (name) => `A budget line named "${name}" already exists in this agreement`, 'A budget line with this name already exists in this agreement'),
  incidents_external_key: (v) =>
    naming(v, 'externalId', (id) => `An incident with the source id "${id}" from this source is already in this agreement`, 'An incident with this source id from this source is already in this agreement'),
  users_email_key: (v) =>
    naming(v, 'email', (email) => `An account with the e-mail address ${email} already exists`, 'An account with this e-mail address already exists'),
  memberships_user_agreement_key: () => 'This user already has a role on this agreement',
  incident_provisions_incident_id_provision_id_pk: () => 'This incident is already linked to that provision',
  incident_evidence_files_pkey: () => 'This evidence already has a file',
  incident_history_incident_id_seq_pk: () => `The incident's history could not be written: ${RETRY}`,
  verified_incident_days_key: () => `The compliance counts could not be updated: ${RETRY}`,
  clause_versions_clause_version_key: () => `The clause's new version could not be written: ${RETRY}`,
  provision_status_changes_pkey: () => `The provision's status history could not be written: ${RETRY}`,
  provision_status_changes_provision_idx: () => `The provision's status changed at the same time: read it again and retry`,
  agreement_visits_user_id_agreement_id_pk: () => `Your visit was recorded by another request at the same time; try again`,
  audit_events_pkey: () => `The audit log could not be written: ${RETRY}`,
  audit_head_pkey: () => `The audit log could not be written: ${RETRY}`,
  audit_scopes_entity_entity_id_scope_pk: () => `The audit log could not be written: ${RETRY}`,
  // Random secrets: a collision is next to impossible.
  sessions_token_hash_key: () => 'A new secret happened to equal an existing one; try again',
  api_tokens_token_hash_key: () => 'A new secret happened to equal an existing one; try again',
  invitations_token_hash_key: () => 'A new secret happened to equal an existing one; try again',
};

/** Tables as the records they hold, for the messages of foreign-key refusals. */
const TABLE_NOUNS: Readonly<Record<string, { one: string; many: string }>> = {
  agreements: { one: 'an agreement', many: 'agreements' },
  parties: { one: 'a party', many: 'parties' },
  phases: { one: 'a phase', many: 'phases' },
  pillars: { one: 'a pillar', many: 'pillars' },
  provisions: { one: 'a provision', many: 'provisions' },
  negotiation_rounds: { one: 'a negotiation round', many: 'negotiation rounds' },
  party_notes: { one: 'a note', many: 'notes' },
  users: { one: 'an account', many: 'accounts' },
  memberships: { one: 'a role', many: "members' roles" },
  zones: { one: 'a zone', many: 'zones' },
  incidents: { one: 'an incident', many: 'incidents' },
  incident_provisions: { one: "an incident's provision", many: 'incidents' },
  incident_evidence: { one: 'an evidence item', many: 'evidence items' },
  incident_responses: { one: 'a response', many: 'responses to incidents' },
  documents: { one: 'a document', many: 'documents' },
  document_sections: { one: "a document's section", many: "documents' sections" },
  clauses: { one: 'a clause', many: 'clauses' },
  clause_versions: { one: "a clause's version", many: "clauses' versions" },
  stances: { one: 'a stance', many: 'stances' },
  round_sessions: { one: 'a session', many: 'sessions' },
  withdrawal_items: { one: 'a withdrawal item', many: 'withdrawal items' },
  withdrawal_verifications: { one: "a withdrawal item's verification", many: 'verifications of withdrawal items' },
  indicators: { one: 'an indicator', many: 'indicators' },
  indicator_observations: { one: "an indicator's observation", many: 'observations of indicators' },
  phase_gates: { one: 'a gate', many: 'gates' },
  phase_transitions: { one: "a phase's advance", many: "phases' advances" },
  force_requirements: { one: 'a force requirement', many: 'force requirements' },
  force_contributors: { one: 'a contributor', many: 'contributors' },
  force_pledges: { one: 'a pledge', many: 'pledges' },
  contributor_acceptability: { one: "a party's position on a contributor", many: "parties' positions on contributors" },
  budget_lines: { one: 'a budget line', many: 'budget lines' },
  funding_entries: { one: 'a funding entry', many: 'funding entries' },
  provision_status_changes: { one: "a provision's status change", many: "provisions' status changes" },
  agreement_visits: { one: 'a visit', many: 'visits' },
  force_mandate_items: { one: 'a rule of engagement or authority boundary', many: 'rules of engagement and authority boundaries' },
};

/** PostgreSQL cuts identifiers at 63 bytes, so a long foreign key's name may lose its end. */
const MAX_IDENTIFIER = 63;

/** The table a foreign key refers to, from Drizzle's name for it: <table>_<column>_<foreign table>_id_fk. */
function referencedTable(constraint: string): string | undefined {
  const cut = constraint.length >= MAX_IDENTIFIER;
  const matched = (table: string): number => {
    const suffix = `_${table}_id_fk`;
    if (constraint.endsWith(suffix)) return suffix.length;
    // A cut name ends inside the suffix: match the longest start of it that is at least `_<table>_`.
    if (!cut) return 0;
    for (let k = suffix.length - 1; k > table.length + 1; k--) if (constraint.endsWith(suffix.slice(0, k))) return k;
    return 0;
  };
  return Object.keys(TABLE_NOUNS)
    .map((table) => ({ table, score: matched(table) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)[0]?.table;
}

export interface WriteContext {
  /** The values the statement wrote, for the message of a unique violation. */
  values?: Values;
  /** The statement deleted the row: a foreign-key refusal means something still refers to it. */
  deleting?: boolean;
}

/**
 * Database constraint errors as domain conflicts, in words and without the database's names for
 * its constraints (409 already_exists or still_referenced); anything else passes through.
 */
export function mapWriteError(err: unknown, entity: string, context: WriteContext = {}): unknown {
  const pgErr = pgError(err);
  if (pgErr?.code === '23505') {
    const message = UNIQUE_MESSAGES[pgErr.constraint]?.(context.values ?? {}) ?? `${entity} already exists`;
    return new ConflictError('already_exists', message, { entity });
  }
  // 23001 is what PostgreSQL 18 (PGlite) reports for ON DELETE RESTRICT; 15 reports 23503.
  if (pgErr?.code === '23503' || pgErr?.code === '23001') {
    if (context.deleting) {
      const by = TABLE_NOUNS[pgErr.table]?.many ?? 'other records';
      return new ConflictError('still_referenced', `${entity} is still referred to by ${by}: remove or change them first`, { entity });
    }
    const target = TABLE_NOUNS[referencedTable(pgErr.constraint) ?? '']?.one ?? 'a record';
    return new ConflictError('still_referenced', `${entity} refers to ${target} that does not exist`, { entity });
  }
  return err;
}
