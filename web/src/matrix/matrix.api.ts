/** The Strategic Matrix of one agreement: phases, their provisions and bottlenecks, computed by the server. */
import { useQuery } from '@tanstack/react-query';
import { MatrixView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export type MatrixRow = MatrixView['rows'][number];
export type Bottleneck = MatrixRow['bottlenecks'][number];
export type BottleneckReason = Bottleneck['reasons'][number];
export type Progress = MatrixRow['progress'];
export type PillarSummary = MatrixView['pillars'][number];

export function useMatrix(slug: string) {
  return useQuery({
    queryKey: queryKeys.matrix(slug),
    queryFn: () => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/matrix`), MatrixView),
  });
}
