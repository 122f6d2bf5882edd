// The force page's pure helpers: cover by readiness and what does not count, the funding bars and
// gaps in words, the acceptability grid's cells, what-if choices and their comparison.
import { describe, expect, it } from 'vitest';
import type { AcceptabilityGrid, ForceGapsView, FundingGapsView, PhaseGateView } from '../../../src/contract/index.ts';
import { ANONYMOUS, type Membership, type Principal } from '../../../src/core/access.ts';
import { gateForceAbilities } from '../auth/abilities.ts';
import { gridRows, positionWords } from './acceptability.ts';
import { fundingBars, fundingGapWords, requirementBars, requirementRows } from './forceCharts.ts';
import { assumeText, choiceOf, gapChanges, gateChanges, gateWords, readyCandidates } from './whatIf.ts';

const gaps: ForceGapsView = {
  requirements: [
    {
      requirementId: 'r1',
      capability: 'Infantry',
      sectorId: 's1',
      sectorName: 'Rafah',
      required: 1000,
      covered: 500,
      gap: 500,
      counting: [
        { pledgeId: 'k2', contributorId: 'c1', personnel: 200 },
        { pledgeId: 'k3', contributorId: 'c2', personnel: 300 },
      ],
      notCounting: [
        { pledgeId: 'k1', contributorId: 'c1', personnel: 100, why: 'readiness' },
        { pledgeId: 'k4', contributorId: 'c3', personnel: 50, why: 'objected', objectedBy: ['p1'] },
      ],
    },
    { requirementId: 'r2', capability: 'Medical', sectorId: null, required: 100, covered: 0, gap: 100, counting: [], notCounting: [] },
  ],
  totals: { required: 1100, covered: 500, gap: 600 },
  unmatchedPledges: [],
};
const overview = {
  requirements: [{ id: 'r1', phaseName: 'Phase Two', illustrative: true }],
  pledges: [
    { id: 'k2', readiness: 'L3' as const },
    { id: 'k3', readiness: 'RDL' as const },
  ],
} as unknown as Parameters<typeof requirementRows>[0];

describe('requirementRows and requirementBars', () => {
  it('splits cover by readiness, and lists L1 and objected apart with who objects', () => {
    const [row, whole] = requirementRows(overview, gaps);
    expect(row).toMatchObject({ label: 'Infantry · Rafah', phaseName: 'Phase Two', illustrative: true, covered: { L2: 0, L3: 200, RDL: 300 }, gap: 500, l1: 100, objected: 50, objectedBy: ['p1'] });
    expect(whole).toMatchObject({ label: 'Medical · whole area', phaseName: null, illustrative: false, gap: 100 });
    expect(requirementBars([row!])).toEqual([
      { label: 'Infantry · Rafah', series: 'Covered · L3', value: 200 },
      { label: 'Infantry · Rafah', series: 'Covered · RDL', value: 300 },
      { label: 'Infantry · Rafah', series: 'Gap', value: 500 },
      { label: 'Infantry · Rafah', series: 'Not counting · L1', value: 100 },
      { label: 'Infantry · Rafah', series: 'Not counting · objected', value: 50 },
    ]);
  });

  it('numbers two requirements that read the same', () => {
    const twice = { ...gaps, requirements: [gaps.requirements[1]!, { ...gaps.requirements[1]!, requirementId: 'r3' }] };
    expect(requirementRows(overview, twice).map((r) => r.label)).toEqual(['Medical · whole area', 'Medical · whole area (2)']);
  });
});

const funding: FundingGapsView = {
  budget: 1000,
  pledged: 700,
  committed: 400,
  disbursed: 100,
  commitmentGap: 600,
  disbursementGap: 900,
  byDonor: [
    { donor: 'Norway', pledged: 500, committed: 400, disbursed: 100 },
    { donor: 'EU', pledged: 200, committed: 0, disbursed: 0 },
  ],
  byLine: [],
  unallocated: { pledged: 0, committed: 0, disbursed: 0 },
};

describe('funding', () => {
  it('bars the budget, then each stage by donor, without zeros', () => {
    expect(fundingBars(funding)).toEqual([
      { stage: 'Budget', donor: 'Budget', amount: 1000 },
      { stage: 'Pledged', donor: 'Norway', amount: 500 },
      { stage: 'Committed', donor: 'Norway', amount: 400 },
      { stage: 'Disbursed', donor: 'Norway', amount: 100 },
      { stage: 'Pledged', donor: 'EU', amount: 200 },
    ]);
  });

  it('words both gaps, and their absence', () => {
    expect(fundingGapWords(funding, 'USD')).toEqual([
      'Commitment gap: USD 600 of the USD 1,000 budget is not committed yet (40% committed).',
      'Disbursement gap: USD 900 of the USD 1,000 budget is not disbursed yet (10% disbursed).',
    ]);
    expect(fundingGapWords({ ...funding, committed: 1000, commitmentGap: 0 }, 'USD')[0]).toBe('No commitment gap: USD 1,000 committed covers the USD 1,000 budget.');
    expect(fundingGapWords({ ...funding, budget: 0 }, 'USD')).toEqual(['No budget has been set, so there is no funding gap to measure.']);
  });
});

describe('gridRows', () => {
  it('gives each cell words, its reason and audience badge, and names the signatories objecting', () => {
    const grid: AcceptabilityGrid = {
      parties: [
        { id: 'p1', name: 'North', signatory: true },
        { id: 'p2', name: 'Mediator', signatory: false },
      ],
      rows: [
        {
          contributorId: 'c1',
          contributorName: 'Ghana',
          cells: [
            { partyId: 'p1', position: 'objected', reason: 'Ties to one side', statedOn: '2026-06-06', audience: 'party', statementId: 's1' },
            { partyId: 'p2', position: null, reason: '', statedOn: null, audience: null, statementId: null },
          ],
        },
      ],
    };
    const [row] = gridRows(grid);
    expect(row?.cells[0]).toMatchObject({ partyName: 'North', icon: '✗', words: 'Objected', reason: 'Ties to one side', badge: 'Confidential to North' });
    expect(row?.cells[1]).toMatchObject({ icon: '·', words: 'Not stated', badge: null });
    expect(row?.objectedBySignatory).toEqual(['North']);
    expect(positionWords('accepted')).toEqual({ icon: '✓', words: 'Accepted' });
  });
});

describe('what if', () => {
  it('writes each choice as the API reads it, and only complete ones', () => {
    expect(assumeText({ kind: 'withdraw', contributorId: 'c1' })).toBe('withdraw:c1');
    expect(assumeText({ kind: 'object', contributorId: 'c1', partyId: 'p1' })).toBe('object:c1:p1');
    expect(assumeText({ kind: 'ready', pledgeId: 'k1' })).toBe('ready:k1');
    expect(choiceOf('object', { contributorId: 'c1', partyId: '', pledgeId: '' })).toBeNull();
    expect(choiceOf('ready', { contributorId: '', partyId: '', pledgeId: 'k1' })).toEqual({ kind: 'ready', pledgeId: 'k1' });
  });

  it('offers only pledges below Level 3 to reach it', () => {
    expect(readyCandidates([{ id: 'a', readiness: 'L1' }, { id: 'b', readiness: 'L3' }, { id: 'c', readiness: 'L2' }, { id: 'd', readiness: 'RDL' }]).map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('sets gaps and gates beside the current ones, marking what changed', () => {
    const assumed = { ...gaps, requirements: [{ ...gaps.requirements[0]!, covered: 300, gap: 700 }, gaps.requirements[1]!] };
    expect(gapChanges(gaps, assumed).map((c) => [c.label, c.before.gap, c.after?.gap, c.changed])).toEqual([
      ['Infantry · Rafah', 500, 700, true],
      ['Medical · whole area', 100, 100, false],
    ]);
    const gate = (id: string, met: boolean[], gated = true) =>
      ({
        phase: { id, name: `Phase ${id}`, ordinal: 1 },
        gate: gated ? { id: 'g' } : null,
        evaluation: { passes: met.every(Boolean), conditions: met.map((m) => ({ met: m })) },
      }) as unknown as PhaseGateView;
    const changes = gateChanges([gate('a', [true, true]), gate('b', [], false)], [gate('a', [true, false]), gate('b', [], false)]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ phaseId: 'a', changed: true });
    expect([gateWords(changes[0]!.before), gateWords(changes[0]!.after), gateWords(null)]).toEqual(['Passes (2 of 2 met)', 'Fails (1 of 2 met)', 'No gate']);
  });
});

describe('gateForceAbilities', () => {
  const agreement = { id: 'a1', public: true };
  const parties = ['hamas', 'israel'];
  const member = (role: Membership['role'], partyId: string | null = null): Principal => ({
    kind: 'user',
    userId: 'u',
    name: 'u@x.invalid',
    admin: false,
    memberships: [{ agreementId: 'a1', role, partyId }],
  });

  it('lets a mediator do everything, for every party and audience', () => {
    expect(gateForceAbilities(member('mediator'), agreement, parties)).toEqual({
      gateWrite: true,
      phaseAdvance: true,
      forceWrite: true,
      acceptabilityParties: parties,
      acceptabilityAudiences: ['party', 'mediators', 'all'],
    });
  });

  it('lets a delegate state its own party’s positions only, never for the mediators only', () => {
    expect(gateForceAbilities(member('party_delegate', 'israel'), agreement, parties)).toEqual({
      gateWrite: false,
      phaseAdvance: false,
      forceWrite: false,
      acceptabilityParties: ['israel'],
      acceptabilityAudiences: ['party', 'all'],
    });
  });

  it('gives a monitor and a visitor nothing here', () => {
    expect(gateForceAbilities(member('monitor'), agreement, parties)).toMatchObject({ phaseAdvance: false, acceptabilityParties: [], acceptabilityAudiences: [] });
    expect(gateForceAbilities(ANONYMOUS, agreement, parties).forceWrite).toBe(false);
  });
});
