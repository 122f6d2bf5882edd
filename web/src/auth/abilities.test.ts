// The controls each role gets on an agreement follow ROLE_MATRIX, and a delegate writes notes for
// its own party only.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Membership, type Principal } from '../../../src/core/access.ts';
import { agreementAbilities, canCreateAgreements, negotiationAbilities } from './abilities.ts';
import { principalOf } from './session.ts';

const AGREEMENT = { id: 'a1', public: true };
const PRIVATE = { id: 'a2', public: false };
const PARTIES = ['hamas', 'israel', 'egypt'];

const user = (memberships: Membership[], admin = false): Principal => ({ kind: 'user', userId: 'u', name: 'u@x.invalid', admin, memberships });
const member = (role: Membership['role'], partyId: string | null = null) => user([{ agreementId: 'a1', role, partyId }]);

describe('agreementAbilities', () => {
  it('gives an administrator everything, and every party for notes', () => {
    const { writeNote, ...a } = agreementAbilities(user([], true), PRIVATE, PARTIES);
    expect(writeNote({ audience: 'mediators', partyId: null })).toBe(true);
    expect(a).toEqual({
      updateAgreement: true,
      publish: true,
      structureWrite: true,
      provisionWrite: true,
      auditRead: true,
      membersManage: true,
      noteParties: PARTIES,
      noteAudiences: ['party', 'mediators', 'all'],
      incidentRead: true,
      incidentReport: true,
      incidentVerify: true,
      incidentRespond: true,
      zoneWrite: true,
    });
    expect(canCreateAgreements(user([], true))).toBe(true);
  });

  it('lets a mediator edit structure and provisions and write for any party, but not publish or manage members', () => {
    const a = agreementAbilities(member('mediator'), AGREEMENT, PARTIES);
    expect(a).toMatchObject({ updateAgreement: true, structureWrite: true, provisionWrite: true, auditRead: true, publish: false, membersManage: false });
    expect(a.noteParties).toEqual(PARTIES);
    expect(a.noteAudiences).toEqual(['party', 'mediators', 'all']);
    expect(a.writeNote({ audience: 'party', partyId: 'hamas' })).toBe(true);
    expect(canCreateAgreements(member('mediator'))).toBe(false);
  });

  it('lets a monitor update provisions only', () => {
    const a = agreementAbilities(member('monitor'), AGREEMENT, PARTIES);
    expect(a).toMatchObject({ structureWrite: false, provisionWrite: true, auditRead: true, updateAgreement: false, noteParties: [] });
  });

  it('lets a party delegate write notes for its own party only, whichever party it is', () => {
    for (const party of PARTIES) {
      const a = agreementAbilities(member('party_delegate', party), AGREEMENT, PARTIES);
      expect(a.noteParties).toEqual([party]);
      expect(a.noteAudiences).toEqual(['party', 'all']);
      expect(a.writeNote({ audience: 'party', partyId: party })).toBe(true);
      expect(a.writeNote({ audience: 'all', partyId: party })).toBe(true);
      expect(a.writeNote({ audience: 'mediators', partyId: party })).toBe(false);
      for (const other of PARTIES.filter((p) => p !== party)) expect(a.writeNote({ audience: 'party', partyId: other })).toBe(false);
      expect(a).toMatchObject({ structureWrite: false, provisionWrite: false, auditRead: true });
    }
  });

  it('gives a viewer, a visitor and a user without a role on this agreement nothing to edit', () => {
    const strangers: Principal[] = [member('viewer'), ANONYMOUS, user([{ agreementId: 'other', role: 'mediator', partyId: null }])];
    for (const principal of strangers) {
      const a = agreementAbilities(principal, AGREEMENT, PARTIES);
      expect(a).toMatchObject({ structureWrite: false, provisionWrite: false, membersManage: false, publish: false, noteParties: [], noteAudiences: [] });
      expect(a.writeNote({ audience: 'all', partyId: null })).toBe(false);
    }
    expect(agreementAbilities(member('viewer'), AGREEMENT, PARTIES).auditRead).toBe(false);
  });
});

describe('incident abilities', () => {
  const incidents = (principal: Principal) => {
    const { incidentRead, incidentReport, incidentVerify, incidentRespond } = agreementAbilities(principal, AGREEMENT, PARTIES);
    return { incidentRead, incidentReport, incidentVerify, incidentRespond };
  };

  it('lets a monitor read, report and verify, but not respond for a party', () => {
    expect(incidents(member('monitor'))).toEqual({ incidentRead: true, incidentReport: true, incidentVerify: true, incidentRespond: false });
  });

  it('lets a mediator do everything with incidents', () => {
    expect(incidents(member('mediator'))).toEqual({ incidentRead: true, incidentReport: true, incidentVerify: true, incidentRespond: true });
  });

  it('lets every party delegate alike report and respond, but not verify', () => {
    for (const party of PARTIES) {
      expect(incidents(member('party_delegate', party))).toEqual({ incidentRead: true, incidentReport: true, incidentVerify: false, incidentRespond: true });
    }
  });

  it('lets a viewer read only, and a visitor of a public agreement not even read', () => {
    expect(incidents(member('viewer'))).toEqual({ incidentRead: true, incidentReport: false, incidentVerify: false, incidentRespond: false });
    expect(incidents(ANONYMOUS)).toEqual({ incidentRead: false, incidentReport: false, incidentVerify: false, incidentRespond: false });
  });
});

describe('zone abilities', () => {
  it('lets only mediators and administrators draw zones, and a visitor not at all', () => {
    const expected = { admin: true, mediator: true, monitor: false, party_delegate: false, viewer: false } as const;
    for (const [role, zoneWrite] of Object.entries(expected)) {
      const principal = role === 'admin' ? user([], true) : member(role as Membership['role'], role === 'party_delegate' ? 'hamas' : null);
      expect(agreementAbilities(principal, AGREEMENT, PARTIES).zoneWrite, role).toBe(zoneWrite);
    }
    expect(agreementAbilities(ANONYMOUS, AGREEMENT, PARTIES).zoneWrite).toBe(false);
  });
});

describe('principalOf', () => {
  it('is anonymous for a visitor, and carries the memberships of a user', () => {
    expect(principalOf(undefined)).toEqual(ANONYMOUS);
    expect(principalOf({ user: null, memberships: [], csrfToken: null, setupRequired: false })).toEqual(ANONYMOUS);
    const me = {
      user: { id: 'u1', email: 'd@x.invalid', name: 'D', admin: false, disabledAt: null, hasPassword: true, version: 1, createdAt: '2026-01-01T00:00:00Z' },
      memberships: [{ agreementId: 'a1', role: 'party_delegate' as const, partyId: 'israel' }],
      csrfToken: 't',
      setupRequired: false,
    };
    const principal = principalOf(me);
    expect(principal).toMatchObject({ kind: 'user', userId: 'u1', admin: false });
    expect(agreementAbilities(principal, AGREEMENT, PARTIES).noteParties).toEqual(['israel']);
  });
});

describe('negotiationAbilities', () => {
  it('lets mediators and administrators edit documents and state stances for every party and audience', () => {
    for (const principal of [user([], true), member('mediator')]) {
      expect(negotiationAbilities(principal, AGREEMENT, PARTIES)).toEqual({
        documentWrite: true,
        stanceParties: PARTIES,
        stanceAudiences: ['party', 'mediators', 'all'],
      });
    }
  });

  it("lets a delegate state its own party's stances only, never for the mediators' room, and edit no document", () => {
    expect(negotiationAbilities(member('party_delegate', 'israel'), AGREEMENT, PARTIES)).toEqual({
      documentWrite: false,
      stanceParties: ['israel'],
      stanceAudiences: ['party', 'all'],
    });
  });

  it('gives monitors, viewers and visitors nothing to write', () => {
    for (const principal of [member('monitor'), member('viewer'), ANONYMOUS]) {
      expect(negotiationAbilities(principal, AGREEMENT, PARTIES)).toEqual({ documentWrite: false, stanceParties: [], stanceAudiences: [] });
    }
  });
});
