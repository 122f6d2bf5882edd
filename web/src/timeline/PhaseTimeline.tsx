/**
 * The phase timeline: the phases in order with their status and planned window, then a date axis
 * with the planned windows, negotiation rounds, their sessions and provision deadlines, and the rounds
 * in detail with their sessions. Calendar dates have no zone; deadlines and sessions (instants) are
 * placed on their date in the agreement's zone.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { MatrixView, PartyView, RoundView, SessionView } from '../../../src/contract/index.ts';
import { sessionDays } from '../../../src/core/sessions.ts';
import { agreementAbilities } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { PhaseStatusBadge } from '../matrix/StatusBadge.tsx';
import { EmptyState, QueryStates } from '../shared/states.tsx';
import { daysBetween, localDate } from '../../../src/core/calendar.ts';
import { formatDate, formatWindow } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { RoundSessions } from '../rounds/RoundSessions.tsx';
import { roundCalendarUrl, useAllSessions } from '../rounds/sessions.api.ts';
import { monthTicks, position, spanOf, type Span } from './axis.ts';
import { useRounds } from './rounds.api.ts';
import { fitLabels, type PlacedLabel } from './tickLayout.ts';

interface Deadline {
  id: string;
  code: string;
  title: string;
  date: string;
  iso: string;
}

export function PhaseTimeline({ matrix }: { matrix: MatrixView }) {
  const rounds = useRounds(matrix.agreement.slug);
  const sessions = useAllSessions(matrix.agreement.slug, rounds.data ?? []);
  const session = useSession();
  const canWrite = agreementAbilities(session.principal, matrix.agreement, matrix.parties.map((p) => p.id)).structureWrite;
  const [status, setStatus] = useState<string | null>(null);
  const { timeZone } = matrix.agreement;
  const phases = matrix.rows.map((r) => r.phase);
  const parties = new Map(matrix.parties.map((p) => [p.id, p]));
  const deadlines: Deadline[] = matrix.rows.flatMap((row) =>
    row.realities.flatMap((p) =>
      p.deadline ? [{ id: p.id, code: p.code, title: p.title, iso: p.deadline, date: localDate(new Date(p.deadline), timeZone) }] : [],
    ),
  );
  const today = localDate(new Date(matrix.asOf), timeZone);

  return (
    <div className="timeline">
      {phases.length === 0 ? (
        <EmptyState title="No phases yet." />
      ) : (
        <ol className="phase-steps" aria-label="Phases in order">
          {phases.map((phase) => (
            <li key={phase.id} className={`phase-step phase-step-${phase.status}`}>
              <span className="phase-step-ordinal" aria-hidden="true">
                {phase.ordinal}
              </span>
              <span className="phase-step-name" dir="auto">
                {phase.name}
              </span>
              <PhaseStatusBadge status={phase.status} />
              <span className="phase-window">{formatWindow(phase.plannedStart, phase.plannedEnd) ?? 'No planned window'}</span>
            </li>
          ))}
        </ol>
      )}

      <QueryStates query={rounds} loading="Loading negotiation rounds…" failed="Could not load the negotiation rounds">
        {(data) => (
          <>
            <DateAxis matrix={matrix} rounds={data} sessions={[...sessions.byRound.values()].flat()} deadlines={deadlines} today={today} />
            {data.length > 0 ? (
              <p className="round-calendar">
                <a href={roundCalendarUrl(matrix.agreement.slug)} download>
                  Download calendar (.ics)
                </a>{' '}
                <span className="muted">the rounds and their sessions, in {timeZone}</span>
              </p>
            ) : null}
            {status ? (
              <p className="muted" role="status">
                {status}
              </p>
            ) : null}
            {sessions.error ? <p role="alert">Could not load the sessions of the rounds.</p> : null}
            <RoundList
              rounds={data}
              parties={parties}
              renderSessions={(round) => (
                <RoundSessions
                  slug={matrix.agreement.slug}
                  round={round}
                  sessions={sessions.byRound.get(round.id) ?? []}
                  loading={sessions.loading.has(round.id)}
                  timeZone={timeZone}
                  parties={parties}
                  canWrite={canWrite}
                  onChanged={setStatus}
                />
              )}
            />
            {deadlines.length > 0 ? (
              <ul className="deadline-list" aria-label="Deadlines">
                {deadlines.map((d) => (
                  <li key={d.id}>
                    <span className="code">{d.code}</span> <span dir="auto">{d.title}</span>{' '}
                    <span className="muted">
                      due <ZonedTime iso={d.iso} timeZone={timeZone} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </QueryStates>
    </div>
  );
}

function DateAxis(props: { matrix: MatrixView; rounds: RoundView[]; sessions: SessionView[]; deadlines: Deadline[]; today: string }) {
  const { matrix, rounds, sessions, deadlines, today } = props;
  const { timeZone } = matrix.agreement;
  const sessionDates = sessions.map((s) => ({ id: s.id, venue: s.venue, date: sessionDays(s, timeZone).first }));
  const dated = matrix.rows.map((r) => r.phase).filter((p) => p.plannedStart || p.plannedEnd);
  const dates = [
    ...dated.flatMap((p) => [p.plannedStart, p.plannedEnd]),
    ...rounds.flatMap((r) => [r.startsOn, r.endsOn]),
    ...sessionDates.map((s) => s.date),
    ...deadlines.map((d) => d.date),
  ].filter((d): d is string => d !== null);
  // Today joins the span when it is near the dated items, so that lateness shows at a glance.
  const near = dates.length > 0 && dates.some((d) => Math.abs(daysBetween(d, today)) <= 366);
  const span = spanOf(near ? [...dates, today] : dates);
  if (!span) {
    return <p className="muted">No planned windows, rounds or deadlines to place on a calendar yet.</p>;
  }
  return (
    <div className="axis" aria-label={`Calendar from ${formatDate(span.start)} to ${formatDate(span.end)}`} role="group">
      {dated.map((phase) => (
        <Lane key={phase.id} label={`${phase.ordinal}. ${phase.name}`} span={span} today={today}>
          <Bar span={span} start={phase.plannedStart ?? phase.plannedEnd ?? ''} end={phase.plannedEnd ?? phase.plannedStart ?? ''} className={`bar phase-bar-${phase.status}`} />
        </Lane>
      ))}
      {rounds.length > 0 ? (
        <Lane label="Negotiation rounds" span={span} today={today}>
          {rounds.map((round) => (
            <Marker key={round.id} span={span} date={round.startsOn} className="marker marker-round" label={`${round.venue || round.title} · ${formatDate(round.startsOn)}`} />
          ))}
        </Lane>
      ) : null}
      {sessionDates.length > 0 ? (
        <Lane label="Sessions" span={span} today={today}>
          {sessionDates.map((s) => (
            <Marker key={s.id} span={span} date={s.date} className="marker marker-round marker-session" label={`${s.venue ? `${s.venue} · ` : ''}${formatDate(s.date)}`} />
          ))}
        </Lane>
      ) : null}
      {deadlines.length > 0 ? (
        <Lane label="Deadlines" span={span} today={today}>
          {deadlines.map((d) => (
            <Marker key={d.id} span={span} date={d.date} className="marker marker-deadline" label={`${d.code || d.title} · ${formatDate(d.date)}`} />
          ))}
        </Lane>
      ) : null}
      <TickLane span={span} today={today} />
    </div>
  );
}

/** The month labels and "today" under the lanes: as many as fit the axis's width without overlapping. */
function TickLane({ span, today }: { span: Span; today: string }) {
  const track = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = track.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const inSpan = today >= span.start && today <= span.end;
  const labels = fitLabels(monthTicks(span), inSpan ? { date: today, label: 'today' } : null, (date) => position(span, date), width);
  const tick = (label: PlacedLabel, className: string) => (
    <span key={label.date} className={`${className}${label.flip ? ' tick-flip' : ''}`} style={{ left: `${label.left}%` }}>
      {label.label}
    </span>
  );
  return (
    <div className="lane lane-ticks" aria-hidden="true">
      <span className="lane-label" />
      <div className="lane-track" ref={track}>
        {labels.months.map((label) => tick(label, 'tick'))}
        {labels.today ? tick(labels.today, 'tick tick-today') : null}
      </div>
    </div>
  );
}

function Lane({ label, span, today, children }: { label: string; span: Span; today: string; children: ReactNode }) {
  return (
    <div className="lane">
      <span className="lane-label" dir="auto">
        {label}
      </span>
      <div className="lane-track">
        {today >= span.start && today <= span.end ? <span className="today-line" style={{ left: `${position(span, today)}%` }} /> : null}
        {children}
      </div>
    </div>
  );
}

function Bar({ span, start, end, className }: { span: Span; start: string; end: string; className: string }) {
  const left = position(span, start);
  const width = Math.max(0.8, position(span, end) - left);
  return <span className={className} style={{ left: `${left}%`, width: `${width}%` }} title={formatWindow(start, end) ?? ''} />;
}

function Marker({ span, date, className, label }: { span: Span; date: string; className: string; label: string }) {
  const left = position(span, date);
  return (
    <span className={`${className}${left > 70 ? ' marker-flip' : ''}`} style={{ left: `${left}%` }}>
      <span className="marker-label" dir="auto">
        {label}
      </span>
    </span>
  );
}

function RoundList(props: { rounds: RoundView[]; parties: Map<string, PartyView>; renderSessions: (round: RoundView) => ReactNode }) {
  const { rounds, parties, renderSessions } = props;
  if (rounds.length === 0) return <EmptyState title="No negotiation rounds recorded." />;
  return (
    <ul className="round-list" aria-label="Negotiation rounds">
      {rounds.map((round) => (
        <li key={round.id} className="round">
          <span className="round-date">{round.endsOn ? formatWindow(round.startsOn, round.endsOn) : formatDate(round.startsOn)}</span>
          <span className="round-title" dir="auto">
            {round.title}
          </span>
          {round.venue ? (
            <span className="muted" dir="auto">
              {round.venue}
            </span>
          ) : null}
          {round.partyIds.length > 0 ? (
            <span className="round-parties">
              {round.partyIds.map((id) => (
                <span key={id} className="pill pill-outline" dir="auto">
                  {parties.get(id)?.name ?? 'Unknown party'}
                </span>
              ))}
            </span>
          ) : null}
          {round.agenda ? (
            <p className="round-agenda" dir="auto">
              {round.agenda}
            </p>
          ) : null}
          {renderSessions(round)}
        </li>
      ))}
    </ul>
  );
}
