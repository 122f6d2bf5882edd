/**
 * Names a zone, or deletes one: a new one with the geometry just drawn, or an existing one's name, kind and
 * description (its shape is edited on the map). Saves carry the version read; a conflict offers the reload.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZoneCreate, ZoneUpdate, type ZoneView } from '../../../src/contract/index.ts';
import { ZONE_KIND_LABELS, type ZoneGeometry, type ZoneKind } from '../../../src/core/zones.ts';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { EntityForm } from '../shared/EntityForm.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { options } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { checkedBody, partSaves, useEntityForm, type BodyResult, type PartBody } from '../shared/useEntityForm.ts';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { zonesApi } from './map.api.ts';

/** A controlled area also names the party holding it and the date of the snapshot; other kinds carry neither. */
type Values = { name: string; kind: string; description: string; partyId: string; asOf: string };
type Body = PartBody<ZoneCreate, ZoneUpdate>;

const FIELDS = ['name', 'kind', 'description', 'geometry', 'partyId', 'asOf'] as const;

export interface ZoneFormProps {
  slug: string;
  /** The zone to edit, or null for a new one. */
  zone: ZoneView | null;
  /** A new zone's kind (as picked before drawing) and geometry. */
  draft?: { kind: ZoneKind; geometry: ZoneGeometry };
  onSaved: (zone: ZoneView, created: boolean) => void;
  onCancel: () => void;
}

export function ZoneForm({ slug, zone, draft, onSaved, onCancel }: ZoneFormProps) {
  const summary = useAgreementSummary(slug);
  const valuesOf = (z: ZoneView | null): Values => ({
    name: z?.name ?? '',
    kind: z?.kind ?? draft?.kind ?? 'sector',
    description: z?.description ?? '',
    partyId: z?.partyId ?? '',
    asOf: z?.asOf ?? '',
  });
  const held = (values: Values) => values.kind === 'controlled_area';

  const toBody = (values: Values, changed: Partial<Values>, base: ZoneView | null): BodyResult<Body> => {
    if (base === null) {
      const body: ZoneCreate = {
        name: values.name,
        kind: values.kind as ZoneKind,
        description: values.description,
        geometry: draft?.geometry as ZoneCreate['geometry'],
        partyId: held(values) ? values.partyId || null : null,
        asOf: held(values) ? values.asOf || null : null,
      };
      return checkedBody(ZoneCreate, body, (b) => ({ kind: 'create', body: b }));
    }
    const holderChanged = changed.kind !== undefined || changed.partyId !== undefined || changed.asOf !== undefined;
    const body: ZoneUpdate = {
      ...(changed.name !== undefined && { name: changed.name }),
      ...(changed.kind !== undefined && { kind: changed.kind as ZoneKind }),
      ...(changed.description !== undefined && { description: changed.description }),
      ...(holderChanged && held(values) && { partyId: values.partyId || null, asOf: values.asOf || null }),
      version: base.version,
    };
    return checkedBody(ZoneUpdate, body, (b) => ({ kind: 'update', id: base.id, body: b }));
  };

  const form = useEntityForm<Values, ZoneView, Body>({
    entity: zone,
    valuesOf,
    fields: FIELDS,
    toBody,
    ...partSaves(zonesApi, slug),
    invalidate: queryKeys.zones(slug),
    onSaved,
  });
  const { bind, problems } = form;

  return (
    <EntityForm what="zone" form={form} isNew={!zone} onCancel={onCancel}>
      {problems.fields.geometry ? <p className="field-error">Shape: {problems.fields.geometry}</p> : null}
      <TextField label="Name" {...bind('name')} dir="auto" />
      <SelectField label="Kind" {...bind('kind')} options={options(ZONE_KIND_LABELS)} />
      {held(form.values) ? (
        <>
          <SelectField
            label="Held by"
            {...bind('partyId')}
            options={[{ value: '', label: 'Choose the party' }, ...(summary.data?.parties ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
          <TextField label="As of" type="date" {...bind('asOf')} hint="The day this snapshot of the area describes; snapshots of one area share its name." />
        </>
      ) : null}
      <TextAreaField label="Description" {...bind('description')} />
    </EntityForm>
  );
}

/** Asks before deleting a zone; shows the server's refusal (a stale version, a zone still referenced) as it comes. */
export function DeleteZoneDialog({ slug, zone, onDeleted, onClose }: { slug: string; zone: ZoneView; onDeleted: () => void; onClose: () => void }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => zonesApi.remove(slug, zone.id, zone.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.agreement(slug) });
      onDeleted();
    },
  });
  const conflict = remove.error instanceof ApiError && remove.error.code === 'stale_version';
  return (
    <Dialog title={`Delete zone: ${zone.name}`} onClose={onClose}>
      <p>
        Delete <strong dir="auto">{zone.name}</strong>? Incidents in it keep their point and lose the zone. The audit log keeps the deletion.
      </p>
      {remove.error ? (
        <div className="form-problems" role="alert">
          <p>{conflict ? 'Someone changed this zone first: close this, look at it again, then delete it if you still mean to.' : remove.error.message}</p>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete zone'}
        </button>
      </div>
    </Dialog>
  );
}
