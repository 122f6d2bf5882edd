/** Adds or edits a phase: name, objective, status and planned window. */
import { PhaseCreate, PhaseUpdate, type PhaseView } from '../../../src/contract/index.ts';
import type { PhaseStatus } from '../../../src/core/domain.ts';
import { TextAreaField, TextField, SelectField } from '../shared/fields.tsx';
import { ConflictNotice, GeneralProblems, zodIssues } from '../shared/forms.tsx';
import { options, PHASE_STATUS_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
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
    const parsed = PhaseCreate.safeParse(body);
    return parsed.success ? { ok: true, body: { kind: 'create', body } } : { ok: false, issues: zodIssues(parsed.error) };
  }
  const body: PhaseUpdate = {
    ...(changed.name !== undefined && { name: changed.name }),
    ...(changed.objective !== undefined && { objective: changed.objective }),
    ...(changed.status !== undefined && { status: changed.status as PhaseStatus }),
    ...(changed.plannedStart !== undefined && { plannedStart: nullable(changed.plannedStart) }),
    ...(changed.plannedEnd !== undefined && { plannedEnd: nullable(changed.plannedEnd) }),
    version: base.version,
  };
  const parsed = PhaseUpdate.safeParse(body);
  return parsed.success ? { ok: true, body: { kind: 'update', id: base.id, body } } : { ok: false, issues: zodIssues(parsed.error) };
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
  const { values, setValue, problems } = form;

  return (
    <form className="form" onSubmit={form.submit} noValidate aria-label={phase ? 'Edit phase' : 'New phase'}>
      {problems.conflict ? <ConflictNotice what="phase" onReload={form.reload} reloading={form.reloading} /> : null}
      <GeneralProblems problems={problems} />
      <TextField label="Name" value={values.name} onChange={setValue('name')} error={problems.fields.name} dir="auto" />
      <TextAreaField label="Objective" value={values.objective} onChange={setValue('objective')} error={problems.fields.objective} />
      <SelectField
        label="Phase status"
        value={values.status}
        onChange={setValue('status')}
        error={problems.fields.status}
        options={options(PHASE_STATUS_LABELS)}
      />
      <div className="form-row">
        <TextField
          label="Planned start"
          type="date"
          value={values.plannedStart}
          onChange={setValue('plannedStart')}
          error={problems.fields.plannedStart}
        />
        <TextField label="Planned end" type="date" value={values.plannedEnd} onChange={setValue('plannedEnd')} error={problems.fields.plannedEnd} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={form.saving || form.reloading}>
          {form.saving ? 'Saving…' : phase ? 'Save phase' : 'Add phase'}
        </button>
      </div>
    </form>
  );
}
