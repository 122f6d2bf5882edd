/**
 * "Change status" on a provision's page, for those who may edit provisions: the new status, why
 * (required), who says so and the source's grade, and evidence (incidents bearing on the provision,
 * or links). A refused change says why beside its field; a change made by someone else meanwhile
 * asks for a reload. Nothing is sent without a reason.
 */
import { useState, type FormEvent } from 'react';
import type { ProvisionIncident, ProvisionView } from '../../../src/contract/index.ts';
import { INCIDENT_CATEGORY_LABELS } from '../../../src/core/incidents.ts';
import { STATUS_LABELS, type ImplementationStatus } from '../../../src/core/domain.ts';
import { ApiError } from '../shared/api.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsFromIssues, problemsOf, type FormProblems } from '../shared/forms.tsx';
import { formatDateTime } from '../shared/time.ts';
import { useStatusChange } from './provisions.api.ts';
import { evidenceKey, GRADE_OPTIONS, statusChangeBody, statusOptions, withEvidence, type EvidenceDraft } from './statusText.ts';

const FIELDS = ['status', 'reason', 'source', 'sourceGrade', 'evidence'] as const;

interface StatusChangeFormProps {
  slug: string;
  provision: ProvisionView;
  /** The incidents bearing on the provision that the reader may see: the evidence to choose from. */
  incidents: readonly ProvisionIncident[];
  timeZone: string;
  onChanged: (message: string) => void;
  /** Reads the page again (after a 409). */
  onReload: () => void;
}

const incidentLabel = (i: ProvisionIncident, timeZone: string) =>
  `${INCIDENT_CATEGORY_LABELS[i.category]}${i.place ? ` at ${i.place}` : ''}, ${formatDateTime(i.occurredAt, timeZone)}`;

export function StatusChangeForm({ slug, provision, incidents, timeZone, onChanged, onReload }: StatusChangeFormProps) {
  const choices = statusOptions(provision.status);
  const [status, setStatus] = useState<ImplementationStatus | ''>('');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState('');
  const [grade, setGrade] = useState('');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const [incidentChoice, setIncidentChoice] = useState('');
  const [url, setUrl] = useState('');
  const [urlLabel, setUrlLabel] = useState('');
  const [urlProblem, setUrlProblem] = useState<string | undefined>();
  const [clientProblems, setClientProblems] = useState<FormProblems | null>(null);
  const change = useStatusChange(slug, provision.id);
  const stale = change.error instanceof ApiError && change.error.code === 'stale_version';
  const problems = clientProblems ?? (change.error && !stale ? problemsOf(change.error, FIELDS) : NO_PROBLEMS);
  // A status chosen before the provision moved there is chosen no more.
  const chosen = choices.some((c) => c.value === status) ? status : '';

  const addIncident = () => {
    const found = incidents.find((i) => i.id === incidentChoice);
    if (!found) return;
    setEvidence((list) => withEvidence(list, { kind: 'incident', incidentId: found.id, label: incidentLabel(found, timeZone) }));
    setIncidentChoice('');
  };
  const addLink = () => {
    const typed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(typed)) {
      setUrlProblem('Give an http:// or https:// address.');
      return;
    }
    setUrlProblem(undefined);
    setEvidence((list) => withEvidence(list, { kind: 'url', url: typed, label: urlLabel.trim() }));
    setUrl('');
    setUrlLabel('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = statusChangeBody({ status: chosen, reason, source, grade, evidence }, provision.version);
    if (!result.ok) {
      setClientProblems(problemsFromIssues(result.issues, FIELDS));
      return;
    }
    setClientProblems(null);
    change.mutate(result.body, {
      onSuccess: ({ change: made }) => {
        setReason('');
        setSource('');
        setGrade('');
        setEvidence([]);
        onChanged(`Status changed to “${STATUS_LABELS[made.to]}”; the change is in the history.`);
      },
    });
  };

  return (
    <form className="form status-form" onSubmit={submit} noValidate aria-label="Change status">
      {stale ? (
        <div className="form-conflict" role="alert">
          <p>
            <strong>This provision was changed by someone else — reload</strong> to see it as it is now, then change its status again if you still
            should. Nothing was saved.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              change.reset();
              onReload();
            }}
          >
            Reload
          </button>
        </div>
      ) : null}
      <GeneralProblems problems={problems} />
      <div className="form-row">
        <SelectField
          label="New status"
          value={chosen}
          onChange={(v) => setStatus(v as ImplementationStatus | '')}
          options={[{ value: '', label: 'Choose the new status…' }, ...choices]}
          error={problems.fields.status}
          hint={`Now: ${STATUS_LABELS[provision.status]}`}
        />
        <SelectField label="Source grade" value={grade} onChange={setGrade} options={GRADE_OPTIONS} error={problems.fields.sourceGrade} hint="Admiralty scale: the source’s reliability (A–F), then the information’s credibility (1–6)." />
      </div>
      <TextAreaField label="Reason" value={reason} onChange={setReason} rows={3} error={problems.fields.reason} hint="Required: kept in the provision’s history for everyone who reads it." />
      <TextField label="Source" value={source} onChange={setSource} dir="auto" error={problems.fields.source} hint="Who says so: a monitoring report, a mission, a party’s statement." />
      <fieldset className="evidence-fieldset">
        <legend>Evidence</legend>
        {evidence.length > 0 ? (
          <ul className="evidence-drafts" aria-label="Evidence to add">
            {evidence.map((e) => (
              <li key={evidenceKey(e)}>
                <span dir="auto">{e.kind === 'url' ? e.label || e.url : e.label}</span>
                <button type="button" className="button-link" aria-label={`Remove ${e.kind === 'url' ? e.label || e.url : e.label}`} onClick={() => setEvidence((list) => list.filter((x) => evidenceKey(x) !== evidenceKey(e)))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None yet: add an incident bearing on this provision, or a link.</p>
        )}
        {problems.fields.evidence ? <p className="field-error">{problems.fields.evidence}</p> : null}
        {incidents.length > 0 ? (
          <div className="evidence-add">
            <SelectField
              label="Incident"
              value={incidentChoice}
              onChange={setIncidentChoice}
              options={[{ value: '', label: 'Choose an incident…' }, ...incidents.map((i) => ({ value: i.id, label: incidentLabel(i, timeZone) }))]}
            />
            <button type="button" className="button" onClick={addIncident} disabled={incidentChoice === ''}>
              Add incident
            </button>
          </div>
        ) : null}
        <div className="evidence-add">
          <TextField label="Link" type="url" value={url} onChange={setUrl} error={urlProblem} placeholder="https://" />
          <TextField label="Link label (optional)" value={urlLabel} onChange={setUrlLabel} dir="auto" placeholder="Defaults to the address" />
          <button type="button" className="button" onClick={addLink} disabled={url.trim() === ''}>
            Add link
          </button>
        </div>
      </fieldset>
      <FormActions submit="Change status" busy={change.isPending} busyLabel="Saving…" />
    </form>
  );
}
