/**
 * Pure helpers of the gate page (docs/GATES.md): where a condition's evidence leads, a transition in
 * words, and the conditions' form: drafts of strings to and from the stored conditions, and the
 * server's issues ("body.conditions.2.days") back to the condition and field they name.
 */
import type { GateConditionView, PhaseTransitionView } from '../../../src/contract/index.ts';
import type { ApiIssue } from '../shared/api.ts';

export type GateEvidence = { kind: 'withdrawal' | 'indicator' | 'incident' | 'clause' | 'provision' | 'requirement' | 'funding'; id: string; label: string; note?: string | undefined };
export type GateConditionKind = GateConditionView['kind'];

/** The page an item of evidence is on; null when there is none to open (a clause of an unknown document). */
export function evidenceHref(slug: string, condition: GateConditionView, evidence: GateEvidence): string | null {
  const base = `/agreements/${encodeURIComponent(slug)}`;
  const id = encodeURIComponent(evidence.id);
  switch (evidence.kind) {
    case 'clause':
      return condition.kind === 'clauses_agreed' ? `${base}/documents/${encodeURIComponent(condition.documentId)}` : null;
    case 'incident':
      return `${base}/incidents/${id}`;
    case 'withdrawal':
      return `${base}/ground`;
    case 'indicator':
      return `${base}/indicators/${id}`;
    case 'provision':
      return base;
    case 'requirement':
    case 'funding':
      return `${base}/force`;
  }
}

/** Met or not, in words that do not rely on colour. */
export function metWords(met: boolean): { icon: string; text: string } {
  return met ? { icon: '✓', text: 'Met' } : { icon: '✗', text: 'Not met' };
}

/** "Passed the gate" or "Overridden: the gate failed (2 of 6 met)". */
export function transitionWords(t: Pick<PhaseTransitionView, 'gatePassed' | 'overridden' | 'evaluation'>): string {
  const met = t.evaluation.conditions.filter((c) => c.met).length;
  const total = t.evaluation.conditions.length;
  if (t.overridden) return `Overridden: the gate failed (${met} of ${total} met)`;
  if (total === 0) return 'Advanced: no conditions';
  return t.gatePassed ? `Passed the gate (${total} of ${total} met)` : `Advanced (${met} of ${total} met)`;
}

/** A condition in the form: every field as a string, those of other kinds kept while the kind changes. */
export interface ConditionDraft {
  kind: GateConditionKind;
  label: string;
  phaseId: string;
  indicatorId: string;
  documentId: string;
  days: string;
  category: string;
  status: string;
  capability: string;
  share: string;
}

export const EMPTY_DRAFT: ConditionDraft = {
  kind: 'withdrawal_verified',
  label: '',
  phaseId: '',
  indicatorId: '',
  documentId: '',
  days: '7',
  category: '',
  status: 'full',
  capability: '',
  share: '1',
};

/** The fields each kind has besides its label, in the order the form shows them. */
export const KIND_FIELDS: Record<GateConditionKind, readonly (keyof ConditionDraft)[]> = {
  withdrawal_verified: ['phaseId'],
  indicator_at_target: ['indicatorId', 'days'],
  no_verified_violation: ['category', 'days'],
  clauses_agreed: ['documentId'],
  provisions_status: ['phaseId', 'status'],
  force_covered: ['capability'],
  funding_committed: ['share'],
};

export function conditionDraft(c: GateConditionView): ConditionDraft {
  const draft: ConditionDraft = { ...EMPTY_DRAFT, kind: c.kind, label: c.label };
  switch (c.kind) {
    case 'withdrawal_verified':
      return { ...draft, phaseId: c.phaseId };
    case 'indicator_at_target':
      return { ...draft, indicatorId: c.indicatorId, days: String(c.days) };
    case 'no_verified_violation':
      return { ...draft, category: c.category ?? '', days: String(c.days) };
    case 'clauses_agreed':
      return { ...draft, documentId: c.documentId };
    case 'provisions_status':
      return { ...draft, phaseId: c.phaseId, status: c.status };
    case 'force_covered':
      return { ...draft, capability: c.capability ?? '' };
    case 'funding_committed':
      return { ...draft, share: c.share === undefined ? '1' : String(c.share) };
  }
}

/** A number from a field, or the text itself when it is not one (the server then says why). */
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : trimmed;
}

/**
 * The condition as the API takes it: its kind, label and only its kind's fields; an optional field
 * left empty is left out. Nothing is checked here: the server checks every field and names it.
 */
export function draftToCondition(d: ConditionDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: d.kind, label: d.label.trim() };
  for (const field of KIND_FIELDS[d.kind]) {
    const value = d[field].trim();
    if (field === 'days' || field === 'share') out[field] = numberOf(value);
    else if ((field === 'category' || field === 'capability') && value === '') continue;
    else out[field] = value;
  }
  return out;
}

/** A condition's problems by field, and those of the gate as a whole, from the API's issues. */
export interface ConditionProblems {
  byCondition: Map<number, Partial<Record<string, string>>>;
  general: string[];
}

export function conditionProblems(issues: readonly ApiIssue[]): ConditionProblems {
  const byCondition = new Map<number, Partial<Record<string, string>>>();
  const general: string[] = [];
  for (const issue of issues) {
    const segments = issue.path.split('.').filter(Boolean);
    if (segments[0] === 'body') segments.shift();
    const index = segments[0] === 'conditions' && segments[1] !== undefined ? Number(segments[1]) : Number.NaN;
    if (!Number.isInteger(index)) {
      general.push(segments.length > 0 ? `${segments.join('.')}: ${issue.message}` : issue.message);
      continue;
    }
    const field = segments[2] ?? '';
    const fields = byCondition.get(index) ?? {};
    fields[field] ??= issue.message;
    byCondition.set(index, fields);
  }
  return { byCondition, general };
}
