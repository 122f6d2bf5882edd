/** Adds or edits a phase: name, objective, status and planned window. */
import { PhaseCreate, PhaseUpdate, type PhaseView } from '../../../src/contract/index.ts';
import type { PhaseStatus } from '../../../src/core/domain.ts';
import { TextAreaField, TextField, SelectField } from '../shared/fields.tsx';
import { FormActions, SaveProblems } from '../shared/forms.tsx';
import { options, PHASE_STATUS_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { checkedBody, useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
import { phasesApi } from './phases.api.ts';

type Values = { name: string; objective: string; status: string; plannedStart: string; plannedEnd: string };
type Body = { kind: 'create'; body: PhaseCreate } | { kind: 'update'; id: string; body: PhaseUpdate };

const FIELDS = ['name', 'objective', 'status', 'plannedStart', 'plannedEnd'] as const;

const valuesOf = (phase: PhaseView | null): Values => ({
  name: phase?.name ?? '',
  objective: phase?.objective ?? '',
  status: phase?.status ?? 'planned',
  plannedStart: phase?.plannedStart ?? '',
  plannedEnd: phase?.plannedEnd ?? '',
});

const nullable = (value: string | undefined) => (value === undefined ? undefined : value === '' ? null : value);

function toBody(values: Values, changed: Partial<Values>, base: PhaseView | null): BodyResult<Body> {
  if (base === null) {
    const body: PhaseCreate = {
      name: values.name,
      objective: values.objective,
      status: values.status as PhaseStatus,
      plannedStart: nullable(values.plannedStart) ?? null,
      plannedEnd: nullable(values.plannedEnd) ?? null,
    };
    return checkedBody(PhaseCreate, body, (b) => ({ kind: 'create', body: b }));
  }
  const body: PhaseUpdate = {
    ...(changed.name !== undefined && { name: changed.name }),
    ...(changed.objective !== undefined && { objective: changed.objective }),
    ...(changed.status !== undefined && { status: changed.status as PhaseStatus }),
    ...(changed.plannedStart !== undefined && { plannedStart: nullable(changed.plannedStart) }),
    ...(changed.plannedEnd !== undefined && { plannedEnd: nullable(changed.plannedEnd) }),
    version: base.version,
  };
  return checkedBody(PhaseUpdate, body, (b) => ({ kind: 'update', id: base.id, body: b }));
}

export interface PhaseFormProps {
  slug: string;
  phase: PhaseView | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function PhaseForm({ slug, phase, onSaved, onCancel }: PhaseFormProps) {
  const form = useEntityForm<Values, PhaseView, Body>({
    entity: phase,
    valuesOf,
    fields: FIELDS,
    toBody,
    save: (request) =>
      request.kind === 'create' ? phasesApi.create(slug, request.body) : phasesApi.update(slug, request.id, request.body),
    reload: (base) => phasesApi.get(slug, base.id),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => onSaved(created ? `Phase “${saved.name}” added.` : `Phase “${saved.name}” saved.`),
  });
  const { bind, problems } = form;

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={phase ? 'Edit phase' : 'New phase'}>
      <SaveProblems what="phase" problems={problems} onReload={form.reload} reloading={form.reloading} />
      <TextField label="Name" {...bind('name')} dir="auto" />
      <TextAreaField label="Objective" {...bind('objective')} />
      <SelectField label="Phase status" {...bind('status')} options={options(PHASE_STATUS_LABELS)} />
      <div className="form-row">
        <TextField label="Planned start" type="date" {...bind('plannedStart')} />
        <TextField label="Planned end" type="date" {...bind('plannedEnd')} />
      </div>
      <FormActions
        submit={phase ? 'Save phase' : 'Add phase'}
        busy={form.saving}
        busyLabel="Saving…"
        disabled={form.saving || form.reloading}
        onCancel={onCancel}
      />
    </form>
  );
}
