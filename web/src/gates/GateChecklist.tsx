/** A gate's conditions as a checklist: met or not (icon and words), why, since when, and the evidence, linked to its page. */
import { Link } from 'react-router';
import type { GateEvaluationView } from '../../../src/contract/index.ts';
import { GATE_CONDITION_KIND_LABELS } from '../../../src/core/gates/conditions.ts';
import { formatDate } from '../shared/time.ts';
import { evidenceHref, metWords } from './gateText.ts';

export function GateChecklist({ slug, evaluation }: { slug: string; evaluation: GateEvaluationView }) {
  return (
    <ol className="gate-checklist" aria-label="Gate conditions">
      {evaluation.conditions.map((result) => {
        const words = metWords(result.met);
        return (
          <li key={result.index} className={`gate-condition ${result.met ? 'gate-condition-met' : 'gate-condition-unmet'}`}>
            <div className="gate-condition-head">
              <span className={`gate-met ${result.met ? 'gate-met-yes' : 'gate-met-no'}`}>
                <span aria-hidden="true">{words.icon}</span> {words.text}
              </span>
              <h3 dir="auto">{result.condition.label}</h3>
              <span className="muted gate-kind">{GATE_CONDITION_KIND_LABELS[result.condition.kind]}</span>
            </div>
            <p className="gate-detail" dir="auto">
              {result.detail}
            </p>
            {result.since ? (
              <p className="muted">
                Met since <time dateTime={result.since}>{formatDate(result.since)}</time>
              </p>
            ) : null}
            {result.evidence.length > 0 ? (
              <details className="gate-evidence">
                <summary>Judged on {result.evidence.length === 1 ? '1 item' : `${result.evidence.length} items`}</summary>
                <ul>
                  {result.evidence.map((e) => {
                    const href = evidenceHref(slug, result.condition, e);
                    return (
                      <li key={`${e.kind}-${e.id}`}>
                        {href ? (
                          <Link to={href} dir="auto">
                            {e.label}
                          </Link>
                        ) : (
                          <span dir="auto">{e.label}</span>
                        )}
                        {e.note ? (
                          <span className="muted" dir="auto">
                            {' '}
                            · {e.note}
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
