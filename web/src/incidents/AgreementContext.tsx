/**
 * What the incident pages need of their agreement: the agreement, its parties, provisions and zones,
 * and what the caller may do there. Loading and "not found" are shown here, once for both pages.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { AgreementView, PartyView, ProvisionView, ZoneView } from '../../../src/contract/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { agreementAbilities, type AgreementAbilities } from '../auth/abilities.ts';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';
import { useMatrix } from '../matrix/matrix.api.ts';
import { useZones } from '../map/map.api.ts';
import { ApiError } from '../shared/api.ts';
import { ErrorState, Loading } from '../shared/states.tsx';

export interface AgreementContext {
  agreement: AgreementView;
  parties: PartyView[];
  provisions: ProvisionView[];
  zones: ZoneView[];
  can: AgreementAbilities;
  loggedIn: boolean;
}

/** Renders `children` with the agreement's context once it is loaded. */
export function WithAgreement({ slug, children }: { slug: string; children: (context: AgreementContext) => ReactNode }) {
  const session = useSession();
  const matrix = useMatrix(slug);
  const zones = useZones(slug);

  if (matrix.isPending || zones.isPending) return <Loading label="Loading the agreement…" />;
  if (matrix.isError || zones.isError) {
    const error = matrix.error ?? zones.error;
    return (
      <section className="page">
        {error instanceof ApiError && error.isNotFound ? (
          <>
            <title>Agreement not found · Phaseline</title>
            <AgreementNotFound slug={slug} />
          </>
        ) : (
          <ErrorState error={error} title="Could not load this agreement" onRetry={() => void Promise.all([matrix.refetch(), zones.refetch()])} />
        )}
      </section>
    );
  }
  const { agreement, parties } = matrix.data;
  return children({
    agreement,
    parties,
    provisions: matrix.data.rows.flatMap((r) => r.realities),
    zones: zones.data,
    can: agreementAbilities(session.principal, agreement, parties.map((p) => p.id)),
    loggedIn: session.user !== null,
  });
}

/** For callers who may not read incident reports: why, and a way in. */
export function IncidentsClosed({ loggedIn }: { loggedIn: boolean }) {
  const location = useLocation();
  return (
    <div className="state state-empty" role="note">
      <p className="state-title">{loggedIn ? 'Incident reports are for the agreement’s members' : 'Log in to see incident reports'}</p>
      <p>
        Reports, their evidence and their history are shown to those who hold a role on this agreement. The counts of verified
        incidents are public.
      </p>
      {loggedIn ? null : (
        <Link className="button button-primary" to={loginPath(location.pathname + location.search)}>
          Log in
        </Link>
      )}
    </div>
  );
}
