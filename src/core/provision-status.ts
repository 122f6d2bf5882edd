/**
 * A provision's status history (docs/DESK.md): every change of its implementation status with the
 * reason (required), the source and its Admiralty grade, and links to evidence. The rules and the
 * published forms (evidence links, CSV) are here; the database keeps the rows append-only.
 */
import { localDate } from './calendar.ts';
import type { ImplementationStatus } from './domain.ts';
import { CREDIBILITY_GRADES, INCIDENT_CATEGORY_LABELS, RELIABILITY_GRADES, type IncidentCategory } from './incidents.ts';
import type { RuleIssue } from './rules.ts';

/** Admiralty grades of a source: reliability A-F then credibility 1-6, "A1" to "F6". */
export const SOURCE_GRADES: readonly string[] = RELIABILITY_GRADES.flatMap((r) => CREDIBILITY_GRADES.map((c) => `${r}${c}`));

export function isSourceGrade(value: string): boolean {
  return /^[A-F][1-6]$/.test(value);
}

/** The reason of a provision's first row when whoever added it gave none. */
export const FIRST_STATUS_REASON = 'Added with this status';

/** What supports a change: an incident of the agreement, or a document on the web. */
export type StatusEvidence = { kind: 'incident'; incidentId: string; label: string } | { kind: 'url'; url: string; label: string };

/** Evidence as a reader sees it: an incident's id and label are left out for those who may not read incidents. */
export type StatusEvidenceShown = { kind: 'incident'; incidentId: string | null; label: string } | { kind: 'url'; url: string; label: string };

/** One row of a provision's status history; the first has `from` null. */
export interface ProvisionStatusChange {
  id: string;
  agreementId: string;
  provisionId: string;
  seq: number;
  from: ImplementationStatus | null;
  to: ImplementationStatus;
  reason: string;
  source: string;
  sourceGrade: string | null;
  evidence: StatusEvidence[];
  actorId: string | null;
  actorName: string;
  at: string;
}

/**
 * A change of status asked for: refused when it changes nothing, or comes without a reason.
 * `paths` names the request's fields (`status` and `reason` on the status route, `status` and
 * `statusReason` on a provision's PATCH).
 */
export function statusChangeIssues(
  change: { from: ImplementationStatus; to: ImplementationStatus; reason: string | null | undefined },
  paths: { status: string; reason: string } = { status: 'status', reason: 'reason' },
): RuleIssue[] {
  if (change.from === change.to) return [{ path: paths.status, message: `is already "${change.to}": a change of status must change it` }];
  if (!change.reason || change.reason.trim() === '') return [{ path: paths.reason, message: 'is required when the status changes: say why' }];
  return [];
}

/** Whether a PATCH moves the status: a status sent equal to the stored one changes nothing. */
export function patchChangesStatus(current: ImplementationStatus, patched: ImplementationStatus | undefined): patched is ImplementationStatus {
  return patched !== undefined && patched !== current;
}

/** "Shelling at Rafah, 19 Jun 2026" style label of an incident given as evidence, its day in the agreement's zone. */
export function incidentEvidenceLabel(incident: { category: IncidentCategory | string; place: string; occurredAt: string }, timeZone: string): string {
  const place = incident.place.trim();
  const day = localDate(new Date(incident.occurredAt), timeZone);
  // A category outside the vocabulary (an old row) reads as its name in words.
  const category = Object.hasOwn(INCIDENT_CATEGORY_LABELS, incident.category) ? INCIDENT_CATEGORY_LABELS[incident.category as IncidentCategory] : incident.category.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return `${category}${place ? ` at ${place}` : ''}, ${day}`;
}

/** What a reader who may not read incidents is told of an incident given as evidence. */
export const HIDDEN_INCIDENT_LABEL = 'An incident report (shown to the agreement’s members)';

/** Evidence as `mayReadIncidents` allows: an incident's id and label only for those who may read incidents. */
export function shownEvidence(evidence: readonly StatusEvidence[], mayReadIncidents: boolean): StatusEvidenceShown[] {
  return evidence.map((e) => (e.kind === 'incident' && !mayReadIncidents ? { kind: 'incident', incidentId: null, label: HIDDEN_INCIDENT_LABEL } : e));
}

/** The incidents named as evidence, once each, in order. */
export function evidenceIncidentIds(evidence: ReadonlyArray<{ kind: 'incident'; incidentId: string | null } | { kind: 'url'; url: string }>): string[] {
  return [...new Set(evidence.flatMap((e) => (e.kind === 'incident' && e.incidentId ? [e.incidentId] : [])))];
}

/** Where an evidence item leads: the address, or the incident's page (under `origin` when given); null when hidden. */
export function evidenceHref(e: StatusEvidenceShown, agreementSlug: string, origin = ''): string | null {
  // Links are listed with spaces between them: a space inside one is written escaped.
  if (e.kind === 'url') return e.url.replace(/\s/g, encodeURIComponent);
  if (e.incidentId === null) return null;
  return `${origin}/agreements/${encodeURIComponent(agreementSlug)}/incidents/${e.incidentId}`;
}

/** A row of the published history: a change as a reader sees it, its actor as named to them. */
export type PublishedStatusChange = Omit<ProvisionStatusChange, 'evidence' | 'actorId' | 'agreementId' | 'provisionId' | 'id'> & { evidence: StatusEvidenceShown[] };

export const STATUS_HISTORY_CSV_COLUMNS = ['seq', 'at', 'from', 'to', 'reason', 'source', 'grade', 'evidence', 'actor'] as const;

// A spreadsheet runs a cell that starts with one of these as a formula: a quote keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The history as CSV, oldest first, as the Barometer publishes its ratings: one row per change,
 * its instant in ISO 8601 UTC, the evidence as its links separated by spaces. Lines end in CRLF.
 */
export function statusHistoryCsv(changes: readonly PublishedStatusChange[], agreementSlug: string, origin = ''): string {
  const rows = [...changes]
    .sort((a, b) => a.seq - b.seq)
    .map((c) => [
      String(c.seq),
      c.at,
      c.from ?? '',
      c.to,
      safeText(c.reason),
      safeText(c.source),
      c.sourceGrade ?? '',
      c.evidence.flatMap((e) => {
        const href = evidenceHref(e, agreementSlug, origin);
        return href ? [safeText(href)] : [];
      }).join(' '),
      safeText(c.actorName),
    ]);
  return [[...STATUS_HISTORY_CSV_COLUMNS], ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
