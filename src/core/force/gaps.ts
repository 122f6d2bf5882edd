/**
 * Force gaps (docs/GATES.md): per requirement (capability × sector), the personnel pledged that
 * counts, what does not and why, and the gap left. Pure: the caller passes the current positions the
 * reader may see (currentAcceptability), so each reader's gaps follow from what they may read.
 */
import type { CurrentAcceptability } from './acceptability.ts';
import { coversRequirement, normalizeCapability, type ReadinessLevel } from './vocabulary.ts';

/** Personnel a capability needs in a sector; a null sector is the whole area. */
export interface ForceRequirementInput {
  id: string;
  capability: string;
  sectorId: string | null;
  /** The sector's name, for what people read; the id is what matches. */
  sectorName?: string;
  personnel: number;
  equipment?: string;
}

/** A contributor's pledge of a capability to a sector, at a PCRS readiness level. */
export interface ForcePledgeInput {
  id: string;
  contributorId: string;
  capability: string;
  sectorId: string | null;
  personnel: number;
  readiness: ReadinessLevel;
  caveats?: string;
}

export interface ForceContributorInput {
  id: string;
  name: string;
}

/** A party of the agreement: only a signatory's objection removes cover (see isSignatory in consensus.ts). */
export interface ForcePartyInput {
  id: string;
  name: string;
  signatory: boolean;
}

export interface ForceGapsInput {
  requirements: readonly ForceRequirementInput[];
  pledges: readonly ForcePledgeInput[];
  contributors: readonly ForceContributorInput[];
  parties: readonly ForcePartyInput[];
  /** Current positions as the reader sees them (one per contributor and party). */
  acceptability: readonly CurrentAcceptability[];
}

/** Personnel of one pledge counted toward one requirement. */
export interface CountingPledge {
  pledgeId: string;
  contributorId: string;
  personnel: number;
}

export type NotCountingReason = 'readiness' | 'objected';

/** A pledge that matches a requirement but does not count, and why. */
export interface NotCountingPledge {
  pledgeId: string;
  contributorId: string;
  personnel: number;
  why: NotCountingReason;
  /** The signatory parties objecting to the contributor (why = 'objected'). */
  objectedBy?: string[];
}

export interface RequirementGap {
  requirementId: string;
  capability: string;
  sectorId: string | null;
  sectorName?: string;
  required: number;
  covered: number;
  /** max(0, required − covered). */
  gap: number;
  counting: CountingPledge[];
  notCounting: NotCountingPledge[];
}

export interface ForceGaps {
  requirements: RequirementGap[];
  /** Sums over requirements; `gap` sums each requirement's gap, as surplus in one sector fills no other. */
  totals: { required: number; covered: number; gap: number };
  /** Pledges whose capability and sector match no requirement, whatever their readiness. */
  unmatchedPledges: ForcePledgeInput[];
}

const keyOf = (capability: string, sectorId: string | null) => JSON.stringify([normalizeCapability(capability), sectorId]);

/**
 * The signatory parties objecting to each contributor. A non-signatory's objection (a mediator's, a
 * guarantor's who does not sign) is heard elsewhere but removes no cover; nor does an unknown party's.
 */
export function objectionsByContributor(input: Pick<ForceGapsInput, 'parties' | 'acceptability'>): Map<string, string[]> {
  const signatories = new Set(input.parties.filter((p) => p.signatory).map((p) => p.id));
  const objections = new Map<string, string[]>();
  for (const a of input.acceptability) {
    if (a.position !== 'objected' || !signatories.has(a.partyId)) continue;
    const list = objections.get(a.contributorId) ?? [];
    if (!list.includes(a.partyId)) list.push(a.partyId);
    objections.set(a.contributorId, list);
  }
  return objections;
}

/**
 * The force's gaps. A pledge matches a requirement of the same capability (normalizeCapability) and
 * the same sector; a null sector (the whole area) matches only null. A matching pledge counts when
 * its readiness is L2, L3 or RDL and no signatory party objects to its contributor; otherwise it is
 * listed as not counting, 'objected' taking precedence over 'readiness' (getting ready would not help).
 *
 * Each pledge's personnel counts once. When several requirements share capability and sector (one
 * per phase, say), the counting pledges fill them in the order given, pledges in their order too: a
 * pledge straddling two is split between them, and the last requirement takes any surplus, so that
 * no pledged personnel disappears from `covered`. Pledges that do not count are listed on the first.
 */
export function forceGaps(input: ForceGapsInput): ForceGaps {
  const objections = objectionsByContributor(input);
  const groups = new Map<string, ForceRequirementInput[]>();
  for (const r of input.requirements) {
    const key = keyOf(r.capability, r.sectorId);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }

  const byRequirement = new Map<string, { counting: CountingPledge[]; notCounting: NotCountingPledge[] }>(
    input.requirements.map((r) => [r.id, { counting: [], notCounting: [] }]),
  );
  const unmatchedPledges: ForcePledgeInput[] = [];
  const pledgesByGroup = new Map<string, ForcePledgeInput[]>();
  for (const p of input.pledges) {
    const key = keyOf(p.capability, p.sectorId);
    if (!groups.has(key)) unmatchedPledges.push(p);
    else pledgesByGroup.set(key, [...(pledgesByGroup.get(key) ?? []), p]);
  }

  for (const [key, requirements] of groups) {
    const first = byRequirement.get(requirements[0]!.id)!;
    const eligible: ForcePledgeInput[] = [];
    for (const p of pledgesByGroup.get(key) ?? []) {
      const objectedBy = objections.get(p.contributorId);
      if (objectedBy) first.notCounting.push({ pledgeId: p.id, contributorId: p.contributorId, personnel: p.personnel, why: 'objected', objectedBy: [...objectedBy] });
      else if (!coversRequirement(p.readiness)) first.notCounting.push({ pledgeId: p.id, contributorId: p.contributorId, personnel: p.personnel, why: 'readiness' });
      else eligible.push(p);
    }
    fill(requirements, eligible, byRequirement);
  }

  const rows = input.requirements.map((r): RequirementGap => {
    const { counting, notCounting } = byRequirement.get(r.id)!;
    const covered = counting.reduce((sum, c) => sum + c.personnel, 0);
    return {
      requirementId: r.id,
      capability: r.capability,
      sectorId: r.sectorId,
      ...(r.sectorName === undefined ? {} : { sectorName: r.sectorName }),
      required: r.personnel,
      covered,
      gap: Math.max(0, r.personnel - covered),
      counting,
      notCounting,
    };
  });
  const sum = (f: (r: RequirementGap) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    requirements: rows,
    totals: { required: sum((r) => r.required), covered: sum((r) => r.covered), gap: sum((r) => r.gap) },
    unmatchedPledges,
  };
}

/** Pours the counting pledges into requirements of one capability and sector, in order (see forceGaps). */
function fill(
  requirements: readonly ForceRequirementInput[],
  pledges: readonly ForcePledgeInput[],
  into: Map<string, { counting: CountingPledge[] }>,
): void {
  let index = 0;
  let room = Math.max(0, requirements[0]!.personnel);
  for (const p of pledges) {
    let left = p.personnel;
    while (left > 0) {
      const last = index === requirements.length - 1;
      const take = last ? left : Math.min(left, room);
      if (take > 0) into.get(requirements[index]!.id)!.counting.push({ pledgeId: p.id, contributorId: p.contributorId, personnel: take });
      left -= take;
      room -= take;
      if (!last && room <= 0) {
        index += 1;
        room = Math.max(0, requirements[index]!.personnel);
      }
    }
  }
}
