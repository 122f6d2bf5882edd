/**
 * Adds or edits a provision. The deadline is typed as a wall-clock time in the agreement's zone
 * and sent to the API as a UTC instant. A change of status needs a reason, kept in the provision's
 * status history (its page has the full form, with the source and evidence).
 */
import { ProvisionCreate, ProvisionUpdate, type PartyView, type PhaseView, type PillarView, type ProvisionView } from '../../../src/contract/index.ts';
import { CATEGORY_LABELS, STATUS_LABELS, type ImplementationStatus, type ProvisionCategory } from '../../../src/core/domain.ts';
import { EntityForm } from '../shared/EntityForm.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { options, PARTY_ROLE_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { fromZonedInput, toZonedInput } from '../shared/time.ts';
import { checkedBody, partSaves, useEntityForm, type BodyResult, type PartBody } from '../shared/useEntityForm.ts';
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
  /** Why the status is what it is: required when an edit changes it; on a new provision, optional. */
  statusReason: string;
};
type Body = PartBody<ProvisionCreate, ProvisionUpdate>;

const FIELDS = ['phaseId', 'pillarId', 'code', 'title', 'text', 'category', 'obligatedPartyId', 'deadline', 'verificationMethod', 'status', 'statusReason'] as const;

const REASON_NEEDED = 'Say why the status changes: the reason is kept in the provision’s status history.';

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
    ...(values.statusReason.trim() !== '' && { statusReason: values.statusReason.trim() }),
  };
}

/** The fields of a PATCH body: only those the user changed (a changed status with its reason). */
function changedFields(values: Partial<Values>, timeZone: string, statusReason: string) {
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
    ...(values.status !== undefined && { status: values.status as ImplementationStatus, statusReason: statusReason.trim() }),
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
    statusReason: '',
  });

  const toBody = (values: Values, changed: Partial<Values>, base: ProvisionView | null): BodyResult<Body> => {
    if (base === null) {
      return checkedBody(ProvisionCreate, createBody(values, timeZone), (b) => ({ kind: 'create', body: b }));
    }
    if (changed.status !== undefined && values.statusReason.trim() === '') return { ok: false, issues: [{ path: 'statusReason', message: REASON_NEEDED }] };
    const body: ProvisionUpdate = { ...changedFields(changed, timeZone, values.statusReason), version: base.version };
    return checkedBody(ProvisionUpdate, body, (b) => ({ kind: 'update', id: base.id, body: b }));
  };

  const form = useEntityForm<Values, ProvisionView, Body>({
    entity: provision,
    valuesOf,
    fields: FIELDS,
    toBody,
    ...partSaves(provisionsApi, slug),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => {
      const name = saved.code ? `Provision ${saved.code}` : `Provision “${saved.title}”`;
      onSaved(created ? `${name} added.` : `${name} saved.`);
    },
  });
  const { bind } = form;
  const statusChanged = provision !== null && form.values.status !== form.base?.status;

  const phaseOptions = context.phases.map((p) => ({ value: p.id, label: `${p.ordinal}. ${p.name}` }));
  const pillarOptions = [{ value: '', label: 'No pillar' }, ...context.pillars.map((p) => ({ value: p.id, label: p.title }))];
  const partyOptions = [
    { value: '', label: 'All parties' },
    ...context.parties.map((p) => ({ value: p.id, label: `${p.name} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})` })),
  ];

  return (
    <EntityForm what="provision" form={form} isNew={!provision} onCancel={onCancel}>
      <div className="form-row form-row-code">
        <TextField label="Code" {...bind('code')} className="mono" hint="e.g. 2.3" />
        <TextField label="Title" {...bind('title')} dir="auto" />
      </div>
      <TextAreaField label="Text" {...bind('text')} rows={4} />
      <div className="form-row">
        <SelectField label="Phase" {...bind('phaseId')} options={phaseOptions} />
        <SelectField label="Pillar" {...bind('pillarId')} options={pillarOptions} />
      </div>
      <div className="form-row">
        <SelectField label="Category" {...bind('category')} options={options(CATEGORY_LABELS)} />
        <SelectField label="Obligated party" {...bind('obligatedPartyId')} options={partyOptions} />
      </div>
      <div className="form-row">
        <SelectField label="Status" {...bind('status')} options={options(STATUS_LABELS)} />
        <TextField
          label="Deadline"
          type="datetime-local"
          {...bind('deadline')}
          hint={`Local time in ${timeZone}, the agreement’s time zone; leave empty for none.`}
        />
      </div>
      {provision === null || statusChanged ? (
        <TextAreaField
          label={provision === null ? 'Why this status (optional)' : 'Reason for the status change'}
          {...bind('statusReason')}
          rows={2}
          hint={
            provision === null
              ? 'Starts the provision’s status history; without one it says “Added with this status”.'
              : 'Required: kept in the provision’s status history for everyone who reads it. Its page also takes the source and evidence.'
          }
        />
      ) : null}
      <TextField label="Verification method" {...bind('verificationMethod')} dir="auto" />
    </EntityForm>
  );
}
