/** Filled in by issue 11's work (docs/GATES.md). */
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Write } from '../write.ts';

export function forceService(deps: { repos: Repositories; write: Write; clock: Clock }) {
  void deps;
  return {};
}
export type ForceService = ReturnType<typeof forceService>;
