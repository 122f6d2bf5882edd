/**
 * Drizzle schema. Migrations under ./migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) and never edited after they land.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.ts';

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    illustrative: boolean('illustrative').notNull().default(false),
    /** Readable by visitors who are not logged in; confidential items stay hidden all the same. */
    public: boolean('public').notNull().default(false),
    sourceNote: text('source_note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agreements_slug_key').on(t.slug)],
);

export const parties = pgTable(
  'parties',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    localName: text('local_name'),
    role: text('role').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
  },
  (t) => [uniqueIndex('parties_agreement_name_key').on(t.agreementId, t.name)],
);

export const phases = pgTable(
  'phases',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    objective: text('objective').notNull().default(''),
    status: text('status').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    version: version(),
  },
  (t) => [index('phases_agreement_idx').on(t.agreementId, t.ordinal)],
);

export const pillars = pgTable(
  'pillars',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
  },
  (t) => [index('pillars_agreement_idx').on(t.agreementId, t.ordinal)],
);

export const provisions = pgTable(
  'provisions',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'restrict' }),
    pillarId: uuid('pillar_id').references(() => pillars.id, { onDelete: 'set null' }),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull().default(''),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    category: text('category').notNull(),
    obligatedPartyId: uuid('obligated_party_id').references(() => parties.id, { onDelete: 'restrict' }),
    deadline: timestamp('deadline', { withTimezone: true }),
    verificationMethod: text('verification_method').notNull().default(''),
    status: text('status').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('provisions_agreement_phase_idx').on(t.agreementId, t.phaseId, t.ordinal),
    index('provisions_obligated_party_idx').on(t.obligatedPartyId),
  ],
);

export const rounds = pgTable(
  'negotiation_rounds',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    venue: text('venue').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    partyIds: uuid('party_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    agenda: text('agenda').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    version: version(),
  },
  (t) => [index('rounds_agreement_idx').on(t.agreementId, t.startsOn)],
);

/**
 * A note on the agreement or one provision, with its author and its audience: one party's circle
 * (party_id), the mediators only, or everyone who reads the agreement.
 */
export const notes = pgTable(
  'party_notes',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** The party the note is filed for; required when the audience is that party's circle. */
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id').references(() => provisions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    audience: text('audience').notNull().default('party'),
    authorId: uuid('author_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('party_notes_agreement_idx').on(t.agreementId, t.partyId),
    check('party_notes_audience_check', sql`${t.audience} IN ('party', 'mediators', 'all')`),
    check('party_notes_party_audience_check', sql`${t.audience} <> 'party' OR ${t.partyId} IS NOT NULL`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** scrypt hash in PHC-like form; null until an invited user sets a password. */
    passwordHash: text('password_hash'),
    admin: boolean('admin').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'cascade' }),
    version: version(),
  },
  (t) => [uniqueIndex('memberships_user_agreement_key').on(t.userId, t.agreementId)],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash)],
);

/** API tokens for scripts (Authorization: Bearer); only the SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash)],
);

/** One-time invitation links: the invitee sets a password through it. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_hash_key').on(t.tokenHash)],
);

/**
 * The append-only audit log, one hash chain for the whole database. No foreign keys: an entry
 * outlives what it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    agreementId: uuid('agreement_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_agreement_idx').on(t.agreementId, t.seq)],
);

/**
 * The confidential scopes ("party:<id>", "mediators") under which an entity's audit entries were
 * written, kept beside the append-only log as it grows: a reader outside any scope an entity ever
 * had sees none of its entries, whatever its state when each was written.
 */
export const auditScopes = pgTable(
  'audit_scopes',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    agreementId: uuid('agreement_id'),
    scope: text('scope').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId, t.scope] })],
);

/** The newest link of the chain, updated with every append: removing the newest entries shows. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export * from './schema-monitoring.ts';
