import { describe, expect, it } from 'vitest';
import { forceGaps, type ForceGapsInput } from '../force/gaps.ts';
import { fundingGaps } from '../force/funding.ts';
import { judgeClauses, judgeForce, judgeFunding, judgeProvisions, provisionReached, requirementLabel } from './checks-agreement.ts';
import type { GateProvisionFact } from './facts.ts';
import { facts } from './test/fixtures.ts';

describe('clauses_agreed', () => {
  const condition = { kind: 'clauses_agreed' as const, label: 'Annex agreed', documentId: 'd1' };
  const doc = (statuses: Array<'agreed' | 'converging' | 'open' | 'blocked'>, since: string | null = '2026-03-01') => ({
    id: 'd1',
    title: 'Annex on the force',
    clauses: statuses.map((status, i) => ({ id: `cl${i + 1}`, label: `${i + 1}`, status, since: status === 'agreed' ? since : null })),
  });

  it('is met when every clause is agreed', () => {
    const result = judgeClauses(condition, facts({ documents: [doc(['agreed', 'agreed'])] }));
    expect(result).toMatchObject({ met: true, detail: '2 of 2 clauses agreed', since: '2026-03-01' });
    expect(result.evidence).toEqual([
      { kind: 'clause', id: 'cl1', label: '1', note: 'Agreed' },
      { kind: 'clause', id: 'cl2', label: '2', note: 'Agreed' },
    ]);
  });

  it('names what is not agreed, blocked first', () => {
    const result = judgeClauses(condition, facts({ documents: [doc(['agreed', 'open', 'blocked', 'converging'])] }));
    expect(result).toMatchObject({ met: false, detail: '1 of 4 clauses agreed; blocked: 3; converging: 4; open: 2', since: null });
  });

  it('does not know since when if a clause does not say', () => {
    expect(judgeClauses(condition, facts({ documents: [doc(['agreed'], null)] })).since).toBeNull();
  });

  it('is not met for a document without clauses, or one deleted', () => {
    expect(judgeClauses(condition, facts({ documents: [doc([])] })).detail).toBe('“Annex on the force” has no clauses: nothing to agree');
    expect(judgeClauses(condition, facts())).toEqual({ met: false, detail: 'Document not found: it may have been deleted', evidence: [], since: null });
  });
});

describe('provisions_status', () => {
  const provision = (id: string, status: GateProvisionFact['status'], phaseId = 'ph1'): GateProvisionFact => ({ id, label: id, phaseId, status, since: '2026-03-0' + id.slice(-1) });
  const condition = { kind: 'provisions_status' as const, label: 'Intermediate at least', phaseId: 'ph1', status: 'intermediate' as const };

  it('reads the PAM scale as ordered; disputed reaches none of it', () => {
    expect(provisionReached('full', 'intermediate')).toBe(true);
    expect(provisionReached('intermediate', 'intermediate')).toBe(true);
    expect(provisionReached('minimal', 'intermediate')).toBe(false);
    expect(provisionReached('disputed', 'not_started')).toBe(false);
    expect(provisionReached('disputed', 'disputed')).toBe(true);
    expect(provisionReached('full', 'disputed')).toBe(false);
  });

  it('is met when every provision of the phase is at the status or beyond', () => {
    const result = judgeProvisions(condition, facts({ provisions: [provision('P1', 'full'), provision('P2', 'intermediate'), provision('X3', 'minimal', 'ph2')] }));
    expect(result).toMatchObject({ met: true, detail: '2 of 2 provisions at 2 · intermediate or beyond', since: '2026-03-02' });
    expect(result.evidence.map((e) => e.note)).toEqual(['3 · full', '2 · intermediate']);
  });

  it('names the provisions behind', () => {
    const result = judgeProvisions(condition, facts({ provisions: [provision('P1', 'full'), provision('P2', 'minimal'), provision('P3', 'disputed')] }));
    expect(result.met).toBe(false);
    expect(result.detail).toBe('1 of 3 provisions at 2 · intermediate or beyond; not yet: P2 (1 · minimal), P3 (disputed)');
  });

  it('is not met for a phase without provisions', () => {
    expect(judgeProvisions(condition, facts()).met).toBe(false);
  });
});

describe('force_covered', () => {
  const parties = [
    { id: 'p-a', name: 'A', signatory: true },
    { id: 'p-m', name: 'Mediator', signatory: false },
  ];
  const input = (overrides: Partial<ForceGapsInput> = {}): ForceGapsInput => ({
    requirements: [
      { id: 'r1', capability: 'Infantry', sectorId: 's1', sectorName: 'Sector North', personnel: 100 },
      { id: 'r2', capability: 'Medical', sectorId: null, personnel: 20 },
    ],
    pledges: [
      { id: 'k1', contributorId: 'c1', capability: 'Infantry', sectorId: 's1', personnel: 100, readiness: 'L3' },
      { id: 'k2', contributorId: 'c2', capability: 'medical', sectorId: null, personnel: 20, readiness: 'RDL' },
    ],
    contributors: [
      { id: 'c1', name: 'One' },
      { id: 'c2', name: 'Two' },
    ],
    parties,
    acceptability: [],
    ...overrides,
  });
  const all = { kind: 'force_covered' as const, label: 'Force in place' };

  it('is met with no gap', () => {
    expect(judgeForce(all, facts({ force: forceGaps(input()) }))).toMatchObject({ met: true, detail: 'Every requirement covered (120 personnel required)', since: null });
  });

  it('fails when a signatory objection removes a pledge from cover, saying where', () => {
    const result = judgeForce(all, facts({ force: forceGaps(input({ acceptability: [{ contributorId: 'c1', partyId: 'p-a', position: 'objected' }] })) }));
    expect(result.met).toBe(false);
    expect(result.detail).toBe('Gap of 100 of 120 personnel: Infantry · Sector North 100');
    expect(result.evidence[0]).toEqual({ kind: 'requirement', id: 'r1', label: 'Infantry · Sector North', note: '0 of 100 covered; gap 100; 100 objected to' });
  });

  it("still passes when only the mediator objects", () => {
    expect(judgeForce(all, facts({ force: forceGaps(input({ acceptability: [{ contributorId: 'c1', partyId: 'p-m', position: 'objected' }] })) })).met).toBe(true);
  });

  it('never counts an L1 pledge', () => {
    const pledges = input().pledges.map((p) => (p.id === 'k2' ? { ...p, readiness: 'L1' as const } : p));
    const result = judgeForce(all, facts({ force: forceGaps(input({ pledges })) }));
    expect(result.met).toBe(false);
    expect(result.evidence[1]).toEqual({ kind: 'requirement', id: 'r2', label: 'Medical · whole area', note: '0 of 20 covered; gap 20; 20 only pledged (L1)' });
  });

  it('looks at one capability when asked, matched as pledges are', () => {
    const pledges = input().pledges.filter((p) => p.id !== 'k1');
    const gaps = forceGaps(input({ pledges }));
    expect(judgeForce({ ...all, capability: ' MEDICAL' }, facts({ force: gaps })).met).toBe(true);
    expect(judgeForce({ ...all, capability: 'Infantry' }, facts({ force: gaps })).detail).toBe('Gap of 100 of 100 personnel for Infantry: Infantry · Sector North 100');
  });

  it('is not met when no requirement is set (for the capability)', () => {
    expect(judgeForce(all, facts()).detail).toBe('No force requirement: nothing to cover');
    expect(judgeForce({ ...all, capability: 'Aviation' }, facts({ force: forceGaps(input()) })).detail).toBe('No force requirement for Aviation: nothing to cover');
  });

  it('labels a requirement in an unnamed sector by its id', () => {
    expect(requirementLabel({ capability: 'Police', sectorId: 's9' })).toBe('Police · sector s9');
  });
});

describe('funding_committed', () => {
  const funding = (committed: number) =>
    fundingGaps({
      budgetLines: [
        { id: 'b1', name: 'Troops', amount: 1_500_000 },
        { id: 'b2', name: 'Logistics', amount: 500_000 },
      ],
      entries: [
        { id: 'e1', donor: 'Norway', kind: 'commitment', amount: committed, budgetLineId: 'b1' },
        { id: 'e2', donor: 'Norway', kind: 'pledge', amount: 2_000_000, budgetLineId: null },
      ],
    });
  const half = { kind: 'funding_committed' as const, label: 'Half committed', share: 0.5 };

  it('is met at exactly share × budget, and not a cent below (share 0.5)', () => {
    const result = judgeFunding(half, facts({ funding: funding(1_000_000) }));
    expect(result).toMatchObject({ met: true, detail: '1,000,000 of 2,000,000 budgeted committed (50%); needs 50%', since: null });
    expect(result.evidence).toEqual([
      { kind: 'funding', id: 'b1', label: 'Troops', note: '1,000,000 of 1,500,000 committed' },
      { kind: 'funding', id: 'b2', label: 'Logistics', note: '0 of 500,000 committed' },
    ]);
    expect(judgeFunding(half, facts({ funding: funding(999_999.99) })).met).toBe(false);
  });

  it('asks for the whole budget when no share is given; pledges do not count', () => {
    expect(judgeFunding({ kind: 'funding_committed', label: 'All' }, facts({ funding: funding(1_999_999) })).met).toBe(false);
    expect(judgeFunding({ kind: 'funding_committed', label: 'All' }, facts({ funding: funding(2_000_000) })).met).toBe(true);
  });

  it('is not met without a budget', () => {
    expect(judgeFunding(half, facts())).toEqual({ met: false, detail: 'No budget set: nothing to fund', evidence: [], since: null });
  });
});
