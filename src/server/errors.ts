/**
 * One error handler: domain errors map to their HTTP status with { error: { code, message, details } };
 * request validation is 400; anything unknown is a 500 whose details never leak, to the client or
 * (the values of a failed statement) to the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleViolationError, UnauthenticatedError } from '../core/index.ts';
import { loggableError } from '../db/loggable-error.ts';

// Fastify's own refusal codes, renamed to stable codes of ours.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

export function httpStatusOf(err: DomainError): number {
  if (err instanceof UnauthenticatedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof RuleViolationError) return 422;
  return 400;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          details: { issues },
        },
      });
    }
    if (err instanceof DomainError) {
      return reply.status(httpStatusOf(err)).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, body too large, unsupported media type...
      const code = status === 429 ? 'rate_limited' : (FASTIFY_CODES[err.code] ?? 'bad_request');
      return reply.status(status).send({
        error: { code, message: err.message, details: {} },
      });
    }
    // Never the values of a failed statement (a note's text, a name): see loggableError.
    request.log.error({ err: loggableError(err) }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Internal server error', details: {} } });
  });
}
