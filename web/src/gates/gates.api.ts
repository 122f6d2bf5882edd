/**
 * Phase gates of one agreement (docs/GATES.md): a phase's gate as the reader sees it, every phase's
 * gate, a phase's transitions, what if (gates and gaps under assumptions, nothing saved), and the
 * writes: the conditions (ground:write) and advancing a phase (phase:advance). A write reads the
 * whole agreement again: a gate's state shows in the matrix, the summary and the force page.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GateView,
  PhaseAdvanced,
  PhaseGatesView,
  PhaseGateView,
  PhaseTransitionsView,
  WhatIfAnswer,
  type GatePut,
  type PhaseAdvance,
} from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const agreement = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;
const phase = (slug: string, phaseId: string) => `${agreement(slug)}/phases/${encodeURIComponent(phaseId)}`;

/** Query keys under the agreement's, so that any write on the agreement refreshes them too. */
export const gateKeys = {
  all: (slug: string) => [...queryKeys.agreement(slug), 'gates'] as const,
  gate: (slug: string, phaseId: string) => [...queryKeys.agreement(slug), 'gates', phaseId] as const,
  transitions: (slug: string, phaseId: string) => [...queryKeys.agreement(slug), 'gates', phaseId, 'transitions'] as const,
  whatIf: (slug: string, assume: readonly string[]) => [...queryKeys.agreement(slug), 'gates', 'what-if', assume] as const,
};

/** The what-if address: `assume` repeats, one per assumption, in order. */
export function whatIfPath(slug: string, assume: readonly string[]): string {
  const search = new URLSearchParams();
  for (const a of assume) search.append('assume', a);
  const query = search.toString();
  return `/api${agreement(slug)}/what-if${query ? `?${query}` : ''}`;
}

export const gatesApi = {
  gate: (slug: string, phaseId: string) => api.get(apiPath(`${phase(slug, phaseId)}/gate`), PhaseGateView),
  gates: (slug: string) => api.get(apiPath(`${agreement(slug)}/gates`), PhaseGatesView),
  transitions: async (slug: string, phaseId: string) => (await api.get(apiPath(`${phase(slug, phaseId)}/transitions`), PhaseTransitionsView)).items,
  whatIf: (slug: string, assume: readonly string[]) => api.get(whatIfPath(slug, assume), WhatIfAnswer),
  put: (slug: string, phaseId: string, body: GatePut) => api.put(apiPath(`${phase(slug, phaseId)}/gate`), GateView, body),
  advance: (slug: string, phaseId: string, body: PhaseAdvance) => api.post(apiPath(`${phase(slug, phaseId)}/advance`), PhaseAdvanced, body),
};

export function useGate(slug: string, phaseId: string) {
  return useQuery({ queryKey: gateKeys.gate(slug, phaseId), queryFn: () => gatesApi.gate(slug, phaseId) });
}

export function useGates(slug: string) {
  return useQuery({ queryKey: gateKeys.all(slug), queryFn: () => gatesApi.gates(slug) });
}

export function useTransitions(slug: string, phaseId: string) {
  return useQuery({ queryKey: gateKeys.transitions(slug, phaseId), queryFn: () => gatesApi.transitions(slug, phaseId) });
}

/** Gates and gaps under the assumptions; off while there are none (the page shows the current ones). */
export function useWhatIf(slug: string, assume: readonly string[]) {
  return useQuery({ queryKey: gateKeys.whatIf(slug, assume), queryFn: () => gatesApi.whatIf(slug, assume), enabled: assume.length > 0 });
}

/** A write that changes what the agreement's pages show: all of them are read again, after a refusal too. */
function useAgreementWrite<A, R>(slug: string, write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSettled: () => client.invalidateQueries({ queryKey: queryKeys.agreement(slug) }) });
}

export function usePutGate(slug: string, phaseId: string) {
  return useAgreementWrite(slug, (body: GatePut) => gatesApi.put(slug, phaseId, body));
}

export function useAdvance(slug: string, phaseId: string) {
  return useAgreementWrite(slug, (body: PhaseAdvance) => gatesApi.advance(slug, phaseId, body));
}
