import { describe, expect, it } from 'vitest';
import {
  WITHDRAWAL_FINDING_LABELS,
  WITHDRAWAL_FINDINGS,
  WITHDRAWAL_STATUS_LABELS,
  WITHDRAWAL_STATUSES,
  withdrawalStatus,
  type WithdrawalFinding,
} from './withdrawal.ts';

const item = { deadline: '2026-06-10' };
let n = 0;
const v = (observedOn: string, finding: WithdrawalFinding, createdAt?: string) => ({ id: `v${(n += 1)}`, observedOn, finding, createdAt });

describe('withdrawal vocabularies', () => {
  it('lists the findings and statuses of docs/GATES.md, each with a label', () => {
    expect(WITHDRAWAL_FINDINGS).toEqual(['completed', 'partial', 'not_observed', 'disputed']);
    expect(WITHDRAWAL_STATUSES).toEqual(['on_time', 'late', 'verified', 'disputed']);
    expect(WITHDRAWAL_FINDING_LABELS.not_observed).toBe('Not observed');
    expect(WITHDRAWAL_STATUS_LABELS.on_time).toBe('On time');
  });
});

describe('withdrawalStatus', () => {
  it('is on time without verification up to the deadline day, and late from the day after', () => {
    expect(withdrawalStatus(item, [], '2026-06-01')).toEqual({ status: 'on_time', since: null, latest: null });
    expect(withdrawalStatus(item, [], '2026-06-10')).toEqual({ status: 'on_time', since: null, latest: null });
    expect(withdrawalStatus(item, [], '2026-06-11')).toEqual({ status: 'late', since: '2026-06-11', latest: null });
    expect(withdrawalStatus({ deadline: '2026-12-31' }, [], '2027-03-01')).toMatchObject({ status: 'late', since: '2027-01-01' });
  });

  it('is verified when the newest verification finds it completed, since that date', () => {
    const done = v('2026-06-08', 'completed');
    expect(withdrawalStatus(item, [v('2026-06-05', 'partial'), done], '2026-06-09')).toEqual({ status: 'verified', since: '2026-06-08', latest: done });
    // Still verified long after the deadline.
    expect(withdrawalStatus(item, [done], '2026-09-01')).toMatchObject({ status: 'verified', since: '2026-06-08' });
  });

  it('is verified after being late, since the day it was found completed (after the deadline)', () => {
    const verifications = [v('2026-06-12', 'not_observed'), v('2026-06-15', 'completed')];
    expect(withdrawalStatus(item, verifications, '2026-06-13')).toMatchObject({ status: 'late', since: '2026-06-11' });
    expect(withdrawalStatus(item, verifications, '2026-06-20')).toMatchObject({ status: 'verified', since: '2026-06-15' });
  });

  it('counts a run of completed findings from its first date', () => {
    const s = withdrawalStatus(item, [v('2026-06-01', 'partial'), v('2026-06-03', 'completed'), v('2026-06-06', 'completed')], '2026-06-07');
    expect(s).toMatchObject({ status: 'verified', since: '2026-06-03' });
    expect(s.latest?.observedOn).toBe('2026-06-06');
  });

  it('is no longer verified when a later verification does not observe the withdrawal', () => {
    const undone = v('2026-06-14', 'not_observed');
    const verifications = [v('2026-06-08', 'completed'), undone];
    expect(withdrawalStatus(item, verifications, '2026-06-15')).toEqual({ status: 'late', since: '2026-06-11', latest: undone });
    // Before the deadline, the same finding leaves it on time.
    expect(withdrawalStatus({ deadline: '2026-06-30' }, verifications, '2026-06-15')).toMatchObject({ status: 'on_time', since: null });
    expect(withdrawalStatus(item, [v('2026-06-08', 'completed'), v('2026-06-09', 'partial')], '2026-06-09')).toMatchObject({ status: 'on_time' });
  });

  it('is disputed when the newest verification disputes it, even after completed ones', () => {
    const verifications = [v('2026-06-08', 'completed'), v('2026-06-09', 'disputed'), v('2026-06-12', 'disputed')];
    expect(withdrawalStatus(item, verifications, '2026-06-20')).toMatchObject({ status: 'disputed', since: '2026-06-09' });
    // Disputed before the deadline too: it does not wait for the deadline.
    expect(withdrawalStatus({ deadline: '2026-07-01' }, verifications, '2026-06-20')).toMatchObject({ status: 'disputed' });
  });

  it('is disputed when two verifications of the newest date disagree, whatever order they came in', () => {
    const a = v('2026-06-09', 'completed', '2026-06-09T10:00:00Z');
    const b = v('2026-06-09', 'partial', '2026-06-09T08:00:00Z');
    const s = withdrawalStatus(item, [a, b], '2026-06-09');
    expect(s).toMatchObject({ status: 'disputed', since: '2026-06-09' });
    // The latest is the one recorded last on that date.
    expect(s.latest).toBe(a);
    expect(withdrawalStatus(item, [b, a], '2026-06-09').latest).toBe(a);
    // Two verifiers agreeing on the same day verify it.
    expect(withdrawalStatus(item, [v('2026-06-09', 'completed'), v('2026-06-09', 'completed')], '2026-06-09')).toMatchObject({ status: 'verified' });
    // Two that agree it is not done leave it late, not disputed.
    expect(withdrawalStatus(item, [v('2026-06-12', 'partial'), v('2026-06-12', 'not_observed')], '2026-06-13')).toMatchObject({ status: 'late' });
  });

  it('settles a dispute by a later completed finding', () => {
    const s = withdrawalStatus(item, [v('2026-06-08', 'disputed'), v('2026-06-11', 'completed')], '2026-06-12');
    expect(s).toMatchObject({ status: 'verified', since: '2026-06-11' });
  });

  it('orders by date, not by the order given', () => {
    const last = v('2026-06-09', 'completed');
    expect(withdrawalStatus(item, [last, v('2026-06-02', 'not_observed')], '2026-06-09')).toEqual({ status: 'verified', since: '2026-06-09', latest: last });
  });

  it('does not count verifications observed after today', () => {
    const s = withdrawalStatus(item, [v('2026-06-05', 'partial'), v('2026-06-20', 'completed')], '2026-06-12');
    expect(s).toMatchObject({ status: 'late', since: '2026-06-11' });
    expect(s.latest?.observedOn).toBe('2026-06-05');
  });

  it('counts a verification observed today', () => {
    expect(withdrawalStatus(item, [v('2026-06-10', 'completed')], '2026-06-10')).toMatchObject({ status: 'verified', since: '2026-06-10' });
  });
});
