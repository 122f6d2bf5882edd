/**
 * A phase gate's conditions (docs/GATES.md): what must be true before the phase begins. Stored as
 * jsonb on `phase_gates`; checkGateConditions validates what a client sends before it is stored.
 */
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../domain.ts';
import { INCIDENT_CATEGORIES } from '../incidents.ts';
import type { RuleIssue } from '../rules.ts';
import { keysOf } from '../vocabulary.ts';

export const GATE_CONDITION_KIND_LABELS = {
  withdrawal_verified: 'Withdrawals verified',
  indicator_at_target: 'Indicator at target',
  no_verified_violation: 'No verified violation',
  clauses_agreed: 'Clauses agreed',
  provisions_status: 'Provisions implemented',
  force_covered: 'Force requirements covered',
  funding_committed: 'Funding committed',
};
export const GATE_CONDITION_KINDS = keysOf(GATE_CONDITION_KIND_LABELS);
export type GateConditionKind = keyof typeof GATE_CONDITION_KIND_LABELS;

/** A condition's `days` runs from 1 to a year. */
export const GATE_MAX_DAYS = 365;
/** Labels are shown in lists and transition records: one line. */
export const GATE_LABEL_MAX = 200;
/** More conditions than this is a gate nobody can read. */
export const GATE_MAX_CONDITIONS = 50;

/**
 * The statuses a provisions_status condition may ask for: the PAM scale, ordered. "disputed" is not
 * on it, so no gate waits for it (see provisionReached in evaluate.ts).
 */
export const GATE_PROVISION_STATUSES = IMPLEMENTATION_STATUSES.filter(
  (s): s is Exclude<ImplementationStatus, 'disputed'> => s !== 'disputed',
);

/** One condition; each has a `label`, what it says to a person. */
export type GateCondition =
  /** Every withdrawal item of the phase verified, and at least one. */
  | { kind: 'withdrawal_verified'; label: string; phaseId: string }
  /** The indicator at target for `days` days up to today (a weekly one: ⌈days / 7⌉ weeks). */
  | { kind: 'indicator_at_target'; label: string; indicatorId: string; days: number }
  /** No verified incident (of the category) occurred in the last `days` days. */
  | { kind: 'no_verified_violation'; label: string; category?: string; days: number }
  /** Every clause of the document agreed, as the reader's stances have it. */
  | { kind: 'clauses_agreed'; label: string; documentId: string }
  /** Every provision of the phase at `status` or past it on the PAM scale. */
  | { kind: 'provisions_status'; label: string; phaseId: string; status: ImplementationStatus }
  /** No personnel gap (for the capability). */
  | { kind: 'force_covered'; label: string; capability?: string }
  /** Committed ≥ share × budget; share 0 to 1, 1 when absent. */
  | { kind: 'funding_committed'; label: string; share?: number };

// Each kind's fields besides kind and label: required ones, then optional ones.
const FIELDS: Record<GateConditionKind, { required: readonly string[]; optional: readonly string[] }> = {
  withdrawal_verified: { required: ['phaseId'], optional: [] },
  indicator_at_target: { required: ['indicatorId', 'days'], optional: [] },
  no_verified_violation: { required: ['days'], optional: ['category'] },
  clauses_agreed: { required: ['documentId'], optional: [] },
  provisions_status: { required: ['phaseId', 'status'], optional: [] },
  force_covered: { required: [], optional: ['capability'] },
  funding_committed: { required: [], optional: ['share'] },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKind = (v: unknown): v is GateConditionKind => typeof v === 'string' && (GATE_CONDITION_KINDS as readonly string[]).includes(v);
const absent = (v: unknown) => v === undefined || v === null;

function checkField(kind: GateConditionKind, field: string, value: unknown, path: string): RuleIssue[] {
  const issue = (message: string): RuleIssue[] => [{ path, message }];
  switch (field) {
    case 'phaseId':
    case 'indicatorId':
    case 'documentId':
      return typeof value === 'string' && value.trim() !== '' ? [] : issue('must be an id');
    case 'days':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= GATE_MAX_DAYS
        ? []
        : issue(`must be a whole number of days from 1 to ${GATE_MAX_DAYS}`);
    case 'category':
      return (INCIDENT_CATEGORIES as readonly unknown[]).includes(value) ? [] : issue(`must be one of ${INCIDENT_CATEGORIES.join(', ')}`);
    case 'status':
      return (GATE_PROVISION_STATUSES as readonly unknown[]).includes(value) ? [] : issue(`must be one of ${GATE_PROVISION_STATUSES.join(', ')}`);
    case 'capability':
      return typeof value === 'string' && value.trim() !== '' ? [] : issue('must name a capability');
    case 'share':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? [] : issue('must be a number from 0 to 1');
    default:
      return issue(`is not a field of ${kind}`);
  }
}

function checkCondition(value: unknown, path: string): RuleIssue[] {
  if (!isObject(value)) return [{ path, message: 'must be an object' }];
  if (!isKind(value.kind)) return [{ path: `${path}.kind`, message: `must be one of ${GATE_CONDITION_KINDS.join(', ')}` }];
  const kind = value.kind;
  const issues: RuleIssue[] = [];
  if (typeof value.label !== 'string' || value.label.trim() === '') issues.push({ path: `${path}.label`, message: 'must say what the condition is' });
  else if (value.label.length > GATE_LABEL_MAX) issues.push({ path: `${path}.label`, message: `must be at most ${GATE_LABEL_MAX} characters` });
  const { required, optional } = FIELDS[kind];
  for (const field of required) {
    if (absent(value[field])) issues.push({ path: `${path}.${field}`, message: 'is required' });
    else issues.push(...checkField(kind, field, value[field], `${path}.${field}`));
  }
  for (const field of optional) {
    if (!absent(value[field])) issues.push(...checkField(kind, field, value[field], `${path}.${field}`));
  }
  for (const field of Object.keys(value)) {
    if (field !== 'kind' && field !== 'label' && !required.includes(field) && !optional.includes(field)) {
      issues.push({ path: `${path}.${field}`, message: `is not a field of ${kind}` });
    }
  }
  return issues;
}

/**
 * The problems with a gate's conditions as a client sent them, paths like `conditions.2.days`;
 * empty when they may be stored. Unknown fields are refused, so that a typo is not stored silently.
 */
export function checkGateConditions(value: unknown): RuleIssue[] {
  if (!Array.isArray(value)) return [{ path: 'conditions', message: 'must be a list' }];
  if (value.length > GATE_MAX_CONDITIONS) return [{ path: 'conditions', message: `must hold at most ${GATE_MAX_CONDITIONS} conditions` }];
  return value.flatMap((c, i) => checkCondition(c, `conditions.${i}`));
}

/**
 * The conditions, typed, when checkGateConditions finds nothing; optional fields sent as null are
 * dropped and labels trimmed, so what is stored is what evaluateGate reads.
 */
export function parseGateConditions(value: unknown): { ok: true; value: GateCondition[] } | { ok: false; issues: RuleIssue[] } {
  const issues = checkGateConditions(value);
  if (issues.length > 0) return { ok: false, issues };
  const conditions = (value as Array<Record<string, unknown>>).map((c) => {
    const kind = c.kind as GateConditionKind;
    const out: Record<string, unknown> = { kind, label: (c.label as string).trim() };
    for (const field of [...FIELDS[kind].required, ...FIELDS[kind].optional]) if (!absent(c[field])) out[field] = c[field];
    return out as GateCondition;
  });
  return { ok: true, value: conditions };
}
