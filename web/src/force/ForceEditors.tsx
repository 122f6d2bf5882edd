/**
 * The force's rows for those who may write them (force:write): add a requirement, contributor,
 * pledge, budget line or funding entry, one simple form each, checked against the contract before
 * it is sent and saved through the part's versioned routes; the server's issues show at their fields.
 */
import { useState } from 'react';
import type { z } from 'zod';
import {
  BudgetLineCreate,
  ForceContributorCreate,
  ForcePledgeCreate,
  ForceRequirementCreate,
  FundingEntryCreate,
  type ForceOverview,
} from '../../../src/contract/index.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { FORCE_CAPABILITY_SUGGESTIONS, FUNDING_KIND_LABELS, READINESS_LABELS } from '../../../src/core/force/vocabulary.ts';
import { useZones } from '../map/map.api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { EntityForm } from '../shared/EntityForm.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { options } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { checkedBody, useEntityForm } from '../shared/useEntityForm.ts';
import { forceApi, type ForcePart } from './force.api.ts';

interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'textarea';
  options?: { value: string; label: string }[];
  hint?: string;
  /** How the string is sent: a number, null when empty, a yes/no boolean. */
  as?: 'number' | 'nullable' | 'boolean';
}

interface PartSpec {
  part: ForcePart;
  what: string;
  schema: z.ZodType;
  fields: FieldSpec[];
  initial: Record<string, string>;
}

const ILLUSTRATIVE: FieldSpec = {
  name: 'illustrative',
  label: 'Illustrative',
  kind: 'select',
  as: 'boolean',
  options: [
    { value: 'no', label: 'No: a real figure' },
    { value: 'yes', label: 'Yes: illustrative, shown as such' },
  ],
};

function specs(force: ForceOverview, sectors: { value: string; label: string }[], today: string): PartSpec[] {
  const sector: FieldSpec = { name: 'sectorId', label: 'Sector', kind: 'select', as: 'nullable', options: [{ value: '', label: 'The whole area' }, ...sectors] };
  const capability: FieldSpec = { name: 'capability', label: 'Capability', kind: 'text', hint: `For example ${FORCE_CAPABILITY_SUGGESTIONS.slice(0, 4).join(', ')}.` };
  return [
    {
      part: 'requirements',
      what: 'requirement',
      schema: ForceRequirementCreate,
      fields: [capability, sector, { name: 'personnel', label: 'Personnel', kind: 'number', as: 'number' }, { name: 'equipment', label: 'Equipment', kind: 'textarea' }, ILLUSTRATIVE],
      initial: { capability: '', sectorId: '', personnel: '', equipment: '', illustrative: 'no' },
    },
    {
      part: 'contributors',
      what: 'contributor',
      schema: ForceContributorCreate,
      fields: [{ name: 'name', label: 'Name', kind: 'text' }, { name: 'country', label: 'Country code', kind: 'text', hint: 'ISO 3166-1 alpha-2, e.g. EG; empty for an organization.' }, ILLUSTRATIVE],
      initial: { name: '', country: '', illustrative: 'no' },
    },
    {
      part: 'pledges',
      what: 'pledge',
      schema: ForcePledgeCreate,
      fields: [
        { name: 'contributorId', label: 'Contributor', kind: 'select', options: [{ value: '', label: 'Choose a contributor' }, ...force.contributors.map((c) => ({ value: c.id, label: c.name }))] },
        capability,
        sector,
        { name: 'personnel', label: 'Personnel', kind: 'number', as: 'number' },
        { name: 'readiness', label: 'Readiness', kind: 'select', options: options(READINESS_LABELS) },
        { name: 'pledgedOn', label: 'Pledged on', kind: 'date' },
        ILLUSTRATIVE,
      ],
      initial: { contributorId: '', capability: '', sectorId: '', personnel: '', readiness: 'L1', pledgedOn: today, illustrative: 'no' },
    },
    {
      part: 'budget-lines',
      what: 'budget line',
      schema: BudgetLineCreate,
      fields: [{ name: 'name', label: 'Name', kind: 'text' }, { name: 'amount', label: 'Amount', kind: 'number', as: 'number' }, { name: 'currency', label: 'Currency', kind: 'text', hint: 'ISO 4217, one per agreement.' }, ILLUSTRATIVE],
      initial: { name: '', amount: '', currency: force.budgetLines[0]?.currency ?? 'USD', illustrative: 'no' },
    },
    {
      part: 'funding',
      what: 'funding entry',
      schema: FundingEntryCreate,
      fields: [
        { name: 'donor', label: 'Donor', kind: 'text' },
        { name: 'kind', label: 'Stage the money reached', kind: 'select', options: options(FUNDING_KIND_LABELS) },
        { name: 'amount', label: 'Amount', kind: 'number', as: 'number' },
        { name: 'budgetLineId', label: 'Budget line', kind: 'select', as: 'nullable', options: [{ value: '', label: 'The force as a whole' }, ...force.budgetLines.map((l) => ({ value: l.id, label: l.name }))] },
        { name: 'datedOn', label: 'Dated', kind: 'date' },
        { name: 'source', label: 'Source', kind: 'text', hint: 'Where the figure comes from: a link, a report.' },
        ILLUSTRATIVE,
      ],
      initial: { donor: '', kind: 'pledge', amount: '', budgetLineId: '', datedOn: today, source: '', illustrative: 'no' },
    },
  ];
}

/** The body a form's strings make, each field as its spec sends it. */
export function bodyOf(fields: readonly FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim();
    body[f.name] = f.as === 'number' ? (v === '' ? undefined : Number(v)) : f.as === 'nullable' ? v || null : f.as === 'boolean' ? v === 'yes' : v;
  }
  return body;
}

export function ForceEditors({ slug, force, timeZone, onSaved }: { slug: string; force: ForceOverview; timeZone: string; onSaved: (message: string) => void }) {
  const zones = useZones(slug);
  const [open, setOpen] = useState<PartSpec | null>(null);
  const sectors = (zones.data ?? []).filter((z) => z.kind === 'sector').map((z) => ({ value: z.id, label: z.name }));
  const all = specs(force, sectors, localDate(new Date(), timeZone));
  return (
    <section aria-labelledby="force-edit-heading" className="section">
      <h2 id="force-edit-heading">Add to the force</h2>
      <div className="toolbar">
        {all.map((s) => (
          <button key={s.part} type="button" className="button" onClick={() => setOpen(s)} disabled={s.part === 'pledges' && force.contributors.length === 0}>
            + Add {s.what}
          </button>
        ))}
      </div>
      {open ? (
        <Dialog title={`New ${open.what}`} onClose={() => setOpen(null)}>
          <PartForm
            slug={slug}
            spec={open}
            onSaved={(m) => {
              setOpen(null);
              onSaved(m);
            }}
            onCancel={() => setOpen(null)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

type Saved = { id: string; version: number };

function PartForm({ slug, spec, onSaved, onCancel }: { slug: string; spec: PartSpec; onSaved: (message: string) => void; onCancel: () => void }) {
  const form = useEntityForm<Record<string, string>, Saved, Record<string, unknown>>({
    entity: null,
    valuesOf: () => spec.initial,
    fields: spec.fields.map((f) => f.name),
    toBody: (values) => checkedBody(spec.schema, bodyOf(spec.fields, values), (b) => b),
    save: async (body) => (await forceApi.create(slug, spec.part, body)) as Saved,
    reload: async (base) => (await forceApi.get(slug, spec.part, base.id)) as Saved,
    invalidate: queryKeys.agreement(slug),
    onSaved: () => onSaved(`The ${spec.what} was added.`),
  });
  const bind = (name: string) => ({ ...form.bind(name), value: form.values[name] ?? '' });
  return (
    <EntityForm what={spec.what} form={form} isNew onCancel={onCancel}>
      {spec.fields.map((f) =>
        f.kind === 'select' ? (
          <SelectField key={f.name} label={f.label} options={f.options ?? []} hint={f.hint} {...bind(f.name)} />
        ) : f.kind === 'textarea' ? (
          <TextAreaField key={f.name} label={f.label} rows={2} hint={f.hint} {...bind(f.name)} />
        ) : (
          <TextField key={f.name} label={f.label} type={f.kind} hint={f.hint} dir={f.kind === 'text' ? 'auto' : undefined} {...bind(f.name)} />
        ),
      )}
    </EntityForm>
  );
}
