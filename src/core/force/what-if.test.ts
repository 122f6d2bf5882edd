import { describe, expect, it } from 'vitest';
import { forceGaps } from './gaps.ts';
import { CONTRIBUTORS, forceInput, PARTIES, pledge, requirement } from './test/fixtures.ts';
import { applyAssumptions, FORCE_ASSUMPTION_KINDS, FORCE_ASSUMPTION_LABELS, parseAssumption, parseAssumptions, type AssumptionLookup } from './what-if.ts';

function scenario() {
  return forceInput({
    requirements: [requirement({ id: 'r1', personnel: 300 })],
    pledges: [pledge({ id: 'k-gh', personnel: 100 }), pledge({ id: 'k-uy', contributorId: 'c-uy', personnel: 150, readiness: 'L1' }), pledge({ id: 'k-np', contributorId: 'c-np', personnel: 50, readiness: 'RDL' })],
    acceptability: [{ contributorId: 'c-gh', partyId: 'p-north', position: 'accepted' }],
  });
}

const LOOKUP: AssumptionLookup = { contributors: CONTRIBUTORS, parties: PARTIES, pledges: [{ id: 'k-gh' }, { id: 'k-uy' }] };

describe('assumption kinds', () => {
  it('labels every kind', () => {
    expect(FORCE_ASSUMPTION_KINDS).toEqual(['withdraw', 'object', 'ready']);
    expect(Object.keys(FORCE_ASSUMPTION_LABELS)).toEqual([...FORCE_ASSUMPTION_KINDS]);
  });
});

describe('applyAssumptions', () => {
  it('withdraws a contributor with its pledges and the positions on it', () => {
    const after = applyAssumptions(scenario(), [{ kind: 'withdraw', contributorId: 'c-gh' }]);
    expect(after.contributors.map((c) => c.id)).toEqual(['c-uy', 'c-np']);
    expect(after.pledges.map((p) => p.id)).toEqual(['k-uy', 'k-np']);
    expect(after.acceptability).toEqual([]);
    expect(forceGaps(after).requirements[0]?.covered).toBe(50);
  });

  it("makes a party's position an objection, replacing the one it held", () => {
    const after = applyAssumptions(scenario(), [{ kind: 'object', contributorId: 'c-gh', partyId: 'p-north' }]);
    expect(after.acceptability).toEqual([{ contributorId: 'c-gh', partyId: 'p-north', position: 'objected' }]);
    expect(forceGaps(after).requirements[0]?.covered).toBe(50);
  });

  it('raises a pledge to L3, so that it counts; an RDL pledge stays RDL', () => {
    const after = applyAssumptions(scenario(), [
      { kind: 'ready', pledgeId: 'k-uy' },
      { kind: 'ready', pledgeId: 'k-np' },
    ]);
    expect(after.pledges.map((p) => p.readiness)).toEqual(['L3', 'L3', 'RDL']);
    expect(forceGaps(after).requirements[0]).toMatchObject({ covered: 300, gap: 0 });
  });

  it('applies assumptions in order and ignores unknown ids', () => {
    const after = applyAssumptions(scenario(), [
      { kind: 'ready', pledgeId: 'k-gone' },
      { kind: 'withdraw', contributorId: 'c-gone' },
    ]);
    expect(after).toEqual(scenario());
  });

  it('never changes the input', () => {
    const input = scenario();
    const before = structuredClone(input);
    const after = applyAssumptions(input, [
      { kind: 'withdraw', contributorId: 'c-np' },
      { kind: 'object', contributorId: 'c-gh', partyId: 'p-south' },
      { kind: 'ready', pledgeId: 'k-uy' },
    ]);
    expect(input).toEqual(before);
    expect(after).not.toBe(input);
    expect(after.pledges).not.toBe(input.pledges);
  });
});

describe('parseAssumption', () => {
  it('reads each form, by name (any case) or id', () => {
    expect(parseAssumption('withdraw:ghana', LOOKUP)).toEqual({ ok: true, value: { kind: 'withdraw', contributorId: 'c-gh' } });
    expect(parseAssumption('withdraw:c-uy', LOOKUP)).toEqual({ ok: true, value: { kind: 'withdraw', contributorId: 'c-uy' } });
    expect(parseAssumption('object:Nepal:southern front', LOOKUP)).toEqual({ ok: true, value: { kind: 'object', contributorId: 'c-np', partyId: 'p-south' } });
    expect(parseAssumption('object:c-gh:p-med', LOOKUP)).toEqual({ ok: true, value: { kind: 'object', contributorId: 'c-gh', partyId: 'p-med' } });
    expect(parseAssumption('ready:k-uy', LOOKUP)).toEqual({ ok: true, value: { kind: 'ready', pledgeId: 'k-uy' } });
  });

  it('finds names holding a colon', () => {
    const lookup = { ...LOOKUP, contributors: [{ id: 'c-x', name: 'Force: East' }] };
    expect(parseAssumption('object:Force: East:Southern Front', lookup)).toEqual({ ok: true, value: { kind: 'object', contributorId: 'c-x', partyId: 'p-south' } });
  });

  it('says what was not found', () => {
    expect(parseAssumption('withdraw:Atlantis', LOOKUP)).toEqual({ ok: false, message: 'No contributor "Atlantis" (give its name or id)' });
    expect(parseAssumption('object:Ghana:Nobody', LOOKUP)).toEqual({ ok: false, message: 'No party "Nobody" (give its name or id)' });
    expect(parseAssumption('ready:k-gone', LOOKUP)).toEqual({ ok: false, message: 'No pledge "k-gone" (give the pledge\'s id)' });
  });

  it('refuses an unknown kind, an empty name, a missing party and an ambiguous name', () => {
    expect(parseAssumption('leave:Ghana', LOOKUP)).toMatchObject({ ok: false, message: expect.stringContaining('Unknown assumption "leave:Ghana"') });
    expect(parseAssumption('withdraw:', LOOKUP)).toMatchObject({ ok: false, message: expect.stringContaining('names nothing') });
    expect(parseAssumption('object:Ghana', LOOKUP)).toMatchObject({ ok: false, message: expect.stringContaining('names no party') });
    const twins = { ...LOOKUP, contributors: [...CONTRIBUTORS, { id: 'c-gh2', name: 'GHANA' }] };
    expect(parseAssumption('withdraw:Ghana', twins)).toEqual({ ok: false, message: '2 contributors are named "Ghana": give the id' });
  });

  it('parses several at once, or reports every failure', () => {
    expect(parseAssumptions(['withdraw:Ghana', 'ready:k-uy'], LOOKUP)).toEqual({
      ok: true,
      value: [
        { kind: 'withdraw', contributorId: 'c-gh' },
        { kind: 'ready', pledgeId: 'k-uy' },
      ],
    });
    expect(parseAssumptions(['withdraw:X', 'ready:Y'], LOOKUP)).toEqual({ ok: false, message: 'No contributor "X" (give its name or id); No pledge "Y" (give the pledge\'s id)' });
  });
});
