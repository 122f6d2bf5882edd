/**
 * A gate's conditions (ground:write), one small form per condition: its kind, what it says to a
 * person, and only its kind's fields, chosen from the agreement's phases, indicators and documents.
 * Saved whole at the gate's version; the server checks every field and its issues are shown at the
 * condition and field they name.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { IndicatorView, type GateView, type PhaseView } from '../../../src/contract/index.ts';
import { STATUS_LABELS } from '../../../src/core/domain.ts';
import { GATE_CONDITION_KIND_LABELS, GATE_CONDITION_KINDS, GATE_PROVISION_STATUSES } from '../../../src/core/gates/conditions.ts';
import { INCIDENT_CATEGORY_LABELS } from '../../../src/core/incidents.ts';
import { useDocuments } from '../negotiation/negotiation.api.ts';
import { api, ApiError, apiPath, errorMessage } from '../shared/api.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { FormActions, FormAlert } from '../shared/forms.tsx';
import { options } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { conditionDraft, conditionProblems, draftToCondition, EMPTY_DRAFT, KIND_FIELDS, type ConditionDraft, type GateConditionKind } from './gateText.ts';
import { usePutGate } from './gates.api.ts';

const IndicatorList = z.object({ items: z.array(IndicatorView) });

function useIndicators(slug: string) {
  return useQuery({
    queryKey: [...queryKeys.agreement(slug), 'indicators'],
    queryFn: async () => (await api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/indicators`), IndicatorList)).items,
  });
}

export interface GateConditionsFormProps {
  slug: string;
  phaseId: string;
  gate: GateView | null;
  phases: PhaseView[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function GateConditionsForm({ slug, phaseId, gate, phases, onSaved, onCancel }: GateConditionsFormProps) {
  const put = usePutGate(slug, phaseId);
  const indicators = useIndicators(slug);
  const documents = useDocuments(slug);
  const [drafts, setDrafts] = useState<ConditionDraft[]>(() => gate?.conditions.map(conditionDraft) ?? []);
  const problems = put.error instanceof ApiError ? conditionProblems(put.error.issues) : { byCondition: new Map<number, Partial<Record<string, string>>>(), general: [] };
  const stale = put.error instanceof ApiError && put.error.code === 'stale_version';

  const change = (i: number, patch: Partial<ConditionDraft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const remove = (i: number) => setDrafts((ds) => ds.filter((_, j) => j !== i));
  const move = (i: number, by: -1 | 1) =>
    setDrafts((ds) => {
      const next = [...ds];
      const [d] = next.splice(i, 1);
      if (d) next.splice(i + by, 0, d);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    put.mutate(
      { conditions: drafts.map(draftToCondition), ...(gate ? { version: gate.version } : {}) },
      { onSuccess: (saved) => onSaved(`Gate saved with ${saved.conditions.length} ${saved.conditions.length === 1 ? 'condition' : 'conditions'}.`) },
    );
  };

  const phaseOptions = [{ value: '', label: 'Choose a phase' }, ...phases.map((p) => ({ value: p.id, label: `Phase ${p.ordinal}: ${p.name}` }))];
  const indicatorOptions = [{ value: '', label: indicators.isPending ? 'Loading the indicators…' : 'Choose an indicator' }, ...(indicators.data ?? []).map((n) => ({ value: n.id, label: `${n.name} (${n.unit})` }))];
  const documentOptions = [{ value: '', label: documents.isPending ? 'Loading the documents…' : 'Choose a document' }, ...(documents.data ?? []).map((d) => ({ value: d.id, label: d.title }))];

  return (
    <form className="form gate-form" onSubmit={submit} noValidate aria-label="Gate conditions">
      {stale ? <FormAlert>Someone changed this gate meanwhile: close this form and open it again to edit the current conditions. Nothing was saved.</FormAlert> : null}
      {put.error && !stale && problems.byCondition.size === 0 && problems.general.length === 0 ? <FormAlert>{errorMessage(put.error)}</FormAlert> : null}
      {problems.general.length > 0 || problems.byCondition.size > 0 ? (
        <div className="form-problems" role="alert">
          <p>Nothing was saved: check the conditions marked below.</p>
          {problems.general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      {indicators.isError || documents.isError ? <FormAlert>Could not load the indicators or documents to choose from: {errorMessage(indicators.error ?? documents.error)}</FormAlert> : null}
      {drafts.length === 0 ? <p className="muted">No conditions: the gate passes as it is. Add one below.</p> : null}
      <ol className="gate-drafts">
        {drafts.map((d, i) => {
          const errors = problems.byCondition.get(i) ?? {};
          const n = i + 1;
          const fields = KIND_FIELDS[d.kind];
          return (
            <li key={i}>
              <fieldset className="gate-draft">
                <legend>Condition {n}</legend>
                {errors[''] ? <p className="field-error">{errors['']}</p> : null}
                <SelectField
                  label={`Kind of condition ${n}`}
                  value={d.kind}
                  onChange={(v) => change(i, { kind: v as GateConditionKind })}
                  error={errors.kind}
                  options={GATE_CONDITION_KINDS.map((k) => ({ value: k, label: GATE_CONDITION_KIND_LABELS[k] }))}
                />
                <TextField label={`What condition ${n} says`} value={d.label} onChange={(v) => change(i, { label: v })} error={errors.label} dir="auto" maxLength={200} />
                {fields.includes('phaseId') ? (
                  <SelectField label={`Phase of condition ${n}`} value={d.phaseId} onChange={(v) => change(i, { phaseId: v })} error={errors.phaseId} options={phaseOptions} />
                ) : null}
                {fields.includes('indicatorId') ? (
                  <SelectField label={`Indicator of condition ${n}`} value={d.indicatorId} onChange={(v) => change(i, { indicatorId: v })} error={errors.indicatorId} options={indicatorOptions} />
                ) : null}
                {fields.includes('documentId') ? (
                  <SelectField label={`Document of condition ${n}`} value={d.documentId} onChange={(v) => change(i, { documentId: v })} error={errors.documentId} options={documentOptions} />
                ) : null}
                {fields.includes('category') ? (
                  <SelectField
                    label={`Incident category of condition ${n}`}
                    value={d.category}
                    onChange={(v) => change(i, { category: v })}
                    error={errors.category}
                    options={[{ value: '', label: 'Any category' }, ...options(INCIDENT_CATEGORY_LABELS)]}
                  />
                ) : null}
                {fields.includes('days') ? (
                  <TextField label={`Days of condition ${n}`} type="number" min={1} max={365} value={d.days} onChange={(v) => change(i, { days: v })} error={errors.days} hint="Up to today, 1 to 365." />
                ) : null}
                {fields.includes('status') ? (
                  <SelectField
                    label={`Status every provision reaches (condition ${n})`}
                    value={d.status}
                    onChange={(v) => change(i, { status: v })}
                    error={errors.status}
                    options={GATE_PROVISION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                  />
                ) : null}
                {fields.includes('capability') ? (
                  <TextField label={`Capability of condition ${n}`} value={d.capability} onChange={(v) => change(i, { capability: v })} error={errors.capability} hint="Empty for every requirement." />
                ) : null}
                {fields.includes('share') ? (
                  <TextField
                    label={`Share of the budget committed (condition ${n})`}
                    type="number"
                    min={0}
                    max={1}
                    step={0.05}
                    value={d.share}
                    onChange={(v) => change(i, { share: v })}
                    error={errors.share}
                    hint="From 0 to 1: 0.5 is half the budget."
                  />
                ) : null}
                <div className="gate-draft-tools">
                  <button type="button" className="button button-small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move condition ${n} up`}>
                    ↑ Up
                  </button>
                  <button type="button" className="button button-small" onClick={() => move(i, 1)} disabled={i === drafts.length - 1} aria-label={`Move condition ${n} down`}>
                    ↓ Down
                  </button>
                  <button type="button" className="button button-small" onClick={() => remove(i)} aria-label={`Remove condition ${n}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => setDrafts((ds) => [...ds, { ...EMPTY_DRAFT }])}>
        + Add condition
      </button>
      <FormActions submit="Save gate" busy={put.isPending} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
