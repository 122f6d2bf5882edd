/** Queries and mutations for the list of agreements. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AgreementView, page, type AgreementCreate } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys, type AgreementListParams } from '../shared/queryKeys.ts';

const AgreementPage = page(AgreementView);

export function useAgreementList(params: AgreementListParams) {
  return useQuery({
    queryKey: queryKeys.agreementList(params),
    queryFn: () => api.get(apiPath('/agreements', { ...params }), AgreementPage),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AgreementCreate) => api.post(apiPath('/agreements'), AgreementView, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.agreementLists }),
  });
}
