/** What a provision's page writes about its status history, and the body its status form sends: pure, tested. */
import type { StatusChangeRequest, StatusEvidenceInput, StatusEvidenceView } from '../../../src/contract/index.ts';
import { IMPLEMENTATION_STATUSES, STATUS_LABELS, type ImplementationStatus } from '../../../src/core/domain.ts';
import { SOURCE_GRADES } from '../../../src/core/provision-status.ts';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from '../../../src/core/incidents.ts';
import type { ApiIssue } from '../shared/api.ts';

/** "B2 · usually reliable, probably true": an Admiralty grade in words. */
export function gradeText(grade: string): string {
  const reliability = RELIABILITY_LABELS[grade[0] as Reliability];
  const credibility = CREDIBILITY_LABELS[Number(grade.slice(1)) as Credibility];
  if (!reliability || !credibility) return grade;
  return `${grade} · ${reliability.toLowerCase()}, ${credibility.toLowerCase()}`;
}

/** The grade select's choices: none, then A1 to F6 in words. */
export const GRADE_OPTIONS: readonly { value: string; label: string }[] = [{ value: '', label: 'Not graded' }, ...SOURCE_GRADES.map((g) => ({ value: g, label: gradeText(g) }))];

/** The statuses a provision may move to: every one but its own. */
export function statusOptions(current: ImplementationStatus): { value: ImplementationStatus; label: string }[] {
  return IMPLEMENTATION_STATUSES.filter((s) => s !== current).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
}

/** "Source: ICRC · B2 · usually reliable, probably true", or what says none was given. */
export function sourceText(change: { source: string; sourceGrade: string | null }): string {
  const parts = [change.source.trim(), change.sourceGrade ? gradeText(change.sourceGrade) : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'No source given';
}

/** An evidence item as the form lists it before it is sent: incidents by the label they will carry. */
export type EvidenceDraft = { kind: 'incident'; incidentId: string; label: string } | { kind: 'url'; url: string; label: string };

export const evidenceKey = (e: EvidenceDraft | StatusEvidenceView): string => (e.kind === 'url' ? `url:${e.url}` : `incident:${e.incidentId ?? e.label}`);

/** Adds an item unless it is there already. */
export function withEvidence(list: readonly EvidenceDraft[], item: EvidenceDraft): EvidenceDraft[] {
  return list.some((e) => evidenceKey(e) === evidenceKey(item)) ? [...list] : [...list, item];
}

export interface StatusFormValues {
  /** '' until one is chosen. */
  status: ImplementationStatus | '';
  reason: string;
  source: string;
  grade: string;
  evidence: readonly EvidenceDraft[];
}

/** The request a status form sends, or the problems to show beside its fields before anything is sent. */
export function statusChangeBody(values: StatusFormValues, version: number): { ok: true; body: StatusChangeRequest } | { ok: false; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [];
  if (values.status === '') issues.push({ path: 'status', message: 'Choose the status the provision moves to.' });
  if (values.reason.trim() === '') issues.push({ path: 'reason', message: 'Say why the status changes: the reason is kept in the history for everyone who reads it.' });
  if (values.status === '' || issues.length > 0) return { ok: false, issues };
  const evidence: StatusEvidenceInput[] = values.evidence.map((e) => (e.kind === 'incident' ? { kind: 'incident', incidentId: e.incidentId } : { kind: 'url', url: e.url, label: e.label }));
  return {
    ok: true,
    body: { status: values.status, reason: values.reason.trim(), source: values.source.trim(), sourceGrade: values.grade === '' ? null : values.grade, evidence, version },
  };
}
