/**
 * What a failed save means for a form: messages beside named fields, general messages, or a
 * version conflict. Paths come from the API ("body.title", "plannedEnd") or from zod on the client.
 */
import type { z } from 'zod';
import { ApiError, errorMessage, type ApiIssue } from './api.ts';

export type FieldErrors = Partial<Record<string, string>>;

export interface FormProblems {
  fields: FieldErrors;
  general: string[];
  conflict: boolean;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, general: [], conflict: false };

/** "body.title" -> "title"; "plannedEnd" stays; "body.partyIds.0" -> "partyIds". */
export function fieldOfPath(path: string): string {
  const segments = path.split('.').filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments[0] ?? '';
}

export function problemsFromIssues(issues: readonly ApiIssue[], fields: readonly string[]): FormProblems {
  const result: FormProblems = { fields: {}, general: [], conflict: false };
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (fields.includes(field)) {
      result.fields[field] ??= issue.message;
    } else {
      result.general.push(field ? `${field}: ${issue.message}` : issue.message);
    }
  }
  return result;
}

/** Sorts an error thrown by a save into field messages, general messages and conflicts. */
export function problemsOf(error: unknown, fields: readonly string[]): FormProblems {
  if (error instanceof ApiError) {
    if (error.isConflict && error.code === 'stale_version') return { fields: {}, general: [], conflict: true };
    const issues = error.issues;
    if (issues.length > 0) {
      const problems = problemsFromIssues(issues, fields);
      if (problems.general.length === 0 && error.status === 422 && Object.keys(problems.fields).length === 0) {
        problems.general.push(error.message);
      }
      return problems;
    }
  }
  return { fields: {}, general: [errorMessage(error)], conflict: false };
}

/** The issues of a failed zod parse, in the API's { path, message } shape. */
export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function GeneralProblems({ problems }: { problems: FormProblems }) {
  const count = Object.keys(problems.fields).length;
  if (problems.general.length === 0 && count === 0) return null;
  return (
    <div className="form-problems" role="alert">
      {count > 0 ? <p>Nothing was saved: check the {count === 1 ? 'field' : `${count} fields`} marked below.</p> : null}
      {problems.general.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function ConflictNotice({ what, onReload, reloading }: { what: string; onReload: () => void; reloading: boolean }) {
  return (
    <div className="form-conflict" role="alert">
      <p>
        <strong>This {what} was changed by someone else — reload</strong> to get the current version, then make your change
        again. Nothing was saved.
      </p>
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
    </div>
  );
}
