/**
 * Edits a clause's text (mediators): a new version with its reason. Sent with the version read, so
 * that an edit made meanwhile by someone else is refused (409) and said so, with a reload.
 */
import { useState, type FormEvent } from 'react';
import { ClauseUpdate, type ClauseView } from '../../../src/contract/index.ts';
import { TextAreaField } from '../shared/fields.tsx';
import { ConflictNotice, FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { bracketProblem } from './bracketError.ts';
import { useUpdateClause, type ClauseUpdateBody } from './negotiation.api.ts';

const FIELDS = ['text', 'reason'] as const;

export interface ClauseEditFormProps {
  slug: string;
  documentId: string;
  clause: ClauseView;
  /** Reads the document again and answers the clause as it now is. */
  reload: () => Promise<ClauseView | undefined>;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function ClauseEditForm({ slug, documentId, clause, reload, onSaved, onCancel }: ClauseEditFormProps) {
  const update = useUpdateClause(slug, documentId);
  const [base, setBase] = useState(clause);
  const [text, setText] = useState(clause.text);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState('');
  const [reloading, setReloading] = useState(false);
  const { problems, accepts } = useCheckedProblems(update.error, FIELDS);
  const bracket = bracketProblem(update.error, sent);
  const name = clause.number ? `clause ${clause.number}` : 'clause';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ClauseUpdateBody = { version: base.version, text, reason: reason.trim() };
    if (!accepts(ClauseUpdate, body)) return;
    setSent(text);
    update.mutate({ clauseId: clause.id, body }, { onSuccess: (saved) => onSaved(`${saved.number ? `Clause ${saved.number}` : 'Clause'} saved as version ${saved.version}.`) });
  };

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const fresh = await reload();
      if (fresh) {
        setBase(fresh);
        setText(fresh.text);
      }
      update.reset();
    } finally {
      setReloading(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Edit ${name}`}>
      {problems.conflict ? <ConflictNotice what={name} onReload={() => void reloadLatest()} reloading={reloading} /> : null}
      {bracket ? (
        <div className="form-problems" role="alert">
          <p>
            Nothing was saved: a bracket does not pair up at <strong>line {bracket.line}, column {bracket.column}</strong> of the text.
          </p>
          <p>{bracket.message}</p>
        </div>
      ) : (
        <GeneralProblems problems={problems} />
      )}
      <TextAreaField
        label="Clause text"
        value={text}
        onChange={setText}
        rows={6}
        error={problems.fields.text}
        hint="Markdown. [Bracketed] runs side by side are alternatives; changing a group's alternatives asks the parties for their stances again."
      />
      <TextAreaField label="Reason for the change" value={reason} onChange={setReason} rows={2} error={problems.fields.reason} />
      <p className="muted">Editing version {base.version}.</p>
      <FormActions submit="Save new version" busy={update.isPending} busyLabel="Saving…" disabled={update.isPending || reloading} onCancel={onCancel} />
    </form>
  );
}
