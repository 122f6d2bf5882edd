/**
 * What the ground pages need of their agreement: the agreement with its parties, phases and
 * provisions (its summary), its zones, and whether the caller may write the schedule and
 * indicators ('ground:write') or record what is observed ('ground:observe'). Loading and "not found"
 * are shown here, once for both pages.
 */
import type { ReactNode } from 'react';
import type { AgreementSummaryView, ZoneView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { WithAgreementData } from '../agreements/WithAgreementData.tsx';
import { useSession } from '../auth/session.ts';

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
  return (
    <WithAgreementData slug={slug}>
      {(summary, zones) =>
        children({
          ...summary,
          zones,
          can: { write: can(session.principal, 'ground:write', summary.agreement), observe: can(session.principal, 'ground:observe', summary.agreement) },
        })
      }
    </WithAgreementData>
  );
}
