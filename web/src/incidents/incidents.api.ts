/**
 * Incidents of one agreement through the API: the filtered list, one incident with its history,
 * workflow steps, evidence, responses and the compliance counts (the zones come from the map's useZones). Every write
 * invalidates queryKeys.incidents, which holds the lists, the map layer and the chart.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ComplianceView,
  EvidenceView,
  IncidentDetail,
  IncidentPage,
  IncidentView,
  ResponseView,
  type IncidentCreate,
} from '../../../src/contract/index.ts';
import type { ComplianceDimension, ComplianceGranularity, IncidentStatus } from '../../../src/core/index.ts';
import { api, apiPath, type QueryParams } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export const INCIDENT_PAGE_SIZE = 25;

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/incidents`;
const one = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

export interface TransitionBody {
  to: IncidentStatus;
  reason: string;
  attributedPartyId?: string | null;
  duplicateOfId?: string | null;
  /** With "verified" on an incident without evidence: why it is verified without any. */
  noEvidenceReason?: string | null;
  version: number;
}

export interface ComplianceParams {
  by: ComplianceDimension;
  granularity: ComplianceGranularity;
}

export const incidentsApi = {
  page: (slug: string, params: QueryParams) => api.get(apiPath(base(slug), { ...params, limit: INCIDENT_PAGE_SIZE }), IncidentPage),
  get: (slug: string, id: string) => api.get(apiPath(one(slug, id)), IncidentDetail),
  create: (slug: string, body: IncidentCreate) => api.post(apiPath(base(slug)), IncidentView, body),
  transition: (slug: string, id: string, body: TransitionBody) => api.post(apiPath(`${one(slug, id)}/transitions`), IncidentDetail, body),
  addLink: (slug: string, id: string, body: { url: string; name?: string; description: string }) =>
    api.post(apiPath(`${one(slug, id)}/evidence`), EvidenceView, body),
  uploadFile: (slug: string, id: string, file: File, description: string) =>
    api.upload(apiPath(`${one(slug, id)}/evidence`, { name: file.name, description }), EvidenceView, file),
  respond: (slug: string, id: string, body: { partyId: string; body: string }) => api.post(apiPath(`${one(slug, id)}/responses`), ResponseView, body),
  compliance: (slug: string, params: ComplianceParams) => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/compliance`, { ...params }), ComplianceView),
};

/** The download link of an evidence file. */
export const evidenceFileHref = (slug: string, incidentId: string, evidenceId: string): string =>
  apiPath(`${one(slug, incidentId)}/evidence/${encodeURIComponent(evidenceId)}/file`);

/** One page of the list; `params` carries the filters and the cursor. Off for callers who may not read incidents. */
export function useIncidentPage(slug: string, params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.incidentList(slug, params),
    queryFn: () => incidentsApi.page(slug, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIncident(slug: string, id: string) {
  return useQuery({ queryKey: queryKeys.incident(slug, id), queryFn: () => incidentsApi.get(slug, id) });
}

export function useCompliance(slug: string, params: ComplianceParams) {
  return useQuery({ queryKey: queryKeys.compliance(slug, params), queryFn: () => incidentsApi.compliance(slug, params), placeholderData: keepPreviousData });
}


/** A write on one incident that refreshes every incident query of the agreement when it succeeds. */
export function useIncidentWrite<I, O>(slug: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.incidents(slug) }),
  });
}
