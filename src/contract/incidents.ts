/** Incidents, their verification workflow, evidence, responses, compliance counts and export. */
import { z } from 'zod';
import {
  COMPLIANCE_DIMENSIONS,
  COMPLIANCE_GRANULARITIES,
  CREDIBILITY_GRADES,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  isStorableInstant,
  RELIABILITY_GRADES,
  SOURCE_TYPES,
} from '../core/index.ts';
import { Id, INT4_MAX, IsoDateTime, isStorableText, requiredText, SearchText, STORABLE_TEXT_MESSAGE, text, Version, edited, inAgreement } from './common.ts';
import { BBoxQuery } from './zones.ts';

export const IncidentCategory = z.enum(INCIDENT_CATEGORIES);
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export const SourceType = z.enum(SOURCE_TYPES);
export const Reliability = z.enum(RELIABILITY_GRADES).describe('Admiralty source reliability: A completely reliable ... F cannot be judged');
export const Credibility = z
  .number()
  .int()
  .min(1)
  .max(6)
  .transform((n) => n as (typeof CREDIBILITY_GRADES)[number])
  .describe('Admiralty information credibility: 1 confirmed ... 6 cannot be judged');

const Casualties = z.number().int().min(0).max(1_000_000).nullable().describe('Null when unknown, which is not zero');

export const IncidentView = z.object({
  ...inAgreement,
  occurredAt: IsoDateTime,
  reportedAt: IsoDateTime,
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  zoneId: Id.nullable(),
  place: z.string(),
  sourceType: SourceType,
  reliability: Reliability,
  credibility: z.number().int(),
  allegedPartyId: Id.nullable(),
  attributedPartyId: Id.nullable().describe('Set only when the incident is verified'),
  reportingPartyId: Id.nullable().describe("The party whose delegate filed it as a complaint"),
  category: IncidentCategory,
  killed: z.number().int().nullable(),
  injured: z.number().int().nullable(),
  civiliansKilled: z.number().int().nullable(),
  civiliansInjured: z.number().int().nullable(),
  description: z.string(),
  status: IncidentStatus,
  duplicateOfId: Id.nullable(),
  externalSource: z.string().nullable(),
  externalId: z.string().nullable(),
  provisionIds: z.array(Id),
  reportedBy: Id.nullable(),
  ...edited,
});
export type IncidentView = z.infer<typeof IncidentView>;

// Workflow fields (status, attribution, duplicate) are not here: they change only through transitions.
const IncidentFields = z.strictObject({
  occurredAt: IsoDateTime,
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  zoneId: Id.nullable().describe('When null and a point is given, the zone containing the point'),
  place: text(300),
  sourceType: SourceType,
  reliability: Reliability,
  credibility: Credibility,
  allegedPartyId: Id.nullable(),
  category: IncidentCategory,
  killed: Casualties,
  injured: Casualties,
  civiliansKilled: Casualties,
  civiliansInjured: Casualties,
  description: requiredText(20_000),
  provisionIds: z.array(Id).max(50).describe('The provisions it bears on'),
});
export const IncidentCreate = IncidentFields.extend({
  lon: IncidentFields.shape.lon.default(null),
  lat: IncidentFields.shape.lat.default(null),
  zoneId: IncidentFields.shape.zoneId.default(null),
  place: text(300).default(''),
  sourceType: SourceType.optional().describe('Defaults to monitor; a party delegate always reports a party_complaint'),
  reliability: Reliability.default('F'),
  credibility: Credibility.default(6),
  allegedPartyId: Id.nullable().default(null),
  killed: Casualties.default(null),
  injured: Casualties.default(null),
  civiliansKilled: Casualties.default(null),
  civiliansInjured: Casualties.default(null),
  provisionIds: IncidentFields.shape.provisionIds.default([]),
});
export const IncidentUpdate = IncidentFields.partial().extend({ version: Version });
export type IncidentCreate = z.input<typeof IncidentCreate>;
export type IncidentUpdate = z.input<typeof IncidentUpdate>;

const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).min(1));

// base64url of ASCII JSON, with btoa and atob so that the browser and the server read it alike.
const toBase64Url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

/** An opaque position in a list, from a page's nextCursor. */
export const Cursor = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      const [occurredAt, id] = JSON.parse(fromBase64Url(value)) as [unknown, unknown];
      // Only a time the list could have written: one the database stores.
      if (typeof occurredAt === 'string' && isStorableInstant(Date.parse(occurredAt)) && Id.safeParse(id).success) {
        return { occurredAt: new Date(occurredAt).toISOString(), id: id as string };
      }
    } catch {
      // Falls through to the issue below.
    }
    ctx.addIssue({ code: 'custom', message: 'not a cursor from this list' });
    return z.NEVER;
  });

export const encodeCursor = (c: { occurredAt: string; id: string }): string => toBase64Url(JSON.stringify([c.occurredAt, c.id]));

/** The filters shared by the list and the export. */
export const IncidentFilterQuery = z.object({
  from: IsoDateTime.optional().describe('Occurred at or after'),
  to: IsoDateTime.optional().describe('Occurred before'),
  status: csvOf(IncidentStatus).optional().describe('One status or several, comma-separated'),
  category: csvOf(IncidentCategory).optional().describe('One category or several, comma-separated'),
  partyId: Id.optional().describe('Alleged party'),
  attributedPartyId: Id.optional(),
  zoneId: Id.optional(),
  sourceType: SourceType.optional(),
  provisionId: Id.optional().describe('Incidents bearing on this provision'),
  bbox: BBoxQuery.optional().describe('Incidents with a point in minLon,minLat,maxLon,maxLat'),
  q: SearchText.optional()
    .transform((v) => v?.trim() || undefined)
    .describe('Words of the description or the place, in any script: each matches as the start of a word, and all must match'),
  order: z.enum(['asc', 'desc']).default('desc').describe('By time of occurrence; newest first by default'),
});

export const IncidentListQuery = IncidentFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Prefer cursor beyond the first pages'),
  cursor: Cursor.optional().describe('nextCursor of the previous page (keyset paging; offset is then ignored)'),
});

export const IncidentPage = z.object({
  items: z.array(IncidentView),
  total: z.number().int(),
  totalCapped: z.boolean().describe('True when more than `total` match: counting stops at 1,000'),
  byStatus: z
    .array(z.object({ status: IncidentStatus, count: z.number().int(), capped: z.boolean().describe('More than `count`: counting stops at 1,000') }))
    .describe('Every status in workflow order, with the incidents that match every filter but the status one'),
  limit: z.number().int(),
  offset: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const IncidentStepView = z.object({
  seq: z.number().int(),
  from: IncidentStatus,
  to: IncidentStatus,
  reason: z.string(),
  actorName: z.string(),
  at: IsoDateTime,
  attributedPartyId: Id.nullable(),
  duplicateOfId: Id.nullable(),
  noEvidenceReason: z.string().nullable().describe('On a step to "verified" taken without any evidence on the incident: why; null otherwise'),
});

export const EvidenceView = z.object({
  id: Id,
  incidentId: Id,
  kind: z.enum(['link', 'file']),
  name: z.string(),
  url: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable().describe('SHA-256 of the file, computed by the server'),
  description: z.string(),
  createdAt: IsoDateTime,
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ResponseView = z.object({
  id: Id,
  incidentId: Id,
  partyId: Id,
  body: z.string(),
  authorName: z.string(),
  createdAt: IsoDateTime,
});

export const IncidentDetail = IncidentView.extend({
  history: z.array(IncidentStepView),
  evidence: z.array(EvidenceView),
  responses: z.array(ResponseView),
  allowedTransitions: z.array(IncidentStatus).describe('Where the workflow may go from here'),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const TransitionRequest = z.strictObject({
  to: IncidentStatus,
  reason: text(4000).describe('Why: every step needs one'),
  attributedPartyId: Id.nullable().optional().describe('Only with "verified": the party responsible'),
  duplicateOfId: Id.nullable().optional().describe('Only with "duplicate": the incident this one repeats'),
  noEvidenceReason: text(4000)
    .nullable()
    .optional()
    .describe('Only with "verified", and required then when the incident has no evidence: why it is verified without any (422 otherwise)'),
  version: Version.optional().describe('When given, the step is refused (409) if the incident changed since'),
});

export const EvidenceLinkCreate = z.strictObject({
  // The link is stored as given, not as the URL parser would escape it.
  url: z.url({ protocol: /^https?$/ }).max(2000).refine(isStorableText, STORABLE_TEXT_MESSAGE).describe('http or https link'),
  name: text(200).optional().describe('Defaults to the link'),
  description: text(2000).default(''),
});

export const EvidenceFileQuery = z.object({
  name: requiredText(200).describe('File name, e.g. photo.jpg'),
  contentType: z
    .string()
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as image/jpeg')
    .optional()
    .describe('Media type; guessed from the name when omitted'),
  description: text(2000).default(''),
});

export const ResponseCreate = z.strictObject({
  partyId: Id.optional().describe("The responding party; a delegate's own party by default"),
  body: requiredText(20_000),
});

export const ComplianceQuery = z.object({
  by: z.enum(COMPLIANCE_DIMENSIONS).default('party'),
  granularity: z.enum(COMPLIANCE_GRANULARITIES).default('day'),
  from: IsoDateTime.optional().describe("Default: the start of the day, in the agreement's time zone, that makes 90 whole days ending with `to`'s last day (by week: that day's Monday)"),
  to: IsoDateTime.optional().describe("Default: the end of today in the agreement's time zone (the first instant of tomorrow there)"),
});

export const ComplianceView = z.object({
  by: z.enum(COMPLIANCE_DIMENSIONS),
  granularity: z.enum(COMPLIANCE_GRANULARITIES),
  timeZone: z.string().describe("The agreement's zone, in which days and weeks are counted"),
  from: IsoDateTime,
  to: IsoDateTime,
  buckets: z.array(z.object({ key: z.string().describe('2026-06-20 or 2026-W25'), start: z.string().describe('First local date') })),
  series: z.array(
    z.object({
      key: Id.nullable().describe('Party or provision id; null: verified but attributed to no party'),
      label: z.string(),
      counts: z.array(z.number().int()),
      total: z.number().int(),
    }),
  ),
  total: z.number().int(),
});
export type ComplianceView = z.infer<typeof ComplianceView>;

export const ExportQuery = IncidentFilterQuery.extend({
  format: z.enum(['csv', 'json', 'geojson']).default('csv'),
  limit: z.coerce.number().int().min(1).max(INT4_MAX).optional().describe('At most this many incidents, in list order (every match when omitted)'),
});
