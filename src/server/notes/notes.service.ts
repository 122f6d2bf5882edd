/**
 * Notes on the agreement, each with its author and its audience: one party's circle (its delegates
 * and the mediators), the mediators only, or everyone who reads the agreement. Outside a note's
 * audience one does not learn that it exists: reads answer 404 and lists leave it out.
 */
import type { NoteCreate, NoteUpdate, NoteView, Parsed } from '../../contract/index.ts';
import { assertRules, ForbiddenError, inAudience, mayWriteFor, NotFoundError, type Audienced, type PartyNote, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import { checkReferences, type NamedIds } from '../references.ts';
import type { Actor, Write } from '../write.ts';

/** The ids a note names, checked against its agreement. */
const noteReferences = (note: { partyId?: string | null | undefined; provisionId?: string | null | undefined }): NamedIds[] => [
  { path: 'partyId', kind: 'party', id: note.partyId },
  { path: 'provisionId', kind: 'provision', id: note.provisionId },
];

export const visibleTo = (principal: Principal, note: PartyNote): boolean => inAudience(principal, note.agreementId, note);

export function noteService({ repos, write }: { repos: Repositories; write: Write }) {
  const parts = auditedParts<PartyNote, Parsed<typeof NoteCreate> & { authorId: string | null }, Parsed<typeof NoteUpdate>>(
    { repos, write },
    {
      entity: 'note',
      repo: (r) => r.notes,
      async prepareCreate(ctx, input) {
        await checkReferences(ctx.repos, ctx.agreementId, noteReferences(input));
        return input;
      },
      async preparePatch(ctx, current, patch) {
        await checkReferences(ctx.repos, ctx.agreementId, noteReferences(patch));
        const next = { audience: patch.audience ?? current.audience, partyId: patch.partyId === undefined ? current.partyId : patch.partyId };
        if (next.audience === 'party' && !next.partyId) {
          assertRules([{ path: 'partyId', message: "is required when the audience is a party's circle" }]);
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

  function mustWrite(principal: Principal, agreementId: string, entry: Audienced): void {
    if (!mayWriteFor(principal, agreementId, entry)) {
      throw new ForbiddenError(
        "A party's delegates write only their own party's notes, for its circle or for everyone; the mediators write any note",
      );
    }
  }

  /** Notes as the API shows them: with the name of their author. */
  async function views(notes: PartyNote[]): Promise<NoteView[]> {
    const names = await repos.accounts.namesOf(notes.flatMap((n) => (n.authorId ? [n.authorId] : [])));
    return notes.map((n) => ({ ...n, authorName: n.authorId ? (names.get(n.authorId) ?? null) : null }));
  }
  const view = async (note: PartyNote): Promise<NoteView> => (await views([note]))[0]!;

  return {
    visibleTo,
    async list(ref: string, principal: Principal, filter: { partyId?: string | undefined; provisionId?: string | undefined } = {}) {
      return views(
        (await parts.list(ref)).filter(
          (n) =>
            visibleTo(principal, n) &&
            (!filter.partyId || n.partyId === filter.partyId) &&
            (!filter.provisionId || n.provisionId === filter.provisionId),
        ),
      );
    },
    get: async (ref: string, id: string, principal: Principal) => view(await visible(ref, id, principal)),
    async create(ref: string, input: Parsed<typeof NoteCreate>, principal: Principal, actor: Actor) {
      const agreement = await repos.agreements.get(ref);
      mustWrite(principal, agreement.id, input);
      return view(await parts.create(ref, { ...input, authorId: actor.id }, actor));
    },
    async update(ref: string, id: string, input: Parsed<typeof NoteUpdate>, principal: Principal, actor: Actor) {
      const note = await visible(ref, id, principal);
      mustWrite(principal, note.agreementId, note);
      // The note as it would be after the edit must be one the writer may write, too.
      mustWrite(principal, note.agreementId, {
        audience: input.audience ?? note.audience,
        partyId: input.partyId === undefined ? note.partyId : input.partyId,
      });
      return view(await parts.update(ref, id, input, actor));
    },
    async remove(ref: string, id: string, version: number, principal: Principal, actor: Actor) {
      const note = await visible(ref, id, principal);
      mustWrite(principal, note.agreementId, note);
      return parts.remove(ref, id, version, actor);
    },
  };
}
export type NoteService = ReturnType<typeof noteService>;
