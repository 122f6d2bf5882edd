import { describe, expect, it } from 'vitest';
import { forceGaps, objectionsByContributor } from './gaps.ts';
import { forceInput, pledge, requirement } from './test/fixtures.ts';

describe('forceGaps', () => {
  it('covers a requirement with matching pledges at L2, L3 and RDL', () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1', personnel: 500 })],
        pledges: [
          pledge({ id: 'k1', personnel: 100, readiness: 'L2' }),
          pledge({ id: 'k2', personnel: 150, readiness: 'L3', contributorId: 'c-uy' }),
          pledge({ id: 'k3', personnel: 50, readiness: 'RDL', contributorId: 'c-np' }),
        ],
      }),
    );
    expect(result.requirements).toEqual([
      {
        requirementId: 'r1',
        capability: 'Infantry',
        sectorId: 's-north',
        sectorName: 'Sector North',
        required: 500,
        covered: 300,
        gap: 200,
        counting: [
          { pledgeId: 'k1', contributorId: 'c-gh', personnel: 100 },
          { pledgeId: 'k2', contributorId: 'c-uy', personnel: 150 },
          { pledgeId: 'k3', contributorId: 'c-np', personnel: 50 },
        ],
        notCounting: [],
      },
    ]);
    expect(result.totals).toEqual({ required: 500, covered: 300, gap: 200 });
    expect(result.unmatchedPledges).toEqual([]);
  });

  it('never counts an L1 pledge, listing it with why', () => {
    const result = forceGaps(forceInput({ requirements: [requirement({ id: 'r1' })], pledges: [pledge({ id: 'k1', readiness: 'L1' })] }));
    const [row] = result.requirements;
    expect(row?.covered).toBe(0);
    expect(row?.gap).toBe(100);
    expect(row?.notCounting).toEqual([{ pledgeId: 'k1', contributorId: 'c-gh', personnel: 100, why: 'readiness' }]);
  });

  it("removes cover when a signatory party objects to the contributor, naming who objects", () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1' })],
        pledges: [pledge({ id: 'k1' })],
        acceptability: [
          { contributorId: 'c-gh', partyId: 'p-south', position: 'objected' },
          { contributorId: 'c-gh', partyId: 'p-north', position: 'accepted' },
        ],
      }),
    );
    expect(result.requirements[0]?.covered).toBe(0);
    expect(result.requirements[0]?.notCounting).toEqual([{ pledgeId: 'k1', contributorId: 'c-gh', personnel: 100, why: 'objected', objectedBy: ['p-south'] }]);
  });

  it("keeps cover when only a non-signatory (the mediator) objects, or a party not in the list", () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1' })],
        pledges: [pledge({ id: 'k1' })],
        acceptability: [
          { contributorId: 'c-gh', partyId: 'p-med', position: 'objected' },
          { contributorId: 'c-gh', partyId: 'p-gone', position: 'objected' },
        ],
      }),
    );
    expect(result.requirements[0]?.covered).toBe(100);
    expect(result.requirements[0]?.notCounting).toEqual([]);
  });

  it('names objection before readiness for an objected L1 pledge (readiness would not help)', () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1' })],
        pledges: [pledge({ id: 'k1', readiness: 'L1' })],
        acceptability: [{ contributorId: 'c-gh', partyId: 'p-north', position: 'objected' }],
      }),
    );
    expect(result.requirements[0]?.notCounting[0]?.why).toBe('objected');
  });

  it('matches capability case-insensitively and trimmed, but the sector exactly; null only matches null', () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r-north' }), requirement({ id: 'r-whole', sectorId: null, sectorName: undefined })],
        pledges: [
          pledge({ id: 'k1', capability: '  infantry ', personnel: 40 }),
          pledge({ id: 'k2', sectorId: 's-south', personnel: 70 }),
          pledge({ id: 'k3', sectorId: null, personnel: 30 }),
          pledge({ id: 'k4', capability: 'Aviation', personnel: 20 }),
        ],
      }),
    );
    expect(result.requirements.map((r) => [r.requirementId, r.covered])).toEqual([
      ['r-north', 40],
      ['r-whole', 30],
    ]);
    expect(result.requirements[1]).not.toHaveProperty('sectorName');
    expect(result.unmatchedPledges.map((p) => p.id)).toEqual(['k2', 'k4']);
  });

  it('lists an unmatched pledge whatever its readiness or objections', () => {
    const result = forceGaps(forceInput({ pledges: [pledge({ id: 'k1', readiness: 'L1' })] }));
    expect(result.unmatchedPledges.map((p) => p.id)).toEqual(['k1']);
    expect(result.totals).toEqual({ required: 0, covered: 0, gap: 0 });
  });

  it('splits cover in order between requirements of the same capability and sector, the last taking the surplus', () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1', personnel: 100 }), requirement({ id: 'r2', personnel: 100 })],
        pledges: [pledge({ id: 'k1', personnel: 150 }), pledge({ id: 'k2', personnel: 80, contributorId: 'c-uy' }), pledge({ id: 'k3', readiness: 'L1', personnel: 10 })],
      }),
    );
    const [r1, r2] = result.requirements;
    expect(r1?.counting).toEqual([{ pledgeId: 'k1', contributorId: 'c-gh', personnel: 100 }]);
    expect(r2?.counting).toEqual([
      { pledgeId: 'k1', contributorId: 'c-gh', personnel: 50 },
      { pledgeId: 'k2', contributorId: 'c-uy', personnel: 80 },
    ]);
    expect([r1?.covered, r1?.gap, r2?.covered, r2?.gap]).toEqual([100, 0, 130, 0]);
    // Every pledged person counts once, and those that do not count are listed on the first.
    expect(result.totals).toEqual({ required: 200, covered: 230, gap: 0 });
    expect(r1?.notCounting.map((n) => n.pledgeId)).toEqual(['k3']);
    expect(r2?.notCounting).toEqual([]);
  });

  it('sums gaps per requirement: surplus in one sector fills no other', () => {
    const result = forceGaps(
      forceInput({
        requirements: [requirement({ id: 'r1', personnel: 100 }), requirement({ id: 'r2', sectorId: 's-south', personnel: 100 })],
        pledges: [pledge({ id: 'k1', personnel: 300 })],
      }),
    );
    expect(result.totals).toEqual({ required: 200, covered: 300, gap: 100 });
  });
});

describe('objectionsByContributor', () => {
  it("lists each signatory's objection once, ignoring other positions", () => {
    const map = objectionsByContributor({
      parties: [
        { id: 'a', name: 'A', signatory: true },
        { id: 'b', name: 'B', signatory: true },
      ],
      acceptability: [
        { contributorId: 'c', partyId: 'a', position: 'objected' },
        { contributorId: 'c', partyId: 'a', position: 'objected' },
        { contributorId: 'c', partyId: 'b', position: 'no_position' },
      ],
    });
    expect([...map]).toEqual([['c', ['a']]]);
  });
});
