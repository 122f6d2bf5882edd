/**
 * The gate conditions on the agreement itself: clauses agreed, provisions implemented, the force
 * covered and the money committed. Each judges plain facts (facts.ts).
 */
import { IMPLEMENTATION_STATUSES, STATUS_LABELS, type ImplementationStatus } from '../domain.ts';
import { sameCapability } from '../force/vocabulary.ts';
import type { RequirementGap } from '../force/gaps.ts';
import { GROUP_STATUS_LABELS, type GroupStatus } from '../negotiation/consensus.ts';
import type { GateCondition } from './conditions.ts';
import type { GateFacts, GateJudgement } from './facts.ts';
import { amount, count, names, newestIfAllKnown, percent } from './words.ts';

type Of<K extends GateCondition['kind']> = Extract<GateCondition, { kind: K }>;

const NOT_AGREED: readonly Exclude<GroupStatus, 'agreed'>[] = ['blocked', 'converging', 'open'];

/** Every clause of the document agreed; a document without clauses is not met (nothing agreed yet, as documentConsensus has it). */
export function judgeClauses(c: Of<'clauses_agreed'>, facts: GateFacts): GateJudgement {
  const doc = facts.documents.find((d) => d.id === c.documentId);
  if (!doc) return { met: false, detail: 'Document not found: it may have been deleted', evidence: [], since: null };
  if (doc.clauses.length === 0) return { met: false, detail: `“${doc.title}” has no clauses: nothing to agree`, evidence: [], since: null };
  const agreed = doc.clauses.filter((cl) => cl.status === 'agreed');
  const rest = NOT_AGREED.flatMap((status) => {
    const of = doc.clauses.filter((cl) => cl.status === status);
    return of.length === 0 ? [] : [`${GROUP_STATUS_LABELS[status].toLowerCase()}: ${names(of.map((cl) => cl.label))}`];
  });
  const met = agreed.length === doc.clauses.length;
  return {
    met,
    detail: [`${agreed.length} of ${count(doc.clauses.length, 'clause')} agreed`, ...rest].join('; '),
    evidence: doc.clauses.map((cl) => ({ kind: 'clause', id: cl.id, label: cl.label, note: GROUP_STATUS_LABELS[cl.status] })),
    since: met ? newestIfAllKnown(doc.clauses.map((cl) => cl.since)) : null,
  };
}

/**
 * Whether a provision has reached a status. The PAM statuses are ordered (not started, minimal,
 * intermediate, full), so reaching one means being at it or past it: a provision in full has reached
 * intermediate. "disputed" is off the scale: a disputed provision has reached none of them (its
 * implementation is contested), and only "disputed" reaches "disputed".
 */
export function provisionReached(status: ImplementationStatus, wanted: ImplementationStatus): boolean {
  if (status === 'disputed' || wanted === 'disputed') return status === wanted;
  return IMPLEMENTATION_STATUSES.indexOf(status) >= IMPLEMENTATION_STATUSES.indexOf(wanted);
}

/** Every provision of the phase at the status or past it; a phase without provisions is not met. */
export function judgeProvisions(c: Of<'provisions_status'>, facts: GateFacts): GateJudgement {
  const items = facts.provisions.filter((p) => p.phaseId === c.phaseId);
  const wanted = STATUS_LABELS[c.status];
  if (items.length === 0) return { met: false, detail: 'No provisions in this phase: nothing to implement', evidence: [], since: null };
  const reached = items.filter((p) => provisionReached(p.status, c.status));
  const behind = items.filter((p) => !provisionReached(p.status, c.status));
  const met = behind.length === 0;
  const parts = [`${reached.length} of ${count(items.length, 'provision')} at ${wanted} or beyond`];
  if (!met) parts.push(`not yet: ${names(behind.map((p) => `${p.label} (${STATUS_LABELS[p.status]})`))}`);
  return {
    met,
    detail: parts.join('; '),
    evidence: items.map((p) => ({ kind: 'provision', id: p.id, label: p.label, note: STATUS_LABELS[p.status] })),
    since: met ? newestIfAllKnown(items.map((p) => p.since)) : null,
  };
}

/** A requirement as people read it: "Infantry · Sector North", "Medical · whole area". */
export function requirementLabel(r: Pick<RequirementGap, 'capability' | 'sectorId' | 'sectorName'>): string {
  return `${r.capability} · ${r.sectorName ?? (r.sectorId === null ? 'whole area' : `sector ${r.sectorId}`)}`;
}

function requirementNote(r: RequirementGap): string {
  const parts = [`${r.covered} of ${r.required} covered`];
  if (r.gap > 0) parts.push(`gap ${r.gap}`);
  const objected = r.notCounting.filter((n) => n.why === 'objected').reduce((s, n) => s + n.personnel, 0);
  const unready = r.notCounting.filter((n) => n.why === 'readiness').reduce((s, n) => s + n.personnel, 0);
  if (objected > 0) parts.push(`${objected} objected to`);
  if (unready > 0) parts.push(`${unready} only pledged (L1)`);
  return parts.join('; ');
}

/**
 * No personnel gap in the requirements (of the capability, matched as forceGaps matches). With no
 * such requirement it is not met: a gate on a force nobody has sized is not a force in place.
 */
export function judgeForce(c: Of<'force_covered'>, facts: GateFacts): GateJudgement {
  const rows = facts.force.requirements.filter((r) => c.capability === undefined || sameCapability(r.capability, c.capability));
  const of = c.capability === undefined ? '' : ` for ${c.capability.trim()}`;
  if (rows.length === 0) return { met: false, detail: `No force requirement${of}: nothing to cover`, evidence: [], since: null };
  const required = rows.reduce((s, r) => s + r.required, 0);
  const short = rows.filter((r) => r.gap > 0);
  const gap = short.reduce((s, r) => s + r.gap, 0);
  return {
    met: gap === 0,
    detail:
      gap === 0
        ? `Every requirement${of} covered (${count(required, 'person', 'personnel')} required)`
        : `Gap of ${gap} of ${required} personnel${of}: ${names(short.map((r) => `${requirementLabel(r)} ${r.gap}`))}`,
    evidence: rows.map((r) => ({ kind: 'requirement', id: r.requirementId, label: requirementLabel(r), note: requirementNote(r) })),
    since: null,
  };
}

/** Committed ≥ share × budget (share 1 when absent); with no budget it is not met, there being nothing to fund. */
export function judgeFunding(c: Of<'funding_committed'>, facts: GateFacts): GateJudgement {
  const share = c.share ?? 1;
  const { budget, committed } = facts.funding;
  const evidence = facts.funding.byLine.map((l) => ({
    kind: 'funding' as const,
    id: l.budgetLineId,
    label: l.name,
    note: `${amount(l.committed)} of ${amount(l.amount)} committed`,
  }));
  if (budget <= 0) return { met: false, detail: 'No budget set: nothing to fund', evidence, since: null };
  // Amounts are in hundredths (fundingGaps rounds them): compare there, so 0.5 × 0.03 is not missed by a rounding.
  const met = Math.round(committed * 100) >= Math.round(share * budget * 100);
  return {
    met,
    detail: `${amount(committed)} of ${amount(budget)} budgeted committed (${percent(committed / budget)}); needs ${percent(share)}`,
    evidence,
    since: null,
  };
}
