/**
 * Adds or edits a withdrawal item (mediators, administrators): the force, its party, the phase, the
 * area it leaves and the line or zone it goes behind, the deadline (a day in the agreement's zone),
 * the provision it implements and notes. Saves are versioned: a conflict offers to reload.
 */
import { WithdrawalItemCreate, WithdrawalItemUpdate, type WithdrawalItemView } from '../../../src/contract/index.ts';
import { ZONE_KIND_LABELS } from '../../../src/core/zones.ts';
import { EntityForm } from '../shared/EntityForm.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { checkedBody, partSaves, useEntityForm, type BodyResult, type PartBody } from '../shared/useEntityForm.ts';
import { groundKeys, withdrawalApi } from './ground.api.ts';
import type { GroundContext } from './GroundContext.tsx';

type Values = {
  phaseId: string;
  partyId: string;
  provisionId: string;
  force: string;
  fromZoneId: string;
  behindZoneId: string;
  deadline: string;
  notes: string;
};
type Body = PartBody<WithdrawalItemCreate, WithdrawalItemUpdate>;

const FIELDS = ['phaseId', 'partyId', 'provisionId', 'force', 'fromZoneId', 'behindZoneId', 'deadline', 'notes'] as const;
const orNull = (value: string) => (value === '' ? null : value);
const NULLABLE = new Set<keyof Values>(['partyId', 'provisionId', 'fromZoneId', 'behindZoneId']);

/** The fields of a PATCH body: only those the user changed, empty choices as null. */
function changedFields(changed: Partial<Values>): Omit<WithdrawalItemUpdate, 'version'> {
  const body: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(changed) as [keyof Values, string][]) body[key] = NULLABLE.has(key) ? orNull(value) : value;
  return body;
}

export function WithdrawalItemForm(props: { slug: string; context: GroundContext; item: WithdrawalItemView | null; onSaved: (message: string) => void; onCancel: () => void }) {
  const { slug, context, item, onSaved, onCancel } = props;
  const valuesOf = (i: WithdrawalItemView | null): Values => ({
    phaseId: i?.phaseId ?? context.phases[0]?.id ?? '',
    partyId: i?.partyId ?? '',
    provisionId: i?.provisionId ?? '',
    force: i?.force ?? '',
    fromZoneId: i?.fromZoneId ?? '',
    behindZoneId: i?.behindZoneId ?? '',
    deadline: i?.deadline ?? '',
    notes: i?.notes ?? '',
  });

  const toBody = (values: Values, changed: Partial<Values>, base: WithdrawalItemView | null): BodyResult<Body> => {
    if (base === null) {
      const body: WithdrawalItemCreate = { ...changedFields(values), phaseId: values.phaseId, force: values.force, deadline: values.deadline };
      return checkedBody(WithdrawalItemCreate, body, (b) => ({ kind: 'create', body: b }));
    }
    const body: WithdrawalItemUpdate = { ...changedFields(changed), version: base.version };
    return checkedBody(WithdrawalItemUpdate, body, (b) => ({ kind: 'update', id: base.id, body: b }));
  };

  const form = useEntityForm<Values, WithdrawalItemView, Body>({
    entity: item,
    valuesOf,
    fields: FIELDS,
    toBody,
    ...partSaves(withdrawalApi, slug),
    invalidate: groundKeys.all(slug),
    onSaved: (saved, created) => onSaved(created ? `Withdrawal item “${saved.force}” added.` : `Withdrawal item “${saved.force}” saved.`),
  });
  const { bind } = form;

  const zoneOptions = [
    { value: '', label: 'None' },
    ...context.zones.filter((z) => z.kind !== 'controlled_area').map((z) => ({ value: z.id, label: `${z.name} (${ZONE_KIND_LABELS[z.kind].toLowerCase()})` })),
  ];
  return (
    <EntityForm what="withdrawal item" form={form} isNew={!item} onCancel={onCancel}>
      <TextField label="Force or unit" {...bind('force')} dir="auto" />
      <div className="form-row">
        <SelectField label="Party" {...bind('partyId')} options={[{ value: '', label: 'No party named' }, ...context.parties.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField label="Phase" {...bind('phaseId')} options={context.phases.map((p) => ({ value: p.id, label: `${p.ordinal}. ${p.name}` }))} />
      </div>
      <div className="form-row">
        <SelectField label="Area left" {...bind('fromZoneId')} options={zoneOptions} />
        <SelectField label="Goes behind" {...bind('behindZoneId')} options={zoneOptions} />
      </div>
      <div className="form-row">
        <TextField label="Deadline" type="date" {...bind('deadline')} hint={`A day in the agreement’s time zone, ${context.agreement.timeZone}.`} />
        <SelectField
          label="Provision"
          {...bind('provisionId')}
          options={[{ value: '', label: 'None' }, ...context.provisions.map((p) => ({ value: p.id, label: p.code ? `${p.code} ${p.title}` : p.title }))]}
        />
      </div>
      <TextAreaField label="Notes" {...bind('notes')} />
    </EntityForm>
  );
}
