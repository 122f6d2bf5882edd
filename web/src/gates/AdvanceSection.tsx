/**
 * Advancing a phase (phase:advance): through a passing gate with one button; over a failing one only
 * by an override that says why, in a dialog. The server judges the gate again as the mediators see
 * it, and refuses (409 gate_failing) when it fails without an override: its message is shown.
 */
import { useState, type FormEvent } from 'react';
import type { PhaseGateView } from '../../../src/contract/index.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { TextAreaField } from '../shared/fields.tsx';
import { FormActions, FormAlert } from '../shared/forms.tsx';
import { errorMessage } from '../shared/api.ts';
import { useAdvance } from './gates.api.ts';

export function AdvanceSection({ slug, view, onAdvanced }: { slug: string; view: PhaseGateView; onAdvanced: (message: string) => void }) {
  const { phase, evaluation } = view;
  const advance = useAdvance(slug, phase.id);
  const [overriding, setOverriding] = useState(false);
  const done = phase.status === 'active' || phase.status === 'completed';

  const advanceNow = () =>
    advance.mutate({ version: phase.version }, { onSuccess: (r) => onAdvanced(`${r.phase.name} is now active${r.completed.length > 0 ? `; ${r.completed.map((p) => p.name).join(', ')} completed` : ''}.`) });

  return (
    <section aria-labelledby="advance-heading" className="section">
      <h2 id="advance-heading">Advance</h2>
      {done ? (
        <p>This phase is {phase.status === 'active' ? 'active' : 'completed'}: it has begun.</p>
      ) : (
        <>
          <p>
            Advancing makes {phase.name} the active phase and completes the phase active before it.{' '}
            {evaluation.passes ? 'Its gate passes.' : 'Its gate fails: advancing needs an override with a reason, kept with the transition and in the audit log.'}
          </p>
          {advance.error && !overriding ? <FormAlert>{errorMessage(advance.error)}</FormAlert> : null}
          <div className="form-actions form-actions-start">
            <button type="button" className="button button-primary" disabled={!evaluation.passes || advance.isPending} onClick={advanceNow}>
              {advance.isPending && !overriding ? 'Advancing…' : `Advance to ${phase.name}`}
            </button>
            {evaluation.passes ? null : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  advance.reset();
                  setOverriding(true);
                }}
              >
                Override…
              </button>
            )}
          </div>
        </>
      )}
      {overriding ? (
        <Dialog title={`Override the gate to ${phase.name}`} onClose={() => setOverriding(false)}>
          <OverrideForm
            slug={slug}
            view={view}
            onDone={(message) => {
              setOverriding(false);
              onAdvanced(message);
            }}
            onCancel={() => setOverriding(false)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

function OverrideForm({ slug, view, onDone, onCancel }: { slug: string; view: PhaseGateView; onDone: (message: string) => void; onCancel: () => void }) {
  const { phase, evaluation } = view;
  const advance = useAdvance(slug, phase.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const failing = evaluation.conditions.filter((c) => !c.met);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    advance.mutate(
      { version: phase.version, override: true, reason: reason.trim() },
      { onSuccess: (r) => onDone(`${r.phase.name} is now active, over its failing gate.`) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Override the gate">
      {advance.error ? <FormAlert>{errorMessage(advance.error)}</FormAlert> : null}
      <p>
        {failing.length === 1 ? 'One condition is' : `${failing.length} conditions are`} not met:
      </p>
      <ul className="gate-failing">
        {failing.map((c) => (
          <li key={c.index} dir="auto">
            <strong>{c.condition.label}</strong>: {c.detail}
          </li>
        ))}
      </ul>
      <TextAreaField
        label="Reason for the override"
        value={reason}
        onChange={setReason}
        rows={3}
        required
        error={missing ? 'is required: say why the phase begins before its gate passes' : undefined}
        hint="Kept with the transition and in the audit log; every reader of the gate sees it."
      />
      <FormActions submit="Override and advance" busy={advance.isPending} busyLabel="Advancing…" onCancel={onCancel} />
    </form>
  );
}
