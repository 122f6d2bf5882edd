/**
 * What if (docs/GATES.md), as the force page asks it: a choice in the form to the API's `assume`
 * text, and the answer beside the current figures (gaps per requirement, each phase's gate). Nothing
 * is saved: the server computes and forgets.
 */
import type { ForceGapsView, PhaseGateView } from '../../../src/contract/index.ts';
import { requirementLabel } from '../../../src/core/gates/checks-agreement.ts';

export type WhatIfChoice =
  | { kind: 'withdraw'; contributorId: string }
  | { kind: 'object'; contributorId: string; partyId: string }
  | { kind: 'ready'; pledgeId: string };

/** The API's (and the CLI's) form of a choice, by ids: withdraw:<id>, object:<contributor>:<party>, ready:<pledge>. */
export function assumeText(choice: WhatIfChoice): string {
  switch (choice.kind) {
    case 'withdraw':
      return `withdraw:${choice.contributorId}`;
    case 'object':
      return `object:${choice.contributorId}:${choice.partyId}`;
    case 'ready':
      return `ready:${choice.pledgeId}`;
  }
}

/** The choice the form's fields make, or null while one is missing. */
export function choiceOf(kind: WhatIfChoice['kind'], fields: { contributorId: string; partyId: string; pledgeId: string }): WhatIfChoice | null {
  if (kind === 'withdraw') return fields.contributorId ? { kind, contributorId: fields.contributorId } : null;
  if (kind === 'object') return fields.contributorId && fields.partyId ? { kind, contributorId: fields.contributorId, partyId: fields.partyId } : null;
  return fields.pledgeId ? { kind, pledgeId: fields.pledgeId } : null;
}

/** The pledges a "reaches Level 3" choice would change: those below L3. */
export function readyCandidates<P extends { readiness: string }>(pledges: readonly P[]): P[] {
  return pledges.filter((p) => p.readiness === 'L1' || p.readiness === 'L2');
}

export interface GapChange {
  requirementId: string;
  label: string;
  before: { covered: number; gap: number };
  after: { covered: number; gap: number } | null;
  changed: boolean;
}

/** Each requirement's cover and gap now and under the assumptions, changed ones marked. */
export function gapChanges(current: ForceGapsView, assumed: ForceGapsView): GapChange[] {
  const after = new Map(assumed.requirements.map((r) => [r.requirementId, r]));
  return current.requirements.map((r) => {
    const a = after.get(r.requirementId);
    const next = a ? { covered: a.covered, gap: a.gap } : null;
    return {
      requirementId: r.requirementId,
      label: requirementLabel(r),
      before: { covered: r.covered, gap: r.gap },
      after: next,
      changed: next === null || next.covered !== r.covered || next.gap !== r.gap,
    };
  });
}

export interface GateSummary {
  passes: boolean;
  met: number;
  total: number;
}

export interface GateChange {
  phaseId: string;
  phaseName: string;
  ordinal: number;
  before: GateSummary | null;
  after: GateSummary | null;
  changed: boolean;
}

function summary(g: PhaseGateView | undefined): GateSummary | null {
  if (!g?.gate) return null;
  return { passes: g.evaluation.passes, met: g.evaluation.conditions.filter((c) => c.met).length, total: g.evaluation.conditions.length };
}

/** Each gated phase's gate now and under the assumptions; phases without a gate are left out. */
export function gateChanges(current: readonly PhaseGateView[], assumed: readonly PhaseGateView[]): GateChange[] {
  const after = new Map(assumed.map((g) => [g.phase.id, g]));
  return current.flatMap((g) => {
    const before = summary(g);
    const next = summary(after.get(g.phase.id));
    if (before === null && next === null) return [];
    return [
      {
        phaseId: g.phase.id,
        phaseName: g.phase.name,
        ordinal: g.phase.ordinal,
        before,
        after: next,
        changed: before?.passes !== next?.passes || before?.met !== next?.met,
      },
    ];
  });
}

/** "Passes (6 of 6 met)", "Fails (1 of 6 met)", "No gate". */
export function gateWords(g: GateSummary | null): string {
  if (g === null) return 'No gate';
  return `${g.passes ? 'Passes' : 'Fails'} (${g.met} of ${g.total} met)`;
}
