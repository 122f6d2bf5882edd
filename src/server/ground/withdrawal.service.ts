/**
 * The withdrawal schedule (docs/GATES.md): items CRUD through auditedParts (the ids they name
 * belong to the agreement), verifications appended with their audit entry, and each item's status
 * as of today in the agreement's time zone (core's withdrawalStatus).
 */
import type { Parsed, WithdrawalItemCreate, WithdrawalItemUpdate, WithdrawalItemView, WithdrawalVerificationCreate } from '../../contract/index.ts';
import { withdrawalStatus } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { WithdrawalItem, WithdrawalVerification } from '../../db/repositories/ground.repository.ts';
import type { Clock } from '../clock.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import { checkReferences, type NamedIds } from '../references.ts';
import type { Actor, Write } from '../write.ts';
import { todayIn } from './today.ts';

type ItemFields = Partial<Pick<WithdrawalItem, 'phaseId' | 'partyId' | 'provisionId' | 'fromZoneId' | 'behindZoneId'>>;

const itemReferences = (input: ItemFields): NamedIds[] => [
  { path: 'phaseId', kind: 'phase', id: input.phaseId },
  { path: 'partyId', kind: 'party', id: input.partyId },
  { path: 'provisionId', kind: 'provision', id: input.provisionId },
  { path: 'fromZoneId', kind: 'zone', id: input.fromZoneId },
  { path: 'behindZoneId', kind: 'zone', id: input.behindZoneId },
];

/** An item as the API shows it: with its verifications, oldest first, and its status on `today`. */
export function withdrawalView(item: WithdrawalItem, verifications: readonly WithdrawalVerification[], today: string): WithdrawalItemView {
  const { status, since } = withdrawalStatus(item, verifications, today);
  return {
    ...item,
    status,
    since,
    verifications: verifications.map(({ authorId: _author, ...v }) => v),
  };
}

export function withdrawalService({ repos, write, clock }: { repos: Repositories; write: Write; clock: Clock }) {
  const parts = auditedParts<WithdrawalItem, Parsed<typeof WithdrawalItemCreate>, Parsed<typeof WithdrawalItemUpdate>>(
    { repos, write },
    {
      entity: 'withdrawal_item',
      repo: (r) => r.ground.withdrawalItems,
      async prepareCreate({ repos: tx, agreementId }, input) {
        await checkReferences(tx, agreementId, itemReferences(input));
        return input;
      },
      async preparePatch({ repos: tx, agreementId }, _current, patch) {
        await checkReferences(tx, agreementId, itemReferences(patch));
        return patch;
      },
    },
  );

  /** The views of items of one agreement, with today in its time zone. */
  async function views(ref: string, items: readonly WithdrawalItem[]): Promise<WithdrawalItemView[]> {
    const agreement = await repos.agreements.get(ref);
    const today = todayIn(clock, agreement.timeZone);
    const verifications = await repos.ground.withdrawalVerifications.forItems(items.map((i) => i.id));
    return items.map((item) => withdrawalView(item, verifications.filter((v) => v.itemId === item.id), today));
  }
  const one = async (ref: string, item: WithdrawalItem) => (await views(ref, [item]))[0]!;

  return {
    list: async (ref: string) => views(ref, await parts.list(ref)),
    get: async (ref: string, id: string) => one(ref, await parts.get(ref, id)),
    create: async (ref: string, input: Parsed<typeof WithdrawalItemCreate>, actor: Actor) => one(ref, await parts.create(ref, input, actor)),
    update: async (ref: string, id: string, input: Parsed<typeof WithdrawalItemUpdate>, actor: Actor) => one(ref, await parts.update(ref, id, input, actor)),
    remove: parts.remove,

    /** Appends a verification (audited) and answers the item with its status now. */
    async verify(ref: string, itemId: string, input: Parsed<typeof WithdrawalVerificationCreate>, actor: Actor): Promise<WithdrawalItemView> {
      const item = await write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const found = await tx.ground.withdrawalItems.get(agreementId, itemId);
        const row = await tx.ground.withdrawalVerifications.insert({ ...input, itemId: found.id, authorId: actor.id, authorName: actor.name });
        await record({ action: 'create', entity: 'withdrawal_verification', entityId: row.id, agreementId, before: null, after: row });
        return found;
      });
      return one(ref, item);
    },

    /** Every item of an agreement with its status on `today` (for gates). */
    async statuses(agreementId: string, today: string) {
      const items = await repos.ground.withdrawalItems.list(agreementId);
      const verifications = await repos.ground.withdrawalVerifications.forItems(items.map((i) => i.id));
      return items.map((item) => ({ item, ...withdrawalStatus(item, verifications.filter((v) => v.itemId === item.id), today) }));
    },
  };
}
export type WithdrawalService = ReturnType<typeof withdrawalService>;
