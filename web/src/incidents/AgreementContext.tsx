/**
 * What the incident pages need of their agreement: the agreement, its parties and provisions (its
 * summary, not the matrix), its zones, and what the caller may do there. Loading and "not found" are
 * shown here, once for both pages.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { AgreementView, PartyView, ProvisionSummary, ZoneView } from '../../../src/contract/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { agreementAbilities, type AgreementAbilities } from '../auth/abilities.ts';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';
import { useZones } from '../map/map.api.ts';
import { ApiError } from '../shared/api.ts';
import { ErrorState, Loading } from '../shared/states.tsx';

export interface AgreementContext {
  agreement: AgreementView;
  parties: PartyView[];
  provisions: ProvisionSummary[];
  zones: ZoneView[];
  can: AgreementAbilities;
  loggedIn: boolean;
}

/** Renders `children` with the agreement's context once it is loaded. */
export function WithAgreement({ slug, children }: { slug: string; children: (context: AgreementContext) => ReactNode }) {
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
  const { agreement, parties, provisions } = summary.data;
  return children({
    agreement,
    parties,
    provisions,
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
