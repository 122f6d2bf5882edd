/** Party notes of one agreement: the server answers only those the caller may see. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Deleted, NoteView, type NoteCreate, type NoteUpdate } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export type NoteCreateBody = z.input<typeof NoteCreate>;
export type NoteUpdateBody = z.input<typeof NoteUpdate>;

const NoteList = z.object({ items: z.array(NoteView) });
const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/notes`;

export const notesApi = {
  list: async (slug: string) => (await api.get(apiPath(base(slug)), NoteList)).items,
  get: (slug: string, id: string) => api.get(apiPath(`${base(slug)}/${id}`), NoteView),
  create: (slug: string, body: NoteCreateBody) => api.post(apiPath(base(slug)), NoteView, body),
  update: (slug: string, id: string, body: NoteUpdateBody) => api.patch(apiPath(`${base(slug)}/${id}`), NoteView, body),
  remove: (slug: string, id: string, version: number) => api.delete(apiPath(`${base(slug)}/${id}`, { version }), Deleted),
};

export function useNotes(slug: string) {
  return useQuery({ queryKey: queryKeys.notes(slug), queryFn: () => notesApi.list(slug) });
}

export function useRemoveNote(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => notesApi.remove(slug, id, version),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.agreement(slug) }),
  });
}
