/**
 * The five operations on a part of an agreement (list, get, create, update, delete), each write
 * checked, versioned and recorded in the audit log in one transaction. Parties, phases, pillars,
 * rounds, provisions, notes and zones all go through here, so they keep the same rules.
 */
import type { Repositories } from '../../db/index.ts';
import type { ScopedRepository } from '../../db/repositories/versioned.ts';
import type { Actor, Write } from '../write.ts';

export interface PartOperations<Create, Update, View> {
  list(ref: string): Promise<View[]>;
  get(ref: string, id: string): Promise<View>;
  create(ref: string, input: Create, actor: Actor): Promise<View>;
  update(ref: string, id: string, input: Update, actor: Actor): Promise<View>;
  remove(ref: string, id: string, version: number, actor: Actor): Promise<void>;
}

export interface PartContext {
  repos: Repositories;
  agreementId: string;
}

export interface PartSpec<M extends { id: string }, C, U extends { version: number }> {
  /** The entity's name in the audit log, e.g. "phase". */
  entity: string;
  repo(repos: Repositories): ScopedRepository<unknown, M>;
  /** Checks a new row against the rules and completes its values (defaults, conversions). */
  prepareCreate?(ctx: PartContext, input: C): Promise<Record<string, unknown>>;
  /** Checks a patch against the stored row and turns it into column values. */
  preparePatch?(ctx: PartContext, current: M, patch: Omit<U, 'version'>): Promise<Record<string, unknown>>;
  /** Checks that the row may go (nothing that would cascade still refers to it); throws otherwise. */
  prepareRemove?(ctx: PartContext, current: M): Promise<void>;
}

export function auditedParts<M extends { id: string }, C, U extends { version: number }>(
  deps: { repos: Repositories; write: Write },
  spec: PartSpec<M, C, U>,
): PartOperations<C, U, M> {
  const { repos, write } = deps;
  return {
    list: async (ref) => spec.repo(repos).list((await repos.agreements.get(ref)).id),
    get: async (ref, id) => spec.repo(repos).get((await repos.agreements.get(ref)).id, id),

    create: (ref, input, actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const values = spec.prepareCreate ? await spec.prepareCreate({ repos: tx, agreementId }, input) : input;
        const row = await spec.repo(tx).insert({ ...(values as Record<string, unknown>), agreementId });
        await record({ action: 'create', entity: spec.entity, entityId: row.id, agreementId, before: null, after: row });
        return row;
      }),

    update: (ref, id, { version, ...patch }, actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const before = await spec.repo(tx).get(agreementId, id);
        const values = spec.preparePatch ? await spec.preparePatch({ repos: tx, agreementId }, before, patch) : patch;
        const after = await spec.repo(tx).update(agreementId, id, version, values as Record<string, unknown>);
        await record({ action: 'update', entity: spec.entity, entityId: id, agreementId, before, after });
        return after;
      }),

    remove: (ref, id, version, actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const before = await spec.repo(tx).get(agreementId, id);
        await spec.prepareRemove?.({ repos: tx, agreementId }, before);
        await spec.repo(tx).remove(agreementId, id, version);
        await record({ action: 'delete', entity: spec.entity, entityId: id, agreementId, before, after: null });
      }),
  };
}
