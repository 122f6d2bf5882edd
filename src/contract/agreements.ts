/** Agreements, parties, phases, pillars and negotiation rounds. */
import { z } from 'zod';
import { AGREEMENT_STATUSES, PARTY_ROLES, PHASE_STATUSES } from '../core/index.ts';
import { Id, SearchText, IsoDate, PageQuery, requiredText, Slug, text, TimeZone, Version, edited, inAgreement } from './common.ts';

export const AgreementStatus = z.enum(AGREEMENT_STATUSES);
export const PartyRole = z.enum(PARTY_ROLES);
export const PhaseStatus = z.enum(PHASE_STATUSES);

export const AgreementView = z.object({
  id: Id,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  status: AgreementStatus,
  timeZone: z.string(),
  illustrative: z.boolean(),
  public: z.boolean(),
  sourceNote: z.string(),
  ...edited,
});
export type AgreementView = z.infer<typeof AgreementView>;

// Fields without defaults: Create adds the defaults, Update makes every field optional, so that
// a PATCH never resets a field it does not name.
const AgreementFields = z.strictObject({
  slug: Slug,
  title: requiredText(200),
  summary: text(4000),
  status: AgreementStatus,
  timeZone: TimeZone,
  illustrative: z.boolean(),
  public: z.boolean().describe('Readable by visitors who are not logged in'),
  sourceNote: text(2000),
});
export const AgreementCreate = AgreementFields.extend({
  summary: text(4000).default(''),
  status: AgreementStatus.default('drafting'),
  timeZone: TimeZone.default('UTC'),
  illustrative: z.boolean().default(false),
  public: z.boolean().default(false),
  sourceNote: text(2000).default(''),
});
export type AgreementCreate = z.input<typeof AgreementCreate>;

export const AgreementUpdate = AgreementFields.partial().extend({ version: Version });
export type AgreementUpdate = z.input<typeof AgreementUpdate>;

export const AgreementListQuery = PageQuery.extend({
  q: SearchText.optional().describe('Substring of title or slug'),
  status: AgreementStatus.optional(),
  sort: z.enum(['title', 'slug', 'createdAt', 'updatedAt']).default('title'),
});

export const PartyView = z.object({
  ...inAgreement,
  name: z.string(),
  localName: z.string().nullable(),
  role: PartyRole,
  description: z.string(),
  signatory: z.boolean().nullable().describe("Whether it signs negotiated texts; null follows its role (belligerents do)"),
  version: z.number().int(),
});
export type PartyView = z.infer<typeof PartyView>;

const PartyFields = z.strictObject({
  name: requiredText(200),
  localName: text(200).nullable(),
  role: PartyRole,
  description: text(2000),
  signatory: z.boolean().nullable().describe('Whether it signs negotiated texts: true or false overrides its role; null follows it (belligerents do)'),
});
export const PartyCreate = PartyFields.extend({
  localName: text(200).nullable().default(null),
  description: text(2000).default(''),
  signatory: PartyFields.shape.signatory.optional(),
});
export const PartyUpdate = PartyFields.partial().extend({ version: Version });
export type PartyCreate = z.input<typeof PartyCreate>;
export type PartyUpdate = z.input<typeof PartyUpdate>;

export const PhaseView = z.object({
  ...inAgreement,
  ordinal: z.number().int(),
  name: z.string(),
  objective: z.string(),
  status: PhaseStatus,
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  version: z.number().int(),
});
export type PhaseView = z.infer<typeof PhaseView>;

const Ordinal = z.number().int().min(1).max(1000).describe('Position; defaults to after the last one');

const PhaseFields = z.strictObject({
  ordinal: Ordinal,
  name: requiredText(200),
  objective: text(2000),
  status: PhaseStatus,
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
});
export const PhaseCreate = PhaseFields.extend({
  ordinal: Ordinal.optional(),
  objective: text(2000).default(''),
  status: PhaseStatus.default('planned'),
  plannedStart: IsoDate.nullable().default(null),
  plannedEnd: IsoDate.nullable().default(null),
});
export const PhaseUpdate = PhaseFields.partial().extend({ version: Version });
export type PhaseCreate = z.input<typeof PhaseCreate>;
export type PhaseUpdate = z.input<typeof PhaseUpdate>;

export const PillarView = z.object({
  ...inAgreement,
  ordinal: z.number().int(),
  title: z.string(),
  description: z.string(),
  version: z.number().int(),
});
export type PillarView = z.infer<typeof PillarView>;

const PillarFields = z.strictObject({
  ordinal: Ordinal,
  title: requiredText(200),
  description: text(4000),
});
export const PillarCreate = PillarFields.extend({
  ordinal: Ordinal.optional(),
  description: text(4000).default(''),
});
export const PillarUpdate = PillarFields.partial().extend({ version: Version });
export type PillarCreate = z.input<typeof PillarCreate>;
export type PillarUpdate = z.input<typeof PillarUpdate>;

export const RoundView = z.object({
  ...inAgreement,
  title: z.string(),
  venue: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  partyIds: z.array(Id),
  agenda: z.string(),
  outcome: z.string(),
  version: z.number().int(),
});
export type RoundView = z.infer<typeof RoundView>;

const RoundFields = z.strictObject({
  title: requiredText(200),
  venue: text(200),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  partyIds: z.array(Id).max(50),
  agenda: text(4000),
  outcome: text(4000),
});
export const RoundCreate = RoundFields.extend({
  venue: text(200).default(''),
  endsOn: IsoDate.nullable().default(null),
  partyIds: z.array(Id).max(50).default([]),
  agenda: text(4000).default(''),
  outcome: text(4000).default(''),
});
export const RoundUpdate = RoundFields.partial().extend({ version: Version });
export type RoundCreate = z.input<typeof RoundCreate>;
export type RoundUpdate = z.input<typeof RoundUpdate>;
