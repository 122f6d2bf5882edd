/**
 * Reading and verifying the audit log. Readers see every entry of an agreement, so that the chain
 * stays visible; the content of a confidential note is redacted for those outside its party.
 */
import { actsForParty, chainVerifier, type AuditEntry, type ChainReport, type Principal } from '../../core/index.ts';
import { sha256, type Repositories } from '../../db/index.ts';

interface NoteLike {
  partyId?: unknown;
  confidential?: unknown;
}

/** Whether an entry's content is confidential to a party the principal is not part of. */
export function hiddenFrom(principal: Principal, entry: AuditEntry): boolean {
  if (entry.entity !== 'note' || entry.agreementId === null) return false;
  return [entry.before, entry.after].some((state) => {
    const note = state as NoteLike | null;
    return (
      note !== null &&
      note.confidential === true &&
      typeof note.partyId === 'string' &&
      !actsForParty(principal, entry.agreementId!, note.partyId)
    );
  });
}

export function auditService({ repos }: { repos: Repositories }) {
  return {
    async page(ref: string, principal: Principal, options: { limit: number; offset: number; order: 'asc' | 'desc' }) {
      const agreement = await repos.agreements.get(ref);
      const { items, total } = await repos.audit.page(agreement.id, options);
      return {
        total,
        items: items.map((entry) => {
          const redacted = hiddenFrom(principal, entry);
          // The entry stays in the list so that the chain has no gap; what and whose it was does not show.
          return redacted ? { ...entry, entityId: 'redacted', before: null, after: null, redacted } : { ...entry, redacted };
        }),
      };
    },

    /** Recomputes the whole chain; `onProgress` hears how many entries were checked so far. */
    async verify(onProgress?: (checked: number, total: number) => void): Promise<ChainReport & { head: { seq: number; hash: string } }> {
      const head = await repos.audit.head();
      const verifier = chainVerifier(sha256);
      let read = 0;
      for await (const entry of repos.audit.entries()) {
        read += 1;
        if (verifier.push(entry)) break;
        if (onProgress && read % 5_000 === 0) onProgress(read, head.seq);
      }
      onProgress?.(read, head.seq);
      return { ...verifier.finish(head), head };
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
