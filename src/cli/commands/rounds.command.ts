/**
 * `phaseline rounds list|export`: an agreement's negotiation rounds with their sessions, as a table,
 * JSON or CSV, and the round calendar as iCalendar, in the agreement's time zone.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { localDateTime, sessionDays, type Agreement } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import type { RoundWithSessions, SessionView } from '../../server/rounds/sessions.service.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { writeFileFromChunks } from '../files.ts';
import { parseOptions } from '../options.ts';
import { fitColumns, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const Ref = z.string().min(1, 'must not be empty');
const ListOptions = z.object({ agreement: Ref, format: formatSchema() });
const ExportOptions = z.object({
  agreement: Ref,
  format: z.enum(['ics'], { error: 'must be ics' }),
  out: z.string().min(1, 'must not be empty').optional(),
});

type Names = (id: string) => string;

/** "2026-06-06" or "2026-06-06 – 2026-06-08". */
const days = (first: string, last: string) => (first === last ? first : `${first} – ${last}`);

/** When a session is, in the agreement's zone: "2026-06-06 10:00 – 13:30", or its days when the times were not reported. */
export function sessionWhen(session: SessionView, timeZone: string): string {
  if (session.allDay) {
    const { first, last } = sessionDays(session, timeZone);
    return `${days(first, last)} (times not reported)`;
  }
  const start = localDateTime(new Date(session.startsAt), timeZone).replace('T', ' ');
  if (!session.endsAt) return start;
  const end = localDateTime(new Date(session.endsAt), timeZone).replace('T', ' ');
  return `${start} – ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

function delegationsText(session: SessionView, party: Names): string[] {
  return session.delegations.map((d) => {
    const who = [d.head ? `${d.head} (head)` : '', ...d.members].filter(Boolean).join(', ');
    return `${party(d.partyId)}${who ? `: ${who}` : ''}`;
  });
}

const mediatorsText = (session: SessionView, party: Names) =>
  session.mediators.map((m) => [m.name, m.partyId ? party(m.partyId) : ''].filter(Boolean).join(', '));

function agendaText(session: SessionView): string[] {
  const clauses = new Map(session.clauses.map((c) => [c.id, c.number ?? c.marker]));
  return session.agenda.map((item, i) => {
    const linked = item.clauseIds.flatMap((id) => (clauses.has(id) ? [`§${clauses.get(id)}`] : []));
    return `${i + 1}. ${item.title}${linked.length > 0 ? ` (${linked.join(', ')})` : ''}`;
  });
}

/** One row per session (a round without sessions: one row of its own), under its round. */
export function roundsTable(agreement: Agreement, rounds: RoundWithSessions[], party: Names, columns?: number): string {
  const rows = rounds.flatMap((round) => {
    const head = `${round.title}\n${days(round.startsOn, round.endsOn ?? round.startsOn)}${round.venue ? `, ${round.venue}` : ''}`;
    if (round.sessions.length === 0) return [[head, '(no sessions)', '', '', '']];
    return round.sessions.map((s, i) => [
      i === 0 ? head : '',
      `${sessionWhen(s, agreement.timeZone)}${s.venue ? `\n${s.venue}` : ''}`,
      [...delegationsText(s, party), ...mediatorsText(s, party).map((m) => `Mediator: ${m}`)].join('\n'),
      agendaText(s).join('\n'),
      s.outcome,
    ]);
  });
  const colWidths = fitColumns(columns, [24, 24, 28, 20], 3);
  return `${agreement.title} (${agreement.slug}): negotiation rounds, times in ${agreement.timeZone}\n${renderTable(
    ['Round', 'Session', 'Delegations and mediators', 'Agenda', 'Outcome'],
    rows,
    colWidths ? { colWidths } : {},
  )}`;
}

/** One row per session, with its round; rounds without sessions have empty session columns. */
export function roundsCsv(agreement: Agreement, rounds: RoundWithSessions[], party: Names): string {
  const header = ['round_id', 'round', 'starts_on', 'ends_on', 'session_id', 'venue', 'starts_at', 'ends_at', 'all_day', 'time_zone', 'delegations', 'mediators', 'agenda', 'outcome'];
  const rows = rounds.flatMap((round) => {
    const own = [round.id, round.title, round.startsOn, round.endsOn];
    if (round.sessions.length === 0) return [[...own, '', round.venue, '', '', '', agreement.timeZone, '', '', round.agenda, round.outcome]];
    return round.sessions.map((s) => [
      ...own,
      s.id,
      s.venue || round.venue,
      s.startsAt,
      s.endsAt,
      s.allDay,
      agreement.timeZone,
      delegationsText(s, party).join('; '),
      mediatorsText(s, party).join('; '),
      agendaText(s).join('; '),
      s.outcome,
    ]);
  });
  return renderCsv(header, rows);
}

export function registerRoundsCommand(program: Command, io: CliIo): void {
  const rounds = program.command('rounds').description("Negotiation rounds with their sessions, and the round calendar as iCalendar in the agreement's time zone");

  rounds
    .command('list')
    .description('The rounds of an agreement with their sessions: delegations, mediators, agenda and outcome')
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .option('--format <format>', 'output format: table, json, csv', 'table')
    .action(async (raw: Record<string, unknown>) => {
      const { agreement: ref, format } = parseOptions(ListOptions, raw);
      const { agreement, items, names } = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const calendar = await svc.sessions.calendar(ref);
        const parties = new Map((await svc.agreements.parties.list(calendar.agreement.id)).map((p) => [p.id, p.name]));
        return { agreement: calendar.agreement, items: calendar.rounds, names: (id: string) => parties.get(id) ?? id };
      });
      if (format === 'json') io.stdout(renderJson({ agreement: { id: agreement.id, slug: agreement.slug, timeZone: agreement.timeZone }, items }));
      else if (format === 'csv') io.stdout(roundsCsv(agreement, items, names));
      else io.stdout(roundsTable(agreement, items, names, io.columns));
    });

  rounds
    .command('export')
    .description("The round calendar as iCalendar: each session an event in the agreement's zone, each round without sessions an all-day event")
    .requiredOption('--agreement <agreement>', 'agreement id or slug')
    .requiredOption('--format <format>', 'ics')
    .option('--out <file>', 'write to this file (complete or not at all) instead of standard output')
    .action(async (raw: Record<string, unknown>) => {
      const { agreement: ref, out } = parseOptions(ExportOptions, raw);
      const { agreement, text } = await withDatabase(io, (database) => services(database, { clock: io.clock }).sessions.ics(ref));
      if (out === undefined) {
        io.stdout(text);
        return;
      }
      const bytes = await writeFileFromChunks(
        out,
        (async function* () {
          yield text;
        })(),
      );
      io.stdout(`Exported the round calendar of ${agreement.slug} (${agreement.timeZone}) to ${out} (${bytes.toLocaleString('en-US')} bytes).\n`);
    });
}
