/**
 * The withdrawal schedule's status rule (docs/GATES.md, "Withdrawal schedule"): from an item's
 * deadline and the verifications of it, whether the withdrawal is verified, disputed, late or on
 * time, and since when. Dates are YYYY-MM-DD in the agreement's time zone.
 */
import { addDays } from '../calendar.ts';
import { keysOf } from '../vocabulary.ts';

/** What a verification found on the ground. */
export const WITHDRAWAL_FINDING_LABELS = {
  completed: 'Completed',
  partial: 'Partial',
  not_observed: 'Not observed',
  disputed: 'Disputed',
};
export type WithdrawalFinding = keyof typeof WITHDRAWAL_FINDING_LABELS;
export const WITHDRAWAL_FINDINGS = keysOf(WITHDRAWAL_FINDING_LABELS);

/** Where a withdrawal item stands. */
export const WITHDRAWAL_STATUS_LABELS = {
  on_time: 'On time',
  late: 'Late',
  verified: 'Verified',
  disputed: 'Disputed',
};
export type WithdrawalStatus = keyof typeof WITHDRAWAL_STATUS_LABELS;
export const WITHDRAWAL_STATUSES = keysOf(WITHDRAWAL_STATUS_LABELS);

/** A verification as the rule reads it. */
export interface WithdrawalVerificationFact {
  /** YYYY-MM-DD. */
  observedOn: string;
  finding: WithdrawalFinding;
  /** ISO 8601 instant it was recorded; orders the verifications of one day. */
  createdAt?: string | undefined;
}

export interface WithdrawalStatusResult<V extends WithdrawalVerificationFact> {
  status: WithdrawalStatus;
  /** Verified or disputed: the first date of the run of dates that left it so. Late: the day after the deadline. On time: null. */
  since: string | null;
  /** The newest verification counted (by date, then createdAt, then the order given), or null. */
  latest: V | null;
}

/** What the verifications of one date say together: verified, disputed, or neither. */
function dayVerdict(findings: readonly WithdrawalFinding[]): 'verified' | 'disputed' | null {
  if (findings.includes('disputed')) return 'disputed';
  const completed = findings.filter((f) => f === 'completed').length;
  if (completed === findings.length) return 'verified';
  // One verifier found it completed and another did not on the same day: they disagree.
  return completed > 0 ? 'disputed' : null;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The status of a withdrawal item on `today`:
 * - the verifications observed after today are not counted (a status is as of a date);
 * - the newest date with verifications decides: all `completed` → `verified`; any `disputed`, or
 *   `completed` beside another finding → `disputed`; only `partial` or `not_observed` → the item
 *   is not verified (a completed withdrawal later found undone goes back to late or on time);
 * - not verified nor disputed: `late` when the deadline is before today, else `on_time`
 *   (the deadline day itself is on time).
 * A withdrawal verified after its deadline is `verified`; `since` then falls after the deadline.
 */
export function withdrawalStatus<V extends WithdrawalVerificationFact>(
  item: { deadline: string },
  verifications: readonly V[],
  today: string,
): WithdrawalStatusResult<V> {
  const counted = verifications
    .map((v, order) => ({ v, order }))
    .filter(({ v }) => v.observedOn <= today)
    .sort((a, b) => compareText(a.v.observedOn, b.v.observedOn) || compareText(a.v.createdAt ?? '', b.v.createdAt ?? '') || a.order - b.order)
    .map(({ v }) => v);
  const latest = counted.at(-1) ?? null;
  const byDate = new Map<string, WithdrawalFinding[]>();
  for (const v of counted) {
    const findings = byDate.get(v.observedOn);
    if (findings) findings.push(v.finding);
    else byDate.set(v.observedOn, [v.finding]);
  }
  const days = [...byDate.entries()].map(([date, findings]) => ({ date, verdict: dayVerdict(findings) }));
  const newest = days.at(-1);
  if (newest && newest.verdict !== null) {
    // Since the first of the dates, up to the newest, that all gave the same verdict.
    let first = days.length - 1;
    while (first > 0 && days[first - 1]!.verdict === newest.verdict) first -= 1;
    return { status: newest.verdict, since: days[first]!.date, latest };
  }
  if (item.deadline < today) return { status: 'late', since: addDays(item.deadline, 1), latest };
  return { status: 'on_time', since: null, latest };
}
