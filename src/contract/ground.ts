/**
 * The ground against the agreement (docs/GATES.md): coverage of sectors by areas held and its
 * history, the withdrawal schedule with its verifications and status, and indicators with their
 * observations, series and streaks.
 */
import { z } from 'zod';
import { COMPARISONS, INDICATOR_PERIODS, WITHDRAWAL_FINDINGS, WITHDRAWAL_STATUSES } from '../core/index.ts';
import { AgreementRefParams, edited, Id, inAgreement, IsoDate, IsoDateTime, isStorableText, page, PageQuery, requiredText, STORABLE_TEXT_MESSAGE, text, Version } from './common.ts';
import { Credibility, Reliability } from './incidents.ts';
import { ZoneKind } from './zones.ts';

// --- Areas held and coverage -------------------------------------------------------------------

export const CoverageQuery = z.object({
  kind: ZoneKind.default('sector').describe('The kind of the zones covered (sector by default)'),
});

const Km2 = z.number().describe('Square kilometres, geodesic');
const Share = z.number().describe('coveredKm2 / areaKm2, from 0 to 1 (0 when there is no area)');

export const SectorCoverageView = z.object({ id: Id, name: z.string(), areaKm2: Km2, coveredKm2: Km2, share: Share });

/** How much of each zone of a kind one zone covers. */
export const ZoneCoverageView = z.object({
  zone: z.object({ id: Id, name: z.string(), areaKm2: Km2 }),
  sectors: z.array(SectorCoverageView).describe('By name, then id'),
  total: z.object({ areaKm2: Km2, coveredKm2: Km2, share: Share }).describe('The sums over the sectors'),
});
export type ZoneCoverageView = z.infer<typeof ZoneCoverageView>;

export const AreaHistoryPointView = z.object({
  asOf: IsoDate,
  snapshotIds: z.array(Id).describe('The snapshots of that date, unioned'),
  sectors: z.array(z.object({ id: Id, name: z.string(), coveredKm2: Km2, share: Share })),
  totalKm2: Km2.describe('The area held that date, inside the sectors or not'),
  coveredKm2: Km2.describe('The part of it inside the sectors'),
});

/** Each controlled area (a name and its party) over its snapshots' dates, per sector. */
export const AreaHistoryView = z.object({
  kind: ZoneKind,
  sectors: z.array(z.object({ id: Id, name: z.string(), areaKm2: Km2 })).describe('The zones covered, by name'),
  areas: z.array(z.object({ name: z.string(), partyId: Id.nullable(), series: z.array(AreaHistoryPointView).describe('Oldest first') })),
});
export type AreaHistoryView = z.infer<typeof AreaHistoryView>;

// --- Withdrawal schedule ------------------------------------------------------------------------

export const WithdrawalFinding = z.enum(WITHDRAWAL_FINDINGS);
export const WithdrawalStatus = z.enum(WITHDRAWAL_STATUSES);

export const EvidenceLinkInput = z.strictObject({
  name: requiredText(200),
  url: z.url({ protocol: /^https?$/ }).max(2000).refine(isStorableText, STORABLE_TEXT_MESSAGE).describe('http or https link'),
});

export const WithdrawalVerificationCreate = z.strictObject({
  observedOn: IsoDate.describe("The day observed, in the agreement's time zone"),
  finding: WithdrawalFinding,
  sourceReliability: Reliability,
  credibility: Credibility,
  evidence: z.array(EvidenceLinkInput).max(20).default([]),
  notes: text(4000).default(''),
});
export type WithdrawalVerificationCreate = z.input<typeof WithdrawalVerificationCreate>;

export const WithdrawalVerificationView = z.object({
  id: Id,
  itemId: Id,
  observedOn: IsoDate,
  finding: WithdrawalFinding,
  sourceReliability: Reliability,
  credibility: z.number().int(),
  evidence: z.array(z.object({ name: z.string(), url: z.string() })),
  notes: z.string(),
  authorName: z.string(),
  createdAt: IsoDateTime,
});
export type WithdrawalVerificationView = z.infer<typeof WithdrawalVerificationView>;

const WithdrawalItemFields = z.strictObject({
  phaseId: Id,
  partyId: Id.nullable().describe('The party whose force withdraws'),
  provisionId: Id.nullable().describe('The provision the withdrawal implements'),
  force: requiredText(300).describe('The force or unit that withdraws'),
  fromZoneId: Id.nullable().describe('The area it leaves'),
  behindZoneId: Id.nullable().describe('The line or zone it goes behind'),
  deadline: IsoDate.describe("In the agreement's time zone"),
  notes: text(4000),
});
export const WithdrawalItemCreate = WithdrawalItemFields.extend({
  partyId: WithdrawalItemFields.shape.partyId.default(null),
  provisionId: WithdrawalItemFields.shape.provisionId.default(null),
  fromZoneId: WithdrawalItemFields.shape.fromZoneId.default(null),
  behindZoneId: WithdrawalItemFields.shape.behindZoneId.default(null),
  notes: text(4000).default(''),
});
export const WithdrawalItemUpdate = WithdrawalItemFields.partial().extend({ version: Version });
export type WithdrawalItemCreate = z.input<typeof WithdrawalItemCreate>;
export type WithdrawalItemUpdate = z.input<typeof WithdrawalItemUpdate>;

export const WithdrawalItemView = z.object({
  ...inAgreement,
  phaseId: Id,
  partyId: Id.nullable(),
  provisionId: Id.nullable(),
  force: z.string(),
  fromZoneId: Id.nullable(),
  behindZoneId: Id.nullable(),
  deadline: IsoDate,
  notes: z.string(),
  status: WithdrawalStatus.describe("As of today in the agreement's time zone"),
  since: IsoDate.nullable().describe('Verified or disputed: since that date; late: the day after the deadline; on time: null'),
  verifications: z.array(WithdrawalVerificationView).describe('Oldest first'),
  ...edited,
});
export type WithdrawalItemView = z.infer<typeof WithdrawalItemView>;

// --- Indicators ---------------------------------------------------------------------------------

export const Comparison = z.enum(COMPARISONS).describe('>= at least, <= at most, = within 0.5 %');
export const IndicatorPeriod = z.enum(INDICATOR_PERIODS).describe('What one observation stands for: a day or an ISO week');
/** Values and targets: quantities, 0 or more. */
const Quantity = z.number().min(0).max(1e15);

const IndicatorFields = z.strictObject({
  name: requiredText(200),
  unit: requiredText(50).describe('e.g. trucks/day'),
  category: text(100).describe('Free text: food, fuel, medical, all ...'),
  target: Quantity,
  comparison: Comparison,
  period: IndicatorPeriod,
  provisionId: Id.nullable(),
  zoneId: Id.nullable().describe('A zone whose flows it measures (an aid corridor or a crossing)'),
  sourceNote: text(2000),
});
export const IndicatorCreate = IndicatorFields.extend({
  category: text(100).default(''),
  period: IndicatorPeriod.default('day'),
  provisionId: Id.nullable().default(null),
  zoneId: Id.nullable().default(null),
  sourceNote: text(2000).default(''),
});
export const IndicatorUpdate = IndicatorFields.partial().extend({ version: Version });
export type IndicatorCreate = z.input<typeof IndicatorCreate>;
export type IndicatorUpdate = z.input<typeof IndicatorUpdate>;

export const ObservationPoint = z.object({ observedOn: IsoDate, value: z.number() });

/** An indicator's run of periods at target, up to its newest observation. */
export const IndicatorStreakView = z.object({
  periods: z.number().int().describe('Consecutive periods at target ending with the newest observed one; 0 when it misses'),
  since: IsoDate.nullable().describe("The first day of the streak's first period"),
  latest: ObservationPoint.nullable(),
  met: z.boolean().describe('Whether the newest observation meets the target'),
  periodsBehind: z.number().int().nullable().describe("Whole periods from the newest observation's to today's"),
});

export const IndicatorView = z.object({
  ...inAgreement,
  name: z.string(),
  unit: z.string(),
  category: z.string(),
  target: z.number(),
  comparison: Comparison,
  period: IndicatorPeriod,
  provisionId: Id.nullable(),
  zoneId: Id.nullable(),
  sourceNote: z.string(),
  streak: IndicatorStreakView.describe("As of today in the agreement's time zone"),
  ...edited,
});
export type IndicatorView = z.infer<typeof IndicatorView>;

/** A withdrawal item, an indicator or a zone of an agreement, by id (as the parts' own routes name it). */
export const GroundItemParams = AgreementRefParams.extend({ id: Id });

export const ObservationCreate = z.strictObject({
  observedOn: IsoDate,
  value: Quantity,
  source: text(500).default(''),
  sourceReliability: Reliability.nullable().default(null),
  credibility: Credibility.nullable().default(null),
});
export type ObservationCreate = z.input<typeof ObservationCreate>;

export const ObservationView = z.object({
  id: Id,
  indicatorId: Id,
  observedOn: IsoDate,
  value: z.number(),
  source: z.string(),
  sourceReliability: Reliability.nullable(),
  credibility: z.number().int().nullable(),
  createdAt: IsoDateTime,
});
export type ObservationView = z.infer<typeof ObservationView>;

export const ObservationPageQuery = PageQuery.describe('Sorted by date (order asc or desc)');
export const ObservationPage = page(ObservationView);

/** A CSV file `date,value[,source]` with its header. */
export const ObservationCsvBody = z.string().describe('text/csv: the header date,value or date,value,source, then one row per date');

export const ObservationImportResult = z.object({
  imported: z.number().int(),
  first: IsoDate.nullable().describe('The earliest date imported'),
  last: IsoDate.nullable().describe('The latest date imported'),
});

export const SeriesQuery = z.object({
  from: IsoDate.optional().describe('First date shown (the streak counts every observation)'),
  to: IsoDate.optional().describe('Last date shown'),
});

export const IndicatorSeriesView = z.object({
  indicator: IndicatorView,
  today: IsoDate.describe("Today in the agreement's time zone"),
  points: z.array(
    z.object({
      period: z.string().describe('2026-06-20 for a day, 2026-W25 for a week'),
      start: IsoDate,
      observedOn: IsoDate,
      value: z.number(),
      target: z.number(),
      met: z.boolean(),
    }),
  ),
  streak: IndicatorStreakView,
});
export type IndicatorSeriesView = z.infer<typeof IndicatorSeriesView>;
