/**
 * Bracketed text as in UN drafting practice, and the Markdown a negotiated document is written in
 * (docs/NEGOTIATION.md). Pure string work: a document parses into headings and clauses, a clause's
 * text into bracket groups, and both go back to Markdown unchanged (whitespace aside).
 *
 * Alternatives keep their text as written: escapes (`\[`) and links stay in it, so that a settled
 * alternative drops back into the clause exactly as it was typed. Columns count UTF-16 code units,
 * as JavaScript strings (and most editors) do; a tab is one column.
 *
 * Only inline links and images (`[text](url)`, `![alt](src)`, the `(` right after the `]`) and
 * brackets in code spans are not brackets; reference links (`[text][ref]`), footnotes (`[^1]`) and
 * task boxes (`[ ]`) are read as brackets, so a text that needs them escapes them (`\[^1\]`).
 */
import { DomainError, RuleViolationError } from '../errors.ts';

/** A position in a file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A bracket that does not pair up: nested, stray or never closed (code `bracket_syntax`). */
export class BracketSyntaxError extends DomainError {
  constructor(
    readonly line: number,
    readonly column: number,
    problem: string,
    details: Record<string, unknown> = {},
  ) {
    super('bracket_syntax', `line ${line}, column ${column}: ${problem}`, { line, column, ...details });
  }
}

/** One bracket group: its runs are its alternatives; a group of one run also offers the omission. */
export interface BracketGroup {
  key: string;
  /** The runs' texts as written, without their brackets; a single run adds '' (its omission). */
  alternatives: string[];
  single: boolean;
  /** Offsets into the clause text: the first run's `[` and just past the last run's `]`. */
  start: number;
  end: number;
}

interface Run {
  start: number;
  end: number;
  inner: string;
}

const BETWEEN_RUNS = /^[ \t]*$/;

/** Where a text offset falls in the file, given where the text's first character is. */
function positionAt(text: string, offset: number, origin: SourcePosition): SourcePosition {
  const before = text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line: origin.line, column: origin.column + offset };
  return { line: origin.line + newlines, column: offset - before.lastIndexOf('\n') };
}

/** The end (exclusive) of a code span opened by the backtick run at i, or -1 if it never closes. */
function codeSpanEnd(text: string, i: number): { fence: number; end: number } {
  let fence = 0;
  while (text[i + fence] === '`') fence += 1;
  const ticks = '`'.repeat(fence);
  let j = text.indexOf(ticks, i + fence);
  while (j !== -1) {
    let run = 0;
    while (text[j + run] === '`') run += 1;
    if (run === fence) return { fence, end: j + run };
    j = text.indexOf(ticks, j + run);
  }
  return { fence, end: -1 };
}

/**
 * The end (exclusive) of an inline link or image `[text](destination)` whose `[` is at i, or -1
 * when the bracket at i starts no link. Link text holds no unescaped bracket; the destination may
 * hold balanced parentheses.
 */
function linkEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const ch = text[j];
    if (ch === '\\') j += 2;
    else if (ch === '[') return -1;
    else if (ch === ']') break;
    else j += 1;
  }
  if (j >= text.length || text[j + 1] !== '(') return -1;
  let depth = 0;
  for (let k = j + 1; k < text.length; k += 1) {
    const ch = text[k];
    if (ch === '\\') k += 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return k + 1;
    }
  }
  return -1;
}

/** The bracketed runs of a text in order; throws on a nested, stray or unclosed bracket. */
function scanRuns(text: string, origin: SourcePosition): Run[] {
  const fail = (offset: number, problem: string, extra?: { at: number; what: string }): never => {
    const at = positionAt(text, offset, origin);
    const opened = extra ? positionAt(text, extra.at, origin) : null;
    const suffix = opened ? ` (${extra?.what} at line ${opened.line}, column ${opened.column})` : '';
    throw new BracketSyntaxError(at.line, at.column, problem + suffix);
  };
  const runs: Run[] = [];
  let open = -1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === '`') {
      const span = codeSpanEnd(text, i);
      i = span.end === -1 ? i + span.fence : span.end;
    } else if (ch === '[') {
      const link = linkEnd(text, i);
      if (link !== -1) i = link;
      else if (open !== -1) fail(i, "a '[' inside a bracket that is still open; brackets do not nest", { at: open, what: 'opened' });
      else {
        open = i;
        i += 1;
      }
    } else if (ch === ']') {
      if (open === -1) fail(i, "a ']' with no open bracket (write \\] for a literal one)");
      runs.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
      open = -1;
      i += 1;
    } else {
      i += 1;
    }
  }
  if (open !== -1) fail(open, "a '[' that is never closed in its clause");
  return runs;
}

/**
 * The bracket groups of a clause's text, in order, with their keys. Throws BracketSyntaxError whose
 * line and column are counted from `origin` (where the text's first character sits in the file).
 */
export function bracketGroups(text: string, origin: SourcePosition = { line: 1, column: 1 }): BracketGroup[] {
  const runs = scanRuns(text, origin);
  const chains: Run[][] = [];
  for (const run of runs) {
    const chain = chains.at(-1);
    const last = chain?.at(-1);
    if (chain && last && BETWEEN_RUNS.test(text.slice(last.end, run.start))) chain.push(run);
    else chains.push([run]);
  }
  const seen = new Map<string, number>();
  return chains.map((chain) => {
    const single = chain.length === 1;
    const alternatives = chain.map((run) => run.inner);
    if (single) alternatives.push('');
    const joined = alternatives.join(' | ');
    const n = seen.get(joined) ?? 0;
    seen.set(joined, n + 1);
    return { key: `g${n}:${joined}`, alternatives, single, start: chain[0]!.start, end: chain.at(-1)!.end };
  });
}

/** A clause's text cut for display: plain text between bracket groups. */
export type Segment = { kind: 'text'; text: string } | { kind: 'group'; group: BracketGroup };

/** The clause text split into its plain runs and bracket groups, in order (no empty text segment). */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const group of bracketGroups(text)) {
    if (group.start > at) out.push({ kind: 'text', text: text.slice(at, group.start) });
    out.push({ kind: 'group', group });
    at = group.end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** The text with every bracket group replaced by its first alternative: how it reads if all is accepted as drafted. */
export function stripBrackets(text: string): string {
  let out = text;
  for (const group of bracketGroups(text).reverse()) {
    out = out.slice(0, group.start) + group.alternatives[0] + out.slice(group.end);
  }
  return out;
}

/** Joins the text around a removed group so that the omission leaves no doubled or dangling space. */
function joinAround(before: string, after: string): string {
  const head = /[ \t]+$/.exec(before)?.[0].length ?? 0;
  const tail = /^[ \t]+/.exec(after)?.[0].length ?? 0;
  const atStart = before.length === head || before[before.length - head - 1] === '\n';
  const atEnd = after.length === tail || after[tail] === '\n';
  if (atStart) return before + after.slice(tail);
  if (atEnd) return before.slice(0, before.length - head) + after;
  if (head > 0 && (tail > 0 || /^[.,;:!?)]/.test(after))) return before.slice(0, before.length - head) + after;
  return before + after;
}

/** Settling a group: the new text, and how the other groups' keys moved (only those that changed). */
export interface Settlement {
  text: string;
  /** Later twins of the settled group lose one from their `g<n>` count; stances should follow them. */
  renamed: Array<{ from: string; to: string }>;
}

/**
 * Settles one group: its brackets go, the chosen alternative stays as written. Choosing the empty
 * alternative (index 1 of a single run, or an empty run) removes the group and the doubled space
 * it would leave. Throws RuleViolationError for an unknown key or alternative.
 */
export function settle(text: string, key: string, alternative: number): Settlement {
  const groups = bracketGroups(text);
  const group = groups.find((g) => g.key === key);
  if (!group) throw new RuleViolationError(`The clause has no bracket group ${key}`, { key });
  const chosen = group.alternatives[alternative];
  if (!Number.isInteger(alternative) || chosen === undefined) {
    throw new RuleViolationError(`Bracket group ${key} has no alternative ${alternative}`, { key, alternative });
  }
  const before = text.slice(0, group.start);
  const after = text.slice(group.end);
  const settled = chosen === '' ? joinAround(before, after) : before + chosen + after;
  const others = groups.filter((g) => g !== group);
  const renamed = bracketGroups(settled)
    .map((g, i) => ({ from: others[i]!.key, to: g.key }))
    .filter((r) => r.from !== r.to);
  return { text: settled, renamed };
}

/** The text with one group settled on the chosen alternative (see `settle`). */
export function settleGroup(text: string, key: string, alternative: number): string {
  return settle(text, key, alternative).text;
}

/** A heading (starts a section) or a clause (a paragraph or a list item), with its first line in the file. */
export type Block =
  | { kind: 'heading'; level: number; title: string; line: number }
  | { kind: 'clause'; marker: string; number: string | null; text: string; line: number };

export interface ParsedDocument {
  /** The first level-1 heading's title, if any. */
  title: string | null;
  blocks: Block[];
}

const HEADING = /^[ \t]*(#{1,6})(?:[ \t]+(.*?))?$/;
// `1.`, `2.3.` or `2.3` (a bare `2026` is not a label: it would catch years), and bullets.
const ITEM = /^([ \t]*)(\d+(?:\.\d+)*\.|\d+(?:\.\d+)+|[-*+])(?:([ \t]+)(.*))?$/;

function headingTitle(raw: string | undefined): string {
  // A closing run of #s is not part of the title (CommonMark); a lone # run is an empty title.
  return (raw ?? '').replace(/(^|[ \t]+)#+$/, '').trim();
}

/**
 * Parses a negotiated document. Every line that starts (after any indentation) with `#` to `######`
 * and a space is a heading; with a label (`1.`, `2.3`, `2.3.`, `-`, `*`, `+`) and a space, a list
 * item; other lines make paragraphs. A clause runs to a blank line or the next heading or item, and
 * keeps its lines as written (trailing spaces dropped). Nested lists come out flat, one clause per
 * item (a line that opens with `1.5 ` is item 1.5); fenced code blocks, tables and quotes are read as paragraphs. A leading byte-order mark is
 * dropped. Every clause's brackets are checked: the first error (in file order) is thrown as a
 * BracketSyntaxError, with every error found in `details.errors`.
 */
export function parseDocument(markdown: string): ParsedDocument {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/[ \t]+$/, ''));
  const blocks: Block[] = [];
  const origins = new Map<Block, SourcePosition>();
  let current: Extract<Block, { kind: 'clause' }> | null = null;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const heading = HEADING.exec(line);
    const item = heading ? null : ITEM.exec(line);
    if (line === '') {
      current = null;
    } else if (heading) {
      current = null;
      blocks.push({ kind: 'heading', level: heading[1]!.length, title: headingTitle(heading[2]), line: lineNo });
    } else if (item) {
      const [, indent = '', marker = '', gap = '', text = ''] = item;
      current = { kind: 'clause', marker, number: /^\d/.test(marker) ? marker.replace(/\.$/, '') : null, text, line: lineNo };
      blocks.push(current);
      origins.set(current, { line: lineNo, column: indent.length + marker.length + gap.length + 1 });
    } else if (current) {
      current.text += `\n${line}`;
    } else {
      const text = line.trimStart();
      current = { kind: 'clause', marker: '', number: null, text, line: lineNo };
      blocks.push(current);
      origins.set(current, { line: lineNo, column: line.length - text.length + 1 });
    }
  });
  const errors: BracketSyntaxError[] = [];
  for (const [block, origin] of origins) {
    if (block.kind !== 'clause') continue;
    try {
      bracketGroups(block.text, origin);
    } catch (error) {
      if (!(error instanceof BracketSyntaxError)) throw error;
      errors.push(error);
    }
  }
  const first = errors[0];
  if (first) {
    const all = errors.map((e) => ({ line: e.line, column: e.column, message: e.message }));
    throw new BracketSyntaxError(first.line, first.column, first.message.replace(/^line \d+, column \d+: /, ''), { errors: all });
  }
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return { title: title?.kind === 'heading' ? title.title : null, blocks };
}

/** A block as renderDocument needs it: a parsed Block, or one rebuilt from stored sections and clauses. */
export type BlockInput =
  | { kind: 'heading'; level: number; title: string }
  | { kind: 'clause'; marker: string; text: string; number?: string | null };

const isItem = (block: BlockInput | undefined) => block?.kind === 'clause' && block.marker !== '';

/**
 * Writes blocks back to Markdown, a newline at the end: list items follow each other line by line
 * (a tight list, as lists are usually typed); every other pair of blocks has a blank line between.
 */
export function renderDocument(blocks: BlockInput[]): string {
  let out = '';
  blocks.forEach((block, i) => {
    if (i > 0) out += isItem(block) && isItem(blocks[i - 1]) ? '\n' : '\n\n';
    if (block.kind === 'heading') out += `${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} ${block.title}`.trimEnd();
    else out += block.marker ? `${block.marker} ${block.text}`.trimEnd() : block.text;
  });
  return blocks.length === 0 ? '' : `${out}\n`;
}
