/** Builders for gate tests: facts with nothing in them, to which each test adds its own. */
import { forceGaps } from '../../force/gaps.ts';
import { fundingGaps } from '../../force/funding.ts';
import type { GateFacts } from '../facts.ts';

export const TODAY = '2026-03-10';

export function facts(overrides: Partial<GateFacts> = {}): GateFacts {
  return {
    withdrawals: [],
    indicators: [],
    violations: [],
    documents: [],
    provisions: [],
    force: forceGaps({ requirements: [], pledges: [], contributors: [], parties: [], acceptability: [] }),
    funding: fundingGaps({ budgetLines: [], entries: [] }),
    ...overrides,
  };
}
