/**
 * A party's notes on the agreement. A confidential note is read only inside its party's circle
 * (its delegates, the mediators, administrators); everyone else does not learn it exists.
 */
import type { z } from 'zod';
import type { NoteCreate, NoteUpdate } from '../../contract/index.ts';
import { actsForParty, NotFoundError, type PartyNote, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { assertRules } from '../agreements/agreements.service.ts';
import { auditedParts } from '../agreements/parts.ts';
import { ForbiddenError } from '../auth/auth.service.ts';
import type { Actor, Write } from '../write.ts';

type Out<T extends z.ZodType> = z.output<T>;

export const visibleTo = (principal: Principal, note: PartyNote): boolean =>
  !note.confidential || actsForParty(principal, note.agreementId, note.partyId);

export function noteService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<PartyNote, Out<typeof NoteCreate> & { authorId: string | null }, Out<typeof NoteUpdate>>(
    { repos, write },
    {
      entity: 'note',
      repo: (r) => r.notes,
      async prepareCreate(ctx, input) {
        const issues = [];
        if (!(await ctx.repos.parties.list(ctx.agreementId)).some((p) => p.id === input.partyId)) {
          issues.push({ path: 'partyId', message: 'is not a party to this agreement' });
        }
        if (input.provisionId && !(await ctx.repos.provisions.get(ctx.agreementId, input.provisionId).catch(() => null))) {
          issues.push({ path: 'provisionId', message: 'is not a provision of this agreement' });
        }
        assertRules(issues);
        return input;
      },
      async preparePatch(ctx, _current, patch) {
        if (patch.provisionId && !(await ctx.repos.provisions.get(ctx.agreementId, patch.provisionId).catch(() => null))) {
          assertRules([{ path: 'provisionId', message: 'is not a provision of this agreement' }]);
        }
        return patch;
      },
    },
  );

  /** A note the principal may see, or 404 as if it did not exist. */
  async function visible(ref: string, id: string, principal: Principal): Promise<PartyNote> {
    const note = await parts.get(ref, id);
    if (!visibleTo(principal, note)) throw new NotFoundError('Note', id);
    return note;
  }

  async function mustSpeakFor(principal: Principal, agreementId: string, partyId: string): Promise<void> {
    if (!actsForParty(principal, agreementId, partyId)) {
      throw new ForbiddenError("Only the party's own delegates and the mediators write its notes");
    }
  }

  return {
    visibleTo,
    async list(ref: string, principal: Principal, filter: { partyId?: string | undefined; provisionId?: string | undefined } = {}) {
      return (await parts.list(ref)).filter(
        (n) =>
          visibleTo(principal, n) &&
          (!filter.partyId || n.partyId === filter.partyId) &&
          (!filter.provisionId || n.provisionId === filter.provisionId),
      );
    },
    get: visible,
    async create(ref: string, input: Out<typeof NoteCreate>, principal: Principal, actor: Actor) {
      const agreement = await repos.agreements.get(ref);
      await mustSpeakFor(principal, agreement.id, input.partyId);
      return parts.create(ref, { ...input, authorId: actor.id }, actor);
    },
    async update(ref: string, id: string, input: Out<typeof NoteUpdate>, principal: Principal, actor: Actor) {
      const note = await visible(ref, id, principal);
      await mustSpeakFor(principal, note.agreementId, note.partyId);
      return parts.update(ref, id, input, actor);
    },
    async remove(ref: string, id: string, version: number, principal: Principal, actor: Actor) {
      const note = await visible(ref, id, principal);
      await mustSpeakFor(principal, note.agreementId, note.partyId);
      return parts.remove(ref, id, version, actor);
    },
  };
}
export type NoteService = ReturnType<typeof noteService>;
