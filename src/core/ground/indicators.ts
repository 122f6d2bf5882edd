/**
 * Indicators measured against a target (docs/GATES.md, "Indicators"): how a value compares with
 * its target, and for how many consecutive days or weeks, up to the newest observation, it has.
 * Dates are YYYY-MM-DD in the agreement's time zone.
 */
import { addDays, daysBetween, isoWeek, isoWeekStart } from '../calendar.ts';
import { keysOf } from '../vocabulary.ts';

/** How an observed value is held against the target. */
export const COMPARISON_LABELS = {
  '>=': 'At least',
  '<=': 'At most',
  '=': 'Equal to (within 0.5 %)',
};
export type Comparison = keyof typeof COMPARISON_LABELS;
export const COMPARISONS = keysOf(COMPARISON_LABELS);

/** What one observation stands for: a day's value or a week's. */
export const INDICATOR_PERIOD_LABELS = {
  day: 'Per day',
  week: 'Per week',
};
export type IndicatorPeriod = keyof typeof INDICATOR_PERIOD_LABELS;
export const INDICATOR_PERIODS = keysOf(INDICATOR_PERIOD_LABELS);

/** How far from the target `=` still holds, as a share of the target. */
export const EQUAL_TOLERANCE = 0.005;

/** Whether a value meets the target: `=` holds within 0.5 % of the target, and exactly when the target is 0. */
export function meets(value: number, comparison: Comparison, target: number): boolean {
  if (comparison === '>=') return value >= target;
  if (comparison === '<=') return value <= target;
  if (target === 0) return value === 0;
  return Math.abs(value - target) <= Math.abs(target) * EQUAL_TOLERANCE;
}

/** An indicator as the streak needs it. */
export interface IndicatorRule {
  comparison: Comparison;
  target: number;
  period: IndicatorPeriod;
}

/** An observation as the streak needs it. */
export interface ObservationFact {
  /** YYYY-MM-DD. */
  observedOn: string;
  value: number;
}

/** The first day of the period a date falls in: the date itself, or the Monday of its ISO week. */
export const periodStart = (date: string, period: IndicatorPeriod): string => (period === 'day' ? date : isoWeekStart(date));

/**
 * One observation per period, oldest first: for a daily indicator each date is a period; for a
 * weekly one an observation is the week's value, dated on any day of it (not summed with the
 * others), and the newest of a week stands for it. Of two on the same date, the last given wins.
 */
function perPeriod<O extends ObservationFact>(observations: readonly O[], period: IndicatorPeriod): { start: string; observation: O }[] {
  const chosen = new Map<string, O>();
  for (const o of observations) {
    const start = periodStart(o.observedOn, period);
    const held = chosen.get(start);
    if (!held || o.observedOn >= held.observedOn) chosen.set(start, o);
  }
  return [...chosen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([start, observation]) => ({ start, observation }));
}

export interface IndicatorStreak<O extends ObservationFact> {
  /** Consecutive periods at target, ending with the newest observation's; 0 when that one misses. */
  periods: number;
  /** The first day of the streak's first period (a Monday for weeks), or null when there is no streak. */
  since: string | null;
  /** The newest observation counted, or null. */
  latest: O | null;
  /** Whether the newest observation meets the target. */
  met: boolean;
  /** Whole periods from the newest observation's to today's (0: today's period is observed), or null without observations. */
  periodsBehind: number | null;
}

/**
 * The streak of an indicator on `today`: observations after today are not counted; the streak
 * counts back from the newest observation's period while each period is observed and at target
 * (a day, or a week, without an observation breaks it). The streak ends at the newest observation,
 * not at today: `periodsBehind` says how stale it is, for a gate to judge.
 */
export function indicatorStreak<O extends ObservationFact>(indicator: IndicatorRule, observations: readonly O[], today: string): IndicatorStreak<O> {
  const periods = perPeriod(
    observations.filter((o) => o.observedOn <= today),
    indicator.period,
  );
  const newest = periods.at(-1);
  if (!newest) return { periods: 0, since: null, latest: null, met: false, periodsBehind: null };
  const step = indicator.period === 'day' ? 1 : 7;
  const periodsBehind = daysBetween(newest.start, periodStart(today, indicator.period)) / step;
  const at = (o: O) => meets(o.value, indicator.comparison, indicator.target);
  const met = at(newest.observation);
  let count = 0;
  let since: string | null = null;
  for (let i = periods.length - 1; i >= 0; i -= 1) {
    const p = periods[i]!;
    if (!at(p.observation)) break;
    if (since !== null && p.start !== addDays(since, -step)) break;
    count += 1;
    since = p.start;
  }
  return { periods: count, since, latest: newest.observation, met, periodsBehind };
}

/** One period of an indicator's chart. */
export interface IndicatorPoint {
  /** "2026-06-20" for a day, "2026-W25" for a week. */
  period: string;
  /** The first day of the period. */
  start: string;
  observedOn: string;
  value: number;
  target: number;
  met: boolean;
}

/** The observations of an indicator as a chart draws them: one per period (as the streak counts them), oldest first. */
export function indicatorSeries(indicator: IndicatorRule, observations: readonly ObservationFact[]): IndicatorPoint[] {
  return perPeriod(observations, indicator.period).map(({ start, observation: o }) => ({
    period: indicator.period === 'day' ? start : isoWeek(start),
    start,
    observedOn: o.observedOn,
    value: o.value,
    target: indicator.target,
    met: meets(o.value, indicator.comparison, indicator.target),
  }));
}
