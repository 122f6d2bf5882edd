/**
 * Which parties the caller may act for on one incident, by the same rules the server applies:
 * a party answers (and adds evidence to) what concerns it; no one acts for another party.
 */
import { actsForParty, type Principal } from '../../../src/core/access.ts';

type Named = { agreementId: string; allegedPartyId: string | null; attributedPartyId: string | null; reportingPartyId: string | null };

/** The party a delegate speaks for on the agreement; null for every other role. */
function delegateParty(principal: Principal, agreementId: string): string | null {
  if (principal.kind !== 'user' || principal.admin) return null;
  const m = principal.memberships.find((x) => x.agreementId === agreementId);
  return m?.role === 'party_delegate' ? m.partyId : null;
}

/** The parties the caller may respond for: those the allegation names (alleged, attributed) that it acts for. */
export function respondingParties(principal: Principal, incident: Omit<Named, 'reportingPartyId'>): string[] {
  const named = [incident.allegedPartyId, incident.attributedPartyId].filter((id): id is string => id !== null);
  return [...new Set(named)].filter((id) => actsForParty(principal, incident.agreementId, id));
}

/** Whether a caller with incident:report may add evidence here: a delegate only where its party is named. */
export function mayAddEvidence(principal: Principal, incident: Named): boolean {
  const party = delegateParty(principal, incident.agreementId);
  return party === null || [incident.reportingPartyId, incident.allegedPartyId, incident.attributedPartyId].includes(party);
}
