/** Writes a note for a party the caller acts for (a delegate: their own party only), or edits one. */
import { NoteCreate, NoteUpdate, type NoteView, type PartyView, type ProvisionView } from '../../../src/contract/index.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { ConflictNotice, GeneralProblems, zodIssues } from '../shared/forms.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import { useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
import { notesApi, type NoteCreateBody, type NoteUpdateBody } from './notes.api.ts';

type Values = { partyId: string; provisionId: string; title: string; body: string; confidential: 'yes' | 'no' };
type Body = { kind: 'create'; body: NoteCreateBody } | { kind: 'update'; id: string; body: NoteUpdateBody };

const FIELDS = ['partyId', 'provisionId', 'title', 'body', 'confidential'] as const;

export interface NoteFormProps {
  slug: string;
  /** Parties the caller writes for; a new note picks among them. */
  parties: PartyView[];
  provisions: ProvisionView[];
  note: NoteView | null;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}

export function NoteForm({ slug, parties, provisions, note, onSaved, onCancel }: NoteFormProps) {
  const valuesOf = (n: NoteView | null): Values => ({
    partyId: n?.partyId ?? parties[0]?.id ?? '',
    provisionId: n?.provisionId ?? '',
    title: n?.title ?? '',
    body: n?.body ?? '',
    confidential: (n?.confidential ?? true) ? 'yes' : 'no',
  });

  const toBody = (values: Values, changed: Partial<Values>, base: NoteView | null): BodyResult<Body> => {
    if (base === null) {
      const body: NoteCreateBody = {
        partyId: values.partyId,
        provisionId: values.provisionId || null,
        title: values.title,
        body: values.body,
        confidential: values.confidential === 'yes',
      };
      const parsed = NoteCreate.safeParse(body);
      return parsed.success ? { ok: true, body: { kind: 'create', body } } : { ok: false, issues: zodIssues(parsed.error) };
    }
    const body: NoteUpdateBody = {
      version: base.version,
      ...(changed.provisionId !== undefined && { provisionId: changed.provisionId || null }),
      ...(changed.title !== undefined && { title: changed.title }),
      ...(changed.body !== undefined && { body: changed.body }),
      ...(changed.confidential !== undefined && { confidential: changed.confidential === 'yes' }),
    };
    const parsed = NoteUpdate.safeParse(body);
    return parsed.success ? { ok: true, body: { kind: 'update', id: base.id, body } } : { ok: false, issues: zodIssues(parsed.error) };
  };

  const form = useEntityForm<Values, NoteView, Body>({
    entity: note,
    valuesOf,
    fields: FIELDS,
    toBody,
    save: (request) => (request.kind === 'create' ? notesApi.create(slug, request.body) : notesApi.update(slug, request.id, request.body)),
    reload: (base) => notesApi.get(slug, base.id),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => onSaved(created ? `Note “${saved.title}” added.` : `Note “${saved.title}” saved.`),
  });
  const { values, setValue, problems } = form;
  const party = parties.find((p) => p.id === values.partyId);

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={note ? 'Edit note' : 'New note'}>
      {problems.conflict ? <ConflictNotice what="note" onReload={form.reload} reloading={form.reloading} /> : null}
      <GeneralProblems problems={problems} />
      {note ? (
        <p className="muted">
          Note of <strong dir="auto">{party?.name ?? 'its party'}</strong>
        </p>
      ) : (
        <SelectField
          label="Party"
          value={values.partyId}
          onChange={setValue('partyId')}
          error={problems.fields.partyId}
          options={parties.map((p) => ({ value: p.id, label: p.name }))}
          hint={parties.length === 1 ? 'You write for this party only.' : undefined}
        />
      )}
      <SelectField
        label="Provision"
        value={values.provisionId}
        onChange={setValue('provisionId')}
        error={problems.fields.provisionId}
        options={[{ value: '', label: 'The agreement as a whole' }, ...provisions.map((p) => ({ value: p.id, label: p.code ? `${p.code} ${p.title}` : p.title }))]}
      />
      <TextField label="Note title" value={values.title} onChange={setValue('title')} error={problems.fields.title} dir="auto" autoComplete="off" />
      <TextAreaField label="Note" value={values.body} onChange={setValue('body')} error={problems.fields.body} rows={4} />
      <CheckboxField
        label={`Confidential to ${party?.name ?? 'the party'}`}
        checked={values.confidential === 'yes'}
        onChange={(checked) => setValue('confidential')(checked ? 'yes' : 'no')}
        hint="Only that party’s delegates, the mediators and administrators see a confidential note; others do not learn it exists."
      />
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={form.saving || form.reloading || parties.length === 0}>
          {form.saving ? 'Saving…' : note ? 'Save note' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
