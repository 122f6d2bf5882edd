/**
 * Adds or edits a provision. The deadline is typed as a wall-clock time in the agreement's zone
 * and sent to the API as a UTC instant.
 */
import { ProvisionCreate, ProvisionUpdate, type PartyView, type PhaseView, type PillarView, type ProvisionView } from '../../../src/contract/index.ts';
import { CATEGORY_LABELS, STATUS_LABELS, type ImplementationStatus, type ProvisionCategory } from '../../../src/core/domain.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { ConflictNotice, GeneralProblems, zodIssues } from '../shared/forms.tsx';
import { options, PARTY_ROLE_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { fromZonedInput, toZonedInput } from '../shared/time.ts';
import { useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
import { provisionsApi } from './provisions.api.ts';

type Values = {
  phaseId: string;
  pillarId: string;
  code: string;
  title: string;
  text: string;
  category: string;
  obligatedPartyId: string;
  deadline: string;
  verificationMethod: string;
  status: string;
};
type Body = { kind: 'create'; body: ProvisionCreate } | { kind: 'update'; id: string; body: ProvisionUpdate };

const FIELDS = ['phaseId', 'pillarId', 'code', 'title', 'text', 'category', 'obligatedPartyId', 'deadline', 'verificationMethod', 'status'] as const;

export interface ProvisionContext {
  slug: string;
  timeZone: string;
  phases: PhaseView[];
  pillars: PillarView[];
  parties: PartyView[];
}

const orNull = (value: string) => (value === '' ? null : value);

/** An empty input clears the deadline; a malformed one is sent as typed, for the API to refuse. */
const deadlineOf = (value: string, timeZone: string) => (value === '' ? null : (fromZonedInput(value, timeZone) ?? value));

function createBody(values: Values, timeZone: string): ProvisionCreate {
  return {
    phaseId: values.phaseId,
    pillarId: orNull(values.pillarId),
    code: values.code,
    title: values.title,
    text: values.text,
    category: values.category as ProvisionCategory,
    obligatedPartyId: orNull(values.obligatedPartyId),
    deadline: deadlineOf(values.deadline, timeZone),
    verificationMethod: values.verificationMethod,
    status: values.status as ImplementationStatus,
  };
}

/** The fields of a PATCH body: only those the user changed. */
function changedFields(values: Partial<Values>, timeZone: string) {
  return {
    ...(values.phaseId !== undefined && { phaseId: values.phaseId }),
    ...(values.pillarId !== undefined && { pillarId: orNull(values.pillarId) }),
    ...(values.code !== undefined && { code: values.code }),
    ...(values.title !== undefined && { title: values.title }),
    ...(values.text !== undefined && { text: values.text }),
    ...(values.category !== undefined && { category: values.category as ProvisionCategory }),
    ...(values.obligatedPartyId !== undefined && { obligatedPartyId: orNull(values.obligatedPartyId) }),
    ...(values.deadline !== undefined && { deadline: deadlineOf(values.deadline, timeZone) }),
    ...(values.verificationMethod !== undefined && { verificationMethod: values.verificationMethod }),
    ...(values.status !== undefined && { status: values.status as ImplementationStatus }),
  };
}

export interface ProvisionFormProps {
  context: ProvisionContext;
  provision: ProvisionView | null;
  /** The phase a new provision goes into. */
  phaseId: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function ProvisionForm({ context, provision, phaseId, onSaved, onCancel }: ProvisionFormProps) {
  const { slug, timeZone } = context;
  const valuesOf = (p: ProvisionView | null): Values => ({
    phaseId: p?.phaseId ?? phaseId,
    pillarId: p?.pillarId ?? '',
    code: p?.code ?? '',
    title: p?.title ?? '',
    text: p?.text ?? '',
    category: p?.category ?? 'ceasefire',
    obligatedPartyId: p?.obligatedPartyId ?? '',
    deadline: toZonedInput(p?.deadline ?? null, timeZone),
    verificationMethod: p?.verificationMethod ?? '',
    status: p?.status ?? 'not_started',
  });

  const toBody = (values: Values, changed: Partial<Values>, base: ProvisionView | null): BodyResult<Body> => {
    if (base === null) {
      const body = createBody(values, timeZone);
      const parsed = ProvisionCreate.safeParse(body);
      return parsed.success ? { ok: true, body: { kind: 'create', body } } : { ok: false, issues: zodIssues(parsed.error) };
    }
    const body: ProvisionUpdate = { ...changedFields(changed, timeZone), version: base.version };
    const parsed = ProvisionUpdate.safeParse(body);
    return parsed.success ? { ok: true, body: { kind: 'update', id: base.id, body } } : { ok: false, issues: zodIssues(parsed.error) };
  };

  const form = useEntityForm<Values, ProvisionView, Body>({
    entity: provision,
    valuesOf,
    fields: FIELDS,
    toBody,
    save: (request) =>
      request.kind === 'create' ? provisionsApi.create(slug, request.body) : provisionsApi.update(slug, request.id, request.body),
    reload: (base) => provisionsApi.get(slug, base.id),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => {
      const name = saved.code ? `Provision ${saved.code}` : `Provision “${saved.title}”`;
      onSaved(created ? `${name} added.` : `${name} saved.`);
    },
  });
  const { values, setValue, problems } = form;

  const phaseOptions = context.phases.map((p) => ({ value: p.id, label: `${p.ordinal}. ${p.name}` }));
  const pillarOptions = [{ value: '', label: 'No pillar' }, ...context.pillars.map((p) => ({ value: p.id, label: p.title }))];
  const partyOptions = [
    { value: '', label: 'All parties' },
    ...context.parties.map((p) => ({ value: p.id, label: `${p.name} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})` })),
  ];

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={provision ? 'Edit provision' : 'New provision'}>
      {problems.conflict ? <ConflictNotice what="provision" onReload={form.reload} reloading={form.reloading} /> : null}
      <GeneralProblems problems={problems} />
      <div className="form-row form-row-code">
        <TextField label="Code" value={values.code} onChange={setValue('code')} error={problems.fields.code} className="mono" hint="e.g. 2.3" />
        <TextField label="Title" value={values.title} onChange={setValue('title')} error={problems.fields.title} dir="auto" />
      </div>
      <TextAreaField label="Text" value={values.text} onChange={setValue('text')} error={problems.fields.text} rows={4} />
      <div className="form-row">
        <SelectField label="Phase" value={values.phaseId} onChange={setValue('phaseId')} error={problems.fields.phaseId} options={phaseOptions} />
        <SelectField label="Pillar" value={values.pillarId} onChange={setValue('pillarId')} error={problems.fields.pillarId} options={pillarOptions} />
      </div>
      <div className="form-row">
        <SelectField
          label="Category"
          value={values.category}
          onChange={setValue('category')}
          error={problems.fields.category}
          options={options(CATEGORY_LABELS)}
        />
        <SelectField
          label="Obligated party"
          value={values.obligatedPartyId}
          onChange={setValue('obligatedPartyId')}
          error={problems.fields.obligatedPartyId}
          options={partyOptions}
        />
      </div>
      <div className="form-row">
        <SelectField label="Status" value={values.status} onChange={setValue('status')} error={problems.fields.status} options={options(STATUS_LABELS)} />
        <TextField
          label="Deadline"
          type="datetime-local"
          value={values.deadline}
          onChange={setValue('deadline')}
          error={problems.fields.deadline}
          hint={`Local time in ${timeZone}, the agreement’s time zone; leave empty for none.`}
        />
      </div>
      <TextField
        label="Verification method"
        value={values.verificationMethod}
        onChange={setValue('verificationMethod')}
        error={problems.fields.verificationMethod}
        dir="auto"
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={form.saving || form.reloading}>
          {form.saving ? 'Saving…' : provision ? 'Save provision' : 'Add provision'}
        </button>
      </div>
    </form>
  );
}
