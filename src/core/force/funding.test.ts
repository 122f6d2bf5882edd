import { describe, expect, it } from 'vitest';
import { fundingGaps, type FundingEntryInput } from './funding.ts';

const entry = (id: string, donor: string, kind: FundingEntryInput['kind'], amount: number, budgetLineId: string | null = 'b1'): FundingEntryInput => ({
  id,
  donor,
  kind,
  amount,
  budgetLineId,
});

describe('fundingGaps', () => {
  it('sums each stage apart: a donor who commits then pays records both', () => {
    const result = fundingGaps({
      budgetLines: [
        { id: 'b1', name: 'Troop costs', amount: 1000 },
        { id: 'b2', name: 'Logistics', amount: 500 },
      ],
      entries: [
        entry('e1', 'Norway', 'pledge', 600),
        entry('e2', 'Norway', 'commitment', 600),
        entry('e3', 'Norway', 'disbursement', 400),
        entry('e4', 'Germany', 'commitment', 300, 'b2'),
        entry('e5', 'germany ', 'pledge', 100, null),
      ],
    });
    expect(result).toMatchObject({ budget: 1500, pledged: 700, committed: 900, disbursed: 400, commitmentGap: 600, disbursementGap: 1100 });
    expect(result.byDonor).toEqual([
      { donor: 'Norway', pledged: 600, committed: 600, disbursed: 400 },
      { donor: 'Germany', pledged: 100, committed: 300, disbursed: 0 },
    ]);
    expect(result.byLine).toEqual([
      { budgetLineId: 'b1', name: 'Troop costs', amount: 1000, pledged: 600, committed: 600, disbursed: 400, commitmentGap: 400, disbursementGap: 600 },
      { budgetLineId: 'b2', name: 'Logistics', amount: 500, pledged: 0, committed: 300, disbursed: 0, commitmentGap: 200, disbursementGap: 500 },
    ]);
    expect(result.unallocated).toEqual({ pledged: 100, committed: 0, disbursed: 0 });
  });

  it('floors gaps at 0 when more is committed than budgeted', () => {
    const result = fundingGaps({ budgetLines: [{ id: 'b1', name: 'All', amount: 100 }], entries: [entry('e1', 'EU', 'commitment', 250)] });
    expect(result.commitmentGap).toBe(0);
    expect(result.byLine[0]?.commitmentGap).toBe(0);
  });

  it('sums in hundredths: no floating-point dust', () => {
    const result = fundingGaps({
      budgetLines: [{ id: 'b1', name: 'All', amount: 0.3 }],
      entries: [entry('e1', 'A', 'commitment', 0.1), entry('e2', 'B', 'commitment', 0.2)],
    });
    expect(result.committed).toBe(0.3);
    expect(result.commitmentGap).toBe(0);
  });

  it('counts an entry for a deleted line as unallocated, and is empty with nothing', () => {
    expect(fundingGaps({ budgetLines: [], entries: [entry('e1', 'A', 'disbursement', 5, 'gone')] }).unallocated).toEqual({ pledged: 0, committed: 0, disbursed: 5 });
    expect(fundingGaps({ budgetLines: [], entries: [] })).toEqual({
      budget: 0,
      pledged: 0,
      committed: 0,
      disbursed: 0,
      commitmentGap: 0,
      disbursementGap: 0,
      byDonor: [],
      byLine: [],
      unallocated: { pledged: 0, committed: 0, disbursed: 0 },
    });
  });
});
