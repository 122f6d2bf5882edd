/** Word-level differences between two texts (clause versions, or whole rendered documents). */
import { diffArrays } from 'diff';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

// Tokens as diffWordsWithSpace cuts them (a newline, a word, a run of other spaces, one other
// character), but with words of any script: its own word characters are Latin only, so it would
// cut Arabic and Hebrew words into letters and diff those.
const TOKEN = /\r?\n|[\p{L}\p{M}\p{N}_]+|[^\S\r\n]+|[^\p{L}\p{M}\p{N}_\s]/gu;

/** A text's tokens; they join back into the text. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The word diff from `before` to `after` (whitespace counts as a token, so the parts join back into
 * either text): concatenating equal and delete parts gives `before`, equal and insert parts `after`.
 * Adjacent parts of the same op are merged; a replaced run reads as its delete, then its insert.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(wordTokens(before), wordTokens(after))) {
    const text = change.value.join('');
    if (text === '') continue;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
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
