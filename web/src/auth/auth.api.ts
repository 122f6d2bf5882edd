/** The caller's own account: password and API tokens. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { TokenCreated, TokenView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { Ok } from './session.ts';

export type TokenView = z.infer<typeof TokenView>;
export type TokenCreated = z.infer<typeof TokenCreated>;

const tokensKey = ['session', 'tokens'] as const;
const TokenList = z.object({ items: z.array(TokenView) });

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post(apiPath('/auth/password'), Ok, body),
  });
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: async () => (await api.get(apiPath('/auth/tokens'), TokenList)).items });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number | null }) => api.post(apiPath('/auth/tokens'), TokenCreated, body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(apiPath(`/auth/tokens/${id}`), TokenView),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
