/**
 * Writes a note, or edits one. The caller picks its audience among those it may write (a delegate:
 * its own party's circle or everyone; mediators also their own room) and the party it is filed for.
 */
import { NoteCreate, NoteUpdate, type NoteView, type PartyView, type ProvisionView } from '../../../src/contract/index.ts';
import type { Audience } from '../../../src/core/access.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { ConflictNotice, GeneralProblems, zodIssues } from '../shared/forms.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import { useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
import { audienceOption } from './audiences.ts';
import { notesApi, type NoteCreateBody, type NoteUpdateBody } from './notes.api.ts';

type Values = { partyId: string; provisionId: string; title: string; body: string; audience: Audience };
type Body = { kind: 'create'; body: NoteCreateBody } | { kind: 'update'; id: string; body: NoteUpdateBody };

const FIELDS = ['partyId', 'provisionId', 'title', 'body', 'audience'] as const;

export interface NoteFormProps {
  slug: string;
  /** Parties the caller writes for; a note is filed for one of them (or, from mediators, for none). */
  parties: PartyView[];
  /** The audiences the caller may give a note. */
  audiences: Audience[];
  provisions: ProvisionView[];
  note: NoteView | null;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}

export function NoteForm({ slug, parties, audiences, provisions, note, onSaved, onCancel }: NoteFormProps) {
  // A mediator may file a note for no party (the mediators' room, or everyone); a delegate always files for its own.
  const mayFileForNone = audiences.includes('mediators');
  const valuesOf = (n: NoteView | null): Values => ({
    partyId: n ? (n.partyId ?? '') : mayFileForNone ? '' : (parties[0]?.id ?? ''),
    provisionId: n?.provisionId ?? '',
    title: n?.title ?? '',
    body: n?.body ?? '',
    audience: n?.audience ?? (mayFileForNone ? 'mediators' : 'party'),
  });

  const toBody = (values: Values, changed: Partial<Values>, base: NoteView | null): BodyResult<Body> => {
    const partyId = values.audience === 'mediators' ? null : values.partyId || null;
    if (base === null) {
      const body: NoteCreateBody = {
        partyId,
        provisionId: values.provisionId || null,
        title: values.title,
        body: values.body,
        audience: values.audience,
      };
      const parsed = NoteCreate.safeParse(body);
      return parsed.success ? { ok: true, body: { kind: 'create', body } } : { ok: false, issues: zodIssues(parsed.error) };
    }
    const body: NoteUpdateBody = {
      version: base.version,
      ...((changed.partyId !== undefined || changed.audience !== undefined) && partyId !== base.partyId && { partyId }),
      ...(changed.provisionId !== undefined && { provisionId: changed.provisionId || null }),
      ...(changed.title !== undefined && { title: changed.title }),
      ...(changed.body !== undefined && { body: changed.body }),
      ...(changed.audience !== undefined && { audience: changed.audience }),
    };
    const parsed = NoteUpdate.safeParse(body);
    if (parsed.success && body.audience === 'party' && !partyId) {
      return { ok: false, issues: [{ path: 'partyId', message: "is required when the audience is a party's circle" }] };
    }
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
  const partyOptions = [
    ...(mayFileForNone || values.audience === 'mediators' ? [{ value: '', label: 'No party' }] : []),
    ...parties.map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={note ? 'Edit note' : 'New note'}>
      {problems.conflict ? <ConflictNotice what="note" onReload={form.reload} reloading={form.reloading} /> : null}
      <GeneralProblems problems={problems} />
      <SelectField
        label="Audience"
        value={values.audience}
        onChange={(v) => setValue('audience')(v as Audience)}
        error={problems.fields.audience}
        options={audiences.map((a) => audienceOption(a, party?.name))}
        hint="Outside its audience nobody learns that the note exists: not in lists, counts or the audit log."
      />
      {values.audience === 'mediators' ? null : (
        <SelectField
          label="Party"
          value={values.partyId}
          onChange={setValue('partyId')}
          error={problems.fields.partyId}
          options={partyOptions}
          hint={parties.length === 1 ? 'You write for this party only.' : 'The party the note is filed for.'}
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
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={form.saving || form.reloading || audiences.length === 0}>
          {form.saving ? 'Saving…' : note ? 'Save note' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
