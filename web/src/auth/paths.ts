/** Where to go after logging in, and how login failures read. */
import { ApiError, errorMessage } from '../shared/api.ts';

/** The ?next= of the login page, only when it is a path on this site (never another origin). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The login page's address that comes back to `path` afterwards. */
export function loginPath(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

/** A clear sentence for a failed login, setup or invitation. */
export function credentialsError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'Too many attempts from this address. Wait a minute, then try again.';
    if (error.status === 401 && error.code === 'unauthenticated') return error.message;
  }
  return errorMessage(error);
}
