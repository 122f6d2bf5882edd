/**
 * The agreement model as plain values. Timestamps are ISO 8601 strings in UTC; planned windows
 * are calendar dates (YYYY-MM-DD).
 */
import type { Audience } from './access.ts';
import type {
  AgreementStatus,
  ImplementationStatus,
  PartyRole,
  PhaseStatus,
  ProvisionCategory,
} from './domain.ts';
import type { Credibility, IncidentCategory, IncidentStatus, Reliability, SourceType } from './incidents.ts';
import type { BBox, ZoneGeometry, ZoneKind } from './zones.ts';

export interface Agreement {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: AgreementStatus;
  /** IANA zone the agreement's times are shown in by default, e.g. Asia/Gaza. */
  timeZone: string;
  /** Marks a scenario drawn from public reporting rather than an official record. */
  illustrative: boolean;
  /** Readable without logging in (confidential items stay hidden). */
  public: boolean;
  sourceNote: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Party {
  id: string;
  agreementId: string;
  name: string;
  /** The party's name in its own script (Arabic, Hebrew...), rendered with its own direction. */
  localName: string | null;
  role: PartyRole;
  description: string;
  /** Whether it signs the agreement's negotiated texts; null follows its role (belligerents do). */
  signatory: boolean | null;
  version: number;
}

export interface Phase {
  id: string;
  agreementId: string;
  ordinal: number;
  name: string;
  objective: string;
  status: PhaseStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  version: number;
}

export interface Pillar {
  id: string;
  agreementId: string;
  ordinal: number;
  title: string;
  description: string;
  version: number;
}

export interface Provision {
  id: string;
  agreementId: string;
  phaseId: string;
  pillarId: string | null;
  ordinal: number;
  code: string;
  title: string;
  text: string;
  category: ProvisionCategory;
  /** Null when the obligation binds all parties jointly. */
  obligatedPartyId: string | null;
  deadline: string | null;
  verificationMethod: string;
  status: ImplementationStatus;
  /** The clause of a negotiated text it comes from. */
  clauseId: string | null;
  version: number;
  updatedAt: string;
}

export interface NegotiationRound {
  id: string;
  agreementId: string;
  title: string;
  venue: string;
  startsOn: string;
  endsOn: string | null;
  partyIds: string[];
  agenda: string;
  outcome: string;
  version: number;
}

/**
 * A note on the agreement or one provision. Its audience says who reads it: one party's circle
 * (`partyId`), the mediators only, or everyone who reads the agreement; `partyId` is the party it is
 * filed for (required for a party's circle). The author is recorded and shown.
 */
export interface PartyNote {
  id: string;
  agreementId: string;
  partyId: string | null;
  provisionId: string | null;
  title: string;
  body: string;
  audience: Audience;
  authorId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A named feature of an agreement on the map: a sector, corridor, checkpoint, line... */
export interface Zone {
  id: string;
  agreementId: string;
  name: string;
  kind: ZoneKind;
  description: string;
  geometry: ZoneGeometry;
  /** The properties of the GeoJSON feature it came from (codes, source, validity). */
  properties: Record<string, unknown>;
  bbox: BBox;
  /** 0 for points and lines. */
  areaSqKm: number;
  /** Geodesic length of a line; 0 for points and areas. */
  lengthKm: number;
  /** The party holding a controlled area; null for other kinds. */
  partyId: string | null;
  /** The date (YYYY-MM-DD) a controlled area's snapshot describes; null for other kinds. */
  asOf: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Casualty figures; null where unknown, which is not zero. */
export interface Casualties {
  killed: number | null;
  injured: number | null;
  civiliansKilled: number | null;
  civiliansInjured: number | null;
}

/** A reported incident. Its status moves only through the verification workflow. */
export interface Incident extends Casualties {
  id: string;
  agreementId: string;
  occurredAt: string;
  reportedAt: string;
  lon: number | null;
  lat: number | null;
  zoneId: string | null;
  /** Where it happened, in words (a town, a road, a crossing). */
  place: string;
  sourceType: SourceType;
  reliability: Reliability;
  credibility: Credibility;
  allegedPartyId: string | null;
  /** Set only by the step to "verified". */
  attributedPartyId: string | null;
  /** The party whose delegate filed it as a complaint; null otherwise. */
  reportingPartyId: string | null;
  category: IncidentCategory;
  description: string;
  status: IncidentStatus;
  duplicateOfId: string | null;
  externalSource: string | null;
  externalId: string | null;
  provisionIds: string[];
  reportedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One step of an incident's verification workflow; the history only grows. */
export interface IncidentStep {
  incidentId: string;
  seq: number;
  from: IncidentStatus;
  to: IncidentStatus;
  reason: string;
  actorId: string | null;
  actorName: string;
  at: string;
  attributedPartyId: string | null;
  duplicateOfId: string | null;
  /** Why a step to "verified" was taken without any evidence on the incident; null otherwise. */
  noEvidenceReason: string | null;
}

/** Evidence: a link, or a file kept in the database with its SHA-256. */
export interface Evidence {
  id: string;
  incidentId: string;
  kind: 'link' | 'file';
  name: string;
  url: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  description: string;
  addedBy: string | null;
  createdAt: string;
}

/** A party's answer to an allegation against it. */
export interface IncidentResponse {
  id: string;
  incidentId: string;
  partyId: string;
  body: string;
  authorId: string | null;
  authorName: string;
  createdAt: string;
}
