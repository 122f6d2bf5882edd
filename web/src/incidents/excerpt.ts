/** The start of an incident's description for a row of the list. */

/** How many characters of a description a row of the list shows. */
export const EXCERPT_LENGTH = 140;

// Punctuation left at the cut reads as part of the sentence: the ellipsis replaces it (Arabic comma and semicolon too).
const TRAILING = /[\s,;:.\-–—،؛]+$/u;

/** The text's user-perceived characters (a letter with its marks is one; Arabic vowel signs stay with their letter). */
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/**
 * The text with runs of white space made one space, and when it is longer than `max` characters,
 * its start cut at the end of a word with an ellipsis; a first word longer than `max` is cut inside.
 */
export function excerpt(text: string, max: number = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = graphemes(flat);
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max + 1).join('');
  // The last space within max + 1 characters: the word before it ends inside the limit.
  const space = head.lastIndexOf(' ');
  const cut = space > 0 ? head.slice(0, space) : chars.slice(0, max).join('');
  return `${cut.replace(TRAILING, '')}…`;
}
