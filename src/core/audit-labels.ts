/**
 * The audit log in words: labels for the entity kinds, actions and fields that writes record, and
 * which ids an entry refers to (so that a reader sees names instead of ids). The log keeps internal
 * names (`incident_step`, `attributedPartyId`); these labels are for people. Every party is named
 * with the same words: "Alleged party", "Obligated party", never one party's own terms.
 */
import type { AuditAction } from './audit.ts';
import { incidentEvidenceLabel } from './provision-status.ts';
import { isUuid } from './slug.ts';

/** Every entity kind the server records, in words. A kind missing here reads as its name in words. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  agreement: 'Agreement',
  api_token: 'API token',
  budget_line: 'Force budget line',
  clause: 'Clause',
  contributor_acceptability: 'Position on a force contributor',
  document: 'Negotiated document',
  evidence: 'Incident evidence',
  force_contributor: 'Force contributor',
  force_mandate_item: 'Force mandate item',
  force_pledge: 'Force pledge',
  force_requirement: 'Force requirement',
  funding_entry: 'Force funding entry',
  gate: 'Phase gate',
  incident: 'Incident',
  incident_import: 'Incident import',
  incident_response: 'Response to an incident',
  incident_step: 'Incident verification step',
  indicator: 'Indicator',
  indicator_observation: 'Indicator observation',
  indicator_observations_import: 'Indicator observations import',
  invitation: 'Invitation',
  membership: 'Role on the agreement',
  note: 'Note',
  party: 'Party',
  phase: 'Phase',
  phase_transition: 'Phase transition',
  pillar: 'Pillar',
  provision: 'Provision',
  provision_status: 'Provision status change',
  risk_settings: 'Collapse risk weights',
  risk_snapshot: 'Collapse risk record',
  round: 'Negotiation round',
  session: 'Negotiation session',
  stance: 'Stance',
  user: 'User account',
  withdrawal_item: 'Withdrawal item',
  withdrawal_verification: 'Withdrawal verification',
  zone: 'Zone',
};

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
};

/**
 * Fields whose name alone says too little, or says it in code. Party fields all end in "party" (or
 * "to" for an attribution), whichever party they hold.
 */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  actorId: 'Actor',
  addedBy: 'Added by',
  agreementId: 'Agreement',
  allDay: 'All day',
  allegedPartyId: 'Alleged party',
  alternative: 'Alternative',
  areaSqKm: 'Area (km²)',
  attributedPartyId: 'Attributed to',
  audience: 'Audience',
  authorId: 'Author',
  authorName: 'Author',
  bbox: 'Bounding box',
  behindZoneId: 'Behind zone',
  budgetLineId: 'Budget line',
  clauseId: 'Clause',
  contentType: 'File type',
  contributorId: 'Force contributor',
  createdAt: 'Created at',
  credibility: 'Information credibility',
  datedOn: 'Dated',
  deadline: 'Deadline',
  documentId: 'Document',
  duplicateOfId: 'Duplicate of',
  endsAt: 'Ends at',
  endsOn: 'Ends on',
  expiresAt: 'Expires at',
  externalId: 'External id',
  externalSource: 'External source',
  fromStatus: 'Status before',
  fromZoneId: 'From zone',
  groupKey: 'Bracket group',
  id: 'Id',
  incidentId: 'Incident',
  indicatorId: 'Indicator',
  injured: 'Injured',
  itemId: 'Withdrawal item',
  killed: 'Killed',
  lengthKm: 'Length (km)',
  localName: 'Name in the local language',
  noEvidenceReason: 'Reason for verifying without evidence',
  obligatedPartyId: 'Obligated party',
  observedOn: 'Observed on',
  occurredAt: 'Occurred at',
  partyId: 'Party',
  partyIds: 'Parties',
  phaseId: 'Phase',
  pillarId: 'Pillar',
  plannedEnd: 'Planned end',
  plannedStart: 'Planned start',
  pledgedOn: 'Pledged on',
  provisionId: 'Provision',
  provisionIds: 'Provisions',
  reliability: 'Source reliability',
  reportedBy: 'Reported by',
  reportingPartyId: 'Reporting party',
  roundId: 'Negotiation round',
  sectionId: 'Section',
  sectorId: 'Sector',
  sha256: 'SHA-256',
  sourceGrade: 'Source grade',
  sourceNote: 'Source note',
  sourceReliability: 'Source reliability',
  sourceType: 'Source type',
  statedOn: 'Stated on',
  startsAt: 'Starts at',
  startsOn: 'Starts on',
  statusEvidence: 'Status evidence',
  statusReason: 'Reason for the status',
  statusSource: 'Source of the status',
  statusSourceGrade: 'Grade of the status source',
  timeZone: 'Time zone',
  toStatus: 'Status after',
  updatedAt: 'Updated at',
  url: 'Address',
  userId: 'User',
  verificationMethod: 'Verification method',
  zoneId: 'Zone',
};

/** "incident_step" or "incidentStep" as "Incident step": words split at underscores and capitals, the first capitalized. */
export function wordsOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

const plural = (word: string): string => (/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);

/** An entity kind in words: "Incident verification step"; an unknown kind as its name in words ("Provision status"). */
export function auditEntityLabel(kind: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, kind) ? AUDIT_ENTITY_LABELS[kind]! : wordsOf(kind);
}

/** An action in words: "Created", "Updated", "Deleted"; an unknown one as its name in words. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : wordsOf(action);
}

/**
 * A field in words: the table's label, else the name in words, where a trailing "Id" names what it
 * points to ("behindZoneId" is "Behind zone", "zoneIds" is "Zones").
 */
export function auditFieldLabel(field: string): string {
  if (Object.hasOwn(AUDIT_FIELD_LABELS, field)) return AUDIT_FIELD_LABELS[field]!;
  const many = /^(.*[a-z0-9])Ids$/.exec(field);
  if (many) return plural(wordsOf(many[1]!));
  const one = /^(.*[a-z0-9])Id$/.exec(field);
  return wordsOf(one ? one[1]! : field);
}

/** Fields that hold a user's id without saying "Id". */
const USER_FIELDS: ReadonlySet<string> = new Set(['addedBy', 'reportedBy', 'createdBy', 'changedBy']);

/** Whether a field holds ids of other records (`zoneId`, `provisionIds`, `addedBy`): shown as their names. */
export function isReferenceField(field: string): boolean {
  return USER_FIELDS.has(field) || /[a-z0-9](Id|Ids)$/.test(field);
}

/** Whether a value is a UUID, the form of every record's id. */
const anId = (value: unknown): value is string => typeof value === 'string' && isUuid(value);

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * Kinds whose entries are about a part of something else that has a page: a verification step is
 * read on its incident's page. The field of the state that names it; else the id before the `:` of
 * a composite entity id (`<incident>:<seq>`, `<user>:<agreement>`).
 */
const SUBJECT_FIELDS: Readonly<Record<string, string>> = {
  evidence: 'incidentId',
  gate: 'phaseId',
  incident_response: 'incidentId',
  incident_step: 'incidentId',
  indicator_observation: 'indicatorId',
  membership: 'userId',
  phase_transition: 'phaseId',
  provision_status: 'provisionId',
  session: 'roundId',
  withdrawal_verification: 'itemId',
};

/** What an entry records a change of, as the audit log keeps it. */
export interface AuditSubjectInput {
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * The id of the record an entry's link opens: the entity itself, or for a part of another record
 * (a verification step, a piece of evidence, a role) the record it belongs to.
 */
export function auditSubjectId(entry: AuditSubjectInput): string {
  const field = SUBJECT_FIELDS[entry.entity];
  if (field) {
    const named = asRecord(entry.after)?.[field] ?? asRecord(entry.before)?.[field];
    if (typeof named === 'string' && named) return named;
  }
  const composite = entry.entityId.indexOf(':');
  return composite > 0 ? entry.entityId.slice(0, composite) : entry.entityId;
}

/** The ids a state's reference fields hold (top level only; a list's ids each). */
export function referencedIds(state: unknown): string[] {
  const record = asRecord(state);
  if (!record) return [];
  const ids: string[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (!isReferenceField(field)) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (anId(item)) ids.push(item);
  }
  return ids;
}

/**
 * Every id an entry shows that could be named: its entity, what that belongs to, the actor, and the
 * ids in the before and after states' reference fields. Only UUIDs: ids of nothing else exist.
 */
export function auditEntryIds(entry: AuditSubjectInput & { actorId: string | null }): string[] {
  const ids = [entry.entityId, auditSubjectId(entry), entry.actorId, ...referencedIds(entry.before), ...referencedIds(entry.after)];
  return [...new Set(ids.filter(anId))];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * What a state calls itself: a title, a name or an e-mail address, after its code when it has one
 * ("3.3 Halt attacks"); null when it has none of them (a verification step, a role).
 */
export function auditStateName(before: unknown, after: unknown): string | null {
  const state = asRecord(after) ?? asRecord(before);
  if (!state) return null;
  const code = text(state.code);
  const name = text(state.title) ?? text(state.name) ?? text(state.email);
  return code && name ? `${code} ${name}` : (code ?? name);
}

/** A record an audit entry refers to, as the database gives it for naming. */
export type NamedRecord =
  | { kind: 'incident'; id: string; category: string; place: string; occurredAt: string }
  | { kind: 'provision'; id: string; code: string; title: string }
  | { kind: 'clause'; id: string; documentId: string; documentTitle: string; number: string | null; position: number }
  | {
      kind: 'agreement' | 'party' | 'phase' | 'pillar' | 'zone' | 'document' | 'indicator' | 'round' | 'force_contributor' | 'budget_line' | 'user';
      id: string;
      name: string;
    };

/**
 * A record's name as the audit page shows it: an incident by its category, place and day in the
 * agreement's zone ("Shelling at Rafah, 2026-06-19"), a provision by code and title, a clause by its
 * number and document.
 */
export function namedRecordName(record: NamedRecord, timeZone: string): string {
  switch (record.kind) {
    case 'incident':
      // Named as a status change's evidence names it: one way of naming an incident.
      return incidentEvidenceLabel(record, timeZone);
    case 'provision':
      return record.code ? `${record.code} ${record.title}` : record.title;
    case 'clause':
      return `${record.number ? `Clause ${record.number}` : `Clause (paragraph ${record.position + 1})`}, ${record.documentTitle}`;
    default:
      return record.name;
  }
}

/** Where the web UI shows a record of the agreement `slug`: a path, or null for what has no page (a user). */
export function namedRecordPath(record: NamedRecord, slug: string): string | null {
  const base = `/agreements/${encodeURIComponent(slug)}`;
  switch (record.kind) {
    case 'agreement':
    case 'party':
    case 'pillar':
    case 'round':
      return base;
    case 'phase':
      return `${base}/phases/${record.id}/gate`;
    case 'provision':
      return `${base}/provisions/${record.id}`;
    case 'incident':
      return `${base}/incidents/${record.id}`;
    case 'zone':
      return `${base}/map?zone=${record.id}`;
    case 'document':
      return `${base}/documents/${record.id}`;
    case 'clause':
      return `${base}/documents/${record.documentId}`;
    case 'indicator':
      return `${base}/indicators/${record.id}`;
    case 'force_contributor':
    case 'budget_line':
      return `${base}/force`;
    case 'user':
      return null;
  }
}
