/**
 * The agreement model as plain values. Timestamps are ISO 8601 strings in UTC; planned windows
 * are calendar dates (YYYY-MM-DD).
 */
import type {
  AgreementStatus,
  ImplementationStatus,
  PartyRole,
  PhaseStatus,
  ProvisionCategory,
} from './domain.ts';

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

/** A party's note on the agreement or on one provision; a confidential one stays inside that party's circle. */
export interface PartyNote {
  id: string;
  agreementId: string;
  partyId: string;
  provisionId: string | null;
  title: string;
  body: string;
  confidential: boolean;
  authorId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
