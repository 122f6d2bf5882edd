import { describe, expect, it } from 'vitest';
import { actsForParty, ANONYMOUS, can, PERMISSIONS, ROLE_MATRIX, roleOn, type Principal } from './access.ts';

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
