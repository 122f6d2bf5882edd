/**
 * The frame of a form that adds or edits one versioned part of an agreement ("New phase", "Edit
 * phase"): the save's problems above the fields, Cancel and "Add phase" or "Save phase" below them.
 */
import type { FormEvent, ReactNode } from 'react';
import { ConflictNotice, FormActions, GeneralProblems, type FormProblems } from './forms.tsx';

/** What the frame reads of useEntityForm. */
export interface EntityFormState {
  submit: (event: FormEvent) => void;
  problems: FormProblems;
  saving: boolean;
  reload: () => void;
  reloading: boolean;
}

export interface EntityFormProps {
  /** The part, in lower case: "phase". */
  what: string;
  form: EntityFormState;
  isNew: boolean;
  onCancel?: (() => void) | undefined;
  /** Keeps the submit button off for a reason of the caller's own. */
  submitDisabled?: boolean;
  children: ReactNode;
}

export function EntityForm({ what, form, isNew, onCancel, submitDisabled = false, children }: EntityFormProps) {
  const { problems } = form;
  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={isNew ? `New ${what}` : `Edit ${what}`}>
      {problems.conflict ? <ConflictNotice what={what} onReload={form.reload} reloading={form.reloading} /> : null}
      <GeneralProblems problems={problems} />
      {children}
      <FormActions
        submit={isNew ? `Add ${what}` : `Save ${what}`}
        busy={form.saving}
        busyLabel="Saving…"
        disabled={form.saving || form.reloading || submitDisabled}
        onCancel={onCancel}
      />
    </form>
  );
}
