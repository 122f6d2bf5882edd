/**
 * A provision's status history (docs/DESK.md): changes of status with their reason, source, grade
 * and evidence, each appended and audited in the transaction that changes the provision; the history
 * published as JSON or CSV; and everything a provision's page shows.
 */
import type { IndicatorView, Parsed, ProvisionPageView, StatusChanged, StatusChangeRequest, StatusChangeView, StatusEvidenceInput, StatusHistoryView } from '../../contract/index.ts';
import {
  assertRules,
  can,
  DomainError,
  incidentEvidenceLabel,
  shownEvidence,
  staleVersion,
  statusChangeIssues,
  statusHistoryCsv,
  type Agreement,
  type ImplementationStatus,
  type Principal,
  type Provision,
  type ProvisionStatusChange,
  type RuleIssue,
  type StatusEvidence,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Write, WriteContext } from '../write.ts';

/** A 400 naming each field, as request validation gives one. */
export function invalid(issues: RuleIssue[]): never {
  throw new DomainError('validation_failed', `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** How many incidents bearing on a provision its page lists (newest first); the total says how many there are. */
export const PAGE_INCIDENTS = 50;

/**
 * The evidence of a change as stored: each incident must be one of the agreement's (422 naming
 * `<path>.<i>.incidentId`) and is labelled from the incident; a link without a label is labelled
 * with itself. An item named twice is kept once.
 */
export async function resolveEvidence(repos: Repositories, agreement: Agreement, input: readonly StatusEvidenceInput[], path: string): Promise<StatusEvidence[]> {
  const issues: RuleIssue[] = [];
  const evidence: StatusEvidence[] = [];
  const seen = new Set<string>();
  for (const [i, item] of input.entries()) {
    const key = item.kind === 'incident' ? `incident:${item.incidentId}` : `url:${item.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (item.kind === 'url') {
      evidence.push({ kind: 'url', url: item.url, label: item.label?.trim() || item.url });
      continue;
    }
    const incident = await repos.incidents.get(agreement.id, item.incidentId).catch(() => null);
    if (!incident) issues.push({ path: `${path}.${i}.incidentId`, message: 'is not an incident of this agreement' });
    else evidence.push({ kind: 'incident', incidentId: incident.id, label: incidentEvidenceLabel(incident, agreement.timeZone) });
  }
  assertRules(issues);
  return evidence;
}

/** A change to append to a provision's history. */
export interface ChangeToAppend {
  from: ImplementationStatus | null;
  reason: string;
  source?: string | undefined;
  sourceGrade?: string | null | undefined;
  evidence: StatusEvidence[];
}

/** Appends the provision's next history row (to its current status) and its audit entry, in the caller's transaction. */
export async function appendChange(ctx: WriteContext, clock: Clock, actor: Actor, provision: Provision, change: ChangeToAppend): Promise<ProvisionStatusChange> {
  const row = await ctx.repos.provisionStatus.append({
    agreementId: provision.agreementId,
    provisionId: provision.id,
    from: change.from,
    to: provision.status,
    reason: change.reason.trim(),
    source: change.source?.trim() ?? '',
    sourceGrade: change.sourceGrade ?? null,
    evidence: change.evidence,
    actorId: actor.id,
    actorName: actor.name,
    at: clock.now(),
  });
  await ctx.record({ action: 'create', entity: 'provision_status', entityId: row.id, agreementId: provision.agreementId, before: null, after: row });
  return row;
}

export function provisionStatusService({ repos, write, clock, indicators }: { repos: Repositories; write: Write; clock: Clock; indicators: { list(ref: string): Promise<IndicatorView[]> } }) {
  /** Changes as `principal` reads them: actors by their account's name, incidents only for those who may read incidents. */
  async function published(agreement: Agreement, principal: Principal, changes: readonly ProvisionStatusChange[]): Promise<StatusChangeView[]> {
    const mayReadIncidents = can(principal, 'incident:read', agreement);
    const names = await repos.accounts.namesOf([...new Set(changes.flatMap((c) => (c.actorId ? [c.actorId] : [])))]);
    return changes.map((c) => ({
      seq: c.seq,
      from: c.from,
      to: c.to,
      reason: c.reason,
      source: c.source,
      sourceGrade: c.sourceGrade,
      evidence: shownEvidence(c.evidence, mayReadIncidents),
      actorName: (c.actorId ? names.get(c.actorId) : undefined) ?? c.actorName,
      at: c.at,
    }));
  }

  async function historyOf(ref: string, id: string, principal: Principal) {
    const agreement = await repos.agreements.get(ref);
    const provision = await repos.provisions.get(agreement.id, id);
    const items = await published(agreement, principal, await repos.provisionStatus.history(agreement.id, provision.id));
    return { agreement, provision, items };
  }

  return {
    /**
     * Changes the status: a change without a reason is refused by the request's schema (400); one
     * that changes nothing is a 422 naming `status`; a stale version a 409. The provision's update
     * and the history row are audited together.
     */
    async change(ref: string, id: string, request: Parsed<typeof StatusChangeRequest>, principal: Principal, actor: Actor): Promise<StatusChanged> {
      const { agreement, provision, row } = await write(actor, async (ctx) => {
        const { repos: tx, record } = ctx;
        const agreement = await tx.agreements.get(ref);
        const before = await tx.provisions.get(agreement.id, id);
        // A stale version is a 409 before the change is judged against a status that may have moved.
        if (request.version !== before.version) throw staleVersion('Provision', id, request.version, before.version);
        // The schema refused a blank reason (400); what is left is a status already held (422).
        assertRules(statusChangeIssues({ from: before.status, to: request.status, reason: request.reason }));
        const evidence = await resolveEvidence(tx, agreement, request.evidence, 'evidence');
        const after = await tx.provisions.update(agreement.id, id, request.version, { status: request.status });
        await record({ action: 'update', entity: 'provision', entityId: id, agreementId: agreement.id, before, after });
        const row = await appendChange(ctx, clock, actor, after, { from: before.status, reason: request.reason, source: request.source, sourceGrade: request.sourceGrade, evidence });
        return { agreement, provision: after, row };
      });
      // Read once the write has ended: PGlite runs one statement at a time, the transaction's first.
      const [change] = await published(agreement, principal, [row]);
      return { provision, change: change! };
    },

    /** The provision's history, oldest first, as JSON. */
    async history(ref: string, id: string, principal: Principal): Promise<StatusHistoryView> {
      const { provision, items } = await historyOf(ref, id, principal);
      return { provisionId: provision.id, code: provision.code, title: provision.title, items };
    },

    /** The history as CSV, with its file name; incident links under `origin` (the server's address) when given. */
    async historyCsv(ref: string, id: string, principal: Principal, origin = ''): Promise<{ fileName: string; text: string }> {
      const { agreement, provision, items } = await historyOf(ref, id, principal);
      const name = (provision.code || provision.id.slice(0, 8)).replace(/[^A-Za-z0-9._-]+/g, '-');
      return { fileName: `${agreement.slug}-provision-${name}-status-history.csv`, text: statusHistoryCsv(items, agreement.slug, origin) };
    },

    /** Everything a provision's page shows, for `principal`: incidents only for those who may read them. */
    async page(ref: string, id: string, principal: Principal): Promise<ProvisionPageView> {
      const agreement = await repos.agreements.get(ref);
      const provision = await repos.provisions.get(agreement.id, id);
      const mayReadIncidents = can(principal, 'incident:read', agreement);
      const [phase, pillar, obligatedParty, clause, measuring, incidents, history] = await Promise.all([
        repos.phases.get(agreement.id, provision.phaseId),
        provision.pillarId ? repos.pillars.get(agreement.id, provision.pillarId) : null,
        provision.obligatedPartyId ? repos.parties.get(agreement.id, provision.obligatedPartyId) : null,
        clauseOf(repos, agreement.id, provision.clauseId),
        indicators.list(agreement.id).then((all) => all.filter((i) => i.provisionId === provision.id)),
        mayReadIncidents ? repos.incidents.page(agreement.id, { provisionId: provision.id, order: 'desc', limit: PAGE_INCIDENTS, offset: 0 }) : null,
        repos.provisionStatus.history(agreement.id, provision.id).then((changes) => published(agreement, principal, changes)),
      ]);
      return {
        agreement,
        provision,
        phase,
        pillar,
        obligatedParty,
        clause,
        indicators: measuring,
        incidents: {
          shown: mayReadIncidents,
          items: (incidents?.items ?? []).map(({ id: incidentId, occurredAt, category, place, status, allegedPartyId, attributedPartyId }) => ({
            id: incidentId,
            occurredAt,
            category,
            place,
            status,
            allegedPartyId,
            attributedPartyId,
          })),
          total: incidents?.total ?? 0,
          limit: PAGE_INCIDENTS,
        },
        history,
      };
    },
  };
}
export type ProvisionStatusService = ReturnType<typeof provisionStatusService>;

/** The clause a provision comes from, with its document's id and title; null when none. */
async function clauseOf(repos: Repositories, agreementId: string, clauseId: string | null): Promise<ProvisionPageView['clause']> {
  if (!clauseId) return null;
  const documents = await repos.documents.list(agreementId);
  const clause = (await repos.clauses.listIn(documents.map((d) => d.id))).find((c) => c.id === clauseId);
  if (!clause) return null;
  return { clauseId: clause.id, documentId: clause.documentId, documentTitle: documents.find((d) => d.id === clause.documentId)?.title ?? '', number: clause.number };
}
