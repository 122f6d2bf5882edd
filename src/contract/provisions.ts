/** Provisions (obligations) and the Strategic Matrix. */
import { z } from 'zod';
import { IMPLEMENTATION_STATUSES, isSourceGrade, PROVISION_CATEGORIES } from '../core/index.ts';
import { AgreementView, PartyView, PhaseView, PillarView } from './agreements.ts';
import { Id, SearchText, IsoDateTime, isStorableText, PageQuery, requiredText, STORABLE_TEXT_MESSAGE, text, Version } from './common.ts';
import { IndicatorView } from './ground.ts';
import { IncidentView } from './incidents.ts';

export const ProvisionCategory = z.enum(PROVISION_CATEGORIES);
export const ImplementationStatus = z.enum(IMPLEMENTATION_STATUSES);

export const ProvisionView = z.object({
  id: Id,
  agreementId: Id,
  phaseId: Id,
  pillarId: Id.nullable(),
  ordinal: z.number().int(),
  code: z.string(),
  title: z.string(),
  text: z.string(),
  category: ProvisionCategory,
  obligatedPartyId: Id.nullable().describe('Null when all parties are bound jointly'),
  deadline: IsoDateTime.nullable(),
  verificationMethod: z.string(),
  status: ImplementationStatus,
  clauseId: Id.nullable().describe('The clause of a negotiated document it comes from'),
  version: z.number().int(),
  updatedAt: IsoDateTime,
});
export type ProvisionView = z.infer<typeof ProvisionView>;

const Ordinal = z.number().int().min(1).max(100_000);

// --- Status history (docs/DESK.md) ---------------------------------------------------------------

export const SourceGrade = z
  .string()
  .refine(isSourceGrade, 'must be an Admiralty grade from A1 to F6: reliability A-F, then credibility 1-6')
  .describe('Admiralty grade of the source: reliability A (completely reliable) to F (cannot be judged), then credibility 1 (confirmed) to 6 (cannot be judged)');

export const StatusEvidenceInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('incident'), incidentId: Id.describe("An incident of the agreement; its label is taken from the incident") }),
  z.strictObject({
    kind: z.literal('url'),
    url: z.url({ protocol: /^https?$/ }).max(2000).refine(isStorableText, STORABLE_TEXT_MESSAGE).describe('http or https link'),
    label: text(200).default('').describe('Defaults to the link'),
  }),
]);
export type StatusEvidenceInput = z.input<typeof StatusEvidenceInput>;

const StatusSource = text(500).describe('Who says so: a monitoring report, a mission, a party\'s statement');
const StatusEvidenceList = z.array(StatusEvidenceInput).max(20);

/** POST .../provisions/:id/status: a change of status, with why, on what source, and the evidence. */
export const StatusChangeRequest = z.strictObject({
  status: ImplementationStatus,
  reason: requiredText(4000).describe('Why the status changes: required, kept in the history for everyone who reads it'),
  source: StatusSource.default(''),
  sourceGrade: SourceGrade.nullable().default(null),
  evidence: StatusEvidenceList.default([]),
  version: Version,
});
export type StatusChangeRequest = z.input<typeof StatusChangeRequest>;

/** The fields a provision's POST and PATCH carry for its status history. */
const StatusHistoryFields = {
  statusReason: text(4000)
    .optional()
    .describe('Why the status is what it is: required when a PATCH changes `status` (400 naming it otherwise); on a new provision, the first history row\'s reason'),
  statusSource: StatusSource.optional(),
  statusSourceGrade: SourceGrade.nullable().optional(),
  statusEvidence: StatusEvidenceList.optional(),
};

export const StatusEvidenceView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), incidentId: Id.nullable().describe('Null for readers who may not read incident reports'), label: z.string() }),
  z.object({ kind: z.literal('url'), url: z.string(), label: z.string() }),
]);
export type StatusEvidenceView = z.infer<typeof StatusEvidenceView>;

export const StatusChangeView = z.object({
  seq: z.number().int().describe('From 1 for each provision'),
  from: ImplementationStatus.nullable().describe('Null for the first row'),
  to: ImplementationStatus,
  reason: z.string(),
  source: z.string(),
  sourceGrade: z.string().nullable(),
  evidence: z.array(StatusEvidenceView),
  actorName: z.string().describe("The account's name, or what made the change (the demo load, the command line)"),
  at: IsoDateTime,
});
export type StatusChangeView = z.infer<typeof StatusChangeView>;

export const StatusHistoryQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const StatusHistoryView = z.object({
  provisionId: Id,
  code: z.string(),
  title: z.string(),
  items: z.array(StatusChangeView).describe('Oldest first'),
});
export type StatusHistoryView = z.infer<typeof StatusHistoryView>;

const ProvisionFields = z.strictObject({
  phaseId: Id,
  pillarId: Id.nullable(),
  ordinal: Ordinal,
  code: text(32),
  title: requiredText(300),
  text: text(20_000),
  category: ProvisionCategory,
  obligatedPartyId: Id.nullable(),
  deadline: IsoDateTime.nullable(),
  verificationMethod: text(2000),
  status: ImplementationStatus,
  clauseId: Id.nullable().describe("The clause of one of the agreement's negotiated documents it comes from"),
});
export const ProvisionCreate = ProvisionFields.extend({
  pillarId: Id.nullable().default(null),
  ordinal: Ordinal.optional().describe('Position in its phase; defaults to after the last one'),
  code: text(32).default(''),
  text: text(20_000).default(''),
  obligatedPartyId: Id.nullable().default(null),
  deadline: IsoDateTime.nullable().default(null),
  verificationMethod: text(2000).default(''),
  status: ImplementationStatus.default('not_started'),
  clauseId: Id.nullable().optional(),
  ...StatusHistoryFields,
});
export const ProvisionUpdate = ProvisionFields.partial().extend({ version: Version, ...StatusHistoryFields });
export type ProvisionCreate = z.input<typeof ProvisionCreate>;
export type ProvisionUpdate = z.input<typeof ProvisionUpdate>;

export const ProvisionListQuery = PageQuery.extend({
  phaseId: Id.optional(),
  pillarId: Id.optional(),
  partyId: Id.optional().describe('Obligated party'),
  status: ImplementationStatus.optional(),
  category: ProvisionCategory.optional(),
  q: SearchText.optional().describe('Substring of code, title or text'),
  sort: z.enum(['ordinal', 'code', 'title', 'deadline', 'status', 'updatedAt']).default('ordinal'),
});

const StatusCounts = z.object({
  total: z.number().int(),
  byStatus: z.record(ImplementationStatus, z.number().int()),
  score: z.number().nullable().describe('Mean PAM score (0-3) scaled to 0-1; null when nothing is on the scale'),
});

const BottleneckReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue'), deadline: IsoDateTime, daysOverdue: z.number().int() }),
  z.object({ kind: z.literal('disputed') }),
  z.object({ kind: z.literal('violations'), count: z.number().int(), days: z.number().int() }).describe('Verified violations in the last `days` days'),
]);

const MatrixWithdrawal = z.object({
  id: Id,
  label: z.string(),
  status: z.enum(['on_time', 'late', 'verified', 'disputed']),
  since: z.string().nullable().describe('When the status began (YYYY-MM-DD); null if unknown'),
});

export const MatrixView = z.object({
  agreement: AgreementView,
  parties: z.array(PartyView),
  asOf: IsoDateTime,
  rows: z.array(
    z.object({
      phase: PhaseView,
      realities: z.array(ProvisionView),
      bottlenecks: z.array(
        z.object({
          provisionId: Id,
          code: z.string(),
          title: z.string(),
          obligatedPartyId: Id.nullable(),
          reasons: z.array(BottleneckReason),
        }),
      ),
      progress: StatusCounts,
      gate: z
        .object({ passes: z.boolean(), met: z.number().int(), total: z.number().int() })
        .nullable()
        .describe("The phase's gate from what you may see: whether it passes and how many conditions are met; null without one"),
      withdrawals: z.object({
        realities: z.array(MatrixWithdrawal).describe('The withdrawal items of the phase with their status'),
        bottlenecks: z.array(MatrixWithdrawal).describe('Those late or disputed'),
      }),
    }),
  ),
  pillars: z.array(
    z.object({
      pillar: PillarView,
      provisionIds: z.array(Id),
      bottleneckCount: z.number().int(),
      progress: StatusCounts,
    }),
  ),
  clauses: z
    .array(
      z.object({
        clauseId: Id,
        documentId: Id,
        documentTitle: z.string(),
        number: z.string().nullable(),
        status: z.enum(['blocked', 'converging', 'open']),
        deadline: IsoDateTime.nullable().describe("The clause's deadline, else its document's"),
        blockingPartyIds: z.array(Id).describe('The parties blocking it, of those whose stances you may see'),
      }),
    )
    .describe('Clauses of the negotiated texts not agreed yet, soonest deadline first, from the stances you may see'),
  clauseSources: z
    .array(z.object({ clauseId: Id, documentId: Id, documentTitle: z.string(), number: z.string().nullable() }))
    .describe('The clauses provisions come from (their clauseId), each with its document'),
  force: z
    .array(z.object({ requirementId: Id, label: z.string(), required: z.number().int(), covered: z.number().int(), gap: z.number().int() }))
    .describe('Force requirements with a personnel gap, from the positions on contributors you may see'),
  funding: z
    .array(z.object({ stage: z.enum(['commitment', 'disbursement']), budget: z.number(), reached: z.number(), gap: z.number() }))
    .describe('Funding stages short of the budget'),
  totals: StatusCounts.extend({ bottlenecks: z.number().int() }),
});
export type MatrixView = z.infer<typeof MatrixView>;

export const StatusChanged = z.object({ provision: ProvisionView, change: StatusChangeView });
export type StatusChanged = z.infer<typeof StatusChanged>;

/** An incident as a provision's page lists it. */
export const ProvisionIncident = IncidentView.pick({ id: true, occurredAt: true, category: true, place: true, status: true, allegedPartyId: true, attributedPartyId: true });
export type ProvisionIncident = z.infer<typeof ProvisionIncident>;

/** Everything a provision's page shows. */
export const ProvisionPageView = z.object({
  agreement: AgreementView,
  provision: ProvisionView,
  phase: PhaseView,
  pillar: PillarView.nullable(),
  obligatedParty: PartyView.nullable().describe('Null when all parties are bound jointly'),
  clause: z
    .object({ clauseId: Id, documentId: Id, documentTitle: z.string(), number: z.string().nullable() })
    .nullable()
    .describe('The clause of a negotiated document it comes from'),
  indicators: z.array(IndicatorView).describe('The indicators that measure it'),
  incidents: z.object({
    shown: z.boolean().describe('False for readers who may not read incident reports: then the list is empty and says nothing of what exists'),
    items: z.array(ProvisionIncident).describe('Newest first, at most `limit`'),
    total: z.number().int(),
    limit: z.number().int(),
  }),
  history: z.array(StatusChangeView).describe('Oldest first'),
});
export type ProvisionPageView = z.infer<typeof ProvisionPageView>;
