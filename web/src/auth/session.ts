/**
 * The caller's session, read from GET /api/auth/me: who is logged in, their roles on agreements,
 * and the CSRF token that every write must carry. Logging in or out resets every query, so that
 * nothing read under one identity (a party's confidential notes) stays on screen under another.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { MeView, UserView } from '../../../src/contract/index.ts';
import { ANONYMOUS, type Principal } from '../../../src/core/access.ts';
import { api, apiPath, setCsrfToken } from '../shared/api.ts';

export const sessionKey = ['session'] as const;

/** What login, first-start setup and accepting an invitation answer. */
export const LoggedIn = z.object({ user: UserView, csrfToken: z.string(), expiresAt: z.string() });
export type LoggedIn = z.infer<typeof LoggedIn>;
export const Ok = z.object({ ok: z.literal(true) });

export async function fetchSession(): Promise<MeView> {
  const me = await api.get(apiPath('/auth/me'), MeView);
  setCsrfToken(me.csrfToken);
  return me;
}

/** The Principal of src/core/access.ts for the session, so the UI asks the same matrix the server does. */
export function principalOf(me: MeView | undefined): Principal {
  if (!me?.user) return ANONYMOUS;
  return { kind: 'user', userId: me.user.id, name: me.user.email, admin: me.user.admin, memberships: me.memberships };
}

/** The session, with its principal; a visitor (or a session still loading) is anonymous. */
export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  const principal = useMemo(() => principalOf(query.data), [query.data]);
  return {
    query,
    me: query.data,
    user: query.data?.user ?? null,
    principal,
    isAdmin: query.data?.user?.admin ?? false,
  };
}

// "Your session has ended": set when a write is refused with 401, cleared by the next login.
let ended = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
export function setSessionEnded(value: boolean): void {
  if (ended === value) return;
  ended = value;
  for (const listener of listeners) listener();
}
export function useSessionEnded(): boolean {
  return useSyncExternalStore(subscribe, () => ended);
}

/** After any change of identity: the new CSRF token, and every query read again from scratch. */
export function useIdentityChanged() {
  const client = useQueryClient();
  return async (session: LoggedIn | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session) setSessionEnded(false);
    await client.resetQueries();
  };
}

export function useLogin() {
  const changed = useIdentityChanged();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post(apiPath('/auth/login'), LoggedIn, input),
    onSuccess: (session) => changed(session),
  });
}

export function useLogout() {
  const changed = useIdentityChanged();
  return useMutation({
    mutationFn: () => api.post(apiPath('/auth/logout'), Ok, undefined),
    onSettled: () => changed(null),
  });
}
