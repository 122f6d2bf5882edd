/**
 * Files an incident: when and where (a point, its zone found by the server unless one is chosen),
 * what (category, description, the provisions it bears on), who is alleged, the casualties (blank
 * is "not known", never zero) and the source with its Admiralty grades spelled out. The time is
 * typed in the agreement's zone, as monitors report it, and sent as UTC; the viewer's own time for it
 * is shown beside. Used by the map; usable wherever a point is known.
 */
import { useState } from 'react';
import { IncidentCreate, type IncidentView, type PartyView, type ProvisionSummary, type ZoneView } from '../../../src/contract/index.ts';
import {
  CREDIBILITY_LABELS,
  INCIDENT_CATEGORY_LABELS,
  RELIABILITY_LABELS,
  type Credibility,
  type IncidentCategory,
  type Reliability,
  type SourceType,
} from '../../../src/core/incidents.ts';
import { ZONE_KIND_LABELS } from '../../../src/core/zones.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems } from '../shared/forms.tsx';
import { options, SOURCE_TYPE_LABELS } from '../shared/labels.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { fromZonedInput, toZonedInput, viewerTimeText, zoneAbbreviation } from '../shared/time.ts';
import { checkedBody, useEntityForm, type BodyResult } from '../shared/useEntityForm.ts';
import { incidentsApi } from './incidents.api.ts';
import './IncidentForm.css';

export type IncidentFormValues = {
  occurredAt: string;
  category: string;
  sourceType: string;
  reliability: string;
  credibility: string;
  allegedPartyId: string;
  killed: string;
  injured: string;
  civiliansKilled: string;
  civiliansInjured: string;
  description: string;
  place: string;
  lon: string;
  lat: string;
  zoneId: string;
  provisionIds: string;
};

const FIELDS = [
  'occurredAt',
  'category',
  'sourceType',
  'reliability',
  'credibility',
  'allegedPartyId',
  'killed',
  'injured',
  'civiliansKilled',
  'civiliansInjured',
  'description',
  'place',
  'lon',
  'lat',
  'zoneId',
  'provisionIds',
] as const;

const CASUALTY_FIELDS = [
  ['killed', 'Killed'],
  ['injured', 'Injured'],
  ['civiliansKilled', 'Civilians killed'],
  ['civiliansInjured', 'Civilians injured'],
] as const;

/** Blank is "not known" (null), never zero; anything else goes as typed, for the schema to judge. */
const count = (value: string): number | null => (value.trim() === '' ? null : Number(value));
const coordinate = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The request body of the form's values; the time is read in `timeZone`. */
export function incidentBody(values: IncidentFormValues, timeZone: string, asParty: boolean): IncidentCreate {
  return {
    occurredAt: fromZonedInput(values.occurredAt, timeZone) ?? values.occurredAt,
    category: values.category as IncidentCategory,
    ...(asParty ? {} : { sourceType: values.sourceType as SourceType }),
    reliability: values.reliability as Reliability,
    credibility: Number(values.credibility) as Credibility,
    allegedPartyId: values.allegedPartyId || null,
    killed: count(values.killed),
    injured: count(values.injured),
    civiliansKilled: count(values.civiliansKilled),
    civiliansInjured: count(values.civiliansInjured),
    description: values.description,
    place: values.place,
    lon: coordinate(values.lon),
    lat: coordinate(values.lat),
    zoneId: values.zoneId || null,
    provisionIds: values.provisionIds ? values.provisionIds.split(',') : [],
  };
}

export interface IncidentFormProps {
  slug: string;
  parties: PartyView[];
  provisions: ProvisionSummary[];
  zones: ZoneView[];
  /** The agreement's zone, in which the time is typed. */
  timeZone: string;
  /** Where it happened, e.g. the point clicked on the map. */
  point: { lon: number; lat: number } | null;
  /** The party a delegate files for: its reports are that party's complaints. */
  reportingParty: PartyView | null;
  onSaved: (incident: IncidentView) => void;
  onCancel: () => void;
}

export function IncidentForm({ slug, parties, provisions, zones, timeZone, point, reportingParty, onSaved, onCancel }: IncidentFormProps) {
  const [now] = useState(() => new Date().toISOString());
  const asParty = reportingParty !== null;

  const valuesOf = (): IncidentFormValues => ({
    occurredAt: toZonedInput(now, timeZone),
    category: 'armed_attack',
    sourceType: asParty ? 'party_complaint' : 'monitor',
    reliability: 'F',
    credibility: '6',
    allegedPartyId: '',
    killed: '',
    injured: '',
    civiliansKilled: '',
    civiliansInjured: '',
    description: '',
    place: '',
    lon: point ? point.lon.toFixed(6) : '',
    lat: point ? point.lat.toFixed(6) : '',
    zoneId: '',
    provisionIds: '',
  });

  const toBody = (values: IncidentFormValues): BodyResult<IncidentCreate> => checkedBody(IncidentCreate, incidentBody(values, timeZone, asParty), (b) => b);

  const form = useEntityForm<IncidentFormValues, IncidentView, IncidentCreate>({
    entity: null,
    valuesOf,
    fields: FIELDS,
    toBody,
    save: (body) => incidentsApi.create(slug, body),
    // A new report has no version to be stale against.
    reload: (base) => Promise.resolve(base),
    invalidate: queryKeys.incidents(slug),
    onSaved: (saved) => onSaved(saved),
  });
  const { values, setValue, problems } = form;
  /** A control's value, change handler and problem. */
  const bind = (field: keyof IncidentFormValues) => ({ value: values[field], onChange: setValue(field), error: problems.fields[field] });
  const chosen = new Set(values.provisionIds ? values.provisionIds.split(',') : []);
  const toggleProvision = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setValue('provisionIds')([...next].join(','));
  };

  const sourceOptions = asParty ? [{ value: 'party_complaint', label: SOURCE_TYPE_LABELS.party_complaint }] : options(SOURCE_TYPE_LABELS);
  const reliabilityOptions = options(RELIABILITY_LABELS).map((o) => ({ value: o.value, label: `${o.value} — ${o.label}` }));
  const credibilityOptions = options(CREDIBILITY_LABELS).map((o) => ({ value: o.value, label: `${o.value} — ${o.label}` }));
  const partyOptions = [{ value: '', label: 'No party named' }, ...parties.map((p) => ({ value: p.id, label: p.name }))];
  const zoneOptions = [
    { value: '', label: 'Found from the point' },
    ...zones.map((z) => ({ value: z.id, label: `${z.name} (${ZONE_KIND_LABELS[z.kind].toLowerCase()})` })),
  ];

  return (
    <form className="form incident-form" onSubmit={form.submit} noValidate aria-label="Report an incident">
      <GeneralProblems problems={problems} />
      <div className="form-row">
        <TextField
          label="When it happened"
          type="datetime-local"
          {...bind('occurredAt')}
          hint={<OccurredAtHint value={values.occurredAt} timeZone={timeZone} />}
        />
        <SelectField
          label="Category"
          {...bind('category')}
          options={options(INCIDENT_CATEGORY_LABELS)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Where</legend>
        <div className="form-row">
          <TextField label="Longitude" inputMode="decimal" {...bind('lon')} className="mono" />
          <TextField label="Latitude" inputMode="decimal" {...bind('lat')} className="mono" />
        </div>
        <div className="form-row">
          <SelectField
            label="Zone"
            {...bind('zoneId')}
            options={zoneOptions}
            hint="Leave it to the server to find the zone that contains the point."
          />
          <TextField label="Place (optional)" {...bind('place')} dir="auto" hint="A town, road or crossing." />
        </div>
      </fieldset>
      <TextAreaField label="Description" {...bind('description')} rows={4} />
      <SelectField
        label="Alleged party"
        {...bind('allegedPartyId')}
        options={partyOptions}
        hint="The party the report alleges is responsible, if any. Attribution happens only on verification."
      />
      <fieldset className="fieldset">
        <legend>Casualties</legend>
        <p className="field-hint">Leave a number blank when it is not known: blank means “not known”, not zero.</p>
        <div className="form-row form-row-4">
          {CASUALTY_FIELDS.map(([field, label]) => (
            <TextField
              key={field}
              label={label}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              {...bind(field)}
              placeholder="not known"
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Source</legend>
        <div className="form-row form-row-3">
          <SelectField
            label="Source type"
            {...bind('sourceType')}
            options={sourceOptions}
            disabled={asParty}
            hint={asParty ? `Filed as a complaint of ${reportingParty.name}.` : undefined}
          />
          <SelectField
            label="Source reliability"
            {...bind('reliability')}
            options={reliabilityOptions}
            hint="Admiralty scale: how far the source has proved reliable."
          />
          <SelectField
            label="Information credibility"
            {...bind('credibility')}
            options={credibilityOptions}
            hint="Admiralty scale: how far this report is borne out."
          />
        </div>
      </fieldset>
      {provisions.length > 0 ? (
        <fieldset className="fieldset provision-choices" aria-describedby={problems.fields.provisionIds ? 'provision-error' : undefined}>
          <legend>Provisions it bears on</legend>
          {provisions.map((p) => (
            <label key={p.id} className="checkbox-row">
              <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggleProvision(p.id, e.target.checked)} />
              <span dir="auto">
                {p.code ? <span className="mono">{p.code} </span> : null}
                {p.title}
              </span>
            </label>
          ))}
          {problems.fields.provisionIds ? (
            <p className="field-error" id="provision-error">
              {problems.fields.provisionIds}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <FormActions submit="File the report" busy={form.saving} busyLabel="Filing…" onCancel={onCancel} />
    </form>
  );
}

/** The zone the time is read in, and what the typed time is in the viewer's own zone. */
function OccurredAtHint({ value, timeZone }: { value: string; timeZone: string }) {
  const at = fromZonedInput(value, timeZone);
  return (
    <>
      Local time in {timeZone}
      {at ? ` (${zoneAbbreviation(timeZone, at)})` : ''}, the agreement’s time zone; stored in UTC.
      {at ? ` ${viewerTimeText(at)}.` : ''}
    </>
  );
}
