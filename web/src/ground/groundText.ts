/**
 * How the ground reads in words: an indicator's target ("at least 600 trucks a day"), its current
 * streak as a sentence, a latest value against the target, and a withdrawal item's status with since
 * when. Dates are calendar dates in the agreement's time zone, written in words.
 */
import type { IndicatorView, WithdrawalItemView } from '../../../src/contract/index.ts';
import { WITHDRAWAL_STATUS_LABELS } from '../../../src/core/index.ts';
import { ApiError } from '../shared/api.ts';
import { formatDate } from '../shared/time.ts';

type IndicatorRule = Pick<IndicatorView, 'target' | 'comparison' | 'period' | 'unit'>;
type Streak = IndicatorView['streak'];

const COMPARISON_WORDS: Record<IndicatorView['comparison'], string> = { '>=': 'at least', '<=': 'at most', '=': 'equal to' };

/** 10,192 and 12.5: numbers as the UI writes them. */
export const numberText = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

const periodWord = (period: IndicatorView['period']) => (period === 'day' ? 'day' : 'week');

/** "at least 600 trucks a day" (the `=` comparison says "within 0.5 %"). */
export function targetText(indicator: IndicatorRule): string {
  const within = indicator.comparison === '=' ? ' (within 0.5 %)' : '';
  return `${COMPARISON_WORDS[indicator.comparison]} ${numberText(indicator.target)} ${indicator.unit} a ${periodWord(indicator.period)}${within}`;
}

const plural = (n: number, word: string) => `${numberText(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The current streak in words: how many days (or weeks) in a row the indicator has been at target
 * up to its newest observation, and how old that observation is.
 */
export function streakSentence(indicator: IndicatorRule, streak: Streak): string {
  const latest = streak.latest;
  if (!latest) return 'No observation yet: the indicator has no streak.';
  const unit = periodWord(indicator.period);
  const newest = `${numberText(latest.value)} ${indicator.unit} on ${formatDate(latest.observedOn)}`;
  const behind =
    streak.periodsBehind !== null && streak.periodsBehind > 1 ? ` That observation is ${plural(streak.periodsBehind, unit)} old.` : '';
  if (!streak.met || streak.periods === 0) {
    return `Not at target: the newest observation, ${newest}, is short of the target of ${targetText(indicator)}; no ${unit} in a row is at target.${behind}`;
  }
  const since = streak.since ? `, since ${formatDate(streak.since)}` : '';
  return `At target for ${plural(streak.periods, unit)} in a row${since}, up to the newest observation (${newest}).${behind}`;
}

/** "134 trucks on 30 Jan 2024: not met (target at least 600 trucks a day)". */
export function latestText(indicator: IndicatorRule, streak: Streak): string {
  const latest = streak.latest;
  if (!latest) return `No observation yet (target ${targetText(indicator)})`;
  return `${numberText(latest.value)} ${indicator.unit} on ${formatDate(latest.observedOn)}: ${streak.met ? 'met' : 'not met'} (target ${targetText(indicator)})`;
}

/** "Late since 21 Jun 2026", "On time". */
export function statusText(item: Pick<WithdrawalItemView, 'status' | 'since'>): string {
  const label = WITHDRAWAL_STATUS_LABELS[item.status];
  return item.since ? `${label} since ${formatDate(item.since)}` : label;
}

/** What each status means, for the table's key. */
export const WITHDRAWAL_STATUS_MEANINGS: Record<WithdrawalItemView['status'], string> = {
  on_time: 'not verified yet; the deadline is today or later',
  late: 'not verified, and the deadline has passed',
  verified: 'the newest verification found the withdrawal completed',
  disputed: 'the newest verification disputes it, or verifications of one day disagree',
};

/** The line errors of a refused CSV import (400 invalid_csv), or null when it failed for another reason. */
export function csvErrors(error: unknown): { line: number; message: string }[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_csv') return null;
  const raw = error.details.errors;
  if (!Array.isArray(raw)) return null;
  return raw.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { line, message } = e as Record<string, unknown>;
    return typeof line === 'number' && typeof message === 'string' ? [{ line, message }] : [];
  });
}
