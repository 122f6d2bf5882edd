/**
 * Negotiated documents: clauses with their bracketed alternatives, versions and diffs, each party's
 * stances under their audiences, and the consensus each reader may see (docs/NEGOTIATION.md).
 */
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Write } from '../write.ts';

export function negotiationService(_deps: { repos: Repositories; write: Write; clock: Clock }) {
  return {};
}
export type NegotiationService = ReturnType<typeof negotiationService>;
