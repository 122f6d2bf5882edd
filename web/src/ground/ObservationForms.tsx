/**
 * Recording an indicator's values (monitors, mediators, administrators): one observation, or a CSV
 * file `date,value[,source]` imported all or nothing; a refused file's errors are listed with their
 * line numbers (the header is line 1).
 */
import { useState, type FormEvent } from 'react';
import { ObservationCreate, type IndicatorView } from '../../../src/contract/index.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from '../../../src/core/incidents.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { options } from '../shared/labels.ts';
import { indicatorsApi, useGroundWrite } from './ground.api.ts';
import { csvErrors } from './groundText.ts';

const FIELDS = ['observedOn', 'value', 'source', 'sourceReliability', 'credibility'] as const;
const graded = <K extends string | number>(labels: Record<K, string>) => [
  { value: '', label: 'Not graded' },
  ...options(labels).map((o) => ({ value: String(o.value), label: `${o.value} — ${o.label}` })),
];

export function ObservationForm({ slug, indicator, timeZone, onSaved }: { slug: string; indicator: IndicatorView; timeZone: string; onSaved: (message: string) => void }) {
  const observe = useGroundWrite(slug, (body: ObservationCreate) => indicatorsApi.observe(slug, indicator.id, body));
  const [observedOn, setObservedOn] = useState(() => localDate(new Date(), timeZone));
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [reliability, setReliability] = useState('');
  const [credibility, setCredibility] = useState('');
  const { problems, accepts } = useCheckedProblems(observe.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ObservationCreate = {
      observedOn,
      // An empty or malformed value goes as NaN, for the schema to refuse beside the field.
      value: value.trim() === '' ? Number.NaN : Number(value),
      source,
      sourceReliability: reliability === '' ? null : (reliability as Reliability),
      credibility: credibility === '' ? null : (Number(credibility) as Credibility),
    };
    if (!accepts(ObservationCreate, body)) return;
    observe.mutate(body, {
      onSuccess: (saved) => {
        setValue('');
        onSaved(`Observation of ${saved.value} ${indicator.unit} on ${saved.observedOn} recorded.`);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record an observation">
      <GeneralProblems problems={problems} />
      <div className="form-row">
        <TextField label="Observed on" type="date" value={observedOn} onChange={setObservedOn} error={problems.fields.observedOn} hint={`A day in ${timeZone}.`} />
        <TextField label={`Value (${indicator.unit})`} inputMode="decimal" value={value} onChange={setValue} error={problems.fields.value} />
      </div>
      <TextField label="Source" value={source} onChange={setSource} error={problems.fields.source} dir="auto" hint="Who reported the figure, and where." />
      <div className="form-row">
        <SelectField label="Source reliability" value={reliability} onChange={setReliability} options={graded(RELIABILITY_LABELS)} error={problems.fields.sourceReliability} />
        <SelectField label="Information credibility" value={credibility} onChange={setCredibility} options={graded(CREDIBILITY_LABELS)} error={problems.fields.credibility} />
      </div>
      <FormActions submit="Record observation" busy={observe.isPending} busyLabel="Recording…" />
    </form>
  );
}

export function ImportObservationsForm({ slug, indicator, onImported }: { slug: string; indicator: IndicatorView; onImported: (message: string) => void }) {
  const importCsv = useGroundWrite(slug, (file: File) => indicatorsApi.importCsv(slug, indicator.id, file));
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = csvErrors(importCsv.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(file === null);
    if (!file) return;
    importCsv.mutate(file, {
      onSuccess: (result) => {
        setFile(null);
        (event.target as HTMLFormElement).reset();
        onImported(
          result.imported === 0
            ? 'The file held no observation.'
            : `${result.imported} observations imported${result.first && result.last ? `, ${result.first} to ${result.last}` : ''}.`,
        );
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Import observations">
      {errors ? (
        <div className="form-problems csv-problems" role="alert">
          <p>
            Nothing was imported: the file has {errors.length === 1 ? 'an error' : `${errors.length} errors`}. Correct {errors.length === 1 ? 'it' : 'them'} and
            import the whole file again.
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={`${e.line}-${i}`}>
                <strong>Line {e.line}</strong>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : importCsv.error ? (
        <GeneralProblems problems={{ fields: {}, general: [importCsv.error.message], conflict: false }} />
      ) : null}
      <div className={missing ? 'field field-invalid' : 'field'}>
        <label htmlFor="observations-file">CSV file</label>
        <input
          id="observations-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="observations-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissing(false);
            importCsv.reset();
          }}
        />
        <p className="field-hint" id="observations-file-hint">
          A header row <code>date,value</code> or <code>date,value,source</code>, then one row per date (YYYY-MM-DD, in the agreement’s
          time zone). All or nothing: one bad row, or a date already observed, refuses the whole file.
        </p>
        {missing ? <p className="field-error">Choose a file to import.</p> : null}
      </div>
      <FormActions submit="Import file" busy={importCsv.isPending} busyLabel="Importing…" />
    </form>
  );
}
