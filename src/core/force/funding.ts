/**
 * Funding gaps (docs/GATES.md). Each entry records a stage the money reached, as OCHA's Financial
 * Tracking Service does: a donor who commits and then pays records both a commitment and a
 * disbursement, so the stages are summed apart and never added to each other. One currency per
 * agreement.
 */
import type { FundingKind } from './vocabulary.ts';

export interface BudgetLineInput {
  id: string;
  name: string;
  amount: number;
}

export interface FundingEntryInput {
  id: string;
  donor: string;
  kind: FundingKind;
  amount: number;
  /** The line it funds; null for money given to the force as a whole. */
  budgetLineId: string | null;
}

export interface FundingInput {
  budgetLines: readonly BudgetLineInput[];
  entries: readonly FundingEntryInput[];
}

/** The sums of one set of entries by stage. */
export interface FundingStages {
  pledged: number;
  committed: number;
  disbursed: number;
}

export interface DonorFunding extends FundingStages {
  /** The donor as first written (donors match trimmed and case-insensitively). */
  donor: string;
}

export interface BudgetLineFunding extends FundingStages {
  budgetLineId: string;
  name: string;
  amount: number;
  commitmentGap: number;
  disbursementGap: number;
}

export interface FundingGaps extends FundingStages {
  budget: number;
  /** max(0, budget − committed). */
  commitmentGap: number;
  /** max(0, budget − disbursed). */
  disbursementGap: number;
  /** Donors in the order they first appear. */
  byDonor: DonorFunding[];
  /** Budget lines in the order given. */
  byLine: BudgetLineFunding[];
  /** Entries for no line, or for a line not among budgetLines (deleted): counted in the totals only. */
  unallocated: FundingStages;
}

// Sums are kept in hundredths, so that 0.1 + 0.2 reads 0.3 and a gap is never 1e-10.
const cents = (amount: number) => Math.round(amount * 100);
const fromCents = (c: number) => c / 100;

const STAGE: Record<FundingKind, keyof FundingStages> = { pledge: 'pledged', commitment: 'committed', disbursement: 'disbursed' };

function stages(entries: readonly FundingEntryInput[]): FundingStages {
  const total = { pledged: 0, committed: 0, disbursed: 0 };
  for (const e of entries) total[STAGE[e.kind]] += cents(e.amount);
  return { pledged: fromCents(total.pledged), committed: fromCents(total.committed), disbursed: fromCents(total.disbursed) };
}

const floorGap = (budget: number, reached: number) => fromCents(Math.max(0, cents(budget) - cents(reached)));

/** The budget, what reached each stage, the gaps floored at 0, by donor and by budget line. */
export function fundingGaps(input: FundingInput): FundingGaps {
  const budget = fromCents(input.budgetLines.reduce((s, l) => s + cents(l.amount), 0));
  const totals = stages(input.entries);

  const donors = new Map<string, { donor: string; entries: FundingEntryInput[] }>();
  for (const e of input.entries) {
    const key = e.donor.trim().toLowerCase();
    const held = donors.get(key) ?? { donor: e.donor.trim(), entries: [] };
    held.entries.push(e);
    donors.set(key, held);
  }

  const lineIds = new Set(input.budgetLines.map((l) => l.id));
  const byLine = input.budgetLines.map((line): BudgetLineFunding => {
    const s = stages(input.entries.filter((e) => e.budgetLineId === line.id));
    return {
      budgetLineId: line.id,
      name: line.name,
      amount: line.amount,
      ...s,
      commitmentGap: floorGap(line.amount, s.committed),
      disbursementGap: floorGap(line.amount, s.disbursed),
    };
  });

  return {
    budget,
    ...totals,
    commitmentGap: floorGap(budget, totals.committed),
    disbursementGap: floorGap(budget, totals.disbursed),
    byDonor: [...donors.values()].map(({ donor, entries }) => ({ donor, ...stages(entries) })),
    byLine,
    unallocated: stages(input.entries.filter((e) => e.budgetLineId === null || !lineIds.has(e.budgetLineId))),
  };
}
