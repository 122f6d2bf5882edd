/** Shared pieces of the API contract: ids, dates, versions, pages and the error body. */
import { z } from 'zod';
import { isSlug, isValidTimeZone, SLUG_MAX_LENGTH } from '../core/index.ts';

export const Id = z.uuid().describe('UUID');
export const Version = z.number().int().positive().describe('Version you read; a stale one gets 409');
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp; stored in UTC');
export const Slug = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .refine(isSlug, 'lower-case letters, digits and single hyphens, e.g. cairo-2026');
export const TimeZone = z.string().refine(isValidTimeZone, 'an IANA time zone such as Asia/Gaza');

// PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
const NO_NUL = [(s: string) => !s.includes('\u0000'), 'must not contain NUL characters'] as const;

/** Free text: trimmed, bounded; the API stores it as given (Arabic and Hebrew included). */
export const text = (max: number) => z.string().trim().max(max).refine(...NO_NUL);
export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).refine(...NO_NUL);
/** A search string for list filters. */
export const SearchText = z.string().max(200).refine(...NO_NUL);

export const AgreementRefParams = z.object({
  agreement: z.string().min(1).max(80).describe('Agreement id or slug'),
});

export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
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
