/** Sessions of a negotiation round: venue, times, delegations, mediators, agenda and outcome. */
import { z } from 'zod';
import { AgreementRefParams, Id, IsoDateTime, requiredText, text, Version } from './common.ts';
import { RoundView } from './agreements.ts';

const Name = requiredText(200);

export const SessionDelegation = z.strictObject({
  partyId: Id.describe('A party to the agreement; one delegation per party'),
  head: text(200).default('').describe('The head of delegation, by name; empty when not reported'),
  members: z.array(Name).max(50).default([]),
});
export type SessionDelegation = z.input<typeof SessionDelegation>;

export const SessionMediator = z
  .strictObject({
    partyId: Id.nullable().default(null).describe('A party to the agreement, usually a mediator'),
    name: text(200).default('').describe('A person or a body, e.g. "Egyptian security officials"'),
  })
  .refine((m) => m.partyId !== null || m.name !== '', { message: 'names a party or a name', path: ['name'] });
export type SessionMediator = z.input<typeof SessionMediator>;

export const SessionAgendaItem = z.strictObject({
  title: requiredText(500),
  clauseIds: z.array(Id).max(50).default([]).describe("Clauses of this agreement's documents the item takes up"),
});
export type SessionAgendaItem = z.input<typeof SessionAgendaItem>;

const Delegations = z
  .array(SessionDelegation)
  .max(30)
  .refine((ds) => new Set(ds.map((d) => d.partyId)).size === ds.length, 'one delegation per party');
const Mediators = z.array(SessionMediator).max(30);
const Agenda = z.array(SessionAgendaItem).max(100);

const SessionFields = z.strictObject({
  venue: text(200),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable().describe('Null when the end is not known'),
  allDay: z
    .boolean()
    .describe(
      "The times were not reported: the session takes whole days in the agreement's zone, from the day of startsAt to the day before endsAt (or that day alone)",
    ),
  delegations: Delegations,
  mediators: Mediators,
  agenda: Agenda,
  outcome: text(4000),
});

export const SessionCreate = SessionFields.extend({
  venue: text(200).default(''),
  endsAt: IsoDateTime.nullable().default(null),
  allDay: z.boolean().default(false),
  delegations: Delegations.default([]),
  mediators: Mediators.default([]),
  agenda: Agenda.default([]),
  outcome: text(4000).default(''),
});
export const SessionUpdate = SessionFields.partial().extend({ version: Version });
export type SessionCreate = z.input<typeof SessionCreate>;
export type SessionUpdate = z.input<typeof SessionUpdate>;

/** A clause an agenda item links to, as the session's readers see it named. */
export const SessionClause = z.object({
  id: Id,
  documentId: Id,
  documentTitle: z.string(),
  number: z.string().nullable(),
  marker: z.string(),
});
export type SessionClause = z.infer<typeof SessionClause>;

export const SessionView = z.object({
  id: Id,
  agreementId: Id,
  roundId: Id,
  venue: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  allDay: z.boolean(),
  delegations: z.array(z.object({ partyId: Id, head: z.string(), members: z.array(z.string()) })),
  mediators: z.array(z.object({ partyId: Id.nullable(), name: z.string() })),
  agenda: z.array(z.object({ title: z.string(), clauseIds: z.array(Id) })),
  outcome: z.string(),
  /** The clauses the agenda links to that still exist, in the order the agenda first names them. */
  clauses: z.array(SessionClause),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SessionView = z.infer<typeof SessionView>;

export const RoundSessionParams = AgreementRefParams.extend({ round: Id });
export const SessionParams = RoundSessionParams.extend({ id: Id });

export const SessionList = z.object({ items: z.array(SessionView) });

/** A round with its sessions, in order of start: the round calendar. */
export const RoundWithSessions = RoundView.extend({ sessions: z.array(SessionView) });
export type RoundWithSessions = z.infer<typeof RoundWithSessions>;
