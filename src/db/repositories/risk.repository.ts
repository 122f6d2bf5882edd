/** The collapse risk's weights per agreement (versioned) and its snapshots per audience (append-only). */
import type { Db } from '../open.ts';

export function riskRepository(_db: Db) {
  return {};
}
