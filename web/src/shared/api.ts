/**
 * The typed API client: fetch plus the zod view schemas of src/contract, so that every response is
 * checked against the contract. Failures throw ApiError with the server's stable code and issues.
 * Writes carry the session's CSRF token (from /api/auth/me); a write refused with 401 means the
 * session ended, and the handler set with onSessionEnded hears of it.
 */
import type { z } from 'zod';

/** One problem with one field, as the API reports it (path like "body.title" or "plannedEnd"). */
export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** details.issues when the server sent them (400 validation, 422 rule violations). */
  get issues(): ApiIssue[] {
    const raw = this.details.issues;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { path, message } = item as Record<string, unknown>;
      return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
    });
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The session's CSRF token, sent as X-CSRF-Token on every write; null for a visitor. */
let csrfToken: string | null = null;
let sessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a write is refused with 401: the session expired or was ended elsewhere. */
export function onSessionEnded(handler: (() => void) | null): void {
  sessionEnded = handler;
}

/** Writes whose 401 means wrong credentials (password, setup token), not an ended session. */
const CREDENTIAL_PATHS = new Set(['/api/auth/login', '/api/auth/setup', '/api/auth/invitations/accept']);

export const SESSION_ENDED_MESSAGE = 'You are not logged in, or your session has ended: log in again, then repeat your change. Nothing was saved.';

export type QueryParams = Record<string, string | number | undefined | null>;

/** Builds "/api/..." with the query parameters that have a value. */
export function apiPath(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError(
        status,
        typeof code === 'string' ? code : 'http_error',
        typeof message === 'string' ? message : `Request failed (${status})`,
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      );
    }
  }
  return new ApiError(status, 'http_error', `Request failed with status ${status}`);
}

/** `rawType`: send `body` as it is (a file) with this content type, instead of as JSON. */
async function request<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown, rawType?: string): Promise<z.output<S>> {
  const write = method !== 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = rawType ?? 'application/json';
  if (write && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    const payload = body === undefined ? undefined : rawType ? (body as Blob) : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Phaseline server. Check that it is running.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (write && response.status === 401 && !CREDENTIAL_PATHS.has(path)) {
    sessionEnded?.();
    throw new ApiError(401, 'unauthenticated', SESSION_ENDED_MESSAGE);
  }
  if (!response.ok) throw errorFromBody(response.status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, 'unexpected_response', `The server sent a response this page does not understand (${path}).`);
  }
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('POST', path, schema, body),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PUT', path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown) => request('PATCH', path, schema, body),
  delete: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, schema),
  /** PUTs a file's bytes as application/octet-stream. */
  upload: <S extends z.ZodType>(path: string, schema: S, file: Blob) => request('PUT', path, schema, file, 'application/octet-stream'),
  /** POSTs a file's bytes with its own content type (a CSV as text/csv). */
  postFile: <S extends z.ZodType>(path: string, schema: S, file: Blob, type: string) => request('POST', path, schema, file, type),
};

/** A readable message for any error a query or mutation throws. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
