/**
 * The agreement's forecast and collapse risk (docs/FORECAST.md): the escalation model fitted to its
 * verified incidents, the count model on its daily verified incidents and on its indicators with their
 * backtests, and the collapse risk from parts that each show their value, source, weight and score.
 */
import { z } from 'zod';
import { AUDIENCES, RISK_PART_KEYS, RISK_WEIGHT_MAX } from '../core/index.ts';
import { Id, IsoDate, IsoDateTime } from './common.ts';

const Day = z.string().describe("YYYY-MM-DD, in the agreement's time zone");

export const AsOfQuery = z.object({
  asOf: IsoDate.optional().describe("The day to compute as of (YYYY-MM-DD, in the agreement's time zone); default today. Data after its end is left out"),
});

/**
 * A forecast count with its 80 % interval (the 10 % and 90 % quantiles of seeded runs). In the
 * escalation model: the events expected over the `days` after the as-of day. In a series: the count
 * on the day `days` after the series' origin (one day's count, not a sum).
 */
export const ForecastCountView = z.object({
  days: z.number().int().describe("Horizon in days: after the as-of day (escalation), or after the series' origin (series)"),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
});
export type ForecastCountView = z.infer<typeof ForecastCountView>;

export const BacktestScoreView = z.object({
  horizon: z.number().int(),
  n: z.number().int().describe('Forecasts scored'),
  model: z.object({ mae: z.number(), crps: z.number(), coverage80: z.number().optional().describe("Share of the outcomes inside the model's 80 % interval (always given by the server)") }),
  noChange: z.object({ mae: z.number(), crps: z.number() }),
  historicalMean: z.object({ mae: z.number(), crps: z.number() }),
  beatsNoChange: z.object({ mae: z.boolean(), crps: z.boolean() }),
});
export type BacktestScoreView = z.infer<typeof BacktestScoreView>;

export const EscalationView = z.object({
  events: z.number().int().describe('Verified incidents up to the as-of day'),
  fitted: z.boolean(),
  reason: z.string().nullable().describe('Why there is no fit (too few events or days), or no forecast from the fit; null when both are there'),
  dimensions: z.array(z.object({ key: z.string().describe('Party id, or "unattributed"'), label: z.string(), events: z.number().int() })),
  baseline: z.array(z.number()).describe('Events per day not triggered by others, per dimension'),
  adjacency: z.array(z.array(z.number())).describe('adjacency[i][j]: events in i triggered by one event in j (off the diagonal: retaliation)'),
  decay: z.number().nullable().describe('Per day'),
  branchingRatio: z.number().nullable().describe('Spectral radius of adjacency: at or above 1 the process escalates on its own'),
  logLikelihood: z.number().nullable(),
  iterations: z.number().int().nullable(),
  converged: z.boolean().nullable().describe('Whether the fit converged within its iterations (null when not fitted)'),
  forecast: z.array(z.object({ days: z.number().int(), total: ForecastCountView, dimensions: z.array(ForecastCountView) })),
});
export type EscalationView = z.infer<typeof EscalationView>;

/** The count model on one daily series: its forecast and its backtest beside the baselines. */
export const SeriesForecastView = z.object({
  key: z.string().describe('"verified-incidents", or "indicator:<id>"'),
  label: z.string(),
  indicatorId: Id.nullable(),
  source: z.string().describe('Where the series comes from'),
  days: z.number().int().describe('Days with a value'),
  last: z.object({ day: Day, value: z.number() }).nullable(),
  origin: Day.nullable().describe("The day the forecast starts from: the as-of day for verified incidents, the last observed day up to it for an indicator"),
  fitted: z.boolean(),
  reason: z.string().nullable(),
  forecast: z.array(ForecastCountView),
  backtest: z.array(BacktestScoreView),
});
export type SeriesForecastView = z.infer<typeof SeriesForecastView>;

export const AgreementForecastView = z.object({
  asOf: Day,
  timeZone: z.string(),
  seed: z.number().int().describe('Every simulation is seeded: the same data and day give the same numbers'),
  escalation: EscalationView,
  series: z.array(SeriesForecastView),
});
export type AgreementForecastView = z.infer<typeof AgreementForecastView>;

export const RiskPartKey = z.enum(RISK_PART_KEYS);

export const RiskLinkView = z.object({
  kind: z.enum(['provision', 'clause', 'document', 'phase', 'gate', 'incidents', 'force', 'forecast', 'precedents']),
  id: z.string().nullable(),
  label: z.string(),
});

export const RiskPartView = z.object({
  key: RiskPartKey,
  label: z.string(),
  value: z.string().describe('What was measured, in words with its figures'),
  measure: z.number().nullable().describe('The figure the score is taken from'),
  score: z.number().min(0).max(1).nullable().describe('0 (no sign of collapse) to 1; null when there is no data, and then it does not count'),
  weight: z.number().min(0).max(RISK_WEIGHT_MAX),
  contribution: z.number().nullable().describe('Points of the 0–100 score this part gives'),
  source: z.string().describe('Where in Phaseline (or which dataset) the value comes from'),
  explanation: z.string().describe('How the value becomes the score'),
  links: z.array(RiskLinkView),
});
export type RiskPartView = z.infer<typeof RiskPartView>;

export const RiskAudienceView = z.object({ audience: z.enum(AUDIENCES), partyId: Id.nullable() }).describe("Whose view the score is: everyone's, the mediators' or one party's circle");

export const RiskSnapshotView = z.object({
  id: Id,
  day: Day,
  score: z.number().nullable(),
  parts: z.array(RiskPartView),
  weights: z.record(z.string(), z.number()),
  recordedAt: IsoDateTime,
});
export type RiskSnapshotView = z.infer<typeof RiskSnapshotView>;

export const RiskView = z.object({
  asOf: Day,
  score: z.number().min(0).max(100).nullable().describe('100 × Σ weight × score / Σ weight over the parts with data'),
  audience: RiskAudienceView,
  parts: z.array(RiskPartView),
  weightsVersion: z.number().int().describe('The weights\' version, for PUT .../risk/weights (0: never set)'),
  history: z.array(RiskSnapshotView).describe('Recorded snapshots of your own view, oldest first'),
});
export type RiskView = z.infer<typeof RiskView>;

export const RiskWeightsBody = z.object({
  weights: z.partialRecord(RiskPartKey, z.number().min(0).max(RISK_WEIGHT_MAX)).describe('Weight per part, 0 to 10; parts not named weigh 1'),
  version: z.number().int().min(0).describe('The version you read (0 when never set); a stale one gets 409'),
});

export const RiskWeightsView = z.object({
  weights: z.record(RiskPartKey, z.number()),
  version: z.number().int(),
});

export const RiskRecordView = z.object({ recorded: z.array(RiskSnapshotView.extend({ audience: RiskAudienceView })) });

