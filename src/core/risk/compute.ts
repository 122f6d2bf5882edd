/**
 * The collapse risk from its parts (docs/FORECAST.md): each part turns one measured value into a
 * score from 0 (no sign of collapse) to 1, says how, and where the value comes from; the score is
 * 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with data. The words are the same for every reader.
 */
import { addDays, daysBetween } from '../calendar.ts';
import type { RiskFacts } from './facts.ts';
import { RISK_PART_KEYS, RISK_PART_LABELS, type RiskPartKey } from './parts.ts';
import type { RiskWeightMap } from './weights.ts';

export type RiskLinkKind = 'provision' | 'clause' | 'document' | 'phase' | 'gate' | 'incidents' | 'force' | 'forecast' | 'precedents';

export interface RiskLink {
  kind: RiskLinkKind;
  id: string | null;
  label: string;
}

/** A part as measured, before its weight. */
export interface RiskMeasure {
  value: string;
  measure: number | null;
  score: number | null;
  source: string;
  explanation: string;
  links: RiskLink[];
}

export interface RiskPart extends RiskMeasure {
  key: RiskPartKey;
  label: string;
  weight: number;
  /** Points of the 0–100 score this part gives; null when it has no data or no part counts. */
  contribution: number | null;
}

export interface RiskResult {
  /** 0 to 100; null when no part with a weight above 0 has data. */
  score: number | null;
  parts: RiskPart[];
}

/** The violation trend compares two windows of this many days. */
export const RISK_TREND_DAYS = 14;
/** Clauses not agreed count when their deadline has passed or falls within this many days. */
export const RISK_CLAUSE_HORIZON_DAYS = 14;
/** The next deadline's score falls from 1 (due today or passed) to 0 at this many days. */
export const RISK_DEADLINE_HORIZON_DAYS = 30;
/** The precedents' base rate looks this many days after an agreement's signing. */
export const RISK_PRECEDENT_DAYS = 365;

const DAY_MS = 86_400_000;
const LISTED = 3;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const fixed = (x: number, digits = 2) => x.toFixed(digits);
const pct = (share: number) => `${Math.round(share * 100)} %`;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The first few names, and how many more. */
function listed(labels: readonly string[]): string {
  const shown = labels.slice(0, LISTED).join('; ');
  return labels.length > LISTED ? `${shown}; and ${labels.length - LISTED} more` : shown;
}

const noData = (value: string, source: string, explanation: string, links: RiskLink[] = []): RiskMeasure => ({ value, measure: null, score: null, source, explanation, links });

/** Verified incidents of the last 14 days against the 14 before. */
function violationTrend(facts: Pick<RiskFacts, 'asOf' | 'verifiedDays'>): RiskMeasure {
  const { asOf } = facts;
  const recentFrom = addDays(asOf, -(RISK_TREND_DAYS - 1));
  const earlierFrom = addDays(asOf, -(2 * RISK_TREND_DAYS - 1));
  let recent = 0;
  let earlier = 0;
  for (const day of facts.verifiedDays) {
    if (day > asOf || day < earlierFrom) continue;
    if (day >= recentFrom) recent++;
    else earlier++;
  }
  const rise = recent - earlier;
  const score = Math.max(0, rise) / (recent + earlier + 1);
  return {
    value: `${count(recent, 'verified incident')} in the ${RISK_TREND_DAYS} days to ${asOf}, ${earlier} in the ${RISK_TREND_DAYS} days before (${signed(rise)})`,
    measure: rise,
    score: round(score, 4),
    source: "Verified incidents of this agreement, dated in its time zone (a day without one counts 0: its monitors report every day)",
    explanation: `Score = max(0, recent − earlier) / (recent + earlier + 1): 0 when flat or falling, towards 1 when nearly all are recent. Here max(0, ${rise}) / (${recent} + ${earlier} + 1) = ${fixed(score)}.`,
    links: [{ kind: 'incidents', id: null, label: 'Verified incidents' }],
  };
}

/** The escalation model's branching ratio, with the largest cross-excitation between two parties named. */
function excitation(facts: Pick<RiskFacts, 'escalation'>): RiskMeasure {
  const source = 'Escalation model (a multivariate Hawkes process) fitted to the verified incidents: the forecast';
  const explanation = 'Score = min(1, branching ratio): the expected number of further verified incidents each one triggers, directly or through others; at 1 or above they sustain themselves. The cross-excitation between two parties (the retaliation signal) is shown beside it, not scored twice.';
  const links: RiskLink[] = [{ kind: 'forecast', id: null, label: 'Forecast' }];
  const e = facts.escalation;
  if (!e) return noData('The forecast is not available', source, explanation, links);
  if (!e.fitted || e.branchingRatio === null) return noData(e.reason ? `No fit: ${e.reason}` : `No fit on ${count(e.events, 'verified incident')}`, source, explanation, links);
  let cross: { from: string; to: string; alpha: number } | null = null;
  e.dimensions.forEach((to, i) =>
    e.dimensions.forEach((from, j) => {
      if (i === j || to.key === 'unattributed' || from.key === 'unattributed') return;
      const alpha = e.adjacency[i]?.[j] ?? 0;
      if (alpha > 0 && (!cross || alpha > cross.alpha)) cross = { from: from.label, to: to.label, alpha };
    }),
  );
  const found = cross as { from: string; to: string; alpha: number } | null;
  const crossText = found
    ? `; largest cross-excitation: ${fixed(found.alpha)} incidents attributed to ${found.to} follow each one attributed to ${found.from}`
    : '; no cross-excitation between two parties';
  const score = clamp01(e.branchingRatio);
  return {
    value: `Branching ratio ${fixed(e.branchingRatio)}, fitted on ${count(e.events, 'verified incident')}${crossText}`,
    measure: round(e.branchingRatio, 4),
    score: round(score, 4),
    source,
    explanation: `${explanation} Here min(1, ${fixed(e.branchingRatio)}) = ${fixed(score)}.`,
    links,
  };
}

/** Provisions past their deadline and not in full, among those with a deadline. */
function overdueProvisions(facts: Pick<RiskFacts, 'now' | 'provisions'>): RiskMeasure {
  const source = 'Provisions of the agreement: deadlines and implementation status (Strategic Matrix)';
  const explanation = 'Score = provisions past their deadline and not in full / provisions with a deadline.';
  const now = Date.parse(facts.now);
  const dated = facts.provisions.filter((p) => p.deadline !== null);
  if (dated.length === 0) return noData('No provision has a deadline', source, explanation);
  const overdue = dated
    .filter((p) => p.status !== 'full' && Date.parse(p.deadline!) < now)
    .map((p) => ({ p, late: Math.floor((now - Date.parse(p.deadline!)) / DAY_MS) }))
    .sort((a, b) => b.late - a.late);
  const share = overdue.length / dated.length;
  const names = overdue.map(({ p, late }) => `${p.label} (${late === 0 ? 'due earlier today' : `${count(late, 'day')} late`})`);
  return {
    value: `${overdue.length} of ${count(dated.length, 'provision')} with a deadline ${overdue.length === 1 ? 'is' : 'are'} past it and not in full${names.length ? `: ${listed(names)}` : ''}`,
    measure: round(share, 4),
    score: round(share, 4),
    source,
    explanation: `${explanation} Here ${overdue.length} / ${dated.length} = ${fixed(share)}.`,
    links: overdue.map(({ p }) => ({ kind: 'provision', id: p.id, label: p.label })),
  };
}

/** Clauses not agreed whose deadline has passed or falls within 14 days, among clauses with a deadline. */
function clausesOverdue(facts: Pick<RiskFacts, 'now' | 'clauses'>): RiskMeasure {
  const source = "Negotiated documents: each clause's deadline (else its document's) and the consensus of the stances you may see";
  const explanation = `Score = clauses not agreed whose deadline has passed or falls within ${RISK_CLAUSE_HORIZON_DAYS} days / clauses with a deadline.`;
  const now = Date.parse(facts.now);
  const horizon = now + RISK_CLAUSE_HORIZON_DAYS * DAY_MS;
  const dated = facts.clauses.filter((c) => c.deadline !== null);
  if (dated.length === 0) return noData('No clause has a deadline', source, explanation);
  const flagged = dated.filter((c) => c.status !== 'agreed' && Date.parse(c.deadline!) <= horizon).sort((a, b) => Date.parse(a.deadline!) - Date.parse(b.deadline!));
  const passed = flagged.filter((c) => Date.parse(c.deadline!) < now).length;
  const share = flagged.length / dated.length;
  const names = flagged.map((c) => `${c.label} (${c.status}, due ${c.deadlineDay ?? c.deadline})`);
  return {
    value: `${flagged.length} of ${count(dated.length, 'clause')} with a deadline ${flagged.length === 1 ? 'is' : 'are'} not agreed and past it or due within ${RISK_CLAUSE_HORIZON_DAYS} days (${passed} past)${names.length ? `: ${listed(names)}` : ''}`,
    measure: round(share, 4),
    score: round(share, 4),
    source,
    explanation: `${explanation} Here ${flagged.length} / ${dated.length} = ${fixed(share)}.`,
    links: flagged.map((c) => ({ kind: 'clause', id: c.id, label: c.label })),
  };
}

/** The next phase's gate: its conditions not met. */
function failingGates(facts: Pick<RiskFacts, 'gate'>): RiskMeasure {
  const source = "Phase gates: the conditions of the next phase's gate, judged on what you may see";
  const explanation = "Score = conditions of the next phase's gate not met / its conditions.";
  const g = facts.gate;
  if (!g) return noData('No phase is still to come', source, explanation);
  const links: RiskLink[] = [{ kind: 'gate', id: g.phaseId, label: `Gate of ${g.phaseName}` }];
  if (g.conditions.length === 0) return noData(`${g.phaseName}, the next phase, has no gate conditions`, source, explanation, links);
  const failing = g.conditions.filter((c) => !c.met).map((c) => c.label);
  const share = failing.length / g.conditions.length;
  return {
    value: `${failing.length} of the ${count(g.conditions.length, 'condition')} of ${g.phaseName}'s gate ${failing.length === 1 ? 'is' : 'are'} not met${failing.length ? `: ${listed(failing)}` : ''}`,
    measure: round(share, 4),
    score: round(share, 4),
    source,
    explanation: `${explanation} Here ${failing.length} / ${g.conditions.length} = ${fixed(share)}.`,
    links,
  };
}

/** The force's personnel gap and the budget not committed, each as a share. */
function forceGaps(facts: Pick<RiskFacts, 'force' | 'funding'>): RiskMeasure {
  const source = 'Stabilization force: requirements against pledges at readiness Level 3 not objected to by a signatory (the positions you may see); budget against funding committed';
  const explanation = 'Score = the mean of the shares there are: personnel gap / personnel required, and budget not committed / budget.';
  const links: RiskLink[] = [{ kind: 'force', id: null, label: 'Stabilization force' }];
  const { force, funding } = facts;
  const shares: number[] = [];
  const words: string[] = [];
  if (force.required > 0) {
    const share = force.gap / force.required;
    shares.push(share);
    words.push(`${amount(force.gap)} of ${amount(force.required)} personnel required not covered (${pct(share)})`);
  }
  if (funding.budget > 0) {
    const share = funding.commitmentGap / funding.budget;
    shares.push(share);
    const currency = funding.currency ? ` ${funding.currency}` : '';
    words.push(`${amount(funding.commitmentGap)} of the ${amount(funding.budget)}${currency} budget not committed (${pct(share)})`);
  }
  if (shares.length === 0) return noData('No force requirement and no budget', source, explanation, links);
  const score = clamp01(shares.reduce((s, x) => s + x, 0) / shares.length);
  return {
    value: words.join('; '),
    measure: round(score, 4),
    score: round(score, 4),
    source,
    explanation: `${explanation} Here ${shares.length === 1 ? fixed(shares[0]!) : `(${shares.map((s) => fixed(s)).join(' + ')}) / 2`} = ${fixed(score)}.`,
    links,
  };
}

/** How often agreements with the agreement's provision types ended within a year. */
function precedents(facts: Pick<RiskFacts, 'precedents'>): RiskMeasure {
  const p = facts.precedents;
  const links: RiskLink[] = [{ kind: 'precedents', id: null, label: 'Precedents' }];
  const explanation = `Score = the share of the precedents (peace agreements with the same UCDP provision types) that ended within ${RISK_PRECEDENT_DAYS} days of signing, by Kaplan–Meier: 1 − S(${RISK_PRECEDENT_DAYS}).`;
  if (!p) return noData('The precedents are not available', 'UCDP Peace Agreement Dataset', explanation, links);
  if (p.rate === null) return noData(p.label, p.source, explanation, links);
  const score = clamp01(p.rate);
  return {
    // The precedents' own sentence: the share, how many, which provision types, the dataset's version.
    value: p.label,
    measure: round(p.rate, 4),
    score: round(score, 4),
    source: p.source,
    explanation: `${explanation} Here ${fixed(score)}.`,
    links,
  };
}

/** Days to the next deadline still open: provisions not in full, clauses not agreed, withdrawals not verified. */
function nextDeadline(facts: Pick<RiskFacts, 'asOf' | 'now' | 'provisions' | 'clauses' | 'withdrawals'>): RiskMeasure {
  const source = 'Deadlines of provisions not in full, clauses not agreed (as you see the stances) and withdrawal items not verified';
  const explanation = `Score = 1 − days / ${RISK_DEADLINE_HORIZON_DAYS}, within 0 and 1: 1 when the deadline is today, 0 at ${RISK_DEADLINE_HORIZON_DAYS} days or more. Deadlines already passed are counted by the overdue parts.`;
  const now = Date.parse(facts.now);
  const open: Array<{ day: string; label: string; link: RiskLink }> = [
    ...facts.provisions
      .filter((p) => p.status !== 'full' && p.deadline !== null && p.deadlineDay !== null && Date.parse(p.deadline) >= now)
      .map((p) => ({ day: p.deadlineDay!, label: `${p.label} (provision)`, link: { kind: 'provision' as const, id: p.id, label: p.label } })),
    ...facts.clauses
      .filter((c) => c.status !== 'agreed' && c.deadline !== null && c.deadlineDay !== null && Date.parse(c.deadline) >= now)
      .map((c) => ({ day: c.deadlineDay!, label: `${c.label} (clause)`, link: { kind: 'clause' as const, id: c.id, label: c.label } })),
    ...facts.withdrawals
      .filter((w) => !w.verified && w.deadline >= facts.asOf)
      .map((w) => ({ day: w.deadline, label: `${w.label} (withdrawal)`, link: { kind: 'phase' as const, id: null, label: w.label } })),
  ];
  if (open.length === 0) return noData('No open deadline ahead', source, explanation);
  const first = open.reduce((min, x) => (x.day < min ? x.day : min), open[0]!.day);
  const due = open.filter((x) => x.day === first);
  const days = Math.max(0, daysBetween(facts.asOf, first));
  const score = clamp01(1 - days / RISK_DEADLINE_HORIZON_DAYS);
  return {
    value: `${days === 0 ? 'Due today' : `${count(days, 'day')}, to ${first}`}: ${listed(due.map((x) => x.label))}`,
    measure: days,
    score: round(score, 4),
    source,
    explanation: `${explanation} Here 1 − ${days} / ${RISK_DEADLINE_HORIZON_DAYS} = ${fixed(score)}.`,
    links: due.flatMap((x) => (x.link.kind === 'phase' ? [] : [x.link])),
  };
}

/** Each part's measure, by key. */
export const RISK_MEASURES: Readonly<Record<RiskPartKey, (facts: RiskFacts) => RiskMeasure>> = {
  violation_trend: violationTrend,
  excitation,
  overdue_provisions: overdueProvisions,
  clauses_overdue: clausesOverdue,
  failing_gates: failingGates,
  force_gaps: forceGaps,
  precedents,
  next_deadline: nextDeadline,
};

/** The score from parts already measured: 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with data and a weight above 0. */
export function combineRisk(measures: ReadonlyArray<RiskMeasure & { key: RiskPartKey }>, weights: RiskWeightMap): RiskResult {
  const counted = measures.filter((m) => m.score !== null && weights[m.key] > 0);
  const total = counted.reduce((s, m) => s + weights[m.key], 0);
  const score = total > 0 ? round((100 * counted.reduce((s, m) => s + weights[m.key] * m.score!, 0)) / total, 1) : null;
  const parts = measures.map((m) => ({
    ...m,
    label: RISK_PART_LABELS[m.key],
    weight: weights[m.key],
    contribution: total > 0 && m.score !== null ? round((100 * weights[m.key] * m.score) / total, 1) : null,
  }));
  return { score, parts };
}

/** Every part measured on `facts`, in the order shown, weighed by `weights`, and the score. */
export function computeRisk(facts: RiskFacts, weights: RiskWeightMap): RiskResult {
  return combineRisk(
    RISK_PART_KEYS.map((key) => ({ key, ...RISK_MEASURES[key](facts) })),
    weights,
  );
}
