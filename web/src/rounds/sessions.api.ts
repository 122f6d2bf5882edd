/** Sessions of negotiation rounds, the clauses an agenda may link to, and the round calendar's address. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { Deleted, DocumentList, DocumentView, SessionList, SessionView, type RoundView, type SessionCreate, type SessionUpdate } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const agreementPath = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;
const sessionsPath = (slug: string, roundId: string) => `${agreementPath(slug)}/rounds/${encodeURIComponent(roundId)}/sessions`;

/** Under the rounds' key: a round's save (and a session's) refreshes both. */
export const sessionsKey = (slug: string, roundId: string) => [...queryKeys.rounds(slug), roundId, 'sessions'] as const;

/** The address of the round calendar (iCalendar), for a download link. */
export const roundCalendarUrl = (slug: string) => `/api${agreementPath(slug)}/rounds.ics`;

export const sessionsApi = {
  list: async (slug: string, roundId: string) => (await api.get(apiPath(sessionsPath(slug, roundId)), SessionList)).items,
  get: (slug: string, roundId: string, id: string) => api.get(apiPath(`${sessionsPath(slug, roundId)}/${encodeURIComponent(id)}`), SessionView),
  create: (slug: string, roundId: string, body: SessionCreate) => api.post(apiPath(sessionsPath(slug, roundId)), SessionView, body),
  update: (slug: string, roundId: string, id: string, body: SessionUpdate) =>
    api.patch(apiPath(`${sessionsPath(slug, roundId)}/${encodeURIComponent(id)}`), SessionView, body),
  remove: (slug: string, roundId: string, id: string, version: number) =>
    api.delete(apiPath(`${sessionsPath(slug, roundId)}/${encodeURIComponent(id)}`, { version }), Deleted),
};

/** The sessions of every round, one query per round, keyed by round id once all are read. */
export function useAllSessions(slug: string, rounds: readonly RoundView[]) {
  return useQueries({
    queries: rounds.map((round) => ({ queryKey: sessionsKey(slug, round.id), queryFn: () => sessionsApi.list(slug, round.id) })),
    combine: (results) => ({
      byRound: new Map(rounds.map((round, i) => [round.id, results[i]?.data ?? []] as const)),
      /** The rounds whose sessions are not read yet. */
      loading: new Set(rounds.filter((_, i) => results[i]?.isPending).map((round) => round.id)),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}

/** A clause an agenda item may name: "Phase Two text § 2". */
export interface ClauseChoice {
  id: string;
  label: string;
}

/** Every numbered or lettered clause of the agreement's documents, for the agenda's links. */
export function useClauseChoices(slug: string) {
  return useQuery({
    queryKey: [...queryKeys.rounds(slug), 'clause-choices'],
    queryFn: async (): Promise<ClauseChoice[]> => {
      const { items } = await api.get(apiPath(`${agreementPath(slug)}/documents`), DocumentList);
      const documents = await Promise.all(items.map((d) => api.get(apiPath(`${agreementPath(slug)}/documents/${encodeURIComponent(d.id)}`), DocumentView)));
      return documents.flatMap((d) => d.clauses.map((c) => ({ id: c.id, label: `${d.title} § ${c.number ?? (c.marker || c.position + 1)}` })));
    },
  });
}
