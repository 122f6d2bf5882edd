/**
 * Domain errors with stable codes. The server maps each class to one HTTP status in one place;
 * the CLI prints the message and exits non-zero.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No valid credentials (401). */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Log in first') {
    super('unauthenticated', message);
  }
}

/** Valid credentials, but the role does not allow this (403). */
export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super('forbidden', message);
  }
}

/** The thing named does not exist (404). */
export class NotFoundError extends DomainError {
  constructor(entity: string, ref: string) {
    super('not_found', `${entity} ${ref} was not found`, { entity, ref });
  }
}

/** The write was based on a stale version, or would break a uniqueness rule (409). */
export class ConflictError extends DomainError {}

/** The request is well-formed but breaks a domain rule (422). */
export class RuleViolationError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('rule_violation', message, details);
  }
}

export function staleVersion(entity: string, id: string, expected: number, actual: number): ConflictError {
  return new ConflictError(
    'stale_version',
    `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and retry`,
    { entity, id, expectedVersion: expected, currentVersion: actual },
  );
}
