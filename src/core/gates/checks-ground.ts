/**
 * The gate conditions on the ground: withdrawals verified, an indicator at target, no verified
 * violation. Each judges plain facts (facts.ts) on a day `today`, YYYY-MM-DD.
 */
import { addDays, isoWeekStart } from '../calendar.ts';
import { INCIDENT_CATEGORY_LABELS } from '../incidents.ts';
import type { GateCondition } from './conditions.ts';
import { GATE_WITHDRAWAL_STATUS_LABELS, type GateFacts, type GateJudgement, type GateWithdrawalStatus } from './facts.ts';
import { count, names, newest } from './words.ts';

type Of<K extends GateCondition['kind']> = Extract<GateCondition, { kind: K }>;

// The order not-verified items are named in: what needs attention first.
const PENDING: readonly GateWithdrawalStatus[] = ['late', 'disputed', 'on_time'];

/** Every withdrawal item of the phase verified; a phase with none is not met (nothing was verified). */
export function judgeWithdrawals(c: Of<'withdrawal_verified'>, facts: GateFacts): GateJudgement {
  const items = facts.withdrawals.filter((w) => w.phaseId === c.phaseId);
  if (items.length === 0) return { met: false, detail: 'No withdrawal items in this phase: nothing to verify', evidence: [], since: null };
  const verified = items.filter((w) => w.status === 'verified');
  const pending = PENDING.flatMap((status) => {
    const of = items.filter((w) => w.status === status);
    return of.length === 0 ? [] : [`${GATE_WITHDRAWAL_STATUS_LABELS[status]}: ${names(of.map((w) => w.label))}`];
  });
  const met = verified.length === items.length;
  return {
    met,
    detail: [`${verified.length} of ${count(items.length, 'withdrawal item')} verified`, ...pending].join('; '),
    evidence: items.map((w) => ({ kind: 'withdrawal', id: w.id, label: w.label, note: GATE_WITHDRAWAL_STATUS_LABELS[w.status] })),
    // Held since the last item was verified.
    since: met ? newest(verified.map((w) => w.since)) : null,
  };
}

/** The periods a condition of `days` days needs: days for a daily indicator, whole weeks (rounded up) for a weekly one. */
export function periodsNeeded(days: number, period: 'day' | 'week'): number {
  return period === 'day' ? days : Math.ceil(days / 7);
}

/**
 * Whether an observation keeps a streak running up to today: a daily one from today or yesterday
 * (today's figure may not be in yet), a weekly one from this ISO week or the one before.
 */
export function observedRecently(observedOn: string, period: 'day' | 'week', today: string): boolean {
  if (period === 'day') return observedOn >= addDays(today, -1);
  return isoWeekStart(observedOn) >= addDays(isoWeekStart(today), -7);
}

/** The indicator at target for the periods `days` asks, up to today. */
export function judgeIndicator(c: Of<'indicator_at_target'>, facts: GateFacts, today: string): GateJudgement {
  const indicator = facts.indicators.find((i) => i.id === c.indicatorId);
  if (!indicator) return { met: false, detail: 'Indicator not found: it may have been deleted', evidence: [], since: null };
  const unit = indicator.period;
  const needed = periodsNeeded(c.days, unit);
  const latest = indicator.latest;
  const evidence = [
    { kind: 'indicator' as const, id: indicator.id, label: indicator.label, ...(latest ? { note: `latest ${latest.value} on ${latest.observedOn}` } : {}) },
  ];
  if (latest === null) return { met: false, detail: `No observation yet (needs ${count(needed, unit)} at target)`, evidence, since: null };
  const current = observedRecently(latest.observedOn, unit, today);
  const streak = current ? indicator.streakPeriods : 0;
  const met = streak >= needed;
  const parts = [`${count(indicator.streakPeriods, `consecutive ${unit}`)} at target (needs ${needed})`, `latest ${latest.value} on ${latest.observedOn}`];
  if (!current) parts.push(`no observation since then, so the streak does not run up to today`);
  return { met, detail: parts.join('; '), evidence, since: met ? indicator.since : null };
}

function categoryWords(category: string | undefined): string {
  if (category === undefined) return 'violation';
  const label = (INCIDENT_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
  return `violation (${label.toLowerCase()})`;
}

/**
 * No verified violation (of the category) in the last `days` days: one counts when it occurred after
 * today − days, so with days 7 on the 10th, one on the 3rd is outside and one on the 4th inside. One
 * dated after today (a date in another zone) counts too.
 */
export function judgeViolations(c: Of<'no_verified_violation'>, facts: GateFacts, today: string): GateJudgement {
  const cutoff = addDays(today, -c.days);
  const relevant = facts.violations.filter((v) => c.category === undefined || v.category === c.category);
  const recent = relevant.filter((v) => v.occurredOn > cutoff).sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
  const what = categoryWords(c.category);
  const last = newest(relevant.map((v) => v.occurredOn));
  if (recent.length === 0) {
    return {
      met: true,
      detail: `No verified ${what} in the last ${count(c.days, 'day')}${last ? `; the last on ${last}` : ''}`,
      evidence: [],
      since: last ? addDays(last, 1) : null,
    };
  }
  return {
    met: false,
    detail: `${count(recent.length, `verified ${what}`, `verified ${what.replace(/^violation/, 'violations')}`)} in the last ${count(c.days, 'day')}; the latest on ${recent[0]!.occurredOn}`,
    evidence: recent.map((v) => ({ kind: 'incident', id: v.id, label: v.label, note: v.occurredOn })),
    since: null,
  };
}
