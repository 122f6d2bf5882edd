/**
 * The weights of the risk's parts (risk:write): a number from 0 (left out) to 10 per part, the score
 * they would give computed beside them, saved at the version read. When someone else saved first
 * (409), the form keeps every entry and offers to read their weights and version, then save again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RiskPartView } from '../../../src/contract/index.ts';
import { RISK_PART_KEYS, RISK_PART_LABELS, RISK_WEIGHT_MAX, type RiskPartKey } from '../../../src/core/risk/parts.ts';
import { ApiError, errorMessage } from '../shared/api.ts';
import { riskApi, riskKeys, useSaveWeights } from './risk.api.ts';
import { changedWeights, draftFromParts, draftFromWeights, mergeReloaded, numberText, parseDraft, scoreText, scoreWith, weightsOf, type WeightsDraft } from './riskText.ts';

interface WeightsEditorProps {
  slug: string;
  parts: readonly RiskPartView[];
  version: number;
  score: number | null;
  onSaved: (message: string) => void;
}

export function WeightsEditor({ slug, parts, version: readVersion, score, onSaved }: WeightsEditorProps) {
  const save = useSaveWeights(slug);
  const client = useQueryClient();
  // The weights the form started from (read, saved, or reloaded after a conflict) and their version.
  const [base, setBase] = useState<Record<RiskPartKey, number>>(() => weightsOf(parts));
  const [version, setVersion] = useState(readVersion);
  const [draft, setDraft] = useState<WeightsDraft>(() => draftFromParts(parts));
  // After a conflict: the parts someone else changed, with what they saved.
  const [theirs, setTheirs] = useState<Partial<Record<RiskPartKey, number>>>({});
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const { weights, errors } = parseDraft(draft);
  const invalid = Object.keys(errors).length > 0;
  const preview = invalid ? null : scoreWith(parts, weights);
  const changed = changedWeights(draft, RISK_PART_KEYS.map((key) => ({ key, weight: base[key] })));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (invalid) return;
    save.mutate(
      { weights, version },
      {
        onSuccess: (result) => {
          setBase({ ...weightsOf([]), ...(result.weights as Partial<Record<RiskPartKey, number>>) });
          setVersion(result.version);
          setTheirs({});
          setConflict(false);
          setShowErrors(false);
          onSaved('Weights saved: the score is computed again with them.');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.isConflict) setConflict(true);
        },
      },
    );
  };

  /** Reads the weights saved meanwhile: entries left alone take them, entries changed here are kept. */
  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const current = await riskApi.weights(slug);
      const next = { ...weightsOf([]), ...(current.weights as Partial<Record<RiskPartKey, number>>) };
      const merged = mergeReloaded(draft, base, next);
      setDraft(merged.draft);
      setTheirs(merged.theirs);
      setBase(next);
      setVersion(current.version);
      setConflict(false);
      save.reset();
      // The parts and the score on the page follow the weights now saved.
      void client.invalidateQueries({ queryKey: riskKeys.all(slug) });
    } catch (error) {
      setReloadError(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  const otherError = save.isError && !(save.error instanceof ApiError && save.error.isConflict) ? errorMessage(save.error) : null;

  return (
    <section aria-labelledby="risk-weights-heading" className="section">
      <h2 id="risk-weights-heading">Weights</h2>
      <p className="muted">
        How much each part counts, from 0 (left out) to {RISK_WEIGHT_MAX}; 1 is the default. The weights belong to this agreement and apply to
        every reader’s view.
      </p>
      <form className="form panel risk-weights" onSubmit={submit} noValidate aria-label="Weights of the parts">
        <div className="risk-weights-grid">
          {RISK_PART_KEYS.map((key) => {
            const id = `risk-weight-${key}`;
            const error = showErrors ? errors[key] : undefined;
            const theirValue = theirs[key];
            const differs = theirValue !== undefined;
            return (
              <div key={key} className={`field ${error ? 'field-invalid' : ''}`}>
                <label htmlFor={id}>{RISK_PART_LABELS[key]}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={RISK_WEIGHT_MAX}
                  step={0.5}
                  value={draft[key]}
                  onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={[error ? `${id}-error` : null, differs ? `${id}-theirs` : null].filter(Boolean).join(' ') || undefined}
                />
                {differs ? (
                  <p className="field-hint" id={`${id}-theirs`}>
                    {Number(draft[key]) === theirValue
                      ? `Changed by someone else to ${numberText(theirValue, 2)}`
                      : `Someone else saved ${numberText(theirValue, 2)}; your entry is kept`}
                  </p>
                ) : null}
                {error ? (
                  <p className="field-error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <p className="risk-preview" aria-live="polite">
          {invalid
            ? `Every weight must be a number from 0 to ${RISK_WEIGHT_MAX}.`
            : changed.length === 0
              ? `The score with these weights: ${scoreText(score)}.`
              : `With these weights the score would be ${scoreText(preview)} (now ${scoreText(score)}).`}
        </p>
        {conflict ? (
          <div className="form-conflict" role="alert">
            <p>
              <strong>Changed by someone else — reload.</strong> The weights were saved by someone else since you read them. Nothing you entered is
              lost: reload to take their weights where you changed nothing, then save again.
            </p>
            <button type="button" className="button" onClick={() => void reload()} disabled={reloading}>
              {reloading ? 'Reloading…' : 'Reload their weights'}
            </button>
          </div>
        ) : null}
        {reloadError ? (
          <p className="form-problems" role="alert">
            Could not reload the weights: {reloadError}
          </p>
        ) : null}
        {otherError ? (
          <p className="form-problems" role="alert">
            Could not save the weights: {otherError}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending || conflict}>
            {save.isPending ? 'Saving…' : 'Save weights'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDraft(draftFromWeights(base))} disabled={changed.length === 0}>
            Undo changes
          </button>
          <span className="muted">{changed.length === 0 ? 'No changes.' : `${changed.length} ${changed.length === 1 ? 'weight' : 'weights'} changed.`}</span>
        </div>
      </form>
    </section>
  );
}
