/** The daily desk (docs/DESK.md): an agreement's "since" view for its reader, the visit that ends it, and the home page's counts. */
import { z } from 'zod';
import { DESK_KINDS, SINCE_FROM } from '../core/index.ts';
import { Id, IsoDate, IsoDateTime, Slug } from './common.ts';

export const DeskKind = z.enum(DESK_KINDS);
export const SinceFrom = z.enum(SINCE_FROM).describe("Where the window's start comes from: your last visit, the `since` you gave, or 7 days back");

export const SinceQuery = z.object({
  since: z
    .union([IsoDate, IsoDateTime])
    .optional()
    .describe("Start of the window: a day (YYYY-MM-DD, from its first instant in the agreement's time zone) or an ISO instant; default your last visit, else 7 days ago"),
});

export const DeskItemView = z.object({
  id: z.string().describe('Unique within the view: the kind and what it names'),
  kind: DeskKind,
  at: IsoDateTime.describe('When it happened; for a deadline, the deadline'),
  title: z.string(),
  detail: z.string(),
  href: z.string().describe('The web page it links to'),
  incidentId: Id.optional(),
  provisionId: Id.optional(),
  noteId: Id.optional(),
  responseId: Id.optional(),
  documentId: Id.optional(),
  clauseId: Id.optional(),
  phaseId: Id.optional(),
});
export type DeskItemView = z.infer<typeof DeskItemView>;

const Count = z.number().int().min(0);
export const DeskCountsView = z.record(DeskKind, Count).describe('Per kind, how many there are for you (items list at most limitPerKind of each)');

export const SinceView = z.object({
  agreement: z.object({ id: Id, slug: Slug, title: z.string(), timeZone: z.string(), public: z.boolean() }),
  since: IsoDateTime,
  until: IsoDateTime.describe('Now, when it was read'),
  sinceFrom: SinceFrom,
  items: z.array(DeskItemView).describe('By kind, newest first (deadlines due: soonest first)'),
  counts: DeskCountsView,
  newCount: Count.describe('What happened in the window: every kind but deadlines due'),
  overdueCount: Count.describe('Provisions not in full whose deadline has passed'),
  dueSoonCount: Count.describe('Provisions not in full due within 7 days'),
  limitPerKind: Count,
});
export type SinceView = z.infer<typeof SinceView>;

export const SeenRequest = z
  .strictObject({
    until: IsoDateTime.optional().describe('The end of the window you read (its `until`); default now. The visit never moves back'),
  })
  .default({});

export const SeenView = z.object({ seenAt: IsoDateTime });
export type SeenView = z.infer<typeof SeenView>;

export const DeskAgreementView = z.object({
  id: Id,
  slug: Slug,
  title: z.string(),
  timeZone: z.string(),
  since: IsoDateTime,
  sinceFrom: SinceFrom,
  newCount: Count,
  overdueCount: Count,
  dueSoonCount: Count,
});
export type DeskAgreementView = z.infer<typeof DeskAgreementView>;

export const DeskView = z.object({ items: z.array(DeskAgreementView).describe('Each agreement you belong to (an administrator: every one), by title') });
export type DeskView = z.infer<typeof DeskView>;
