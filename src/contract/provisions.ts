/** Provisions (obligations) and the Strategic Matrix. */
import { z } from 'zod';
import { IMPLEMENTATION_STATUSES, PROVISION_CATEGORIES } from '../core/index.ts';
import { AgreementView, PartyView, PhaseView, PillarView } from './agreements.ts';
import { Id, SearchText, IsoDateTime, PageQuery, requiredText, text, Version } from './common.ts';

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
});
export const ProvisionUpdate = ProvisionFields.partial().extend({ version: Version });
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
