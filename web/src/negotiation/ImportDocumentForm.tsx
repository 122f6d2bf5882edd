/**
 * Imports a negotiated document from Markdown (mediators): typed or pasted, or read from a file. A
 * bracket that does not pair up is refused whole; the form names its line and column and shows the
 * line with a caret under the place.
 */
import { useState, type FormEvent } from 'react';
import { DocumentCreate } from '../../../src/contract/index.ts';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { TextAreaField, TextField } from '../shared/fields.tsx';
import { fromZonedInput } from '../shared/time.ts';
import { bracketProblem } from './bracketError.ts';
import { useCreateDocument, type DocumentCreateBody } from './negotiation.api.ts';
import type { DocumentView } from '../../../src/contract/index.ts';

const FIELDS = ['markdown', 'title', 'deadline'] as const;

export function ImportDocumentForm({ slug, timeZone, onImported }: { slug: string; timeZone: string; onImported: (document: DocumentView) => void }) {
  const create = useCreateDocument(slug);
  const [markdown, setMarkdown] = useState('');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [sent, setSent] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const { problems, accepts } = useCheckedProblems(create.error, FIELDS);
  const bracket = bracketProblem(create.error, sent);

  const readFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    try {
      setMarkdown(await file.text());
    } catch {
      setFileError(`Could not read ${file.name}.`);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: DocumentCreateBody = {
      markdown,
      ...(title.trim() && { title: title.trim() }),
      ...(deadline && { deadline: fromZonedInput(deadline, timeZone) ?? deadline }),
    };
    if (!accepts(DocumentCreate, body)) return;
    setSent(markdown);
    create.mutate(body, {
      onSuccess: (document) => {
        setMarkdown('');
        setTitle('');
        setDeadline('');
        onImported(document);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Import Markdown">
      {bracket ? (
        <div className="form-problems bracket-problem" role="alert">
          <p>
            Nothing was imported: a bracket does not pair up at <strong>line {bracket.line}, column {bracket.column}</strong>.
          </p>
          <p>{bracket.message}</p>
          <pre className="bracket-excerpt" dir="ltr" aria-label={`Line ${bracket.line}`}>
            <span className="bracket-line-number" aria-hidden="true">
              {bracket.line} |{' '}
            </span>
            {bracket.lineText}
            {'\n'}
            <span aria-hidden="true">
              {' '.repeat(`${bracket.line} | `.length)}
              {bracket.caret}
            </span>
          </pre>
        </div>
      ) : (
        <GeneralProblems problems={problems} />
      )}
      <TextAreaField
        label="Markdown"
        value={markdown}
        onChange={setMarkdown}
        rows={8}
        error={problems.fields.markdown}
        className="markdown-input"
        hint={
          <>
            Headings start sections; paragraphs and list items are clauses; <code>[bracketed]</code> runs side by side are alternatives;
            <code>\[</code> and <code>\]</code> are literal brackets.
          </>
        }
      />
      <div className="field">
        <label htmlFor="import-file">Or read a Markdown file</label>
        <input id="import-file" type="file" accept=".md,.markdown,text/markdown,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
        {fileError ? <p className="field-error">{fileError}</p> : null}
      </div>
      <TextField label="Title (optional)" value={title} onChange={setTitle} error={problems.fields.title} dir="auto" hint="Defaults to the first level-1 heading." />
      <TextField
        label={`Deadline (optional, ${timeZone})`}
        type="datetime-local"
        value={deadline}
        onChange={setDeadline}
        error={problems.fields.deadline}
      />
      <FormActions submit="Import document" busy={create.isPending} busyLabel="Importing…" />
    </form>
  );
}
