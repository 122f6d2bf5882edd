/** A phase's advances, newest first: passed or overridden, by whom, when, and why. */
import type { PhaseTransitionView } from '../../../src/contract/index.ts';
import { PHASE_STATUS_LABELS } from '../shared/labels.ts';
import { QueryStates } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { transitionWords } from './gateText.ts';
import { useTransitions } from './gates.api.ts';

export function TransitionsSection({ slug, phaseId, timeZone }: { slug: string; phaseId: string; timeZone: string }) {
  const transitions = useTransitions(slug, phaseId);
  return (
    <section aria-labelledby="transitions-heading" className="section">
      <h2 id="transitions-heading">Transitions</h2>
      <QueryStates query={transitions} loading="Loading the transitions…" failed="Could not load the transitions" empty="This phase has not been advanced yet.">
        {(items) => (
          <ol className="gate-transitions">
            {items.map((t) => (
              <Transition key={t.id} transition={t} timeZone={timeZone} />
            ))}
          </ol>
        )}
      </QueryStates>
    </section>
  );
}

function Transition({ transition: t, timeZone }: { transition: PhaseTransitionView; timeZone: string }) {
  return (
    <li className={`gate-transition ${t.overridden ? 'gate-transition-overridden' : ''}`}>
      <p>
        <span className={`badge ${t.overridden ? 'gate-badge-overridden' : 'gate-badge-passed'}`}>
          <span aria-hidden="true">{t.overridden ? '⚠ ' : '✓ '}</span>
          {t.overridden ? 'Overridden' : 'Passed'}
        </span>{' '}
        {transitionWords(t)}. {PHASE_STATUS_LABELS[t.fromStatus]} → {PHASE_STATUS_LABELS[t.toStatus]}.
      </p>
      <p className="muted">
        By <span dir="auto">{t.actorName}</span>, <ZonedTime iso={t.at} timeZone={timeZone} />
      </p>
      {t.reason ? (
        <blockquote className="gate-reason" dir="auto">
          {t.reason}
        </blockquote>
      ) : null}
    </li>
  );
}
