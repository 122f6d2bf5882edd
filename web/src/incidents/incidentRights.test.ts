// Every party is held to the same rule: a delegate responds for, and adds evidence to, what names its own party.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Membership, type Principal } from '../../../src/core/access.ts';
import { mayAddEvidence, respondingParties } from './incidentRights.ts';

const user = (memberships: Membership[], admin = false): Principal => ({ kind: 'user', userId: 'u', name: 'u@x.invalid', admin, memberships });
const delegate = (partyId: string) => user([{ agreementId: 'a1', role: 'party_delegate', partyId }]);
const role = (r: Membership['role']) => user([{ agreementId: 'a1', role: r, partyId: null }]);

const against = (alleged: string | null, attributed: string | null = null, reporting: string | null = null) => ({
  agreementId: 'a1',
  allegedPartyId: alleged,
  attributedPartyId: attributed,
  reportingPartyId: reporting,
});

describe('respondingParties', () => {
  it('lets each delegate respond to an allegation against its own party only, whichever party', () => {
    for (const [own, other] of [['israel', 'hamas'], ['hamas', 'israel']] as const) {
      expect(respondingParties(delegate(own), against(own))).toEqual([own]);
      expect(respondingParties(delegate(own), against(other))).toEqual([]);
    }
  });

  it('counts the attributed party too, once', () => {
    expect(respondingParties(delegate('hamas'), against('israel', 'hamas'))).toEqual(['hamas']);
    expect(respondingParties(role('mediator'), against('israel', 'israel'))).toEqual(['israel']);
    expect(respondingParties(user([], true), against('israel', 'hamas'))).toEqual(['israel', 'hamas']);
  });

  it('gives monitors, viewers, visitors and an allegation against no party nothing', () => {
    expect(respondingParties(role('monitor'), against('israel'))).toEqual([]);
    expect(respondingParties(role('viewer'), against('israel'))).toEqual([]);
    expect(respondingParties(ANONYMOUS, against('israel'))).toEqual([]);
    expect(respondingParties(role('mediator'), against(null))).toEqual([]);
  });
});

describe('mayAddEvidence', () => {
  it('lets a delegate add to its party complaints and allegations against it, not to others', () => {
    expect(mayAddEvidence(delegate('hamas'), against('israel', null, 'hamas'))).toBe(true);
    expect(mayAddEvidence(delegate('hamas'), against('hamas'))).toBe(true);
    expect(mayAddEvidence(delegate('hamas'), against('israel', null, 'israel'))).toBe(false);
    expect(mayAddEvidence(delegate('israel'), against('hamas', null, 'hamas'))).toBe(false);
  });

  it('leaves other roles to the role matrix', () => {
    expect(mayAddEvidence(role('monitor'), against('israel'))).toBe(true);
    expect(mayAddEvidence(user([], true), against(null))).toBe(true);
  });
});
