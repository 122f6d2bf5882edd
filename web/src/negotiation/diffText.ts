/** How a word diff is told in words, beside its marked text (never colour alone). */
import { diffStats, type DiffPart } from '../../../src/core/negotiation/diff.ts';

const count = (n: number, what: string) => `${n} word${n === 1 ? '' : 's'} ${what}`;

/** "2 words inserted, 1 word deleted", or "No change" when the two texts are the same. */
export function describeDiff(parts: readonly DiffPart[]): string {
  const { inserted, deleted } = diffStats([...parts]);
  if (!parts.some((p) => p.op !== 'equal')) return 'No change';
  return `${count(inserted, 'inserted')}, ${count(deleted, 'deleted')}`;
}

/** The choices of a "from" and "to" picker over versions 1..latest: by default the one before the latest and the latest. */
export function defaultRange(latest: number): { from: number; to: number } {
  return { from: Math.max(1, latest - 1), to: latest };
}
