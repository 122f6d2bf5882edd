import { describe, expect, it } from 'vitest';
import {
  ACCEPTABILITY_LABELS,
  ACCEPTABILITY_POSITIONS,
  COVERING_READINESS,
  coversRequirement,
  FUNDING_KIND_LABELS,
  FUNDING_KINDS,
  MANDATE_KIND_LABELS,
  MANDATE_KINDS,
  normalizeCapability,
  READINESS_DESCRIPTIONS,
  READINESS_LABELS,
  READINESS_LEVELS,
  sameCapability,
} from './vocabulary.ts';

describe('force vocabulary', () => {
  it('lists the PCRS levels lowest first, each labelled and described', () => {
    expect(READINESS_LEVELS).toEqual(['L1', 'L2', 'L3', 'RDL']);
    expect(Object.keys(READINESS_DESCRIPTIONS)).toEqual([...READINESS_LEVELS]);
    expect(Object.keys(READINESS_LABELS)).toEqual([...READINESS_LEVELS]);
    // Only the rapid deployment level carries the 60-day promise in the PCRS.
    expect(READINESS_DESCRIPTIONS.RDL).toMatch(/60 days/);
    expect(READINESS_DESCRIPTIONS.L3).not.toMatch(/60 days/);
  });

  it('counts L2, L3 and RDL as cover, never L1', () => {
    expect(COVERING_READINESS).toEqual(['L2', 'L3', 'RDL']);
    expect(READINESS_LEVELS.filter(coversRequirement)).toEqual(['L2', 'L3', 'RDL']);
  });

  it('declares positions, funding stages and mandate kinds with their labels', () => {
    expect(ACCEPTABILITY_POSITIONS).toEqual(['accepted', 'objected', 'no_position']);
    expect(Object.keys(ACCEPTABILITY_LABELS)).toEqual([...ACCEPTABILITY_POSITIONS]);
    expect(FUNDING_KINDS).toEqual(['pledge', 'commitment', 'disbursement']);
    expect(Object.keys(FUNDING_KIND_LABELS)).toEqual([...FUNDING_KINDS]);
    expect(MANDATE_KINDS).toEqual(['rules_of_engagement', 'authority_boundary']);
    expect(Object.keys(MANDATE_KIND_LABELS)).toEqual([...MANDATE_KINDS]);
  });
});

describe('normalizeCapability', () => {
  it('trims, collapses spaces and ignores case', () => {
    expect(normalizeCapability('  Military   Observers ')).toBe('military observers');
    expect(sameCapability('Infantry', ' infantry')).toBe(true);
    expect(sameCapability('Infantry', 'Engineering')).toBe(false);
  });
});
