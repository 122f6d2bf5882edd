/** The UCDP Peace Agreement library and survival curves (docs/FORECAST.md). */
import { z } from 'zod';
import { PRECEDENT_SORTS, PROVISION_CATEGORIES, UCDP_PROVISIONS } from '../core/index.ts';
import { INT4_MAX, SearchText } from './common.ts';

export const UcdpProvisionKey = z.enum(UCDP_PROVISIONS);

/** A comma list of UCDP provisions, each named once. */
const provisionList = z
  .string()
  .max(500)
  .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))])
  .pipe(z.array(UcdpProvisionKey));

const typeList = z
  .string()
  .max(20)
  .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(['1', '2', '3']).transform(Number)))
  .describe('Agreement types, comma-separated: 1 full, 2 partial, 3 peace process');

const Year = z.coerce.number().int().min(1900).max(2100);

/** The filters of the list and of a survival curve. */
const PrecedentFilterQuery = z.object({
  with: provisionList.optional().describe('UCDP provisions the agreement must all have, comma-separated, e.g. pko,withd'),
  without: provisionList.optional().describe('UCDP provisions it must have none of, comma-separated'),
});

export const PrecedentListQuery = PrecedentFilterQuery.extend({
  q: SearchText.optional().describe('Words found in the name, the conflict or the dyads'),
  conflict: SearchText.optional().describe("The conflict's UCDP name (e.g. Israel: Palestine) or id"),
  from: Year.optional().describe('From this year'),
  to: Year.optional().describe('To this year, included'),
  type: typeList.optional(),
  sort: z.enum(PRECEDENT_SORTS).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
});

export const PrecedentSurvivalQuery = PrecedentFilterQuery;

export const PrecedentParams = z.object({ paid: z.coerce.number().int().positive().max(INT4_MAX).describe('UCDP peace agreement id') });

export const PrecedentSourceView = z.object({
  dataset: z.string(),
  version: z.string(),
  licence: z.string(),
  citation: z.string(),
  url: z.string(),
  dataEnd: z.string().describe('The last day the data covers: agreements not known to have ended are censored here'),
});
export type PrecedentSourceView = z.infer<typeof PrecedentSourceView>;

export const PrecedentView = z.object({
  paid: z.number().int(),
  name: z.string(),
  conflict: z.string(),
  conflictId: z.string(),
  dyads: z.array(z.string()),
  region: z.string(),
  year: z.number().int(),
  date: z.string().describe('pa_date, YYYY-MM-DD'),
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  typeLabel: z.string(),
  provisions: z.array(UcdpProvisionKey),
  thirdParty: z.string().nullable().describe('pa_3rd: the third parties that signed'),
  ended: z.boolean().nullable().describe('True, False, or null (blank: not known to have ended)'),
  endDate: z.string().nullable(),
  fullTextUrl: z.string().nullable(),
});
export type PrecedentView = z.infer<typeof PrecedentView>;

export const PrecedentDetailView = PrecedentView.extend({
  signatories: z.string(),
  comment: z.string(),
  endComment: z.string().describe("UCDP's comment on how it ended"),
  followUp: z.object({
    outcome: z.enum(['ended', 'censored', 'excluded']),
    days: z.number().int().nullable().describe('Days to its end (ended) or to the data’s end (censored); null when excluded'),
    reason: z.string().nullable(),
  }),
  source: PrecedentSourceView,
});
export type PrecedentDetailView = z.infer<typeof PrecedentDetailView>;

export const PrecedentListView = z.object({
  items: z.array(PrecedentView),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  conflicts: z.array(z.object({ name: z.string(), id: z.string(), count: z.number().int() })).describe('Every conflict in the dataset'),
  source: PrecedentSourceView,
});
export type PrecedentListView = z.infer<typeof PrecedentListView>;

export const SurvivalStepView = z.object({
  day: z.number().int(),
  survival: z.number(),
  atRisk: z.number().int(),
  events: z.number().int(),
  censored: z.number().int(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type SurvivalStepView = z.infer<typeof SurvivalStepView>;

/** One group's survival in figures, without its curve. */
export const SurvivalSummaryView = z.object({
  label: z.string().describe('Which agreements, in words'),
  with: z.array(UcdpProvisionKey),
  without: z.array(UcdpProvisionKey),
  n: z.number().int().describe('Agreements on the curve'),
  events: z.number().int().describe('Known to have ended'),
  censored: z.number().int().describe('Not known to have ended by the data’s end'),
  excluded: z.number().int().describe('Ended without a usable end date: left out'),
  median: z.number().int().nullable().describe('Days until half had ended; null when fewer than half did'),
  oneYear: z.number().nullable().describe('S(365): the share still in force a year after signing'),
});
export type SurvivalSummaryView = z.infer<typeof SurvivalSummaryView>;

export const SurvivalCurveView = SurvivalSummaryView.extend({ steps: z.array(SurvivalStepView) });
export type SurvivalCurveView = z.infer<typeof SurvivalCurveView>;

export const PrecedentSurvivalView = z.object({
  selected: SurvivalCurveView.describe('The agreements with every `with` and none of the `without` provisions (all of them when none is named)'),
  others: SurvivalCurveView.nullable().describe('Every other agreement; null when no provision is named'),
  exclusions: z.object({ noEndDate: z.number().int(), endBeforeDate: z.number().int() }).describe('Over the whole dataset'),
  source: PrecedentSourceView,
});
export type PrecedentSurvivalView = z.infer<typeof PrecedentSurvivalView>;

export const AgreementPrecedentsView = z.object({
  categories: z.array(
    z.object({
      category: z.enum(PROVISION_CATEGORIES),
      label: z.string(),
      provisions: z.number().int().describe("The agreement's provisions in this category"),
      ucdp: z.array(z.object({ key: UcdpProvisionKey, label: z.string() })),
      note: z.string().describe('How near the UCDP provision is'),
    }),
  ),
  linked: z.array(UcdpProvisionKey).describe('Every UCDP provision linked from the agreement’s categories'),
  stabilization: z.object({ with: SurvivalSummaryView, without: SurvivalSummaryView }).describe('Precedents with a peacekeeping operation (pko) against those without'),
  allLinked: SurvivalSummaryView.nullable().describe('Precedents with every linked provision; null when none is linked'),
  source: PrecedentSourceView,
});
export type AgreementPrecedentsView = z.infer<typeof AgreementPrecedentsView>;
