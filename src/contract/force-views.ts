/**
 * The force as one reader sees it (docs/GATES.md): the overview, the gaps (with assumptions, nothing
 * saved) and the parties' positions on contributors. Every position, and so every gap, comes from the
 * statements the reader may see: outside an audience one learns nothing of it.
 */
import { z } from 'zod';
import { ACCEPTABILITY_POSITIONS, AUDIENCES, FORCE_ASSUMPTION_KINDS, FUNDING_KINDS, GROUP_STATUSES, MANDATE_KINDS, READINESS_LEVELS } from '../core/index.ts';
import { edited, Id, inAgreement, IsoDate, IsoDateTime, text } from './common.ts';

const Readiness = z.enum(READINESS_LEVELS);
const Position = z.enum(ACCEPTABILITY_POSITIONS);
const Audience = z.enum(AUDIENCES);

export const RequirementGapView = z.object({
  requirementId: Id,
  capability: z.string(),
  sectorId: Id.nullable(),
  sectorName: z.string().optional(),
  required: z.number().int(),
  covered: z.number().int().describe('Personnel of pledges at L2, L3 or RDL whose contributor no signatory objects to (as you see it)'),
  gap: z.number().int().describe('max(0, required − covered)'),
  counting: z.array(z.object({ pledgeId: Id, contributorId: Id, personnel: z.number().int() })),
  notCounting: z.array(
    z.object({
      pledgeId: Id,
      contributorId: Id,
      personnel: z.number().int(),
      why: z.enum(['readiness', 'objected']),
      objectedBy: z.array(Id).optional().describe('The signatory parties objecting (why = objected)'),
    }),
  ),
});

export const ForceGapsView = z.object({
  requirements: z.array(RequirementGapView),
  totals: z.object({ required: z.number().int(), covered: z.number().int(), gap: z.number().int() }),
  unmatchedPledges: z
    .array(z.object({ id: Id, contributorId: Id, capability: z.string(), sectorId: Id.nullable(), personnel: z.number().int(), readiness: Readiness }))
    .describe('Pledges whose capability and sector match no requirement'),
});
export type ForceGapsView = z.infer<typeof ForceGapsView>;

const Stages = { pledged: z.number(), committed: z.number(), disbursed: z.number() };
export const FundingGapsView = z.object({
  budget: z.number(),
  ...Stages,
  commitmentGap: z.number().describe('max(0, budget − committed)'),
  disbursementGap: z.number().describe('max(0, budget − disbursed)'),
  byDonor: z.array(z.object({ donor: z.string(), ...Stages })),
  byLine: z.array(z.object({ budgetLineId: Id, name: z.string(), amount: z.number(), ...Stages, commitmentGap: z.number(), disbursementGap: z.number() })),
  unallocated: z.object(Stages).describe('Entries for no budget line'),
});
export type FundingGapsView = z.infer<typeof FundingGapsView>;

/** One party's current position on one contributor, as the reader sees it; null when they see none. */
export const AcceptabilityCell = z.object({
  partyId: Id,
  position: Position.nullable(),
  reason: z.string(),
  statedOn: IsoDate.nullable(),
  audience: Audience.nullable(),
  statementId: Id.nullable(),
});

export const AcceptabilityGrid = z.object({
  parties: z.array(z.object({ id: Id, name: z.string(), signatory: z.boolean().describe('Only a signatory\'s objection removes cover') })),
  rows: z.array(z.object({ contributorId: Id, contributorName: z.string(), cells: z.array(AcceptabilityCell).describe('One per party, in the order of `parties`') })),
});
export type AcceptabilityGrid = z.infer<typeof AcceptabilityGrid>;

const AcceptabilityHistoryItem = z.object({
  id: Id,
  contributorId: Id,
  partyId: Id,
  position: Position,
  reason: z.string(),
  statedOn: IsoDate,
  audience: Audience,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTime,
});

export const AcceptabilityList = z.object({
  items: z.array(AcceptabilityHistoryItem).describe('Every statement you may see, newest first'),
  grid: AcceptabilityGrid,
});
export type AcceptabilityList = z.infer<typeof AcceptabilityList>;

export const MandateClauseView = z.object({
  id: Id,
  documentId: Id,
  documentTitle: z.string(),
  number: z.string().nullable(),
  label: z.string(),
  status: z.enum(GROUP_STATUSES).describe('The clause\'s consensus from the stances you may see: agreed, or still bracketed'),
});

const row = <S extends z.ZodRawShape>(shape: S) => z.object({ ...inAgreement, ...shape, ...edited });

export const ForceOverview = z.object({
  agreementId: Id,
  illustrative: z.boolean().describe('Some figure here is illustrative'),
  requirements: z.array(
    row({
      phaseId: Id.nullable(),
      phaseName: z.string().nullable(),
      capability: z.string(),
      sectorId: Id.nullable(),
      sectorName: z.string().nullable(),
      personnel: z.number().int(),
      equipment: z.string(),
      notes: z.string(),
      illustrative: z.boolean(),
    }),
  ),
  contributors: z.array(row({ name: z.string(), country: z.string(), notes: z.string(), illustrative: z.boolean() })),
  pledges: z.array(
    row({
      contributorId: Id,
      contributorName: z.string(),
      capability: z.string(),
      sectorId: Id.nullable(),
      sectorName: z.string().nullable(),
      personnel: z.number().int(),
      readiness: Readiness,
      caveats: z.string(),
      pledgedOn: IsoDate,
      illustrative: z.boolean(),
    }),
  ),
  acceptability: AcceptabilityGrid,
  gaps: ForceGapsView,
  budgetLines: z.array(row({ name: z.string(), amount: z.number(), currency: z.string(), notes: z.string(), illustrative: z.boolean() })),
  funding: z.array(
    row({
      budgetLineId: Id.nullable(),
      donor: z.string(),
      kind: z.enum(FUNDING_KINDS),
      amount: z.number(),
      datedOn: IsoDate,
      source: z.string(),
      illustrative: z.boolean(),
    }),
  ),
  fundingGaps: FundingGapsView,
  mandate: z.array(
    row({
      kind: z.enum(MANDATE_KINDS),
      title: z.string(),
      text: z.string(),
      clauseId: Id.nullable(),
      clause: MandateClauseView.nullable().describe('The clause that holds it, with its state for you'),
    }),
  ),
});
export type ForceOverview = z.infer<typeof ForceOverview>;

/** The CLI's text form of an assumption, repeatable: withdraw:<contributor>, object:<contributor>:<party>, ready:<pledge id>. */
const AssumptionText = text(400).describe('withdraw:<contributor>, object:<contributor>:<party> or ready:<pledge id> (names or ids)');
export const ForceGapsQuery = z.object({
  assume: z
    .union([AssumptionText, z.array(AssumptionText).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe('An assumption; repeat the parameter for several, applied in order'),
});

export const ForceAssumptionView = z.object({
  kind: z.enum(FORCE_ASSUMPTION_KINDS),
  contributorId: Id.optional(),
  partyId: Id.optional(),
  pledgeId: Id.optional(),
});

export const ForceGapsAnswer = z.object({
  assumptions: z.array(ForceAssumptionView).describe('As parsed, in the order applied; nothing is saved'),
  force: ForceGapsView,
  funding: FundingGapsView,
});
export type ForceGapsAnswer = z.infer<typeof ForceGapsAnswer>;
