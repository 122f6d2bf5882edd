/** A phase's or pillar's progress: one bar split by implementation status, and the score in words. */
import { IMPLEMENTATION_STATUSES, STATUS_LABELS } from '../../../src/core/domain.ts';
import type { Progress } from './matrix.api.ts';

/** "11%" for a score of 0.11; the score is the mean PAM value (0-3) scaled to 0-1. */
export function formatScore(score: number | null): string {
  return score === null ? 'no score' : `${Math.round(score * 100)}%`;
}

export function describeProgress(progress: Progress): string {
  const parts = IMPLEMENTATION_STATUSES.filter((s) => (progress.byStatus[s] ?? 0) > 0).map(
    (s) => `${progress.byStatus[s]} ${STATUS_LABELS[s].replace(/^\d · /, '')}`,
  );
  return parts.length ? parts.join(', ') : 'no provisions';
}

export function ProgressBar({ progress }: { progress: Progress }) {
  const { total } = progress;
  return (
    <div className="progress">
      <div className="progress-bar" role="img" aria-label={`Status of ${total} provisions: ${describeProgress(progress)}`}>
        {total > 0
          ? IMPLEMENTATION_STATUSES.map((status) => {
              const count = progress.byStatus[status] ?? 0;
              return count > 0 ? (
                <span key={status} className={`progress-segment status-${status}`} style={{ width: `${(count / total) * 100}%` }} />
              ) : null;
            })
          : null}
      </div>
      <p className="progress-text">
        {total === 1 ? '1 provision' : `${total} provisions`} · score {formatScore(progress.score)}
      </p>
    </div>
  );
}
