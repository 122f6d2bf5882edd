/**
 * Writes a note, or edits one. The caller picks its audience among those it may write (a delegate:
 * its own party's circle or everyone; mediators also their own room) and the party it is filed for.
 */
import { NoteCreate, NoteUpdate, type NoteView, type PartyView, type ProvisionView } from '../../../src/contract/index.ts';
import type { Audience } from '../../../src/core/access.ts';
import { EntityForm } from '../shared/EntityForm.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import { checkedBody, partSaves, useEntityForm, type BodyResult, type PartBody } from '../shared/useEntityForm.ts';
import { audienceOption } from './audiences.ts';
import { notesApi, type NoteCreateBody, type NoteUpdateBody } from './notes.api.ts';

type Values = { partyId: string; provisionId: string; title: string; body: string; audience: Audience };
type Body = PartBody<NoteCreateBody, NoteUpdateBody>;

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
      return checkedBody(NoteCreate, body, (b) => ({ kind: 'create', body: b }));
    }
    const body: NoteUpdateBody = {
      version: base.version,
      ...((changed.partyId !== undefined || changed.audience !== undefined) && partyId !== base.partyId && { partyId }),
      ...(changed.provisionId !== undefined && { provisionId: changed.provisionId || null }),
      ...(changed.title !== undefined && { title: changed.title }),
      ...(changed.body !== undefined && { body: changed.body }),
      ...(changed.audience !== undefined && { audience: changed.audience }),
    };
    const checked = checkedBody(NoteUpdate, body, (b) => ({ kind: 'update' as const, id: base.id, body: b }));
    if (checked.ok && body.audience === 'party' && !partyId) {
      return { ok: false, issues: [{ path: 'partyId', message: "is required when the audience is a party's circle" }] };
    }
    return checked;
  };

  const form = useEntityForm<Values, NoteView, Body>({
    entity: note,
    valuesOf,
    fields: FIELDS,
    toBody,
    ...partSaves(notesApi, slug),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => onSaved(created ? `Note “${saved.title}” added.` : `Note “${saved.title}” saved.`),
  });
  const { values, setValue, bind, problems } = form;
  const party = parties.find((p) => p.id === values.partyId);
  const partyOptions = [
    ...(mayFileForNone || values.audience === 'mediators' ? [{ value: '', label: 'No party' }] : []),
    ...parties.map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <EntityForm what="note" form={form} isNew={!note} onCancel={onCancel} submitDisabled={audiences.length === 0}>
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
          {...bind('partyId')}
          options={partyOptions}
          hint={parties.length === 1 ? 'You write for this party only.' : 'The party the note is filed for.'}
        />
      )}
      <SelectField
        label="Provision"
        {...bind('provisionId')}
        options={[{ value: '', label: 'The agreement as a whole' }, ...provisions.map((p) => ({ value: p.id, label: p.code ? `${p.code} ${p.title}` : p.title }))]}
      />
      <TextField label="Note title" {...bind('title')} dir="auto" autoComplete="off" />
      <TextAreaField label="Note" {...bind('body')} rows={4} />
    </EntityForm>
  );
}
