/**
 * Phase gates (docs/GATES.md): a phase's conditions as data, their evaluation as the reader may see
 * it, advancing a phase through its gate (or over it, with a reason), the record of each advance,
 * and what if: the gates and the force's gaps under assumptions, nothing saved.
 */
import { z } from 'zod';
import { GATE_CONDITION_KINDS, GATE_MAX_CONDITIONS, GATE_PROVISION_STATUSES, INCIDENT_CATEGORIES } from '../core/index.ts';
import { PhaseStatus, PhaseView } from './agreements.ts';
import { AgreementRefParams, Id, IsoDateTime, isStorableJson, STORABLE_TEXT_MESSAGE, text, Version } from './common.ts';
import { ForceAssumptionView, ForceGapsView, FundingGapsView } from './force-views.ts';

export const PhaseRefParams = AgreementRefParams.extend({ phase: Id });

const Label = z.string().describe('What the condition says to a person');
const Days = z.number().int().describe('Days up to today, 1 to 365');
const Day = z.string().describe('YYYY-MM-DD, in the agreement\'s time zone');

/** One stored condition; core's checkGateConditions holds the rules (conditions.ts). */
export const GateConditionView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('withdrawal_verified'), label: Label, phaseId: Id }).describe('Every withdrawal item of the phase verified (and at least one)'),
  z.object({ kind: z.literal('indicator_at_target'), label: Label, indicatorId: Id, days: Days }).describe('The indicator at target for `days` days up to today'),
  z.object({ kind: z.literal('no_verified_violation'), label: Label, category: z.enum(INCIDENT_CATEGORIES).optional(), days: Days }).describe('No verified incident (of the category) in the last `days` days'),
  z.object({ kind: z.literal('clauses_agreed'), label: Label, documentId: Id }).describe("Every clause of the document agreed, from the stances the reader may see"),
  z.object({ kind: z.literal('provisions_status'), label: Label, phaseId: Id, status: z.enum(GATE_PROVISION_STATUSES) }).describe('Every provision of the phase at the status or beyond'),
  z.object({ kind: z.literal('force_covered'), label: Label, capability: z.string().optional() }).describe('No personnel gap (for the capability)'),
  z.object({ kind: z.literal('funding_committed'), label: Label, share: z.number().optional().describe('0 to 1; 1 when absent') }).describe('Committed ≥ share × budget'),
]);
export type GateConditionView = z.infer<typeof GateConditionView>;

export const GateEvidenceView = z.object({
  kind: z.enum(['withdrawal', 'indicator', 'incident', 'clause', 'provision', 'requirement', 'funding']),
  id: z.string(),
  label: z.string(),
  note: z.string().optional(),
});

export const GateConditionResultView = z.object({
  index: z.number().int(),
  condition: GateConditionView,
  met: z.boolean(),
  detail: z.string().describe('One sentence, the same words for every reader who sees the same facts'),
  evidence: z.array(GateEvidenceView).describe('What it was judged on, of what you may open'),
  since: Day.nullable().describe('The first day of the run that makes it hold; null when not met or not known'),
});

export const GateEvaluationView = z.object({
  passes: z.boolean().describe('Every condition met; a gate without conditions passes'),
  conditions: z.array(GateConditionResultView),
});
export type GateEvaluationView = z.infer<typeof GateEvaluationView>;

export const PhaseTransitionView = z.object({
  id: Id,
  phaseId: Id,
  fromStatus: PhaseStatus,
  toStatus: PhaseStatus,
  gatePassed: z.boolean(),
  overridden: z.boolean().describe('Advanced over a failing gate, with a reason'),
  reason: z.string(),
  actorName: z.string(),
  at: IsoDateTime,
  evaluation: GateEvaluationView.describe("The gate as it stood when the phase advanced (the mediators' view)"),
});
export type PhaseTransitionView = z.infer<typeof PhaseTransitionView>;

export const GateView = z.object({
  id: Id,
  phaseId: Id,
  conditions: z.array(GateConditionView),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type GateView = z.infer<typeof GateView>;

export const PhaseGateView = z.object({
  phase: PhaseView,
  gate: GateView.nullable().describe('Null when the phase has no gate'),
  today: Day,
  evaluation: GateEvaluationView.describe('From what you may see'),
  lastTransition: PhaseTransitionView.nullable().describe('The newest advance of the phase'),
});
export type PhaseGateView = z.infer<typeof PhaseGateView>;

export const PhaseGatesView = z.object({
  today: Day,
  items: z.array(PhaseGateView).describe('Every phase in order, with its gate (or none)'),
});
export type PhaseGatesView = z.infer<typeof PhaseGatesView>;

export const GatePut = z.strictObject({
  conditions: z
    .array(z.unknown())
    .refine(isStorableJson, STORABLE_TEXT_MESSAGE)
    .describe(
      `At most ${GATE_MAX_CONDITIONS} conditions, each { kind, label, ...its fields }; kinds: ${GATE_CONDITION_KINDS.join(', ')} (docs/GATES.md). ` +
        'Checked field by field: a 400 names conditions.N.field; ids must be of this agreement.',
    ),
  version: Version.optional().describe('The gate\'s version you read; absent to create the gate'),
});
export type GatePut = z.input<typeof GatePut>;

export const PhaseAdvance = z.strictObject({
  version: Version.describe("The phase's version you read"),
  override: z.boolean().default(false).describe('Advance over a failing gate (phase:advance, with a reason)'),
  reason: text(2000).default('').describe('Why: required with override'),
});
export type PhaseAdvance = z.input<typeof PhaseAdvance>;

export const PhaseAdvanced = z.object({
  phase: PhaseView.describe('Now active'),
  completed: z.array(PhaseView).describe('The phases that were active before, now completed'),
  transition: PhaseTransitionView,
});
export type PhaseAdvanced = z.infer<typeof PhaseAdvanced>;

export const PhaseTransitionsView = z.object({ items: z.array(PhaseTransitionView).describe('Newest first') });
export type PhaseTransitionsView = z.infer<typeof PhaseTransitionsView>;

export const WhatIfAnswer = z.object({
  assumptions: z.array(ForceAssumptionView.extend({ text: z.string(), label: z.string().describe('In words, with names') })).describe('As parsed, in the order applied; nothing is saved'),
  force: ForceGapsView,
  funding: FundingGapsView,
  gates: z.array(PhaseGateView).describe("Each phase's gate under the assumptions"),
});
export type WhatIfAnswer = z.infer<typeof WhatIfAnswer>;
