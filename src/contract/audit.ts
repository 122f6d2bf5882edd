/** The audit log: an agreement's entries with the names of what they refer to, filters, and the chain's head. */
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../core/index.ts';
import { Id, IsoDateTime, page, PageQuery } from './common.ts';

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  actorId: Id.nullable().describe('The user who made the change; null for the command line and the demo loader'),
  actorName: z.string().describe('The actor as recorded: a user by e-mail address'),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string().describe('The kind of record, as the log keeps it (`incident_step`)'),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** A record an entry refers to, as the reader may see it. */
export const AuditName = z.object({
  kind: z.string().describe('The kind of record (`party`, `provision`, `user`...)'),
  name: z.string(),
  href: z.string().nullable().describe("Its page in the web UI (a path), or null when it has none"),
});
export type AuditName = z.infer<typeof AuditName>;

/** `actor=none`: the entries written without a user (the command line, the demo loader). */
export const AUDIT_NO_USER = 'none';

export const AuditActor = z.object({
  id: Id.nullable().describe(`The user's id; null stands for the entries written without a user (filter with actor=${AUDIT_NO_USER})`),
  name: z.string(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditPage = page(AuditEntryView).extend({
  omitsConfidential: z
    .boolean()
    .describe("True when the reader is outside some audience (not a mediator): entries of others' confidential work are left out, not counted"),
  names: z
    .record(z.string(), AuditName)
    .describe(
      "The ids this page's entries show (entity, actor, and the *Id fields of before and after) that name a record of the agreement the reader may open: parties, phases, pillars, provisions, incidents, zones, documents, clauses, indicators, rounds, force contributors and budget lines, and users. Notes, stances and positions are never named here",
    ),
  actors: z.array(AuditActor).describe('Who wrote the entries the reader may see, whatever the filters: the choices of the actor filter'),
  entities: z.array(z.string()).describe('The entity kinds of the entries the reader may see, whatever the filters'),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditHead = z.object({
  seq: z.number().int().describe('The sequence number of the newest entry (0 for an empty log)'),
  hash: z.string().describe('Its hash; `<seq>:<hash>` is an anchor for `phaseline audit verify --anchor`'),
  at: IsoDateTime.nullable().describe('When that entry was appended; null for an empty log, or when no entry matches the head'),
});
export type AuditHead = z.infer<typeof AuditHead>;

export const AuditListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc').describe('By sequence (the order entries were written); newest first by default'),
  actor: z.union([Id, z.literal(AUDIT_NO_USER)]).optional().describe(`The user who made the change, or "${AUDIT_NO_USER}" for the entries written without one`),
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'an entity kind: lower-case letters, digits and underscores')
    .optional()
    .describe('The kind of record (`provision`, `incident_step`)'),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: IsoDateTime.optional().describe('Written at or after'),
  to: IsoDateTime.optional().describe('Written before'),
});
