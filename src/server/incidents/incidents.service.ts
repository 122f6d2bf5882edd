/**
 * Incident reports and their verification workflow. A report is filed by a monitor, a mediator,
 * an administrator, or a party's delegate (then always as that party's complaint); it moves only
 * through the transitions of core's INCIDENT_TRANSITIONS, each step with a reason, appended to the
 * incident's history and to the audit log in one transaction. Attribution happens only on "verified".
 */
import type { IncidentCreate, IncidentListQuery, IncidentUpdate, Parsed, TransitionRequest } from '../../contract/index.ts';
import {
  assertRules,
  checkIncidentFacts,
  checkTransition,
  ConflictError,
  delegatePartyOf,
  ForbiddenError,
  INCIDENT_TRANSITIONS,
  mayEditIncident,
  RuleViolationError,
  staleVersion,
  storedZoneIssues,
  zoneAssigner,
  type Incident,
  type Principal,
} from '../../core/index.ts';
import type { IncidentFilter, Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { withDateColumns } from '../columns.ts';
import { exportIncidents, type ExportFormat } from './export.ts';
import { checkReferences, type NamedIds } from '../references.ts';
import type { Actor, Write } from '../write.ts';

/** The ids a report names, each of which must belong to its agreement. */
const incidentReferences = (refs: { allegedPartyId?: string | null; zoneId?: string | null; provisionIds?: readonly string[] | undefined }): NamedIds[] => [
  { path: 'allegedPartyId', kind: 'party', id: refs.allegedPartyId },
  { path: 'zoneId', kind: 'zone', id: refs.zoneId },
  { path: 'provisionIds', kind: 'provision', ids: refs.provisionIds },
];

/** The zone a point lies in: zones whose box holds the point, then the precise test (core). */
export async function zoneOfPoint(repos: Repositories, agreementId: string, lon: number, lat: number): Promise<string | null> {
  const candidates = await repos.zones.filter(agreementId, { bbox: [lon, lat, lon, lat] });
  return zoneAssigner(candidates)(lon, lat);
}

/** Incidents selected by ids and instants, as a request's filter or the CLI's names resolve to. */
export type IncidentSelection = IncidentFilter & { order?: 'asc' | 'desc' | undefined };

export function incidentService({ repos, write, clock }: { repos: Repositories; write: Write; clock: Clock }) {
  return {
    /** A page of the incidents a resolved selection names, in its order (newest first unless it says). */
    async selectedPage(ref: string, selection: IncidentSelection, page: { limit: number; offset: number }) {
      const agreement = await repos.agreements.get(ref);
      return repos.incidents.page(agreement.id, { ...selection, order: selection.order ?? 'desc', ...page });
    },

    /** The agreement, and the text of an export of the incidents a selection names, chunk by chunk (see exportIncidents). */
    async exportOf(ref: string, selection: IncidentSelection, format: ExportFormat, limit?: number) {
      const agreement = await repos.agreements.get(ref);
      return { agreement, chunks: exportIncidents(repos, agreement.id, selection, format, limit) };
    },

    async page(ref: string, query: Parsed<typeof IncidentListQuery>) {
      const agreement = await repos.agreements.get(ref);
      return repos.incidents.page(agreement.id, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
    },

    /** An incident with its history, evidence (metadata only), responses and the steps open to it. */
    async detail(ref: string, id: string) {
      const agreement = await repos.agreements.get(ref);
      const incident = await repos.incidents.get(agreement.id, id);
      const [history, evidence, responses] = await Promise.all([
        repos.incidentRecords.history(id),
        repos.incidentRecords.evidence(id),
        repos.incidentRecords.responses(id),
      ]);
      return { ...incident, history, evidence, responses, allowedTransitions: [...INCIDENT_TRANSITIONS[incident.status]] };
    },

    /**
     * Files a report. A delegate files it as its party's complaint; a point without a zone is given
     * the zone that contains it.
     */
    create: (ref: string, input: Parsed<typeof IncidentCreate>, principal: Principal, actor: Actor): Promise<Incident> =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const party = delegatePartyOf(principal, agreement.id);
        if (party && input.sourceType && input.sourceType !== 'party_complaint') {
          assertRules([{ path: 'sourceType', message: "a party delegate reports its party's complaints (party_complaint)" }]);
        }
        const { provisionIds, ...fields } = input;
        assertRules(checkIncidentFacts(fields, clock.now()));
        await checkReferences(tx, agreement.id, incidentReferences(input));
        const zoneId = fields.zoneId ?? (fields.lon !== null && fields.lat !== null ? await zoneOfPoint(tx, agreement.id, fields.lon, fields.lat) : null);
        const incident = await tx.incidents.insert(
          {
            ...withDateColumns(fields, ['occurredAt']),
            agreementId: agreement.id,
            zoneId,
            sourceType: party ? 'party_complaint' : (fields.sourceType ?? 'monitor'),
            reportingPartyId: party,
            reportedAt: clock.now(),
            reportedBy: actor.id,
            status: 'reported',
          },
          provisionIds,
        );
        await record({ action: 'create', entity: 'incident', entityId: incident.id, agreementId: agreement.id, before: null, after: incident });
        return incident;
      }),

    /**
     * Edits a report's facts (never its status or attribution). A delegate edits only its own
     * party's reports, while they are still "reported". Moving the point re-assigns the zone
     * unless the edit names one.
     */
    update: (ref: string, id: string, input: Parsed<typeof IncidentUpdate>, principal: Principal, actor: Actor): Promise<Incident> =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const before = await tx.incidents.get(agreement.id, id);
        const party = delegatePartyOf(principal, agreement.id);
        if (!mayEditIncident(principal, before)) {
          throw new ForbiddenError("A party delegate edits only its own party's reports, and only before they are triaged");
        }
        if (party && input.sourceType && input.sourceType !== 'party_complaint') {
          assertRules([{ path: 'sourceType', message: "a party delegate reports its party's complaints (party_complaint)" }]);
        }
        const { version, provisionIds, ...patch } = input;
        if (before.status === 'verified') assertRules(storedZoneIssues(agreement.timeZone));
        const merged = { ...before, ...patch };
        assertRules(checkIncidentFacts(merged, clock.now()));
        await checkReferences(tx, agreement.id, incidentReferences({ ...patch, provisionIds }));
        const moved = (patch.lon !== undefined || patch.lat !== undefined) && (merged.lon !== before.lon || merged.lat !== before.lat);
        const zone =
          patch.zoneId === undefined && moved && merged.lon !== null && merged.lat !== null
            ? { zoneId: await zoneOfPoint(tx, agreement.id, merged.lon, merged.lat) }
            : {};
        const after = await tx.incidents.update(agreement.id, id, version, { ...withDateColumns(patch, ['occurredAt']), ...zone }, provisionIds);
        await record({ action: 'update', entity: 'incident', entityId: id, agreementId: agreement.id, before, after });
        return after;
      }),

    /**
     * One step of the workflow. An illegal step is a 409 listing the allowed ones; an incomplete
     * one (no reason, attribution off "verified", no duplicate target, "verified" with neither
     * evidence nor a reason for going without) a 422. Evidence is counted in the step's transaction.
     */
    transition: (ref: string, id: string, request: Parsed<typeof TransitionRequest>, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const before = await tx.incidents.get(agreement.id, id);
        if (request.version !== undefined && request.version !== before.version) throw staleVersion('Incident', id, request.version, before.version);
        // Verified incidents are counted per local day by a trigger, in the agreement's zone.
        assertRules(storedZoneIssues(agreement.timeZone));
        // Evidence is never removed, so a count seen here still holds when the step commits.
        const evidenceCount = request.to === 'verified' ? await tx.incidentRecords.evidenceCount(id) : 0;
        const check = checkTransition({ from: before.status, ...request, evidenceCount });
        if (!check.ok && check.code === 'illegal_transition') {
          throw new ConflictError('illegal_transition', check.message, { from: before.status, to: request.to, allowed: check.allowed });
        }
        if (!check.ok) throw new RuleViolationError(check.message, { issues: [{ path: check.path, message: check.message }] });
        const attributedPartyId = request.attributedPartyId ?? null;
        const duplicateOfId = request.duplicateOfId ?? null;
        if (attributedPartyId && !(await tx.parties.get(agreement.id, attributedPartyId).catch(() => null))) {
          assertRules([{ path: 'attributedPartyId', message: 'is not a party to this agreement' }]);
        }
        if (duplicateOfId) {
          const target = duplicateOfId === id ? 'self' : await tx.incidents.statusOf(agreement.id, duplicateOfId);
          if (target === 'self') assertRules([{ path: 'duplicateOfId', message: 'an incident cannot duplicate itself' }]);
          if (target === null) assertRules([{ path: 'duplicateOfId', message: 'is not an incident of this agreement' }]);
          if (target === 'duplicate') assertRules([{ path: 'duplicateOfId', message: 'is itself a duplicate: name the original' }]);
        }
        const after = await tx.incidents.update(agreement.id, id, before.version, {
          status: request.to,
          ...(request.to === 'verified' ? { attributedPartyId } : {}),
          ...(request.to === 'duplicate' ? { duplicateOfId } : {}),
        });
        const step = await tx.incidentRecords.appendStep({
          incidentId: id,
          from: before.status,
          to: request.to,
          reason: request.reason,
          actorId: actor.id,
          actorName: actor.name,
          at: clock.now(),
          attributedPartyId,
          duplicateOfId,
          // Blank is no reason (checkTransition); kept only on a step to "verified" without evidence.
          noEvidenceReason: request.noEvidenceReason || null,
        });
        await record({ action: 'create', entity: 'incident_step', entityId: `${id}:${step.seq}`, agreementId: agreement.id, before: null, after: step });
        await record({ action: 'update', entity: 'incident', entityId: id, agreementId: agreement.id, before, after });
        return after;
      }),
  };
}
export type IncidentService = ReturnType<typeof incidentService>;
