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
import { changedWeights, draftFromParts, numberText, parseDraft, scoreText, scoreWith, type WeightsDraft } from './riskText.ts';

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
  const [draft, setDraft] = useState<WeightsDraft>(() => draftFromParts(parts));
  const [version, setVersion] = useState(readVersion);
  // The weights saved by someone else, read after a conflict: shown beside the entries they differ from.
  const [theirs, setTheirs] = useState<Record<RiskPartKey, number> | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const { weights, errors } = parseDraft(draft);
  const invalid = Object.keys(errors).length > 0;
  const preview = invalid ? null : scoreWith(parts, weights);
  const saved = theirs ?? Object.fromEntries(parts.map((p) => [p.key, p.weight]));
  const changed = changedWeights(draft, RISK_PART_KEYS.map((key) => ({ key, weight: saved[key] ?? 1 })));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (invalid) return;
    save.mutate(
      { weights, version },
      {
        onSuccess: (result) => {
          setVersion(result.version);
          setTheirs(null);
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

  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    try {
      const current = await riskApi.weights(slug);
      setVersion(current.version);
      setTheirs(current.weights as Record<RiskPartKey, number>);
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
            const theirValue = theirs?.[key];
            const differs = theirValue !== undefined && Number(draft[key]) !== theirValue;
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
                    Saved by someone else: {numberText(theirValue, 2)}
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
            ? 'Every weight must be a number from 0 to 10.'
            : `With these weights the score would be ${scoreText(preview)} (now ${scoreText(score)}).`}
        </p>
        {conflict ? (
          <div className="form-conflict" role="alert">
            <p>
              <strong>Changed by someone else — reload.</strong> The weights were saved by someone else since you read them. Your entries are kept:
              reload to see theirs, then save again.
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
          <button type="button" className="button button-quiet" onClick={() => setDraft(draftFromParts(RISK_PART_KEYS.map((key) => ({ key, weight: saved[key] ?? 1 }))))} disabled={changed.length === 0}>
            Undo changes
          </button>
          <span className="muted">{changed.length === 0 ? 'No changes.' : `${changed.length} ${changed.length === 1 ? 'weight' : 'weights'} changed.`}</span>
        </div>
      </form>
    </section>
  );
}
