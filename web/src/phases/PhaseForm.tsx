/** Adds or edits a phase: name, objective, status and planned window. */
import { PhaseCreate, PhaseUpdate, type PhaseView } from '../../../src/contract/index.ts';
import type { PhaseStatus } from '../../../src/core/domain.ts';
import { EntityForm } from '../shared/EntityForm.tsx';
import { TextAreaField, TextField, SelectField } from '../shared/fields.tsx';
import { options, PHASE_STATUS_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { checkedBody, partSaves, useEntityForm, type BodyResult, type PartBody } from '../shared/useEntityForm.ts';
import { phasesApi } from './phases.api.ts';

type Values = { name: string; objective: string; status: string; plannedStart: string; plannedEnd: string };
type Body = PartBody<PhaseCreate, PhaseUpdate>;

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
    ...partSaves(phasesApi, slug),
    invalidate: queryKeys.agreement(slug),
    onSaved: (saved, created) => onSaved(created ? `Phase “${saved.name}” added.` : `Phase “${saved.name}” saved.`),
  });
  const { bind } = form;

  return (
    <EntityForm what="phase" form={form} isNew={!phase} onCancel={onCancel}>
      <TextField label="Name" {...bind('name')} dir="auto" />
      <TextAreaField label="Objective" {...bind('objective')} />
      <SelectField label="Phase status" {...bind('status')} options={options(PHASE_STATUS_LABELS)} />
      <div className="form-row">
        <TextField label="Planned start" type="date" {...bind('plannedStart')} />
        <TextField label="Planned end" type="date" {...bind('plannedEnd')} />
      </div>
    </EntityForm>
  );
}
