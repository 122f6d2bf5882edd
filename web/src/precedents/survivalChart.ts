/**
 * The Kaplan–Meier chart's geometry and wording, pure: step paths, the year axis, the numbers at risk
 * under it, the median's mark; and the precedents page's filters as they stand in the address bar.
 */
import { isUcdpProvision, UCDP_PROVISION_INFO, type UcdpProvision } from '../../../src/core/precedents/vocabulary.ts';

export interface Step {
  day: number;
  survival: number;
  atRisk: number;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Days the axis spans. */
  maxDay: number;
}

export const xOf = (f: Frame, day: number) => f.left + (Math.min(day, f.maxDay) / Math.max(1, f.maxDay)) * (f.width - f.left - f.right);
export const yOf = (f: Frame, s: number) => f.top + (1 - s) * (f.height - f.top - f.bottom);

const r = (x: number) => Math.round(x * 10) / 10;

/**
 * The step curve from (0, 1): flat to each step's day, then down to its survival; it ends at the last
 * day observed (`until`, when later than the last step: the curve is known flat to there).
 */
export function stepPath(f: Frame, steps: readonly Step[], until?: number): string {
  let d = `M${r(xOf(f, 0))},${r(yOf(f, 1))}`;
  let s = 1;
  for (const step of steps) {
    if (step.survival !== s) {
      d += `H${r(xOf(f, step.day))}V${r(yOf(f, step.survival))}`;
      s = step.survival;
    }
  }
  const end = Math.max(until ?? 0, steps.at(-1)?.day ?? 0);
  return `${d}H${r(xOf(f, end))}`;
}

const DAYS_PER_YEAR = 365.25;

/** Ticks at whole years, 1, 2, 5 or 10 apart, so that at most `most` fit; the first at 0. */
export function yearTicks(maxDay: number, most = 7): { day: number; label: string }[] {
  const years = maxDay / DAYS_PER_YEAR;
  const every = [1, 2, 5, 10, 20].find((n) => years / n <= most - 1) ?? 50;
  const ticks: { day: number; label: string }[] = [];
  for (let y = 0; y * DAYS_PER_YEAR <= maxDay + 0.5; y += every) ticks.push({ day: Math.round(y * DAYS_PER_YEAR), label: y === 0 ? '0' : `${y} y` });
  return ticks;
}

/** Under observation on a day: those whose time is that day or later (n before the first step). */
export function atRiskOn(steps: readonly Step[], n: number, day: number): number {
  if (day <= 0) return n;
  const next = steps.find((s) => s.day >= day);
  return next ? next.atRisk : 0;
}

/** The median's point on the curve, or null when the curve never reaches one half. */
export function medianMark(f: Frame, median: number | null): { x: number; y: number; label: string } | null {
  if (median === null) return null;
  return { x: xOf(f, median), y: yOf(f, 0.5), label: `median ${formatDays(median)}` };
}

export function formatDays(days: number): string {
  if (days < 60) return `${days} days`;
  if (days < 730) return `${Math.round(days / 30.44)} months (${days} days)`;
  return `${(days / DAYS_PER_YEAR).toFixed(1)} years (${days} days)`;
}

export const formatShare = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);

/** S on a day, from the steps (1 before the first); null beyond the last day observed. */
export function survivalOn(steps: readonly Step[], day: number, lastDay: number): number | null {
  if (day > lastDay) return null;
  let s = 1;
  for (const step of steps) {
    if (step.day > day) break;
    s = step.survival;
  }
  return s;
}

/** A comma list from the address bar: known provisions only, each once, in the order given. */
export function parseProvisions(value: string | null): UcdpProvision[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()))].filter(isUcdpProvision);
}

export const provisionLabel = (k: UcdpProvision): string => UCDP_PROVISION_INFO[k].label;

/** A provision's state in the chooser: required, excluded or either. */
export type Choice = 'with' | 'without' | '';

export function choiceOf(k: UcdpProvision, withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[]): Choice {
  return withKeys.includes(k) ? 'with' : withoutKeys.includes(k) ? 'without' : '';
}

/** The with and without lists after one provision's choice changes. */
export function choose(k: UcdpProvision, choice: Choice, withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[]): { with: UcdpProvision[]; without: UcdpProvision[] } {
  const w = withKeys.filter((x) => x !== k);
  const wo = withoutKeys.filter((x) => x !== k);
  if (choice === 'with') w.push(k);
  if (choice === 'without') wo.push(k);
  return { with: w, without: wo };
}

/** The address of the precedents page showing agreements with these provisions. */
export function precedentsHref(withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[] = []): string {
  const params = new URLSearchParams();
  if (withKeys.length) params.set('with', withKeys.join(','));
  if (withoutKeys.length) params.set('without', withoutKeys.join(','));
  const q = params.toString().replace(/%2C/g, ',');
  return `/precedents${q ? `?${q}` : ''}`;
}
