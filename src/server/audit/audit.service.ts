/**
 * Reading and verifying the audit log. A reader sees an agreement's entries except those of
 * entities that were ever confidential to an audience the reader is outside of: those are left out
 * of the items and the total, so nothing shows that they exist. Verification reads the whole chain.
 */
import { chainVerifier, readableScopes, seesEveryAudience, type ChainReport, type Principal } from '../../core/index.ts';
import { sha256, type Repositories } from '../../db/index.ts';

export function auditService({ repos }: { repos: Repositories }) {
  return {
    async page(ref: string, principal: Principal, options: { limit: number; offset: number; order: 'asc' | 'desc' }) {
      const agreement = await repos.agreements.get(ref);
      const { items, total } = await repos.audit.page(agreement.id, { ...options, scopes: readableScopes(principal, agreement.id) });
      // Whether entries may be left out depends on the reader's role alone, never on what exists.
      return { total, items, omitsConfidential: !seesEveryAudience(principal, agreement.id) };
    },

    /**
     * Recomputes the whole chain on one snapshot of the log, in constant memory, against its recorded
     * head (nothing missing at the end, nothing past it) and the `anchors` kept outside the database
     * (each still there unchanged); `onProgress` hears how many entries were checked so far.
     */
    async verify(
      options: { anchors?: ReadonlyArray<{ seq: number; hash: string }>; onProgress?: (checked: number, total: number) => void } = {},
    ): Promise<ChainReport & { head: { seq: number; hash: string } }> {
      const { anchors = [], onProgress } = options;
      return repos.audit.snapshot(async (audit) => {
        const head = await audit.head();
        const verifier = chainVerifier(sha256, { head, anchors });
        let read = 0;
        for await (const entry of audit.entries()) {
          read += 1;
          if (verifier.push(entry)) break;
          if (onProgress && read % 5_000 === 0) onProgress(read, head.seq);
        }
        onProgress?.(Math.min(read, head.seq), head.seq);
        return { ...verifier.finish(), head };
      });
    },

    /**
     * The chain's head as recorded, to publish as an anchor, with the time its entry was appended.
     * `at` is null for an empty log, and when no entry matches the head (verify then says why).
     */
    async head(): Promise<{ seq: number; hash: string; at: string | null }> {
      return repos.audit.snapshot(async (audit) => {
        const head = await audit.head();
        const entry = head.seq === 0 ? null : await audit.point(head.seq);
        return { ...head, at: entry && entry.hash === head.hash ? entry.at : null };
      });
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
