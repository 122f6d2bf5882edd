/**
 * What the DOCX and PDF exports of a negotiated document share: the document cut into headings and
 * clauses whose text is plain runs and bracketed runs (brackets kept), the direction of each
 * clause, and the header line every page carries. Built from the document's Markdown at a revision,
 * so that a past revision exports as the current one does.
 */
import { parseDocument, segments, type Agreement } from '../../core/index.ts';

/** What an export is made from: the document's Markdown at `revision`, and who asked when. */
export interface ExportSource {
  agreement: Pick<Agreement, 'title' | 'slug' | 'timeZone' | 'illustrative'>;
  document: { id: string; title: string; revision: number };
  /** The revision exported (the document's current one unless a past one was asked for). */
  revision: number;
  markdown: string;
  generatedAt: Date;
}

/** A piece of a clause's text: plain, or one bracketed run as written (`[...]`, brackets included). */
export type Piece = { kind: 'text'; text: string } | { kind: 'bracketed'; text: string };

export type ExportBlock =
  | { kind: 'heading'; level: number; title: string }
  | { kind: 'clause'; marker: string; number: string | null; pieces: Piece[]; rtl: boolean };

export const DRAFT_NOTE = 'Draft: text in brackets is not agreed';

// The first letter decides, as the Unicode bidi algorithm's "first strong character" does.
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether a text reads right to left: its first letter is Arabic, Hebrew, Syriac, Thaana or N'Ko. */
export function isRightToLeft(text: string): boolean {
  const first = FIRST_LETTER.exec(text)?.[0];
  return first !== undefined && RTL_LETTER.test(first);
}

/** Escaped brackets print as brackets: in an export they are plain text, never a bracket group. */
const unescaped = (text: string) => text.replace(/\\([[\]])/g, '$1');

/**
 * A bracket group's runs, each `[...]` as written, from the group's slice of the clause (`[a] [b]`):
 * the spaces between runs are plain text.
 */
function groupPieces(slice: string, alternatives: string[], single: boolean): Piece[] {
  const runs = single ? alternatives.slice(0, 1) : alternatives;
  const out: Piece[] = [];
  let at = 0;
  for (const [i, alternative] of runs.entries()) {
    const run = `[${alternative}]`;
    if (!slice.startsWith(run, at)) return [{ kind: 'bracketed', text: unescaped(slice) }];
    out.push({ kind: 'bracketed', text: unescaped(run) });
    at += run.length;
    const gap = i < runs.length - 1 ? (/^[ \t]*/.exec(slice.slice(at))?.[0] ?? '') : '';
    if (gap) out.push({ kind: 'text', text: gap });
    at += gap.length;
  }
  return at === slice.length ? out : [{ kind: 'bracketed', text: unescaped(slice) }];
}

/** A clause's text as plain and bracketed pieces, in order. */
export function clausePieces(text: string): Piece[] {
  let at = 0;
  return segments(text).flatMap((segment): Piece[] => {
    const start = at;
    if (segment.kind === 'text') {
      at += segment.text.length;
      return [{ kind: 'text', text: unescaped(segment.text) }];
    }
    at = segment.group.end;
    return groupPieces(text.slice(start, segment.group.end), segment.group.alternatives, segment.group.single);
  });
}

/**
 * The document's blocks for an export. A first level-1 heading that repeats the document's title
 * is left out: the export prints the title itself.
 */
export function exportBlocks(source: Pick<ExportSource, 'markdown' | 'document'>): ExportBlock[] {
  const { blocks } = parseDocument(source.markdown);
  const first = blocks[0];
  const rest = first?.kind === 'heading' && first.level === 1 && first.title === source.document.title ? blocks.slice(1) : blocks;
  return rest.map((block) =>
    block.kind === 'heading'
      ? { kind: 'heading', level: block.level, title: block.title }
      : { kind: 'clause', marker: block.marker, number: block.number, pieces: clausePieces(block.text), rtl: isRightToLeft(block.text) },
  );
}

/** "2026-06-20 15:00 (Asia/Gaza)": an instant on the agreement's clocks. */
export function agreementTime(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
  return `${local} (${timeZone})`;
}

/** The revision as the header names it: "revision 3" or "revision 2 of 5" for a past one. */
export function revisionLabel(source: Pick<ExportSource, 'revision' | 'document'>): string {
  return source.revision === source.document.revision ? `revision ${source.revision}` : `revision ${source.revision} of ${source.document.revision}`;
}

/** The line at the top of every page: agreement, revision, and that brackets are not agreed. */
export function headerLine(source: ExportSource): string {
  return `${source.agreement.title} · ${revisionLabel(source)} · ${DRAFT_NOTE}`;
}

/** Under the title: when it was exported, on the agreement's clocks, and whether the scenario is illustrative. */
export function exportedLine(source: ExportSource): string {
  const illustrative = source.agreement.illustrative ? ' Illustrative scenario, not an official record.' : '';
  return `${source.agreement.title}, ${revisionLabel(source)}, exported ${agreementTime(source.generatedAt, source.agreement.timeZone)}.${illustrative}`;
}

/** A file name for the export: the title in lower-case words, the revision when it is a past one. */
export function exportFileName(source: Pick<ExportSource, 'revision' | 'document'>, extension: string): string {
  const slug =
    source.document.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'document';
  const past = source.revision === source.document.revision ? '' : `-r${source.revision}`;
  return `${slug}${past}.${extension}`;
}
