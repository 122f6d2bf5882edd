import { describe, expect, it } from 'vitest';
import { confidentialScopes } from './audit.ts';
import {
  actsForParty,
  ANONYMOUS,
  audienceScope,
  can,
  delegatePartyOf,
  inAudience,
  mayAddEvidence,
  mayEditIncident,
  mayWriteFor,
  PERMISSIONS,
  readableScopes,
  respondingParties,
  responsesAddressedTo,
  ROLE_MATRIX,
  roleOn,
  writableAudiences,
  type Membership,
  type Principal,
} from './access.ts';

const publicAgreement = { id: 'a', public: true };
const privateAgreement = { id: 'b', public: false };

const user = (memberships: Extract<Principal, { kind: 'user' }>['memberships'], admin = false): Principal => ({
  kind: 'user',
  userId: 'u',
  name: 'u@example.org',
  admin,
  memberships,
});

const hamasDelegate = user([{ agreementId: 'a', role: 'party_delegate', partyId: 'hamas' }]);
const israelDelegate = user([{ agreementId: 'a', role: 'party_delegate', partyId: 'israel' }]);
const mediator = user([{ agreementId: 'a', role: 'mediator', partyId: null }]);

describe('roleOn', () => {
  it('gives a visitor only public agreements', () => {
    expect(roleOn(ANONYMOUS, publicAgreement)).toBe('anonymous');
    expect(roleOn(ANONYMOUS, privateAgreement)).toBeNull();
  });

  it('gives members their role, administrators admin, and outsiders the public view', () => {
    expect(roleOn(mediator, publicAgreement)).toBe('mediator');
    expect(roleOn(mediator, privateAgreement)).toBeNull();
    expect(roleOn(user([], true), privateAgreement)).toBe('admin');
    expect(roleOn(user([]), publicAgreement)).toBe('anonymous');
  });
});

describe('can', () => {
  it('follows the matrix for every permission and role on an agreement', () => {
    const principals: Record<string, Principal> = {
      admin: user([], true),
      mediator: user([{ agreementId: 'b', role: 'mediator', partyId: null }]),
      monitor: user([{ agreementId: 'b', role: 'monitor', partyId: null }]),
      party_delegate: user([{ agreementId: 'b', role: 'party_delegate', partyId: 'p' }]),
      viewer: user([{ agreementId: 'b', role: 'viewer', partyId: null }]),
    };
    for (const permission of PERMISSIONS) {
      for (const [role, principal] of Object.entries(principals)) {
        const expected =
          permission === 'users:manage' || permission === 'agreement:create'
            ? role === 'admin'
            : ROLE_MATRIX[permission].includes(role as never);
        expect(can(principal, permission, privateAgreement), `${role} ${permission}`).toBe(expected);
      }
    }
  });

  it('lets a visitor read a public agreement and write nothing', () => {
    expect(can(ANONYMOUS, 'agreement:read', publicAgreement)).toBe(true);
    expect(can(ANONYMOUS, 'agreement:read', privateAgreement)).toBe(false);
    expect(can(ANONYMOUS, 'authenticated')).toBe(false);
    for (const write of ['agreement:update', 'structure:write', 'provision:write', 'note:write', 'audit:read'] as const) {
      expect(can(ANONYMOUS, write, publicAgreement), write).toBe(false);
    }
  });

  it('gives a member of one agreement nothing on another', () => {
    expect(can(mediator, 'structure:write', privateAgreement)).toBe(false);
    expect(can(mediator, 'agreement:read', privateAgreement)).toBe(false);
  });
});

describe('actsForParty', () => {
  it('holds for the party’s own delegates, the mediators and administrators only', () => {
    expect(actsForParty(hamasDelegate, 'a', 'hamas')).toBe(true);
    expect(actsForParty(hamasDelegate, 'a', 'israel')).toBe(false);
    expect(actsForParty(israelDelegate, 'a', 'israel')).toBe(true);
    expect(actsForParty(israelDelegate, 'a', 'hamas')).toBe(false);
    expect(actsForParty(mediator, 'a', 'hamas')).toBe(true);
    expect(actsForParty(mediator, 'b', 'hamas')).toBe(false);
    expect(actsForParty(user([], true), 'b', 'hamas')).toBe(true);
    expect(actsForParty(ANONYMOUS, 'a', 'hamas')).toBe(false);
  });
});

describe('audiences', () => {
  const monitor = user([{ agreementId: 'a', role: 'monitor', partyId: null }]);
  const viewer = user([{ agreementId: 'a', role: 'viewer', partyId: null }]);
  const admin = user([], true);
  const otherAgreementMediator = user([{ agreementId: 'b', role: 'mediator', partyId: null }]);
  const hamasCircle = { audience: 'party', partyId: 'hamas' } as const;
  const room = { audience: 'mediators', partyId: null } as const;
  const everyone = { audience: 'all', partyId: null } as const;

  it("puts a party's circle before its delegates, the mediators and administrators only", () => {
    expect([hamasDelegate, mediator, admin].map((p) => inAudience(p, 'a', hamasCircle))).toEqual([true, true, true]);
    expect([israelDelegate, monitor, viewer, ANONYMOUS, otherAgreementMediator].map((p) => inAudience(p, 'a', hamasCircle))).toEqual([
      false, false, false, false, false,
    ]);
  });

  it("keeps the mediators' room to the mediators and administrators, and 'all' to everyone", () => {
    expect([mediator, admin].map((p) => inAudience(p, 'a', room))).toEqual([true, true]);
    expect([hamasDelegate, israelDelegate, monitor, viewer, ANONYMOUS].some((p) => inAudience(p, 'a', room))).toBe(false);
    expect([hamasDelegate, monitor, viewer, ANONYMOUS].every((p) => inAudience(p, 'a', everyone))).toBe(true);
  });

  it('lets a delegate write for its own party only, never the mediators’ room, whichever party it is', () => {
    for (const [delegate, own, other] of [
      [hamasDelegate, 'hamas', 'israel'],
      [israelDelegate, 'israel', 'hamas'],
    ] as const) {
      expect(mayWriteFor(delegate, 'a', { audience: 'party', partyId: own })).toBe(true);
      expect(mayWriteFor(delegate, 'a', { audience: 'all', partyId: own })).toBe(true);
      expect(mayWriteFor(delegate, 'a', { audience: 'all', partyId: null })).toBe(false);
      expect(mayWriteFor(delegate, 'a', { audience: 'mediators', partyId: own })).toBe(false);
      expect(mayWriteFor(delegate, 'a', { audience: 'party', partyId: other })).toBe(false);
      expect(writableAudiences(delegate, 'a')).toEqual(['party', 'all']);
    }
    expect(mayWriteFor(mediator, 'a', room)).toBe(true);
    expect(writableAudiences(mediator, 'a')).toEqual(['party', 'mediators', 'all']);
    expect([monitor, viewer, ANONYMOUS].map((p) => writableAudiences(p, 'a'))).toEqual([[], [], []]);
  });

  it('names the scopes each reader may read in the audit log', () => {
    expect(readableScopes(mediator, 'a')).toBeNull();
    expect(readableScopes(admin, 'a')).toBeNull();
    expect(readableScopes(hamasDelegate, 'a')).toEqual(['party:hamas']);
    expect(readableScopes(monitor, 'a')).toEqual([]);
    expect(readableScopes(otherAgreementMediator, 'a')).toEqual([]);
    expect(audienceScope(hamasCircle)).toBe('party:hamas');
    expect(audienceScope(room)).toBe('mediators');
    expect(audienceScope(everyone)).toBeNull();
  });

  it('finds every confidential scope an audit entry was written under, old notes included', () => {
    expect(confidentialScopes(null, { audience: 'all', partyId: 'hamas' })).toEqual([]);
    expect(confidentialScopes({ audience: 'all', partyId: 'hamas' }, { audience: 'party', partyId: 'hamas' })).toEqual(['party:hamas']);
    expect(confidentialScopes({ audience: 'party', partyId: 'hamas' }, { audience: 'mediators', partyId: null }).sort()).toEqual([
      'mediators',
      'party:hamas',
    ]);
    expect(confidentialScopes({ confidential: true, partyId: 'israel' }, null)).toEqual(['party:israel']);
    expect(confidentialScopes({ confidential: false, partyId: 'israel' }, 'text', 3)).toEqual([]);
  });
});

// Every party is held to the same rule: a delegate responds for, and adds evidence to, what names its own party.
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

describe('delegatePartyOf and mayEditIncident', () => {
  it('names the party only for its delegates', () => {
    expect(delegatePartyOf(delegate('hamas'), 'a1')).toBe('hamas');
    expect(delegatePartyOf(delegate('hamas'), 'a2')).toBeNull();
    expect(delegatePartyOf(role('mediator'), 'a1')).toBeNull();
    expect(delegatePartyOf(ANONYMOUS, 'a1')).toBeNull();
  });

  it("lets a delegate edit only its own party's reports, before they are triaged", () => {
    const report = { agreementId: 'a1', reportingPartyId: 'hamas', status: 'reported' };
    expect(mayEditIncident(delegate('hamas'), report)).toBe(true);
    expect(mayEditIncident(delegate('israel'), report)).toBe(false);
    expect(mayEditIncident(delegate('hamas'), { ...report, status: 'triaged' })).toBe(false);
    expect(mayEditIncident(role('monitor'), { ...report, status: 'verified' })).toBe(true);
  });
});

describe('responsesAddressedTo', () => {
  it("addresses an incident's responses to each party it names, by the same rule for every party", () => {
    for (const [own, other] of [['israel', 'hamas'], ['hamas', 'israel']] as const) {
      expect(responsesAddressedTo(delegate(own), against(own))).toBe(true);
      expect(responsesAddressedTo(delegate(own), against(other, null, own))).toBe(true);
      expect(responsesAddressedTo(delegate(own), against(other, own))).toBe(true);
      expect(responsesAddressedTo(delegate(own), against(other, other, other))).toBe(false);
      expect(responsesAddressedTo(delegate(own), against(null))).toBe(false);
    }
  });

  it('addresses every response to the mediators and administrators, none to monitors, viewers or visitors', () => {
    expect(responsesAddressedTo(role('mediator'), against(null))).toBe(true);
    expect(responsesAddressedTo(user([], true), against('israel'))).toBe(true);
    expect(responsesAddressedTo(role('monitor'), against('israel'))).toBe(false);
    expect(responsesAddressedTo(role('viewer'), against('israel'))).toBe(false);
    expect(responsesAddressedTo(ANONYMOUS, against('israel'))).toBe(false);
    // A mediator of another agreement is nobody here.
    expect(responsesAddressedTo(user([{ agreementId: 'other', role: 'mediator', partyId: null }]), against('israel'))).toBe(false);
  });
});
