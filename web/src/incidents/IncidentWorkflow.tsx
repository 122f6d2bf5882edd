/**
 * The verification workflow on an incident's page: the status, the steps open from it (for roles
 * with incident:verify), each taken in a dialog that asks why, and the append-only history.
 * Verifying an incident without evidence asks for the reason, which the history and the page show.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { IncidentDetail, PartyView } from '../../../src/contract/index.ts';
import { Id } from '../../../src/contract/index.ts';
import type { IncidentStatus } from '../../../src/core/incidents.ts';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsOf } from '../shared/forms.tsx';
import { INCIDENT_STATUS_LABELS } from '../shared/labels.ts';
import { formatDateTime } from '../shared/time.ts';
import { EmptyState } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { incidentsApi, useIncidentPage, useIncidentWrite, type TransitionBody } from './incidents.api.ts';
import { IncidentStatusBadge } from './IncidentStatusBadge.tsx';

const STEP_VERBS: Partial<Record<IncidentStatus, string>> = {
  triaged: 'Triage',
  under_investigation: 'Investigate',
  verified: 'Verify',
  not_verified: 'Mark not verified',
  disputed: 'Mark disputed',
  duplicate: 'Mark duplicate',
};

export const stepLabel = (to: IncidentStatus): string => STEP_VERBS[to] ?? `Move to ${INCIDENT_STATUS_LABELS[to]}`;

/** Why a verified incident was verified without evidence, or null when it was verified on evidence (or is not verified). */
export function noEvidenceReasonOf(incident: IncidentDetail): string | null {
  if (incident.status !== 'verified') return null;
  return incident.history.filter((h) => h.to === 'verified').at(-1)?.noEvidenceReason ?? null;
}

/** "Verified without evidence: <reason>", said the same way on the page's header and in the history. */
export function WithoutEvidence({ reason, evidenceSince }: { reason: string; evidenceSince?: boolean }) {
  return (
    <p className="without-evidence">
      <strong>Verified without evidence:</strong> <span dir="auto">{reason}</span>
      {evidenceSince ? <span className="muted"> (evidence has been added since)</span> : null}
    </p>
  );
}

/** Closes the dialog and takes the reader to the incident's evidence section. */
function goToEvidence(close: () => void) {
  close();
  requestAnimationFrame(() => {
    const section = document.getElementById('evidence-heading')?.closest('section');
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('input, textarea, a')?.focus();
  });
}

/** The allowed steps of a refused transition (409 illegal_transition), or null for any other error. */
function refusedSteps(error: unknown): IncidentStatus[] | null {
  if (!(error instanceof ApiError) || error.code !== 'illegal_transition') return null;
  const allowed = error.details.allowed;
  return Array.isArray(allowed) ? (allowed.filter((s) => typeof s === 'string') as IncidentStatus[]) : [];
}

interface WorkflowProps {
  slug: string;
  incident: IncidentDetail;
  parties: PartyView[];
  /** The agreement's zone, in which times are shown. */
  timeZone: string;
  canVerify: boolean;
  onChanged: (message: string) => void;
  onReload: () => void;
}

export function IncidentWorkflow({ slug, incident, parties, timeZone, canVerify, onChanged, onReload }: WorkflowProps) {
  const [step, setStep] = useState<IncidentStatus | null>(null);
  const partyName = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? 'Unknown party') : null);

  return (
    <section aria-labelledby="workflow-heading" className="section">
      <div className="section-head">
        <h2 id="workflow-heading">Verification</h2>
        <p className="status-line">
          Status: <IncidentStatusBadge status={incident.status} />
        </p>
      </div>
      {canVerify ? (
        incident.allowedTransitions.length > 0 ? (
          <div className="step-buttons" role="group" aria-label="Next steps">
            {incident.allowedTransitions.map((to) => (
              <button key={to} type="button" className="button" onClick={() => setStep(to)}>
                {stepLabel(to)}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">{INCIDENT_STATUS_LABELS[incident.status]} is final: no further step.</p>
        )
      ) : null}

      <h3 id="history-heading">History</h3>
      {incident.history.length === 0 ? (
        <EmptyState title="No step yet: the report is as it was filed." />
      ) : (
        <ol className="history" aria-labelledby="history-heading">
          {incident.history.map((h) => (
            <li key={h.seq} className="history-step">
              <p className="history-move">
                <IncidentStatusBadge status={h.from} /> <span aria-label="to">→</span> <IncidentStatusBadge status={h.to} />
                <span className="muted">
                  {' '}
                  by <span dir="auto">{h.actorName}</span>, <ZonedTime iso={h.at} timeZone={timeZone} />
                </span>
              </p>
              <p className="history-reason" dir="auto">
                {h.reason}
              </p>
              {h.noEvidenceReason ? <WithoutEvidence reason={h.noEvidenceReason} /> : null}
              {h.attributedPartyId ? <p className="meta">Attributed to <span dir="auto">{partyName(h.attributedPartyId)}</span></p> : null}
              {h.duplicateOfId ? (
                <p className="meta">
                  Duplicate of <Link to={`/agreements/${encodeURIComponent(slug)}/incidents/${h.duplicateOfId}`}>incident {h.duplicateOfId.slice(0, 8)}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {step ? (
        <Dialog title={`${stepLabel(step)}: ${INCIDENT_STATUS_LABELS[incident.status]} → ${INCIDENT_STATUS_LABELS[step]}`} onClose={() => setStep(null)}>
          <TransitionForm
            slug={slug}
            incident={incident}
            to={step}
            parties={parties}
            timeZone={timeZone}
            onDone={(message) => {
              setStep(null);
              onChanged(message);
            }}
            onReload={onReload}
            onCancel={() => setStep(null)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

interface TransitionFormProps {
  slug: string;
  incident: IncidentDetail;
  to: IncidentStatus;
  parties: PartyView[];
  timeZone: string;
  onDone: (message: string) => void;
  /** Reads the incident again (after a 409). */
  onReload: () => void;
  onCancel: () => void;
}

function TransitionForm({ slug, incident, to, parties, timeZone, onDone, onReload, onCancel }: TransitionFormProps) {
  const [reason, setReason] = useState('');
  const [party, setParty] = useState(incident.allegedPartyId ?? '');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [noEvidenceReason, setNoEvidenceReason] = useState('');
  const [problem, setProblem] = useState<{ reason?: string; duplicateOfId?: string; noEvidenceReason?: string }>({});
  const move = useIncidentWrite(slug, (body: TransitionBody) => incidentsApi.transition(slug, incident.id, body));
  const refused = refusedSteps(move.error);
  const stale = move.error instanceof ApiError && move.error.code === 'stale_version';
  // Verification rests on evidence: without any, the step asks why (docs/DESK.md).
  const withoutEvidence = to === 'verified' && incident.evidence.length === 0;
  const server = move.isError ? problemsOf(move.error, ['reason', 'attributedPartyId', 'duplicateOfId', ...(withoutEvidence ? ['noEvidenceReason'] : [])]) : NO_PROBLEMS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(reason.trim() === '' && { reason: 'Every step needs a reason.' }),
      ...(to === 'duplicate' && !Id.safeParse(duplicateOf.trim()).success && { duplicateOfId: 'Choose the incident this one repeats, or paste its id.' }),
      ...(withoutEvidence &&
        noEvidenceReason.trim() === '' && { noEvidenceReason: 'Add at least one evidence item before verifying, or give a reason for verifying without evidence.' }),
    };
    setProblem(found);
    if (Object.keys(found).length > 0) return;
    const body: TransitionBody = {
      to,
      reason: reason.trim(),
      version: incident.version,
      ...(to === 'verified' && { attributedPartyId: party || null }),
      ...(to === 'duplicate' && { duplicateOfId: duplicateOf.trim() }),
      ...(withoutEvidence && { noEvidenceReason: noEvidenceReason.trim() }),
    };
    move.mutate(body, {
      onSuccess: () => onDone(`Incident moved to “${INCIDENT_STATUS_LABELS[to]}”.`),
      // Someone moved it first: read it again, so that the page behind shows where it is now.
      onError: (error) => {
        if (error instanceof ApiError && error.isConflict) onReload();
        // Refused for its evidence: someone may have added some meanwhile, which changes the form.
        if (error instanceof ApiError && error.issues.some((i) => i.path === 'noEvidenceReason')) onReload();
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Workflow step">
      {refused ? (
        <div className="form-conflict" role="alert">
          <p>
            <strong>This step is no longer open:</strong> the incident moved on meanwhile and has been reloaded. Steps open now:{' '}
            {refused.length > 0 ? refused.map((s) => INCIDENT_STATUS_LABELS[s]).join(', ') : 'none (its status is final)'}. Nothing was saved.
          </p>
          <button type="button" className="button" onClick={onCancel}>
            Back to the incident
          </button>
        </div>
      ) : stale ? (
        <div className="form-conflict" role="alert">
          <p>
            <strong>Someone changed this incident first.</strong> It has been reloaded: close this dialog to see it as it is now, then
            take a step again if one is still open. Nothing was saved.
          </p>
          <button type="button" className="button" onClick={onCancel}>
            Back to the incident
          </button>
        </div>
      ) : move.isError ? (
        <GeneralProblems problems={server} />
      ) : null}
      <TextAreaField label="Reason" value={reason} onChange={setReason} error={problem.reason ?? server.fields.reason} rows={4} hint="Kept in the incident’s history for everyone who reads it." />
      {withoutEvidence ? (
        <>
          <div className="no-evidence-note" role="note" aria-label="No evidence">
            <p>
              <strong>This incident has no evidence yet.</strong> Verification rests on evidence: add a link or a file in the incident’s
              Evidence section first, or give the reason for verifying without any.
            </p>
            <button type="button" className="button-link" onClick={() => goToEvidence(onCancel)}>
              Go to the evidence section
            </button>
          </div>
          <TextAreaField
            label="Reason for verifying without evidence"
            value={noEvidenceReason}
            onChange={setNoEvidenceReason}
            error={problem.noEvidenceReason ?? server.fields.noEvidenceReason}
            rows={3}
            required
            hint="Shown on the incident, with this step, for everyone who reads it."
          />
        </>
      ) : null}
      {to === 'verified' ? (
        <SelectField
          label="Attributed to"
          value={party}
          onChange={setParty}
          options={[{ value: '', label: 'No party (cause not attributable)' }, ...parties.map((p) => ({ value: p.id, label: p.name }))]}
          error={server.fields.attributedPartyId}
          hint="Attribution is recorded only on verification; the alleged party is chosen by default."
        />
      ) : null}
      {to === 'duplicate' ? <DuplicatePicker slug={slug} incidentId={incident.id} timeZone={timeZone} value={duplicateOf} onChange={setDuplicateOf} error={problem.duplicateOfId ?? server.fields.duplicateOfId} /> : null}
      <FormActions submit={stepLabel(to)} busy={move.isPending} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}

/** The incident this one repeats: chosen among the latest reports, or pasted as an id. */
function DuplicatePicker(props: { slug: string; incidentId: string; timeZone: string; value: string; onChange: (id: string) => void; error: string | undefined }) {
  const latest = useIncidentPage(props.slug, { order: 'desc' }, true);
  const others = (latest.data?.items ?? []).filter((i) => i.id !== props.incidentId);
  return (
    <>
      <SelectField
        label="Duplicate of (latest reports)"
        value={others.some((i) => i.id === props.value) ? props.value : ''}
        onChange={props.onChange}
        options={[
          { value: '', label: latest.isPending ? 'Loading…' : 'Choose an incident' },
          ...others.map((i) => ({ value: i.id, label: `${formatDateTime(i.occurredAt, props.timeZone)} · ${i.place || i.description.slice(0, 40)}` })),
        ]}
      />
      <TextField label="Duplicate of (incident id)" value={props.value} onChange={props.onChange} error={props.error} className="mono" autoComplete="off" />
    </>
  );
}
