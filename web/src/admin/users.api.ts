/** Accounts, for administrators: list, invite, new invitation link, rename, disable, administrator flag. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { AccountRowView, InvitationView, UserView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';

export type Invitation = z.infer<typeof InvitationView>;
export const usersKey = ['users'] as const;

const UserList = z.object({ items: z.array(AccountRowView) });
const Invited = z.object({ user: UserView, invitation: InvitationView });

/** The full address of an invitation, to send to the invitee. */
export const invitationUrl = (invitation: Pick<Invitation, 'path'>, origin: string = window.location.origin) => `${origin}${invitation.path}`;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: async () => (await api.get(apiPath('/users'), UserList)).items, enabled });
}

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; admin: boolean }) => api.post(apiPath('/users'), Invited, body),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useNewInvitation() {
  return useMutation({ mutationFn: (userId: string) => api.post(apiPath(`/users/${userId}/invitation`), InvitationView, undefined) });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; admin?: boolean; disabled?: boolean; name?: string }) =>
      api.patch(apiPath(`/users/${id}`), UserView, body),
    // A conflict means someone else changed the account: read the list again either way.
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}
