/** React Query keys in one place, so that a save invalidates exactly what it changed. */
export interface AgreementListParams {
  q: string;
  status: string;
  sort: string;
  order: string;
  limit: number;
  offset: number;
}

export const queryKeys = {
  agreementLists: ['agreements'] as const,
  agreementList: (params: AgreementListParams) => ['agreements', params] as const,
  /** Everything under one agreement: matrix, rounds, single items. */
  agreement: (slug: string) => ['agreement', slug] as const,
  matrix: (slug: string) => ['agreement', slug, 'matrix'] as const,
  /** The agreement with its parties, phases and provisions (the incident and map pages). */
  summary: (slug: string) => ['agreement', slug, 'summary'] as const,
  rounds: (slug: string) => ['agreement', slug, 'rounds'] as const,
  notes: (slug: string) => ['agreement', slug, 'notes'] as const,
  members: (slug: string) => ['agreement', slug, 'members'] as const,
  /** A page of the audit log by its filters. */
  audit: (slug: string, params: object) => ['agreement', slug, 'audit', params] as const,
  /** Every incident query of an agreement (lists, map layer, single incidents, compliance): what a filed or moved incident invalidates. */
  incidents: (slug: string) => ['agreement', slug, 'incidents'] as const,
  incidentList: (slug: string, params: object) => ['agreement', slug, 'incidents', 'list', params] as const,
  incidentMap: (slug: string, params: object) => ['agreement', slug, 'incidents', 'map', params] as const,
  incident: (slug: string, id: string) => ['agreement', slug, 'incidents', 'one', id] as const,
  compliance: (slug: string, params: object) => ['agreement', slug, 'incidents', 'compliance', params] as const,
  zones: (slug: string) => ['agreement', slug, 'zones'] as const,
  /** Every negotiated document query of an agreement (the list, each document, its versions and diffs): what any write on a document invalidates. */
  documents: (slug: string) => ['agreement', slug, 'documents'] as const,
  /** One document and what is read about it (versions, diffs). */
  document: (slug: string, id: string) => ['agreement', slug, 'documents', id] as const,
};
