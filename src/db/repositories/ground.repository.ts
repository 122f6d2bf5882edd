/** Filled in by issue 11's work (docs/GATES.md). */
import type { Db } from '../open.ts';

export function groundRepository(db: Db) {
  void db;
  return {};
}
