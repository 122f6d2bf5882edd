/** Ceasefire monitoring: zones, incidents and what accumulates on them (history, evidence, responses). */
import { sql } from 'drizzle-orm';
import { bigint, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { agreements, parties, provisions } from './agreements.ts';

/** A named feature of an agreement on the map; its bounding box is kept beside the GeoJSON for quick tests. */
export const zones = pgTable(
  'zones',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    geometry: jsonb('geometry').notNull(),
    properties: jsonb('properties').notNull().default({}),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    areaSqKm: doublePrecision('area_sq_km').notNull().default(0),
    /** Geodesic length of a line (docs/GATES.md); 0 for points and areas. */
    lengthKm: doublePrecision('length_km').notNull().default(0),
    /** The party whose forces hold a controlled area. */
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'no action' }),
    /** The date a controlled area's snapshot describes; snapshots of one area share its name. */
    asOf: date('as_of', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Dated snapshots of one area share its name; undated zones keep unique names (NULLs not distinct).
    unique('zones_agreement_kind_name_as_of_key').on(t.agreementId, t.kind, t.name, t.asOf).nullsNotDistinct(),
    index('zones_party_idx').on(t.partyId),
  ],
);

/**
 * Reported incidents. Text search reads a generated `search` tsvector column (the 'simple'
 * configuration over place and description, which keeps Arabic and Hebrew words whole) with its GIN
 * index; both are created by migration 0012 and left out of this schema so that rows, views and
 * audit entries never carry it. Indexes serve the list (newest first, by status, category, alleged party or
 * zone, with keyset paging on occurred_at and id) and the compliance counts (verified only).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    zoneId: uuid('zone_id').references(() => zones.id, { onDelete: 'set null' }),
    place: text('place').notNull().default(''),
    sourceType: text('source_type').notNull(),
    reliability: text('reliability').notNull(),
    credibility: smallint('credibility').notNull(),
    allegedPartyId: uuid('alleged_party_id').references(() => parties.id, { onDelete: 'no action' }),
    /** Set only by the step to "verified". */
    attributedPartyId: uuid('attributed_party_id').references(() => parties.id, { onDelete: 'no action' }),
    reportingPartyId: uuid('reporting_party_id').references(() => parties.id, { onDelete: 'no action' }),
    // References to parties, provisions and other incidents are NO ACTION, not RESTRICT: checked at the
    // end of the statement, so deleting an agreement cascades through all of them, while deleting a
    // party or provision that an incident names is still refused.
    category: text('category').notNull(),
    // Null is "unknown", which is not zero.
    killed: integer('killed'),
    injured: integer('injured'),
    civiliansKilled: integer('civilians_killed'),
    civiliansInjured: integer('civilians_injured'),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('reported'),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => incidents.id, { onDelete: 'no action' }),
    /** Where an imported row came from ("acled", "ucdp-ged") and its id there: a re-import skips it. */
    externalSource: text('external_source'),
    externalId: text('external_id'),
    reportedBy: uuid('reported_by'),
    /**
     * The provisions it bears on, mirrored from incident_provisions by a trigger (migration 0004), so
     * that compliance per provision reads one index and never the link table of every agreement.
     */
    provisionIds: uuid('provision_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('incidents_agreement_occurred_idx').on(t.agreementId, t.occurredAt, t.id),
    index('incidents_agreement_status_occurred_idx').on(t.agreementId, t.status, t.occurredAt, t.id),
    index('incidents_agreement_category_occurred_idx').on(t.agreementId, t.category, t.occurredAt, t.id),
    index('incidents_agreement_party_occurred_idx').on(t.agreementId, t.allegedPartyId, t.occurredAt, t.id),
    index('incidents_agreement_zone_occurred_idx').on(t.agreementId, t.zoneId, t.occurredAt, t.id),
    // What changed since a day ("since" view, docs/DESK.md) reads the reports filed after it.
    index('incidents_agreement_reported_idx').on(t.agreementId, t.reportedAt),
    // Compliance reads only verified incidents: a small partial index answers it without the table.
    index('incidents_verified_idx')
      .on(t.agreementId, t.occurredAt, t.attributedPartyId, t.provisionIds)
      .where(sql`status = 'verified'`),
    uniqueIndex('incidents_external_key').on(t.agreementId, t.externalSource, t.externalId),
    // Foreign keys pointing here need an index, or deleting an agreement scans once per incident.
    index('incidents_duplicate_of_idx').on(t.duplicateOfId).where(sql`duplicate_of_id IS NOT NULL`),
  ],
);

/**
 * Verified incidents counted per local day of the agreement's time zone, per attributed party
 * ("party", key null when not attributed) and per provision ("provision"): what compliance over a
 * long window reads instead of every incident. Kept by triggers on incidents and agreements
 * (migration 0006), in the same transaction as the write; rows may hold 0.
 */
export const verifiedIncidentDays = pgTable(
  'verified_incident_days',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    day: date('day').notNull(),
    key: uuid('key'),
    count: integer('count').notNull(),
  },
  (t) => [unique('verified_incident_days_key').on(t.agreementId, t.dimension, t.day, t.key).nullsNotDistinct()],
);

/** The provisions an incident bears on. */
export const incidentProvisions = pgTable(
  'incident_provisions',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id')
      .notNull()
      .references(() => provisions.id, { onDelete: 'no action' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.provisionId] }), index('incident_provisions_provision_idx').on(t.provisionId, t.incidentId)],
);

/** Each step of the verification workflow; append-only (a trigger refuses changes). */
export const incidentHistory = pgTable(
  'incident_history',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    attributedPartyId: uuid('attributed_party_id'),
    duplicateOfId: uuid('duplicate_of_id'),
    /** Why a step to "verified" was taken without any evidence on the incident; null otherwise. */
    noEvidenceReason: text('no_evidence_reason'),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.seq] })],
);

/** Evidence of an incident: a link, or a file whose bytes are in incident_evidence_files. */
export const incidentEvidence = pgTable(
  'incident_evidence',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    contentType: text('content_type'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    description: text('description').notNull().default(''),
    addedBy: uuid('added_by'),
    createdAt: createdAt(),
  },
  (t) => [index('incident_evidence_incident_idx').on(t.incidentId, t.createdAt)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The bytes of evidence files, apart so that listing evidence never reads them. */
export const incidentEvidenceFiles = pgTable('incident_evidence_files', {
  evidenceId: uuid('evidence_id')
    .primaryKey()
    .references(() => incidentEvidence.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

/** A party's response to an allegation against it. */
export const incidentResponses = pgTable(
  'incident_responses',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'no action' }),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('incident_responses_incident_idx').on(t.incidentId, t.createdAt)],
);
