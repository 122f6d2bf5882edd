/**
 * The stabilization force (docs/GATES.md): requirements, contributors, pledges, budget lines, funding
 * entries and mandate items (versioned rows), and the parties' positions on contributors (append-only,
 * under audiences). The reader's views (overview, gaps, acceptability) are in force-views.ts.
 */
import { z } from 'zod';
import { ACCEPTABILITY_POSITIONS, AUDIENCES, FUNDING_KINDS, MANDATE_KINDS, READINESS_LEVELS } from '../core/index.ts';
import { edited, Id, inAgreement, INT4_MAX, IsoDate, IsoDateTime, requiredText, text, Version } from './common.ts';

export * from './force-views.ts';

/** The largest amount of money one row holds: sums are kept in hundredths, exact below 2^53. */
export const MAX_AMOUNT = 1e12;

export const ReadinessLevel = z.enum(READINESS_LEVELS).describe('UN PCRS level: L1 pledged, L2 assessed, L3 ready, RDL rapid deployment');
export const AcceptabilityPosition = z.enum(ACCEPTABILITY_POSITIONS).describe('accepted, objected (with its reason) or no_position');
export const FundingKind = z.enum(FUNDING_KINDS).describe('The stage the money reached: pledge, commitment or disbursement');
export const MandateKind = z.enum(MANDATE_KINDS);
export const AcceptabilityAudience = z
  .enum(AUDIENCES)
  .describe("Who learns of the position: 'party' (its party's delegates and the mediators), 'mediators' (the mediators only) or 'all'");

let regions: Intl.DisplayNames | null = null;
// Codes the runtime names that ISO 3166-1 does not assign to a country (reserved, unions, pseudo-locales).
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'UK', 'QO', 'XA', 'XB']);
/** Whether a code is an ISO 3166-1 alpha-2 country code the runtime knows by name. */
function isRegion(code: string): boolean {
  regions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  // Refinements run even when the pattern failed: DisplayNames throws on what is no code at all.
  if (code === '') return true;
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== undefined;
}

const Capability = requiredText(200).describe('Free text (Infantry, Engineering, Medical...); matched trimmed and case-insensitively');
const SectorId = Id.nullable().describe('A zone of kind sector of this agreement; null for the whole area');
const Personnel = z.number().int().min(1).max(INT4_MAX);
const Illustrative = z.boolean().describe('Not a real figure (the demo\'s are all illustrative): shown as such everywhere');
const Country = z
  .string()
  .regex(/^([A-Z]{2})?$/, 'must be an ISO 3166-1 alpha-2 code in capitals, or empty')
  .refine(isRegion, 'is not an ISO 3166-1 alpha-2 country code')
  .describe("ISO 3166-1 alpha-2 code, e.g. 'EG'; empty for an organization");
const Amount = z.number().min(0).max(MAX_AMOUNT);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code of three capitals, e.g. USD');

/** A schema's create (defaults filled) and update (every field optional, with the version read). */
function createAndUpdate<F extends z.ZodRawShape, D extends { [K in keyof F]?: z.ZodType }>(fields: F, defaults: D) {
  const all = z.strictObject(fields);
  return { create: all.extend(defaults), update: all.partial().extend({ version: Version }) };
}

const requirement = createAndUpdate(
  { capability: Capability, sectorId: SectorId, personnel: Personnel, equipment: text(2000), phaseId: Id.nullable(), notes: text(4000), illustrative: Illustrative },
  { sectorId: SectorId.default(null), equipment: text(2000).default(''), phaseId: Id.nullable().default(null), notes: text(4000).default(''), illustrative: Illustrative.default(false) },
);
export const ForceRequirementCreate = requirement.create;
export const ForceRequirementUpdate = requirement.update;
export const ForceRequirementView = z.object({
  ...inAgreement,
  phaseId: Id.nullable(),
  capability: z.string(),
  sectorId: Id.nullable(),
  personnel: z.number().int(),
  equipment: z.string(),
  notes: z.string(),
  illustrative: z.boolean(),
  ...edited,
});
export type ForceRequirementView = z.infer<typeof ForceRequirementView>;

const contributor = createAndUpdate(
  { name: requiredText(200), country: Country, notes: text(4000), illustrative: Illustrative },
  { country: Country.default(''), notes: text(4000).default(''), illustrative: Illustrative.default(false) },
);
export const ForceContributorCreate = contributor.create;
export const ForceContributorUpdate = contributor.update;
export const ForceContributorView = z.object({
  ...inAgreement,
  name: z.string(),
  country: z.string(),
  notes: z.string(),
  illustrative: z.boolean(),
  ...edited,
});
export type ForceContributorView = z.infer<typeof ForceContributorView>;

const pledge = createAndUpdate(
  {
    contributorId: Id.describe('A contributor of this agreement'),
    capability: Capability,
    sectorId: SectorId,
    personnel: Personnel,
    readiness: ReadinessLevel,
    caveats: text(4000),
    pledgedOn: IsoDate,
    illustrative: Illustrative,
  },
  { sectorId: SectorId.default(null), caveats: text(4000).default(''), illustrative: Illustrative.default(false) },
);
export const ForcePledgeCreate = pledge.create;
export const ForcePledgeUpdate = pledge.update;
export const ForcePledgeView = z.object({
  ...inAgreement,
  contributorId: Id,
  capability: z.string(),
  sectorId: Id.nullable(),
  personnel: z.number().int(),
  readiness: ReadinessLevel,
  caveats: z.string(),
  pledgedOn: IsoDate,
  illustrative: z.boolean(),
  ...edited,
});
export type ForcePledgeView = z.infer<typeof ForcePledgeView>;

const budgetLine = createAndUpdate(
  { name: requiredText(200), amount: Amount, currency: Currency, notes: text(4000), illustrative: Illustrative },
  { currency: Currency.default('USD'), notes: text(4000).default(''), illustrative: Illustrative.default(false) },
);
export const BudgetLineCreate = budgetLine.create;
export const BudgetLineUpdate = budgetLine.update;
export const BudgetLineView = z.object({
  ...inAgreement,
  name: z.string(),
  amount: z.number(),
  currency: z.string(),
  notes: z.string(),
  illustrative: z.boolean(),
  ...edited,
});
export type BudgetLineView = z.infer<typeof BudgetLineView>;

const PositiveAmount = z.number().positive().max(MAX_AMOUNT);
const funding = createAndUpdate(
  {
    donor: requiredText(200),
    kind: FundingKind,
    amount: PositiveAmount,
    budgetLineId: Id.nullable().describe('A budget line of this agreement; null for the force as a whole'),
    datedOn: IsoDate,
    source: text(2000).describe('Where the figure comes from (a link, a report)'),
    illustrative: Illustrative,
  },
  { budgetLineId: Id.nullable().default(null), source: text(2000).default(''), illustrative: Illustrative.default(false) },
);
export const FundingEntryCreate = funding.create;
export const FundingEntryUpdate = funding.update;
export const FundingEntryView = z.object({
  ...inAgreement,
  budgetLineId: Id.nullable(),
  donor: z.string(),
  kind: FundingKind,
  amount: z.number(),
  datedOn: IsoDate,
  source: z.string(),
  illustrative: z.boolean(),
  ...edited,
});
export type FundingEntryView = z.infer<typeof FundingEntryView>;

const mandate = createAndUpdate(
  { kind: MandateKind, title: requiredText(300), text: text(20_000), clauseId: Id.nullable().describe("A clause of this agreement's documents that holds it") },
  { text: text(20_000).default(''), clauseId: Id.nullable().default(null) },
);
export const MandateItemCreate = mandate.create;
export const MandateItemUpdate = mandate.update;
export const MandateItemView = z.object({
  ...inAgreement,
  kind: MandateKind,
  title: z.string(),
  text: z.string(),
  clauseId: Id.nullable(),
  ...edited,
});
export type MandateItemView = z.infer<typeof MandateItemView>;

export const AcceptabilityCreate = z
  .strictObject({
    contributorId: Id.describe('A contributor of this agreement'),
    partyId: Id.describe('The party whose position it is'),
    position: AcceptabilityPosition,
    reason: text(2000).default('').describe('Required for an objection'),
    statedOn: IsoDate.describe('The day the party stated it'),
    audience: AcceptabilityAudience,
  })
  .superRefine((s, ctx) => {
    if (s.position === 'objected' && !s.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required for an objection' });
  });

export const AcceptabilityView = z.object({
  id: Id,
  contributorId: Id,
  partyId: Id,
  position: AcceptabilityPosition,
  reason: z.string(),
  statedOn: IsoDate,
  audience: AcceptabilityAudience,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type AcceptabilityView = z.infer<typeof AcceptabilityView>;
