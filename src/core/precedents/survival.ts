/**
 * Kaplan–Meier survival with Greenwood's variance (95 % interval on the log scale, as R's survfit
 * gives by default), and the survival of precedents: from pa_date to the end date when `ended` is
 * True; blank or False `ended` is censored at the data's end; True without a usable end date is left
 * out and counted.
 */
import { daysBetween } from '../calendar.ts';
import { UCDP_DATA_END, type Precedent } from './dataset.ts';

export interface SurvivalObservation {
  /** Days from the start; an event or the last day seen (censored). */
  time: number;
  event: boolean;
}

export interface SurvivalStep {
  day: number;
  /** S(day), just after the day's events. */
  survival: number;
  /** Under observation at the start of the day (events and censored of the day included). */
  atRisk: number;
  events: number;
  censored: number;
  /** 95 % interval; null where it is undefined (S = 0). */
  low: number | null;
  high: number | null;
}

export interface SurvivalCurve {
  steps: SurvivalStep[];
  n: number;
  events: number;
  censored: number;
  /** First day S ≤ 0.5; null when the curve never reaches it. */
  median: number | null;
}

const Z95 = 1.959963984540054;

/** Kaplan–Meier estimate: one step a distinct time; on a tie, events come before censoring. */
export function kaplanMeier(observations: readonly SurvivalObservation[]): SurvivalCurve {
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0;
  let median: number | null = null;
  let i = 0;
  while (i < sorted.length) {
    const day = sorted[i]!.time;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && sorted[i]!.time === day; i += 1) {
      if (sorted[i]!.event) events += 1;
      else censored += 1;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Infinity;
    }
    const se = Math.sqrt(greenwood);
    const defined = survival > 0 && Number.isFinite(se);
    steps.push({
      day,
      survival,
      atRisk,
      events,
      censored,
      low: defined ? survival * Math.exp(-Z95 * se) : null,
      high: defined ? Math.min(1, survival * Math.exp(Z95 * se)) : null,
    });
    if (median === null && survival <= 0.5) median = day;
    atRisk -= events + censored;
  }
  const events = sorted.filter((o) => o.event).length;
  return { steps, n: sorted.length, events, censored: sorted.length - events, median };
}

/** S(day): the curve's value on that day; null beyond the last time observed. */
export function survivalAt(curve: SurvivalCurve, day: number): number | null {
  const last = curve.steps.at(-1);
  if (!last) return null;
  if (day > last.day) return last.survival === 0 ? 0 : null;
  let s = 1;
  for (const step of curve.steps) {
    if (step.day > day) break;
    s = step.survival;
  }
  return s;
}

export interface PrecedentExclusions {
  /** Ended (True) with no end date. */
  noEndDate: number;
  /** Ended on a day before the agreement's own date: a coding error. */
  endBeforeDate: number;
}

export interface PrecedentSurvival extends SurvivalCurve {
  excluded: number;
  exclusions: PrecedentExclusions;
  /** S(365). */
  oneYear: number | null;
  dataEnd: string;
}

/** A precedent's observation, or why it has none. */
export function observationOf(p: Precedent, dataEnd = UCDP_DATA_END): SurvivalObservation | keyof PrecedentExclusions {
  if (p.ended !== true) return { time: daysBetween(p.date, dataEnd), event: false };
  if (!p.endDate) return 'noEndDate';
  const time = daysBetween(p.date, p.endDate);
  return time < 0 ? 'endBeforeDate' : { time, event: true };
}

export function precedentSurvival(precedents: readonly Precedent[], dataEnd = UCDP_DATA_END): PrecedentSurvival {
  const exclusions: PrecedentExclusions = { noEndDate: 0, endBeforeDate: 0 };
  const observations: SurvivalObservation[] = [];
  for (const p of precedents) {
    const o = observationOf(p, dataEnd);
    if (typeof o === 'string') exclusions[o] += 1;
    else observations.push(o);
  }
  const curve = kaplanMeier(observations);
  return { ...curve, excluded: exclusions.noEndDate + exclusions.endBeforeDate, exclusions, oneYear: survivalAt(curve, 365), dataEnd };
}
