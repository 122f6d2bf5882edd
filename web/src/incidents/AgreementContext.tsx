/**
 * What the incident pages need of their agreement: the agreement, its parties and provisions (its
 * summary, not the matrix), its zones, and what the caller may do there. Loading and "not found" are
 * shown here, once for both pages.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { AgreementView, PartyView, ProvisionSummary, ZoneView } from '../../../src/contract/index.ts';
import { WithAgreementData } from '../agreements/WithAgreementData.tsx';
import { agreementAbilities, type AgreementAbilities } from '../auth/abilities.ts';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';

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
  return (
    <WithAgreementData slug={slug}>
      {({ agreement, parties, provisions }, zones) =>
        children({
          agreement,
          parties,
          provisions,
          zones,
          can: agreementAbilities(session.principal, agreement, parties.map((p) => p.id)),
          loggedIn: session.user !== null,
        })
      }
    </WithAgreementData>
  );
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
