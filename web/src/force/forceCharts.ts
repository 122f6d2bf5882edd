/**
 * The force page's figures, shaped for its charts and tables (docs/GATES.md): each requirement's
 * cover by readiness level, what does not count and why, the gap; and the money by stage and donor
 * against the budget. Pure: the page draws them with Observable Plot and lists them in tables.
 */
import type { ForceGapsView, ForceOverview, FundingGapsView } from '../../../src/contract/index.ts';
import { requirementLabel } from '../../../src/core/gates/checks-agreement.ts';

/** The segments of a requirement's bar, in stacking order; the last two lie beyond what counts. */
export const REQUIREMENT_SERIES = ['Covered · L2', 'Covered · L3', 'Covered · RDL', 'Gap', 'Not counting · L1', 'Not counting · objected'] as const;
export type RequirementSeries = (typeof REQUIREMENT_SERIES)[number];

export interface RequirementRow {
  requirementId: string;
  /** "Infantry · Rafah", numbered when two requirements read the same. */
  label: string;
  phaseName: string | null;
  illustrative: boolean;
  required: number;
  covered: { L2: number; L3: number; RDL: number };
  coveredTotal: number;
  gap: number;
  /** Personnel pledged at L1 only: a promise, not cover. */
  l1: number;
  /** Personnel of contributors a signatory objects to, and who objects. */
  objected: number;
  objectedBy: string[];
}

/** One row per requirement of the gaps, cover split by the readiness of the pledges that give it. */
export function requirementRows(overview: Pick<ForceOverview, 'requirements' | 'pledges'>, gaps: ForceGapsView): RequirementRow[] {
  const readiness = new Map(overview.pledges.map((p) => [p.id, p.readiness]));
  const requirements = new Map(overview.requirements.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  return gaps.requirements.map((g) => {
    const covered = { L2: 0, L3: 0, RDL: 0 };
    for (const c of g.counting) {
      const level = readiness.get(c.pledgeId);
      // A pledge counts only at L2 and above; one the page does not know is put with the lowest of them.
      covered[level === 'L3' || level === 'RDL' ? level : 'L2'] += c.personnel;
    }
    const objected = g.notCounting.filter((n) => n.why === 'objected');
    const base = requirementLabel(g);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const requirement = requirements.get(g.requirementId);
    return {
      requirementId: g.requirementId,
      label: n === 1 ? base : `${base} (${n})`,
      phaseName: requirement?.phaseName ?? null,
      illustrative: requirement?.illustrative ?? false,
      required: g.required,
      covered,
      coveredTotal: g.covered,
      gap: g.gap,
      l1: g.notCounting.filter((x) => x.why === 'readiness').reduce((s, x) => s + x.personnel, 0),
      objected: objected.reduce((s, x) => s + x.personnel, 0),
      objectedBy: [...new Set(objected.flatMap((x) => x.objectedBy ?? []))],
    };
  });
}

export interface RequirementBar {
  label: string;
  series: RequirementSeries;
  value: number;
}

/** The stacked segments of every requirement, zeros left out, in REQUIREMENT_SERIES order. */
export function requirementBars(rows: readonly RequirementRow[]): RequirementBar[] {
  return rows.flatMap((r) => {
    const values: Record<RequirementSeries, number> = {
      'Covered · L2': r.covered.L2,
      'Covered · L3': r.covered.L3,
      'Covered · RDL': r.covered.RDL,
      Gap: r.gap,
      'Not counting · L1': r.l1,
      'Not counting · objected': r.objected,
    };
    return REQUIREMENT_SERIES.filter((s) => values[s] > 0).map((series) => ({ label: r.label, series, value: values[series] }));
  });
}

export const FUNDING_STAGES = ['Budget', 'Pledged', 'Committed', 'Disbursed'] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

export interface FundingBar {
  stage: FundingStage;
  /** The donor, or "Budget" for the budget's own bar. */
  donor: string;
  amount: number;
}

/** The budget as one bar, and each stage as a bar stacked by donor; zeros left out. */
export function fundingBars(f: FundingGapsView): FundingBar[] {
  const bars: FundingBar[] = f.budget > 0 ? [{ stage: 'Budget', donor: 'Budget', amount: f.budget }] : [];
  for (const d of f.byDonor) {
    if (d.pledged > 0) bars.push({ stage: 'Pledged', donor: d.donor, amount: d.pledged });
    if (d.committed > 0) bars.push({ stage: 'Committed', donor: d.donor, amount: d.committed });
    if (d.disbursed > 0) bars.push({ stage: 'Disbursed', donor: d.donor, amount: d.disbursed });
  }
  return bars;
}

/** An amount of money in the agreement's currency, whole units: "USD 380,000,000". */
export function money(amount: number, currency: string): string {
  return `${currency} ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(amount)}`;
}

/** A share as a whole percentage, "32%"; "—" without a budget. */
function share(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

/** The two funding gaps in words, the commitment gap first. */
export function fundingGapWords(f: FundingGapsView, currency: string): string[] {
  if (f.budget <= 0) return ['No budget has been set, so there is no funding gap to measure.'];
  const line = (what: string, reached: number, gap: number) =>
    gap > 0
      ? `${what} gap: ${money(gap, currency)} of the ${money(f.budget, currency)} budget is not ${what === 'Commitment' ? 'committed' : 'disbursed'} yet (${share(reached, f.budget)} ${what === 'Commitment' ? 'committed' : 'disbursed'}).`
      : `No ${what.toLowerCase()} gap: ${money(reached, currency)} ${what === 'Commitment' ? 'committed' : 'disbursed'} covers the ${money(f.budget, currency)} budget.`;
  return [line('Commitment', f.committed, f.commitmentGap), line('Disbursement', f.disbursed, f.disbursementGap)];
}
