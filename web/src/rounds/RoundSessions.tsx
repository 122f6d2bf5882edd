/**
 * The sessions of one negotiation round, in the agreement's time zone: when and where, the
 * delegations with their heads and members, the mediators, the agenda in order with the clauses
 * each item takes up (by number), and the outcome; with add and edit for those who may write rounds.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PartyView, RoundView, SessionView } from '../../../src/contract/index.ts';
import { sessionDays } from '../../../src/core/sessions.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { Loading } from '../shared/states.tsx';
import { formatDate, formatWindow } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { SessionForm } from './SessionForm.tsx';
import './rounds.css';

export interface RoundSessionsProps {
  slug: string;
  round: RoundView;
  sessions: readonly SessionView[];
  /** The sessions are still being read. */
  loading: boolean;
  timeZone: string;
  parties: ReadonlyMap<string, PartyView>;
  canWrite: boolean;
  onChanged: (message: string) => void;
}

/** When a session is: its times in the zone, or its days when the times were not reported. */
export function SessionWhen({ session, timeZone }: { session: SessionView; timeZone: string }) {
  if (session.allDay) {
    const { first, last } = sessionDays(session, timeZone);
    return (
      <span>
        {first === last ? formatDate(first) : formatWindow(first, last)} <span className="muted">(times not reported)</span>
      </span>
    );
  }
  return (
    <span>
      <ZonedTime iso={session.startsAt} timeZone={timeZone} />
      {session.endsAt ? (
        <>
          {' – '}
          <ZonedTime iso={session.endsAt} timeZone={timeZone} />
        </>
      ) : null}
    </span>
  );
}

export function RoundSessions({ slug, round, sessions, loading, timeZone, parties, canWrite, onChanged }: RoundSessionsProps) {
  const [editing, setEditing] = useState<{ session: SessionView | null } | null>(null);
  const partyName = (id: string) => parties.get(id)?.name ?? 'A party no longer listed';
  const close = () => setEditing(null);

  return (
    <div className="round-sessions">
      {loading ? (
        <Loading label="Loading the sessions…" />
      ) : sessions.length === 0 ? (
        <p className="muted">No sessions recorded for this round.</p>
      ) : (
        <ol className="session-list" aria-label={`Sessions of ${round.title}`}>
          {sessions.map((s, i) => {
            const clauses = new Map(s.clauses.map((c) => [c.id, c]));
            return (
              <li key={s.id} className="session">
                <div className="session-head">
                  <strong>Session {i + 1}</strong> <SessionWhen session={s} timeZone={timeZone} />
                  {s.venue ? (
                    <span className="muted" dir="auto">
                      {s.venue}
                    </span>
                  ) : null}
                  {canWrite ? (
                    <button type="button" className="button button-small" onClick={() => setEditing({ session: s })}>
                      Edit session {i + 1}
                    </button>
                  ) : null}
                </div>
                {s.delegations.length > 0 ? (
                  <ul className="session-delegations" aria-label="Delegations">
                    {s.delegations.map((d) => (
                      <li key={d.partyId}>
                        <span className="pill pill-outline" dir="auto">
                          {partyName(d.partyId)}
                        </span>{' '}
                        {d.head ? (
                          <>
                            headed by <bdi dir="auto">{d.head}</bdi>
                          </>
                        ) : null}
                        {d.members.length > 0 ? (
                          <>
                            {d.head ? '; ' : ''}members:{' '}
                            {d.members.map((m, j) => (
                              <span key={j}>
                                {j > 0 ? ', ' : ''}
                                <bdi dir="auto">{m}</bdi>
                              </span>
                            ))}
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {s.mediators.length > 0 ? (
                  <p className="session-mediators">
                    Mediators:{' '}
                    {s.mediators.map((m, j) => (
                      <span key={j}>
                        {j > 0 ? '; ' : ''}
                        <bdi dir="auto">{[m.name, m.partyId ? partyName(m.partyId) : ''].filter(Boolean).join(', ')}</bdi>
                      </span>
                    ))}
                  </p>
                ) : null}
                {s.agenda.length > 0 ? (
                  <ol className="session-agenda" aria-label="Agenda">
                    {s.agenda.map((item, j) => (
                      <li key={j}>
                        <span dir="auto">{item.title}</span>
                        {item.clauseIds.map((id) => {
                          const c = clauses.get(id);
                          return c ? (
                            <Link key={id} className="pill pill-outline clause-link" to={`/agreements/${encodeURIComponent(slug)}/documents/${c.documentId}`}>
                              <bdi dir="auto">{c.documentTitle}</bdi> § {c.number ?? c.marker}
                            </Link>
                          ) : null;
                        })}
                      </li>
                    ))}
                  </ol>
                ) : null}
                {s.outcome ? (
                  <p className="session-outcome" dir="auto">
                    Outcome: {s.outcome}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {canWrite ? (
        <button type="button" className="button button-small" onClick={() => setEditing({ session: null })}>
          + Add session to {round.title}
        </button>
      ) : null}
      {editing ? (
        <Dialog title={editing.session ? `Edit a session of ${round.title}` : `Add a session to ${round.title}`} onClose={close}>
          <SessionForm
            slug={slug}
            roundId={round.id}
            roundVenue={round.venue}
            timeZone={timeZone}
            parties={[...parties.values()]}
            session={editing.session}
            onSaved={(message) => {
              close();
              onChanged(message);
            }}
            onCancel={close}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
