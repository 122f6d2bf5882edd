/**
 * What the ground pages need of their agreement: the agreement with its parties, phases and
 * provisions (its summary), its zones, and whether the caller may write the schedule and
 * indicators ('ground:write') or record what is observed ('ground:observe'). Loading and "not found"
 * are shown here, once for both pages.
 */
import type { ReactNode } from 'react';
import type { AgreementSummaryView, ZoneView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { useSession } from '../auth/session.ts';
import { useZones } from '../map/map.api.ts';
import { ApiError } from '../shared/api.ts';
import { ErrorState, Loading } from '../shared/states.tsx';

export interface GroundAbilities {
  /** Withdrawal items and indicators (administrators, mediators). */
  write: boolean;
  /** Verifications and observations, one by one or imported (and monitors). */
  observe: boolean;
}

export interface GroundContext extends AgreementSummaryView {
  zones: ZoneView[];
  can: GroundAbilities;
}

export function WithGround({ slug, children }: { slug: string; children: (context: GroundContext) => ReactNode }) {
  const session = useSession();
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
  const agreement = summary.data.agreement;
  return children({
    ...summary.data,
    zones: zones.data,
    can: { write: can(session.principal, 'ground:write', agreement), observe: can(session.principal, 'ground:observe', agreement) },
  });
}
