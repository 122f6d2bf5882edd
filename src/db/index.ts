/** Storage: open(), the schema and the repositories. */
import type { Db } from './open.ts';
import { agreementRepository } from './repositories/agreements.repository.ts';
import { accountRepository } from './repositories/accounts.repository.ts';
import { auditRepository } from './repositories/audit.repository.ts';
import {
  noteRepository,
  partyRepository,
  phaseRepository,
  pillarRepository,
  roundRepository,
} from './repositories/parts.repository.ts';
import { clauseRepository, documentRepository, stanceRepository } from './repositories/negotiation.repository.ts';
import { incidentRecordRepository } from './repositories/incident-records.repository.ts';
import { incidentRepository } from './repositories/incidents.repository.ts';
import { provisionRepository } from './repositories/provisions.repository.ts';
import { provisionStatusRepository } from './repositories/provision-status.repository.ts';
import { referenceRepository } from './repositories/references.repository.ts';
import { roundSessionRepository } from './repositories/rounds.repository.ts';
import { zoneRepository } from './repositories/zones.repository.ts';
import { forceRepository } from './repositories/force.repository.ts';
import { groundRepository } from './repositories/ground.repository.ts';
import { gatesRepository } from './repositories/gates.repository.ts';
import { forecastRepository } from './repositories/forecast.repository.ts';
import { riskRepository } from './repositories/risk.repository.ts';
import { deskRepository } from './repositories/desk.repository.ts';

export * from './open.ts';
export { DataDirLockedError } from './lock.ts';
export type { HistoryStart, ProvisionInsert } from './repositories/provisions.repository.ts';
export type { StatusChangeInsert } from './repositories/provision-status.repository.ts';
export { BULK_COLUMNS } from './repositories/provisions.repository.ts';
export type { ApiToken, MembershipRow, User } from './repositories/accounts.repository.ts';
export { sha256, type AuditRecord } from './repositories/audit.repository.ts';
export type { Clause, ClauseVersion, DocumentSection, NegotiationDocument, Stance, StanceInsert } from './repositories/negotiation.repository.ts';
export type { ZoneInsert } from './repositories/zones.repository.ts';
export type { Reference } from './repositories/references.repository.ts';
export type { ClauseLabel, RoundSession } from './repositories/rounds.repository.ts';
export type { PhaseGate, PhaseTransition, VerifiedViolation } from './repositories/gates.repository.ts';
export { complianceQuery, COUNT_CAP, type ComplianceCountQuery, type IncidentCursor, type IncidentFilter, type IncidentPageQuery } from './repositories/incidents.repository.ts';
export type { EvidenceInsert } from './repositories/incident-records.repository.ts';
export * as incidentBulk from './repositories/incidents.bulk.ts';
export type { IncidentBulkRow } from './repositories/incidents.bulk.ts';

/** Every repository over one Drizzle handle (the database, or a transaction). */
export function repositories(db: Db) {
  return {
    agreements: agreementRepository(db),
    parties: partyRepository(db),
    phases: phaseRepository(db),
    pillars: pillarRepository(db),
    provisions: provisionRepository(db),
    provisionStatus: provisionStatusRepository(db),
    rounds: roundRepository(db),
    roundSessions: roundSessionRepository(db),
    notes: noteRepository(db),
    zones: zoneRepository(db),
    incidents: incidentRepository(db),
    incidentRecords: incidentRecordRepository(db),
    accounts: accountRepository(db),
    audit: auditRepository(db),
    references: referenceRepository(db),
    documents: documentRepository(db),
    clauses: clauseRepository(db),
    stances: stanceRepository(db),
    ground: groundRepository(db),
    force: forceRepository(db),
    gates: gatesRepository(db),
    forecast: forecastRepository(db),
    risk: riskRepository(db),
    desk: deskRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
