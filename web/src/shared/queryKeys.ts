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
  rounds: (slug: string) => ['agreement', slug, 'rounds'] as const,
  notes: (slug: string) => ['agreement', slug, 'notes'] as const,
  members: (slug: string) => ['agreement', slug, 'members'] as const,
  audit: (slug: string, offset: number) => ['agreement', slug, 'audit', offset] as const,
};
