/**
 * Negotiated documents (docs/NEGOTIATION.md): import from Markdown, clauses with their bracket
 * groups, versions and word diffs, stances under audiences, and the consensus each reader may see.
 */
import { z } from 'zod';
import { AUDIENCES, GROUP_STATUSES, POSITIONS } from '../core/index.ts';
import { Id, INT4_MAX, IsoDate, IsoDateTime, isStorableText, requiredText, STORABLE_TEXT_MESSAGE, text, Version } from './common.ts';

/** The longest Markdown document imported at once (characters). */
export const MARKDOWN_MAX_LENGTH = 500_000;
/** The longest clause text (characters). */
export const CLAUSE_MAX_LENGTH = 20_000;

export const StancePosition = z
  .enum(POSITIONS)
  .describe("accept, accept_with_reservation (with the reservation's text), abstain, reject (a block) or no_position");
export const StanceAudience = z
  .enum(AUDIENCES)
  .describe("Who learns of the stance: 'party' (its party's delegates and the mediators), 'mediators' (the mediators only) or 'all'");
export const ConsensusStatus = z.enum(GROUP_STATUSES);

// Markdown as typed: not trimmed, so that an error's line and column are those of the file.
const Markdown = z
  .string()
  .min(1, 'must not be empty')
  .max(MARKDOWN_MAX_LENGTH)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE)
  .describe('The document in Markdown: headings start sections, paragraphs and list items are clauses, [bracketed] runs are alternatives');
// A group's key is compared as stored: never trimmed.
const GroupKey = z
  .string()
  .min(1)
  .max(CLAUSE_MAX_LENGTH + 100)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE)
  .describe('The bracket group, by key (`g<n>:` and its alternatives joined by ` | `), as the clause view gives it');
const RevisionNumber = z.coerce.number().int().min(1).max(INT4_MAX);

export const DocumentCreate = z.strictObject({
  markdown: Markdown,
  title: requiredText(300).optional().describe("Defaults to the first level-1 heading; one of the two is required"),
  deadline: IsoDateTime.nullable().optional(),
});
export const DocumentUpdate = z.strictObject({
  version: Version,
  title: requiredText(300).optional(),
  deadline: IsoDateTime.nullable().optional(),
});

/** How many of a document's clauses stand where, and the agreed share, from the stances the reader may see. */
export const DocumentConsensusView = z.object({
  clauses: z.number().int(),
  agreed: z.number().int(),
  blocked: z.number().int(),
  converging: z.number().int(),
  open: z.number().int(),
  agreedShare: z.number().min(0).max(1).describe('Agreed clauses over all clauses (0 to 1)'),
});

export const DocumentSummaryView = z.object({
  id: Id,
  agreementId: Id,
  title: z.string(),
  deadline: IsoDateTime.nullable(),
  revision: z.number().int().describe('Moves on by one with every clause edit'),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  clauseCount: z.number().int(),
  consensus: DocumentConsensusView,
});
export type DocumentSummaryView = z.infer<typeof DocumentSummaryView>;
export const DocumentList = z.object({ items: z.array(DocumentSummaryView) });

export const StanceView = z.object({
  id: Id,
  clauseId: Id,
  groupKey: z.string(),
  alternative: z.number().int(),
  partyId: Id,
  position: StancePosition,
  reservation: z.string(),
  reason: z.string(),
  statedOn: IsoDate,
  audience: StanceAudience,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type StanceView = z.infer<typeof StanceView>;

const PartyIds = z.array(Id);
export const GroupConsensusView = z.object({
  key: z.string(),
  status: ConsensusStatus,
  agreedAlternative: z.number().int().nullable(),
  alternatives: z.array(
    z.object({
      index: z.number().int(),
      text: z.string(),
      accept: PartyIds,
      reservation: PartyIds,
      abstain: PartyIds,
      reject: PartyIds,
      noPosition: PartyIds.describe('Signatories with no stance the reader may see'),
      others: z.array(z.object({ partyId: Id, position: StancePosition })).describe('Stances of parties that do not sign: shown, never counted'),
    }),
  ),
  blockers: z.array(z.object({ partyId: Id, alternative: z.number().int() })).describe("Signatories' rejects the reader may see"),
});

export const Segment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('group'), key: z.string(), alternatives: z.array(z.string()), single: z.boolean() }),
]);

export const ClauseView = z.object({
  id: Id,
  documentId: Id,
  sectionId: Id.nullable(),
  position: z.number().int(),
  number: z.string().nullable(),
  marker: z.string(),
  text: z.string().describe('Markdown, brackets included'),
  deadline: IsoDateTime.nullable(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  segments: z.array(Segment),
  provisions: z.array(z.object({ id: Id, code: z.string(), title: z.string() })),
  stances: z.array(StanceView).describe("Each party's current stance per group and alternative, of those the reader may see"),
  consensus: z.object({ status: ConsensusStatus, groups: z.array(GroupConsensusView) }),
});
export type ClauseView = z.infer<typeof ClauseView>;

export const SectionView = z.object({ id: Id, position: z.number().int(), level: z.number().int(), title: z.string() });

export const DocumentView = DocumentSummaryView.extend({
  sections: z.array(SectionView),
  clauses: z.array(ClauseView),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const ClauseUpdate = z
  .strictObject({
    version: Version,
    text: requiredText(CLAUSE_MAX_LENGTH).optional().describe('The new text (Markdown, brackets included): a new version of the clause'),
    deadline: IsoDateTime.nullable().optional(),
    reason: text(2000).optional().describe('Why the text changes; required with a new text'),
  })
  .superRefine((patch, ctx) => {
    if (patch.text !== undefined && !patch.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when the text changes' });
  });

export const ClauseVersionView = z.object({
  id: Id,
  clauseId: Id,
  version: z.number().int(),
  documentRevision: z.number().int(),
  text: z.string(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  reason: z.string(),
  createdAt: IsoDateTime,
});
export const ClauseVersionList = z.object({ items: z.array(ClauseVersionView) });

export const DiffQuery = z.object({
  from: RevisionNumber.optional().describe('Defaults to the one before `to`'),
  to: RevisionNumber.optional().describe('Defaults to the current one'),
});
export const DiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  parts: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
});
export const MarkdownQuery = z.object({ revision: RevisionNumber.optional().describe('A past revision of the document; defaults to the current one') });

export const StanceCreate = z
  .strictObject({
    groupKey: GroupKey,
    alternative: z.number().int().min(0).max(1000).describe("The alternative's index in its group (a single run's omission is 1)"),
    partyId: Id,
    position: StancePosition,
    reservation: text(2000).default('').describe('Required for accept_with_reservation'),
    reason: requiredText(2000),
    statedOn: IsoDate.describe('The day the party stated it'),
    audience: StanceAudience,
  })
  .superRefine((stance, ctx) => {
    if (stance.position === 'accept_with_reservation' && !stance.reservation) {
      ctx.addIssue({ code: 'custom', path: ['reservation'], message: 'is required for accept_with_reservation' });
    }
  });
export const StanceList = z.object({ items: z.array(StanceView) });

export const SettleRequest = z.strictObject({ groupKey: GroupKey, version: Version.describe("The clause's version you read") });
