/** Shared pieces of the API contract: ids, dates, versions, pages and the error body. */
import { z } from 'zod';
import {
  FIRST_DATE,
  FIRST_INSTANT,
  isSlug,
  isStorableDate,
  isStorableInstant,
  isValidTimeZone,
  LAST_DATE,
  LAST_INSTANT,
  SLUG_MAX_LENGTH,
} from '../core/index.ts';

/** What a schema gives once it has parsed a request: the value a service receives. */
export type Parsed<T extends z.ZodType> = z.output<T>;

/** The largest value of a PostgreSQL integer column: versions, ordinals, counts, offsets. */
export const INT4_MAX = 2_147_483_647;

export const Id = z.uuid().describe('UUID');
export const Version = z.number().int().positive().max(INT4_MAX).describe('Version you read; a stale one gets 409');
export const IsoDate = z.iso
  .date()
  .refine(isStorableDate, `must be from ${FIRST_DATE} to ${LAST_DATE}`)
  .describe(`Calendar date, YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}`);
// Checked after conversion to UTC: 0100-01-01T00:00:00+14:00 is still in year 99 there.
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => isStorableInstant(Date.parse(s)), `must be from ${FIRST_INSTANT} to ${LAST_INSTANT} in UTC`)
  .describe(`ISO 8601 timestamp with its offset, from ${FIRST_INSTANT} to ${LAST_INSTANT} in UTC; stored in UTC`);

/** The fields a view of a row inside an agreement opens with. */
export const inAgreement = { id: Id, agreementId: Id };
/** The fields a view of an edited row closes with: its version, when it was created and last updated. */
export const edited = { version: z.number().int(), createdAt: IsoDateTime, updatedAt: IsoDateTime };
export const Slug = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .refine(isSlug, 'lower-case letters, digits and single hyphens, e.g. cairo-2026');
export const TimeZone = z.string().max(64).refine(isValidTimeZone, 'an IANA time zone such as Asia/Gaza, known to the database');

// PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
const NO_NUL = [(s: string) => !s.includes('\u0000'), 'must not contain NUL characters'] as const;
// A lone UTF-16 surrogate is no character: UTF-8 cannot carry it, so the database would silently store
// U+FFFD in its place (and jsonb refuses it outright).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const WELL_FORMED = [(s: string) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogate)'] as const;

/** Whether a string can be stored in a text column: no NUL, no lone surrogate. */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Whether every string in a JSON value (keys included) can be stored in jsonb: no NUL, no lone surrogate. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === 'object') return Object.entries(value).every(([k, v]) => isStorableJson(k) && isStorableJson(v));
  return true;
}
export const STORABLE_TEXT_MESSAGE = 'must not contain NUL characters or lone surrogates';

/** Free text: trimmed, bounded; the API stores it as given (Arabic and Hebrew included). */
export const text = (max: number) => z.string().trim().max(max).refine(...NO_NUL).refine(...WELL_FORMED);
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max).refine(...NO_NUL).refine(...WELL_FORMED);
/** A search string for list filters. */
export const SearchText = z.string().max(200).refine(...NO_NUL).refine(...WELL_FORMED);

export const AgreementRefParams = z.object({
  agreement: z.string().min(1).max(80).describe('Agreement id or slug'),
});

export const VersionQuery = z.object({ version: z.coerce.number().int().positive().max(INT4_MAX) });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed, not_found, stale_version'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const errorResponses = {
  400: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
} as const;

export const Deleted = z.object({ deleted: z.literal(true), id: Id });
