/**
 * A bracket that does not pair up, as the import form shows it: the server's line and column (400
 * bracket_syntax, 1-based, in the file as typed) and the line itself with a caret under the column.
 */
import { ApiError } from '../shared/api.ts';

export interface BracketProblem {
  line: number;
  column: number;
  /** The server's message ("line 3, column 12: nested bracket"). */
  message: string;
  /** The line as typed, tabs shown as spaces so the caret lines up. */
  lineText: string;
  /** Spaces then "^" under the column. */
  caret: string;
}

/** The bracket problem an import or edit failed on, or null when it failed for another reason. */
export function bracketProblem(error: unknown, markdown: string): BracketProblem | null {
  if (!(error instanceof ApiError) || error.code !== 'bracket_syntax') return null;
  const { line, column } = error.details;
  if (typeof line !== 'number' || typeof column !== 'number') return null;
  const raw = markdown.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1] ?? '';
  const lineText = raw.replace(/\t/g, ' ');
  return { line, column, message: error.message, lineText, caret: `${' '.repeat(Math.max(0, column - 1))}^` };
}
