/**
 * The agreement's forecast (docs/FORECAST.md): the escalation model (a Hawkes process, one
 * dimension per party the verified incidents are attributed to) fitted to the verified incidents up
 * to the end of the as-of day, and the count model (the NB autoregression) on the verified incidents
 * per day and on each indicator with enough observed days, each with its rolling-origin backtest.
 * Every simulation is seeded: the same data and as-of day give the same numbers.
 */
import { createHash } from 'node:crypto';
import type { AgreementForecastView, BacktestScoreView, EscalationView, ForecastCountView, SeriesForecastView } from '../../contract/index.ts';
import {
  backtestDailyCounts,
  fitHawkes,
  fitNbAutoregression,
  forecastHawkes,
  forecastNbAutoregression,
  mulberry32,
  type DailyCount,
  type HawkesEvent,
} from '../../core/forecast/index.ts';
import { addDays, assertRules, daysBetween, dayStart, DomainError, isCalendarDate, isStorableDate, LAST_DATE, LAST_INSTANT, type Party } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { ForecastEvent } from '../../db/repositories/forecast.repository.ts';
import type { Clock } from '../clock.ts';
import type { GroundService } from '../ground/ground.service.ts';
import { todayIn } from '../ground/today.ts';

/** Fewer verified incidents than this up to the as-of day: no escalation fit. */
export const MIN_ESCALATION_EVENTS = 20;
/** Fewer days than this from the first verified incident to the end of the as-of day: no escalation fit. */
export const MIN_ESCALATION_DAYS = 14;
/** Days of verified-incident counts (from the first verified incident's day) the count model needs. */
export const MIN_INCIDENT_SERIES_DAYS = 60;
/** Observed days an indicator needs to be forecast. */
export const MIN_INDICATOR_DAYS = 30;
/** The seed of every simulation: the escalation forecast, the series forecasts and their backtests. */
export const FORECAST_SEED = 12;
export const FORECAST_HORIZONS = [1, 7, 14] as const;
/** Seeded runs of the escalation forecast, and paths of each series forecast. */
export const FORECAST_RUNS = 2000;
/** The backtest: the last this many origins, refitted every 7, each with this many paths. */
export const BACKTEST_ORIGINS = 90;
export const BACKTEST_REFIT_EVERY = 7;
export const BACKTEST_PATHS = 100;
/** The longest series read (about three years, as compliance's window): older days are left out. */
export const MAX_SERIES_DAYS = 3 * 366;
/**
 * The EM's work cap, in event × dimension² steps: a fit stops after min(1000, this / (N·D²))
 * iterations (at least 20), so a request stays well under a second whatever the number of events.
 */
const FIT_WORK = 10_000_000;
const MAX_FIT_ITERATIONS = 1000;
/** Events one simulated run may reach within 14 days before the forecast says the process runs away. */
const MAX_RUN_EVENTS = 5000;
const DAY_MS = 86_400_000;

const UNATTRIBUTED = 'unattributed';

/** Rounded for the view: counts and rates to 4 decimals, so that floating noise does not show. */
const round = (v: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const count = (c: { days: number; expected: number; low: number; high: number }): ForecastCountView => ({ days: c.days, expected: round(c.expected), low: c.low, high: c.high });

interface Dimension {
  key: string;
  label: string;
  events: number;
}

/** One dimension per party of the agreement (by name), any other party an incident names, then "Not attributed" when any is. */
function dimensionsOf(events: readonly ForecastEvent[], parties: readonly Party[]): { dims: Dimension[]; index: Map<string, number> } {
  const dims: Dimension[] = parties.map((p) => ({ key: p.id, label: p.name, events: 0 }));
  const index = new Map(dims.map((d, i) => [d.key, i]));
  const extra = [...new Set(events.map((e) => e.attributedPartyId).filter((id): id is string => id !== null && !index.has(id)))].sort();
  for (const id of extra) {
    index.set(id, dims.length);
    dims.push({ key: id, label: `Party ${id}`, events: 0 });
  }
  if (events.some((e) => e.attributedPartyId === null)) {
    index.set(UNATTRIBUTED, dims.length);
    dims.push({ key: UNATTRIBUTED, label: 'Not attributed', events: 0 });
  }
  for (const e of events) dims[index.get(e.attributedPartyId ?? UNATTRIBUTED)!]!.events += 1;
  return { dims, index };
}

/** The escalation model on the verified incidents before `end` (the end of the as-of day `day`). */
export function escalationOf(events: readonly ForecastEvent[], parties: readonly Party[], end: Date, day: string): EscalationView {
  const { dims, index } = dimensionsOf(events, parties);
  const none = (reason: string): EscalationView => ({
    events: events.length,
    fitted: false,
    reason,
    dimensions: dims,
    baseline: [],
    adjacency: [],
    decay: null,
    branchingRatio: null,
    logLikelihood: null,
    iterations: null,
    converged: null,
    forecast: [],
  });
  if (events.length < MIN_ESCALATION_EVENTS) {
    return none(`${plural(events.length, 'verified incident')} up to ${day}: the escalation model needs at least ${MIN_ESCALATION_EVENTS}.`);
  }
  const t0 = Date.parse(events[0]!.occurredAt);
  const T = (end.getTime() - t0) / DAY_MS;
  if (T < MIN_ESCALATION_DAYS) {
    return none(`The verified incidents cover ${T.toFixed(1)} days from the first (${events[0]!.occurredAt}) to the end of ${day}: the escalation model needs at least ${MIN_ESCALATION_DAYS}.`);
  }
  // Only the dimensions with events are fitted and simulated: one without any has no baseline and
  // neither triggers nor is triggered (EM keeps its row and column at 0), so it shows as zeros.
  const active = dims.flatMap((d, i) => (d.events > 0 ? [i] : []));
  const position = new Map(active.map((i, k) => [i, k]));
  const D = active.length;
  const hawkes: HawkesEvent[] = events.map((e) => ({ time: (Date.parse(e.occurredAt) - t0) / DAY_MS, dim: position.get(index.get(e.attributedPartyId ?? UNATTRIBUTED)!)! }));
  const maxIterations = Math.max(20, Math.min(MAX_FIT_ITERATIONS, Math.floor(FIT_WORK / (hawkes.length * D * D))));
  const fit = fitHawkes(hawkes, { dimensions: D, start: 0, horizon: T, maxIterations });
  const full = <V>(values: readonly V[], zero: (i: number) => V): V[] => dims.map((_, i) => (position.has(i) ? values[position.get(i)!]! : zero(i)));
  const fitted: EscalationView = {
    events: events.length,
    fitted: true,
    reason: null,
    dimensions: dims,
    baseline: full(fit.baseline, () => 0).map((v) => round(v, 6)),
    adjacency: full(fit.adjacency, () => null).map((row) => (row ? full(row, () => 0).map((v) => round(v, 6)) : dims.map(() => 0))),
    decay: round(fit.decay, 6),
    branchingRatio: round(fit.branchingRatio, 6),
    logLikelihood: round(fit.logLikelihood, 4),
    iterations: fit.iterations,
    converged: fit.converged,
    forecast: [],
  };
  try {
    const forecast = forecastHawkes(fit, hawkes, T, FORECAST_HORIZONS, { runs: FORECAST_RUNS, rng: mulberry32(FORECAST_SEED), maxEvents: MAX_RUN_EVENTS });
    fitted.forecast = forecast.horizons.map((h) => ({
      days: h.days,
      total: count({ days: h.days, expected: h.total.mean, low: h.total.low, high: h.total.high }),
      dimensions: full(
        h.dimensions.map((c) => count({ days: h.days, expected: c.mean, low: c.low, high: c.high })),
        () => ({ days: h.days, expected: 0, low: 0, high: 0 }),
      ),
    }));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    fitted.reason =
      `A simulated run passed ${MAX_RUN_EVENTS.toLocaleString('en-GB')} events within ${Math.max(...FORECAST_HORIZONS)} days ` +
      `(branching ratio ${fit.branchingRatio.toFixed(2)}): the fitted process runs away, so no forecast is given.`;
  }
  return fitted;
}

/** What a series is and where it comes from; `values[i]` is the count of day `first + i`. */
export interface SeriesInput {
  key: string;
  label: string;
  indicatorId: string | null;
  source: string;
  first: string | null;
  values: DailyCount[];
  /** Observed days needed for a forecast. */
  minDays: number;
}

const isObserved = (v: DailyCount | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** The count model's forecast of a series from its last day (which must be observed) and its rolling-origin backtest. */
export function seriesForecastOf(input: SeriesInput): SeriesForecastView {
  const { values, first } = input;
  const observed = values.filter(isObserved).length;
  const lastIndex = values.length - 1;
  const lastDay = first !== null && lastIndex >= 0 ? addDays(first, lastIndex) : null;
  const view: SeriesForecastView = {
    key: input.key,
    label: input.label,
    indicatorId: input.indicatorId,
    source: input.source,
    days: observed,
    last: lastDay !== null && isObserved(values[lastIndex]) ? { day: lastDay, value: values[lastIndex] } : null,
    origin: lastDay,
    fitted: false,
    reason: null,
    forecast: [],
    backtest: [],
  };
  if (observed < input.minDays) return { ...view, reason: `${plural(observed, 'day')} with a value: the count model needs at least ${input.minDays}.` };
  if (!values.every((v) => !isObserved(v) || (Number.isInteger(v) && v >= 0))) {
    return { ...view, reason: 'The count model is for counts: this series has values that are not whole numbers of 0 or more.' };
  }
  const model = fitNbAutoregression(values);
  if (!model) return { ...view, reason: 'Too few days whose day before has a value for the count model to be fitted.' };
  const longest = Math.max(...FORECAST_HORIZONS);
  const days = forecastNbAutoregression(model, values, longest, FORECAST_RUNS, mulberry32(FORECAST_SEED));
  const lastOrigin = lastIndex - longest;
  const result = backtestDailyCounts(values, {
    horizons: FORECAST_HORIZONS,
    from: Math.max(1, lastOrigin - BACKTEST_ORIGINS + 1),
    to: lastIndex,
    step: 1,
    refitEvery: BACKTEST_REFIT_EVERY,
    paths: BACKTEST_PATHS,
    seed: FORECAST_SEED,
  });
  const backtest: BacktestScoreView[] = [];
  for (const horizon of FORECAST_HORIZONS) {
    const score = (m: string) => result.scores.find((s) => s.horizon === horizon && s.model === m);
    const nb = score('nb-ar');
    const noChange = score('no-change');
    const mean = score('historical-mean');
    if (!nb || !noChange || !mean) continue;
    backtest.push({
      horizon,
      n: nb.n,
      model: { mae: round(nb.mae), crps: round(nb.crps), coverage80: round(nb.coverage80 ?? 0) },
      noChange: { mae: round(noChange.mae), crps: round(noChange.crps) },
      historicalMean: { mae: round(mean.mae), crps: round(mean.crps) },
      beatsNoChange: { mae: nb.mae < noChange.mae, crps: nb.crps < noChange.crps },
    });
  }
  return {
    ...view,
    fitted: true,
    forecast: FORECAST_HORIZONS.map((h) => {
      const d = days[h - 1]!;
      return { days: h, expected: round(d.mean), low: round(d.q10), high: round(d.q90) };
    }),
    backtest,
  };
}

/** Results kept by their inputs (the risk, the brief and the route ask for the same forecast in turn). */
const MEMO_ENTRIES = 64;

export function forecastService({ repos, clock }: { repos: Repositories; clock: Clock; ground: GroundService }) {
  // The models are pure and seeded: the same input gives the same view, so a view is kept under the
  // hash of its input, least recently used out first, and handed out as a copy.
  const memo = new Map<string, unknown>();
  function remember<T>(input: unknown, compute: () => T): T {
    const key = createHash('sha256').update(JSON.stringify(input)).digest('base64');
    let value = memo.get(key) as T | undefined;
    if (value === undefined) value = compute();
    memo.delete(key);
    memo.set(key, value);
    if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
    return structuredClone(value);
  }

  /** The first instant after the as-of day in the zone: what happened before it counts. */
  function endOf(day: string, timeZone: string): Date {
    if (day >= LAST_DATE) return new Date(Date.parse(LAST_INSTANT) + 1);
    try {
      return dayStart(addDays(day, 1), timeZone);
    } catch (err) {
      if (err instanceof RangeError) assertRules([{ path: 'timeZone', message: `"${timeZone}" is not a time zone the server knows: set another on the agreement` }]);
      throw err;
    }
  }

  async function incidentSeries(agreementId: string, timeZone: string, day: string): Promise<SeriesForecastView> {
    const label = 'Verified incidents per day';
    const firstVerified = await repos.forecast.firstVerifiedDay(agreementId, day);
    const base = { key: 'verified-incidents', label, indicatorId: null, minDays: MIN_INCIDENT_SERIES_DAYS };
    if (firstVerified === null) {
      return seriesForecastOf({ ...base, source: `Verified incidents of this agreement: none up to ${day}.`, first: null, values: [] });
    }
    const earliest = addDays(day, -(MAX_SERIES_DAYS - 1));
    const first = firstVerified < earliest ? earliest : firstVerified;
    const counts = await repos.forecast.verifiedDailyCounts(agreementId, first, day);
    const values = new Array<number>(daysBetween(first, day) + 1).fill(0);
    for (const c of counts) values[daysBetween(first, c.day)] = c.count;
    const cut = first === firstVerified ? '' : ` (the first verified incident was on ${firstVerified}; only the last ${MAX_SERIES_DAYS} days are read)`;
    const source =
      `Verified incidents of this agreement per day in its time zone (${timeZone}), from ${first}${cut} to ${day}. ` +
      `A day with no verified incident counts as 0: the monitoring mechanism reports every day, from the first verified incident's day on.`;
    return remember({ series: { ...base, source, first, values } }, () => seriesForecastOf({ ...base, source, first, values }));
  }

  async function indicatorSeries(agreementId: string, day: string): Promise<SeriesForecastView[]> {
    const indicators = await repos.ground.indicators.list(agreementId);
    const observations = await repos.ground.observations.valuesOf(indicators.map((i) => i.id));
    const out: SeriesForecastView[] = [];
    for (const indicator of indicators) {
      const own = observations.filter((o) => o.indicatorId === indicator.id && o.observedOn <= day);
      if (own.length < MIN_INDICATOR_DAYS) continue;
      const firstObserved = own[0]!.observedOn;
      const last = own[own.length - 1]!.observedOn;
      const earliest = addDays(last, -(MAX_SERIES_DAYS - 1));
      const first = firstObserved < earliest ? earliest : firstObserved;
      const values = new Array<DailyCount>(daysBetween(first, last) + 1).fill(null);
      for (const o of own) if (o.observedOn >= first) values[daysBetween(first, o.observedOn)] = o.value;
      const cut = first === firstObserved ? '' : `; only the last ${MAX_SERIES_DAYS} days up to the last observation are read`;
      const note = indicator.sourceNote.trim();
      const source =
        `Observations of the indicator "${indicator.name}" (${indicator.unit}): ${plural(own.length, 'day')} from ${firstObserved} to ${last}${cut}. ` +
        `A day without an observation is missing, not 0; the forecast starts from the last observed day.${note ? ` ${note}` : ''}`;
      const input: SeriesInput = { key: `indicator:${indicator.id}`, label: `${indicator.name} (${indicator.unit})`, indicatorId: indicator.id, source, first, values, minDays: MIN_INDICATOR_DAYS };
      out.push(remember({ series: input }, () => seriesForecastOf(input)));
    }
    return out;
  }

  return {
    /** When a forecast as of `day` (today) stops being today's: the first instant of the next day in the zone. */
    nextMidnight: (timeZone: string, day: string): Date => endOf(day, timeZone),

    /**
     * The forecast of an agreement (id or slug) as of the end of `asOf` (YYYY-MM-DD, in the
     * agreement's time zone; default today by the clock): data after it is left out.
     */
    async agreement(ref: string, asOf?: string): Promise<AgreementForecastView> {
      const agreement = await repos.agreements.get(ref);
      const timeZone = agreement.timeZone;
      if (asOf !== undefined && !(isCalendarDate(asOf) && isStorableDate(asOf))) {
        throw new DomainError('validation_failed', 'asOf must be a calendar date YYYY-MM-DD from 0100-01-01 to 9999-12-31', { issues: [{ path: ['asOf'], message: 'must be a calendar date YYYY-MM-DD' }] });
      }
      const day = asOf ?? todayIn(clock, timeZone);
      const end = endOf(day, timeZone);
      const [events, parties, incidents, indicators] = await Promise.all([
        repos.forecast.verifiedEvents(agreement.id, end),
        repos.parties.list(agreement.id),
        incidentSeries(agreement.id, timeZone, day),
        indicatorSeries(agreement.id, day),
      ]);
      return {
        asOf: day,
        timeZone,
        seed: FORECAST_SEED,
        escalation: remember({ escalation: { events: events.map((e) => [e.occurredAt, e.attributedPartyId]), parties: parties.map((p) => [p.id, p.name]), end, day } }, () =>
          escalationOf(events, parties, end, day),
        ),
        series: [incidents, ...indicators],
      };
    },
  };
}
export type ForecastService = ReturnType<typeof forecastService>;
