/**
 * The round calendar as iCalendar (RFC 5545), with ical-generator and the VTIMEZONE of the
 * agreement's zone from @touch4it/ical-timezones: each session an event in that zone (an all-day one
 * over its days), each round without sessions an all-day event over its dates. UIDs are
 * `<id>@phaseline`, so a calendar that subscribes sees the same event move rather than a new one.
 */
import { getVtimezone } from '@touch4it/ical-timezones';
import ical, { type ICalTemporalZonedDateTimeStub } from 'ical-generator';
import { addDays, localDateTime, sessionDays, type Agreement, type NegotiationRound } from '../../core/index.ts';
import type { RoundSession } from '../../db/index.ts';

export interface CalendarInput {
  agreement: Agreement;
  rounds: Array<NegotiationRound & { sessions: Array<RoundSession & { clauses: Array<{ id: string; number: string | null; documentTitle: string }> }> }>;
  partyName(id: string): string;
  /** DTSTAMP of rounds, which keep no time of their last change. */
  now: Date;
}

/** The VTIMEZONE block alone: the package wraps it in a VCALENDAR of its own. */
function vtimezone(zone: string): string | null {
  const block = /BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE/.exec(getVtimezone(zone) || '');
  return block ? block[0] : null;
}

/**
 * An instant as the wall-clock time of a zone, in the shape of a Temporal.ZonedDateTime that
 * ical-generator formats: it writes a plain Date's hours in the server's own zone, not the event's.
 */
function zoned(instant: Date, timeZone: string): ICalTemporalZonedDateTimeStub {
  const wall = localDateTime(instant, timeZone);
  const [y, mo, d, h, mi] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const seconds = instant.getUTCSeconds();
  const text = `${wall}:${String(seconds).padStart(2, '0')}[${timeZone}]`;
  const fields = { year: y, month: mo, day: d, hour: h, minute: mi, second: seconds };
  const self: ICalTemporalZonedDateTimeStub = {
    ...fields,
    timeZoneId: timeZone,
    toJSON: () => text,
    toString: () => text,
    withTimeZone: (other) => (other === timeZone ? self : zoned(instant, other)),
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => instant.toISOString(),
      toString: () => instant.toISOString(),
      toZonedDateTimeISO: (other) => zoned(instant, other),
    }),
    toPlainDateTime: () => ({
      ...fields,
      toJSON: () => text,
      toString: () => text,
      toPlainDate: () => ({ year: y, month: mo, day: d, toJSON: () => wall.slice(0, 10), toString: () => wall.slice(0, 10) }),
      toZonedDateTime: () => self,
    }),
  };
  return self;
}

/** A calendar date for an all-day event: with no zone of its own, its UTC midnight is written as the date. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

function sessionDescription(session: CalendarInput['rounds'][number]['sessions'][number], partyName: (id: string) => string): string {
  const lines: string[] = [];
  if (session.allDay) lines.push('Times not reported.');
  for (const d of session.delegations) {
    const who = [d.head ? `${d.head} (head)` : '', ...d.members].filter(Boolean).join(', ');
    lines.push(`Delegation of ${partyName(d.partyId)}${who ? `: ${who}` : ''}`);
  }
  const mediators = session.mediators.map((m) => [m.name, m.partyId ? partyName(m.partyId) : ''].filter(Boolean).join(', '));
  if (mediators.length > 0) lines.push(`Mediators: ${mediators.join('; ')}`);
  if (session.agenda.length > 0) {
    const clauses = new Map(session.clauses.map((c) => [c.id, `${c.documentTitle} ${c.number ?? ''}`.trim()]));
    lines.push('Agenda:');
    session.agenda.forEach((item, i) => {
      const linked = item.clauseIds.flatMap((id) => (clauses.has(id) ? [clauses.get(id)!] : []));
      lines.push(`${i + 1}. ${item.title}${linked.length > 0 ? ` (clauses: ${linked.join(', ')})` : ''}`);
    });
  }
  if (session.outcome) lines.push(`Outcome: ${session.outcome}`);
  return lines.join('\n');
}

/** The iCalendar text of an agreement's rounds and their sessions. */
export function roundCalendar({ agreement, rounds, partyName, now }: CalendarInput): string {
  const zone = agreement.timeZone;
  const calendar = ical({ name: `${agreement.title}: negotiation rounds`, prodId: { company: 'Phaseline', product: 'Round calendar', language: 'EN' } });
  // No calendar-wide zone: ical-generator would write DTSTAMP in it, where RFC 5545 wants UTC.
  calendar.timezone({ name: null, generator: vtimezone });
  for (const round of rounds) {
    if (round.sessions.length === 0) {
      calendar.createEvent({
        id: `${round.id}@phaseline`,
        sequence: round.version - 1,
        stamp: now,
        allDay: true,
        start: day(round.startsOn),
        end: day(addDays(round.endsOn ?? round.startsOn, 1)),
        summary: round.title,
        location: round.venue || null,
        description: [round.agenda && `Agenda: ${round.agenda}`, round.outcome && `Outcome: ${round.outcome}`].filter(Boolean).join('\n') || null,
      });
      continue;
    }
    round.sessions.forEach((session, i) => {
      const common = {
        id: `${session.id}@phaseline`,
        sequence: session.version - 1,
        stamp: new Date(session.updatedAt),
        summary: round.sessions.length > 1 ? `${round.title} (session ${i + 1})` : round.title,
        location: session.venue || round.venue || null,
        description: sessionDescription(session, partyName) || null,
      };
      if (session.allDay) {
        const { first, last } = sessionDays(session, zone);
        calendar.createEvent({ ...common, allDay: true, start: day(first), end: day(addDays(last, 1)) });
      } else {
        calendar.createEvent({
          ...common,
          timezone: zone,
          start: zoned(new Date(session.startsAt), zone),
          end: session.endsAt ? zoned(new Date(session.endsAt), zone) : null,
        });
      }
    });
  }
  return withZone(calendar.toString(), zone);
}

/**
 * The calendar with the agreement's zone named (X-WR-TIMEZONE, which calendar apps read for dates
 * without a zone) and its VTIMEZONE even when no event needs it (all whole-day), so that the file
 * always says where its dates are. ical-generator writes both only for timed events' zones.
 */
function withZone(text: string, zone: string): string {
  const block = text.includes('BEGIN:VTIMEZONE') ? null : vtimezone(zone);
  const lines = [`X-WR-TIMEZONE:${zone}`, ...(block ? [block.replace(/\r?\n/g, '\r\n')] : [])].join('\r\n');
  // Before the first component (the calendar's own properties come first), or before its end.
  const first = text.indexOf('\r\nBEGIN:', 1);
  const at = first >= 0 ? first : text.lastIndexOf('\r\nEND:VCALENDAR');
  return `${text.slice(0, at)}\r\n${lines}${text.slice(at)}`;
}
