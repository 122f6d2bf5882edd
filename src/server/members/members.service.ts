/** Roles on an agreement: who is mediator, monitor, a party's delegate or viewer. */
import { NotFoundError, RuleViolationError, type AgreementRole } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Actor, Write } from '../write.ts';

export function memberService({ repos, write }: { repos: Repositories; write: Write }) {
  return {
    list: async (ref: string) => repos.accounts.membersOf((await repos.agreements.get(ref)).id),

    /** Gives the user this role on the agreement, replacing any role they had there. */
    set: (ref: string, userId: string, input: { role: AgreementRole; partyId: string | null }, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const user = await tx.accounts.getUser(userId);
        if (input.role === 'party_delegate') {
          if (!input.partyId) {
            throw new RuleViolationError('A party delegate speaks for one party: give partyId', {
              issues: [{ path: 'partyId', message: 'is required for a party delegate' }],
            });
          }
          await tx.parties.get(agreement.id, input.partyId).catch(() => {
            throw new RuleViolationError('partyId is not a party to this agreement', {
              issues: [{ path: 'partyId', message: 'is not a party to this agreement' }],
            });
          });
        } else if (input.partyId) {
          throw new RuleViolationError('Only a party delegate is bound to a party', {
            issues: [{ path: 'partyId', message: `must be null for the role ${input.role}` }],
          });
        }
        const before = (await tx.accounts.membershipsOf(user.id)).find((m) => m.agreementId === agreement.id) ?? null;
        const after = await tx.accounts.setMembership({ userId: user.id, agreementId: agreement.id, ...input });
        await record({
          action: before ? 'update' : 'create',
          entity: 'membership',
          entityId: `${user.id}:${agreement.id}`,
          agreementId: agreement.id,
          before,
          after,
        });
        return { userId: user.id, email: user.email, name: user.name, agreementId: agreement.id, role: after.role, partyId: after.partyId };
      }),

    remove: (ref: string, userId: string, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const before = await tx.accounts.removeMembership(userId, agreement.id);
        if (!before) throw new NotFoundError('Membership', `${userId} on ${ref}`);
        await record({ action: 'delete', entity: 'membership', entityId: `${userId}:${agreement.id}`, agreementId: agreement.id, before, after: null });
      }),
  };
}
export type MemberService = ReturnType<typeof memberService>;
