/**
 * The Audit log section (roles with audit:read): the agreement's entries, newest first, with who did
 * what and when (in the agreement's zone), a short diff, and the start of each entry's chain hash.
 */
import { useState } from 'react';
import type { AuditEntryView } from '../../../src/contract/index.ts';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { QueryStates } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { AUDIT_PAGE_SIZE, useAuditPage } from './audit.api.ts';
import { entityLabel, fieldChanges } from './auditDiff.ts';
import './audit.css';

const ACTION_LABELS: Record<AuditEntryView['action'], string> = { create: 'created', update: 'updated', delete: 'deleted' };
const SHOWN_CHANGES = 4;

export function AuditSection({ slug, timeZone }: { slug: string; timeZone: string }) {
  const [offset, setOffset] = useState(0);
  const audit = useAuditPage(slug, offset);

  return (
    <section aria-labelledby="audit-heading" className="section">
      <div className="section-head">
        <h2 id="audit-heading">Audit log</h2>
        <span className="muted">Every change, newest first · entries form a hash chain (phaseline audit verify)</span>
      </div>
      {audit.data?.omitsConfidential ? (
        <p className="muted audit-omitted">
          Entries about work confidential to others (another party’s circle, the mediators only) are not shown and not counted here.
          The chain is still checked whole by <span className="mono">phaseline audit verify</span>.
        </p>
      ) : null}
      <QueryStates
        query={audit}
        loading="Loading the audit log…"
        failed="Could not load the audit log"
        empty={(data) => (data.items.length > 0 ? null : offset > 0 ? 'No entries on this page.' : 'No entries yet.')}
      >
        {(data) => (
          <>
            <ScrollingTable
              labelledBy="audit-heading"
              className="audit-table"
              busy={audit.isFetching}
              columns={[`Time (${timeZone})`, 'Actor', 'Action', 'Entity', 'Change', 'Hash']}
            >
              {data.items.map((entry) => (
                <AuditRow key={entry.seq} entry={entry} timeZone={timeZone} />
              ))}
            </ScrollingTable>
            <nav className="pager" aria-label="Audit log pages">
              <span>
                {offset + 1}–{offset + data.items.length} of {data.total}
              </span>
              <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
                Newer entries
              </button>
              <button
                type="button"
                className="button"
                disabled={offset + AUDIT_PAGE_SIZE >= data.total}
                onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}
              >
                Older entries
              </button>
            </nav>
          </>
        )}
      </QueryStates>
    </section>
  );
}

function AuditRow({ entry, timeZone }: { entry: AuditEntryView; timeZone: string }) {
  const changes = fieldChanges(entry.before, entry.after);
  const shown = entry.action === 'update' ? changes : [];
  return (
    <tr>
      <td className="audit-time">
        <ZonedTime iso={entry.at} timeZone={timeZone} />
      </td>
      <td className="mono audit-actor">{entry.actorName}</td>
      <td>
        <span className={`pill audit-${entry.action}`}>{ACTION_LABELS[entry.action]}</span>
      </td>
      <td dir="auto">{entityLabel(entry.entity, entry.before, entry.after)}</td>
      <td className="audit-change">
        {shown.length > 0 ? (
          <ul className="audit-diff">
            {shown.slice(0, SHOWN_CHANGES).map((c) => (
              <li key={c.field}>
                <span className="mono">{c.field}</span>: <span dir="auto">{c.from}</span> → <span dir="auto">{c.to}</span>
              </li>
            ))}
            {shown.length > SHOWN_CHANGES ? <li className="muted">and {shown.length - SHOWN_CHANGES} more</li> : null}
          </ul>
        ) : (
          <span className="muted">{entry.action === 'update' ? 'no visible change' : '—'}</span>
        )}
      </td>
      <td>
        <code className="audit-hash" title={entry.hash}>
          {entry.hash.slice(0, 12)}
        </code>
      </td>
    </tr>
  );
}
