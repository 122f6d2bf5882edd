/**
 * Negotiated documents of one agreement (docs/NEGOTIATION.md): the list, one document as the caller
 * may see it (consensus from the stances of the audiences they are in), clause versions and word
 * diffs, and the writes: import, clause edit, stance, settle. Every write refreshes the documents.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ClauseVersionList,
  ClauseView,
  DiffView,
  DocumentList,
  DocumentView,
  StanceList,
  StanceView,
  type ClauseUpdate,
  type DocumentCreate,
  type SettleRequest,
  type StanceCreate,
} from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export type DocumentCreateBody = z.input<typeof DocumentCreate>;
export type ClauseUpdateBody = z.input<typeof ClauseUpdate>;
export type StanceCreateBody = z.input<typeof StanceCreate>;
export type SettleBody = z.input<typeof SettleRequest>;
export type DiffParts = z.infer<typeof DiffView>;
export type ClauseVersion = z.infer<typeof ClauseVersionList>['items'][number];

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/documents`;
const one = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;
const clause = (slug: string, id: string, clauseId: string) => `${one(slug, id)}/clauses/${encodeURIComponent(clauseId)}`;

/** The address of a document's download (bracketed text marked as not agreed). */
export const documentExportUrl = (slug: string, id: string, format: 'md' | 'docx' | 'pdf') => apiPath(`${one(slug, id)}/export`, { format });

/** The address of a document's live feed (Server-Sent Events). */
export const documentEventsUrl = (slug: string, id: string) => `/api${one(slug, id)}/events`;

export const negotiationApi = {
  list: async (slug: string) => (await api.get(apiPath(base(slug)), DocumentList)).items,
  get: (slug: string, id: string) => api.get(apiPath(one(slug, id)), DocumentView),
  create: (slug: string, body: DocumentCreateBody) => api.post(apiPath(base(slug)), DocumentView, body),
  documentDiff: (slug: string, id: string, from: number, to: number) => api.get(apiPath(`${one(slug, id)}/diff`, { from, to }), DiffView),
  updateClause: (slug: string, id: string, clauseId: string, body: ClauseUpdateBody) => api.patch(apiPath(clause(slug, id, clauseId)), ClauseView, body),
  versions: async (slug: string, id: string, clauseId: string) => (await api.get(apiPath(`${clause(slug, id, clauseId)}/versions`), ClauseVersionList)).items,
  clauseDiff: (slug: string, id: string, clauseId: string, from: number, to: number) =>
    api.get(apiPath(`${clause(slug, id, clauseId)}/diff`, { from, to }), DiffView),
  stances: async (slug: string, id: string, clauseId: string) => (await api.get(apiPath(`${clause(slug, id, clauseId)}/stances`), StanceList)).items,
  addStance: (slug: string, id: string, clauseId: string, body: StanceCreateBody) => api.post(apiPath(`${clause(slug, id, clauseId)}/stances`), StanceView, body),
  settle: (slug: string, id: string, clauseId: string, body: SettleBody) => api.post(apiPath(`${clause(slug, id, clauseId)}/settle`), ClauseView, body),
};

export function useDocuments(slug: string) {
  return useQuery({ queryKey: queryKeys.documents(slug), queryFn: () => negotiationApi.list(slug) });
}

export function useDocument(slug: string, id: string) {
  return useQuery({ queryKey: queryKeys.document(slug, id), queryFn: () => negotiationApi.get(slug, id) });
}

export function useClauseVersions(slug: string, id: string, clauseId: string) {
  return useQuery({ queryKey: [...queryKeys.document(slug, id), 'versions', clauseId], queryFn: () => negotiationApi.versions(slug, id, clauseId) });
}

/** The word diff between two versions of a clause, or two revisions of the document when `clauseId` is null. */
export function useDiff(slug: string, id: string, clauseId: string | null, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...queryKeys.document(slug, id), 'diff', clauseId, from, to],
    queryFn: () =>
      clauseId === null ? negotiationApi.documentDiff(slug, id, from ?? 1, to ?? 1) : negotiationApi.clauseDiff(slug, id, clauseId, from ?? 1, to ?? 1),
    enabled: from !== null && to !== null,
  });
}

/**
 * A write on one document. Afterwards the documents (list, each document, versions, diffs) and the
 * matrix (its bottlenecks count clauses not agreed) are read again; after a refusal too, since a
 * conflict means the page shows an old version.
 */
function useDocumentWrite<A, R>(slug: string, write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.documents(slug) }),
        client.invalidateQueries({ queryKey: queryKeys.matrix(slug) }),
      ]),
  });
}

export function useCreateDocument(slug: string) {
  return useDocumentWrite(slug, (body: DocumentCreateBody) => negotiationApi.create(slug, body));
}

export function useUpdateClause(slug: string, id: string) {
  return useDocumentWrite(slug, ({ clauseId, body }: { clauseId: string; body: ClauseUpdateBody }) => negotiationApi.updateClause(slug, id, clauseId, body));
}

export function useAddStance(slug: string, id: string) {
  return useDocumentWrite(slug, ({ clauseId, body }: { clauseId: string; body: StanceCreateBody }) => negotiationApi.addStance(slug, id, clauseId, body));
}

export function useSettle(slug: string, id: string) {
  return useDocumentWrite(slug, ({ clauseId, body }: { clauseId: string; body: SettleBody }) => negotiationApi.settle(slug, id, clauseId, body));
}
