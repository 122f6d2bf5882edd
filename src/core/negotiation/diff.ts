/** Word-level differences between two texts (clause versions, or whole rendered documents). */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * The word diff from `before` to `after` (whitespace counts as a token, so the parts join back into
 * either text): concatenating equal and delete parts gives `before`, equal and insert parts `after`.
 * Adjacent parts of the same op are merged.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.value === '') continue;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last?.op === op) last.text += change.value;
    else parts.push({ op, text: change.value });
  }
  return parts;
}

function words(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** How many words a diff inserts and deletes (runs of non-space characters). */
export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.op === 'insert') inserted += words(part.text);
    else if (part.op === 'delete') deleted += words(part.text);
  }
  return { inserted, deleted };
}
