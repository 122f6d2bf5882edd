/**
 * The audit log's entries as a table (cards on a phone): the time in the agreement's zone, the
 * actor, the action, the record with its name linked to its page, what changed in words, and the
 * entry's place in the hash chain (its hash and the one before, shortened, whole in the tooltip,
 * and its anchor to copy).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntryView, AuditName } from '../../../src/contract/index.ts';
import { auditActionLabel } from '../../../src/core/audit-labels.ts';
import { formatAnchor } from '../../../src/core/audit.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { actorParts, entityParts, fieldChanges, type FieldChange, type Naming, type ValuePart } from './auditDiff.ts';
import { TimeSortHeader } from '../shared/TimeSortHeader.tsx';

/** Changes shown at once; the rest fold under "N more". */
const SHOWN_CHANGES = 4;
const SHORT_HASH = 12;

interface Props {
  entries: readonly AuditEntryView[];
  names: Readonly<Record<string, AuditName>>;
  timeZone: string;
  order: 'asc' | 'desc';
  onOrder: (order: 'asc' | 'desc') => void;
  busy: boolean;
}

export function AuditTable({ entries, names, timeZone, order, onOrder, busy }: Props) {
  const [copied, setCopied] = useState<string>('');
  const copy = async (entry: AuditEntryView) => {
    const anchor = formatAnchor(entry);
    try {
      await navigator.clipboard.writeText(anchor);
      setCopied(`Copied the anchor of entry ${entry.seq}: ${anchor}`);
    } catch {
      setCopied(`Could not copy: the anchor of entry ${entry.seq} is ${anchor}`);
    }
  };
  const naming: Naming = { names, timeZone };
  return (
    <>
      <div className="table-scroll">
        <table className="data-table audit-table" aria-label="Audit log" aria-busy={busy}>
          <thead>
            <tr>
              <TimeSortHeader timeZone={timeZone} order={order} onOrder={onOrder} />
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Change</th>
              <th scope="col">Chain</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.seq} entry={entry} naming={naming} onCopy={() => void copy(entry)} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="visually-hidden" role="status">
        {copied}
      </p>
    </>
  );
}

function AuditRow({ entry, naming, onCopy }: { entry: AuditEntryView; naming: Naming; onCopy: () => void }) {
  const actor = actorParts(entry, naming.names);
  const record = entityParts(entry, naming.names);
  const changes = fieldChanges(entry, naming);
  return (
    <tr>
      <td className="audit-time">
        <ZonedTime iso={entry.at} timeZone={naming.timeZone} />
      </td>
      <td className="audit-actor">
        <div>
          <span dir="auto">{actor.name}</span>
          {actor.recorded ? (
            <span className="audit-recorded" dir="auto">
              {actor.recorded}
            </span>
          ) : null}
        </div>
      </td>
      <td>
        <span className={`pill audit-${entry.action}`}>{auditActionLabel(entry.action)}</span>
      </td>
      <td className="audit-record">
        <div>
          <span className="audit-kind">{record.kind}</span>
          {record.parts.map((part, i) => (
            <Value key={i} part={part} className="audit-name" />
          ))}
        </div>
      </td>
      <td className="audit-change">
        <div>
          <Changes changes={changes} action={entry.action} />
        </div>
      </td>
      <td className="audit-chain">
        <div>
          <span className="audit-seq">Entry {entry.seq}</span>
          <code className="audit-hash" title={entry.hash}>
            {entry.hash.slice(0, SHORT_HASH)}
          </code>
          <span className="audit-prev">
            after <code title={entry.prevHash}>{entry.prevHash.slice(0, SHORT_HASH)}</code>
          </span>
          <button type="button" className="button-link audit-copy" onClick={onCopy} aria-label={`Copy the anchor of entry ${entry.seq}`}>
            Copy anchor
          </button>
        </div>
      </td>
    </tr>
  );
}

function Changes({ changes, action }: { changes: FieldChange[]; action: AuditEntryView['action'] }) {
  if (changes.length === 0) return <span className="muted">{action === 'update' ? 'No visible change' : '—'}</span>;
  const shown = changes.slice(0, SHOWN_CHANGES);
  const folded = changes.slice(SHOWN_CHANGES);
  return (
    <>
      <ChangeList changes={shown} />
      {folded.length > 0 ? (
        <details className="audit-more">
          <summary>
            {folded.length} more {folded.length === 1 ? 'field' : 'fields'}
          </summary>
          <ChangeList changes={folded} />
        </details>
      ) : null}
    </>
  );
}

function ChangeList({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="audit-diff">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="audit-field">{c.label}:</span> {c.from ? <Values parts={c.from} className={c.to ? undefined : 'audit-removed'} /> : null}
          {c.from && c.to ? ' → ' : null}
          {c.to ? <Values parts={c.to} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Values({ parts, className }: { parts: ValuePart[]; className?: string | undefined }) {
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? ', ' : null}
          <Value part={part} className={className} />
        </span>
      ))}
    </>
  );
}

/** A value's text, linked to its page when it names a record that has one; dir="auto" as it may be any script. */
function Value({ part, className }: { part: ValuePart; className?: string | undefined }) {
  if (part.href) {
    return (
      <Link to={part.href} className={className} dir="auto" title={part.title}>
        {part.text}
      </Link>
    );
  }
  return (
    <span className={className} dir="auto" title={part.title}>
      {part.text}
    </span>
  );
}
