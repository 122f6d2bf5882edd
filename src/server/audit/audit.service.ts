/**
 * Reading and verifying the audit log. A reader sees an agreement's entries except those of
 * entities that were ever confidential to an audience the reader is outside of: those are left out
 * of the items, the total and the filters' choices, so nothing shows that they exist; the records a
 * page names are only those the reader may open. Verification reads the whole chain.
 */
import { AUDIT_NO_USER, type AuditName } from '../../contract/index.ts';
import {
  assertRules,
  auditEntryIds,
  can,
  chainVerifier,
  namedRecordName,
  namedRecordPath,
  readableScopes,
  seesEveryAudience,
  type AuditAction,
  type ChainReport,
  type Principal,
} from '../../core/index.ts';
import { sha256, type Repositories } from '../../db/index.ts';

/** What a page of the log is asked for (the contract's AuditListQuery, parsed). */
export interface AuditPageOptions {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
  actor?: string;
  entity?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** The name the actor filter gives the entries written without a user, with the names they were recorded under. */
const withoutUser = (recorded: string) => `Without a user (${recorded})`;

export function auditService({ repos }: { repos: Repositories }) {
  return {
    /**
     * A page of the agreement's entries by the filters, with the names of the records they show and
     * the choices of the filters. The total counts what matches and the reader may see, no more.
     */
    async page(ref: string, principal: Principal, options: AuditPageOptions) {
      const agreement = await repos.agreements.get(ref);
      const scopes = readableScopes(principal, agreement.id);
      const from = options.from === undefined ? undefined : new Date(options.from);
      const to = options.to === undefined ? undefined : new Date(options.to);
      if (from && to && from.getTime() >= to.getTime()) assertRules([{ path: 'from', message: 'must be before to' }]);
      const actorId = options.actor === undefined ? undefined : options.actor === AUDIT_NO_USER ? null : options.actor;
      const { items, total } = await repos.audit.page(agreement.id, { ...options, actorId, from, to, scopes });
      const facets = await repos.audit.facets(agreement.id, scopes);
      const records = await repos.audit.names(agreement.id, [...new Set(items.flatMap(auditEntryIds))]);
      const mayReadIncidents = can(principal, 'incident:read', agreement);
      const names: Record<string, AuditName> = {};
      for (const record of records) {
        if (record.kind === 'incident' && !mayReadIncidents) continue;
        names[record.id] = { kind: record.kind, name: namedRecordName(record, agreement.timeZone), href: namedRecordPath(record, agreement.slug) };
      }
      return {
        total,
        items,
        names,
        actors: facets.actors.map((a) => (a.id === null ? { id: null, name: withoutUser(a.name) } : a)),
        entities: facets.entities,
        // Whether entries may be left out depends on the reader's role alone, never on what exists.
        omitsConfidential: !seesEveryAudience(principal, agreement.id),
      };
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
