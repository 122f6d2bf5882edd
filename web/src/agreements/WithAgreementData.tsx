/**
 * An agreement's summary (the agreement with its parties, phases and provisions) and its zones,
 * loaded once for the pages that need both (incidents, the ground), with the loading, "not found"
 * and error states shown here.
 */
import type { ReactNode } from 'react';
import type { AgreementSummaryView, ZoneView } from '../../../src/contract/index.ts';
import { useZones } from '../map/map.api.ts';
import { ApiError } from '../shared/api.ts';
import { ErrorState, Loading } from '../shared/states.tsx';
import { AgreementNotFound } from './AgreementNotFound.tsx';
import { useAgreementSummary } from './summary.api.ts';

export function WithAgreementData({ slug, children }: { slug: string; children: (summary: AgreementSummaryView, zones: ZoneView[]) => ReactNode }) {
  const summary = useAgreementSummary(slug);
  const zones = useZones(slug);

  if (summary.isPending || zones.isPending) return <Loading label="Loading the agreement…" />;
  if (summary.isError || zones.isError) {
    const error = summary.error ?? zones.error;
    return (
      <section className="page">
        {error instanceof ApiError && error.isNotFound ? (
          <>
            <title>Agreement not found · Phaseline</title>
            <AgreementNotFound slug={slug} />
          </>
        ) : (
          <ErrorState error={error} title="Could not load this agreement" onRetry={() => void Promise.all([summary.refetch(), zones.refetch()])} />
        )}
      </section>
    );
  }
  return children(summary.data, zones.data);
}
