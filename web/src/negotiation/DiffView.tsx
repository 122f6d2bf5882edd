/**
 * A word diff between two versions of a clause, or two revisions of the whole document: inserted
 * words in <ins>, deleted ones in <del>, each also said in words for those who do not see the marks.
 */
import { useId, useState, type ReactNode } from 'react';
import type { DiffView as DiffViewData } from '../../../src/contract/index.ts';
import type { z } from 'zod';
import { SelectField } from '../shared/fields.tsx';
import { QueryStates } from '../shared/states.tsx';
import { formatDateTime } from '../shared/time.ts';
import { defaultRange, describeDiff } from './diffText.ts';
import { useClauseVersions, useDiff } from './negotiation.api.ts';

type Parts = z.infer<typeof DiffViewData>['parts'];

export function DiffText({ parts }: { parts: Parts }) {
  return (
    <div className="diff-text" dir="auto">
      {parts.map((part, i) =>
        part.op === 'insert' ? (
          <ins key={i}>
            <span className="visually-hidden">[inserted: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.op === 'delete' ? (
          <del key={i}>
            <span className="visually-hidden">[deleted: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

function DiffResult({ slug, documentId, clauseId, from, to }: { slug: string; documentId: string; clauseId: string | null; from: number; to: number }) {
  const diff = useDiff(slug, documentId, clauseId, from, to);
  const headingId = useId();
  return (
    <section className="diff" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Changes from {clauseId ? 'version' : 'revision'} {from} to {to}
      </h3>
      <QueryStates query={diff} loading="Comparing…" failed="Could not compare these">
        {(data) => (
          <>
            <p className="diff-summary">
              {describeDiff(data.parts)} <span className="muted">(inserted words are underlined, deleted ones struck through)</span>
            </p>
            <DiffText parts={data.parts} />
          </>
        )}
      </QueryStates>
    </section>
  );
}

/** Two pickers and the diff between what they pick. */
function RangePicker({ options, latest, children }: { options: { value: string; label: string }[]; latest: number; children: (from: number, to: number) => ReactNode }) {
  const [range, setRange] = useState(() => defaultRange(latest));
  return (
    <>
      <div className="toolbar diff-pickers">
        <SelectField label="From" value={String(range.from)} onChange={(v) => setRange((r) => ({ ...r, from: Number(v) }))} options={options} />
        <SelectField label="To" value={String(range.to)} onChange={(v) => setRange((r) => ({ ...r, to: Number(v) }))} options={options} />
      </div>
      {children(range.from, range.to)}
    </>
  );
}

/** A clause's versions (author, reason, time) and the diff between two of them. */
export function ClauseDiff({ slug, documentId, clauseId, timeZone }: { slug: string; documentId: string; clauseId: string; timeZone: string }) {
  const versions = useClauseVersions(slug, documentId, clauseId);
  return (
    <QueryStates query={versions} loading="Loading the versions…" failed="Could not load the versions">
      {(items) => {
        const latest = items.at(-1)?.version ?? 1;
        const options = items.map((v) => ({ value: String(v.version), label: `Version ${v.version} · ${formatDateTime(v.createdAt, timeZone)}` }));
        return (
          <>
            <ol className="version-list" aria-label="Versions">
              {items.map((v) => (
                <li key={v.id}>
                  <strong>Version {v.version}</strong> <span className="muted">(revision {v.documentRevision})</span> ·{' '}
                  {formatDateTime(v.createdAt, timeZone)} · <span dir="auto">{v.authorName ?? 'author not recorded'}</span>
                  {v.reason ? (
                    <>
                      {' '}
                      · <span dir="auto">{v.reason}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
            {items.length < 2 ? (
              <p className="muted">This clause has one version only: nothing to compare yet.</p>
            ) : (
              <RangePicker options={options} latest={latest}>
                {(from, to) => <DiffResult slug={slug} documentId={documentId} clauseId={clauseId} from={from} to={to} />}
              </RangePicker>
            )}
          </>
        );
      }}
    </QueryStates>
  );
}

/** The diff between two revisions of the whole document (its Markdown). */
export function DocumentDiff({ slug, documentId, revision }: { slug: string; documentId: string; revision: number }) {
  if (revision < 2) return <p className="muted">The document has one revision only: nothing to compare yet.</p>;
  const options = Array.from({ length: revision }, (_, i) => ({ value: String(i + 1), label: `Revision ${i + 1}` }));
  return (
    <RangePicker options={options} latest={revision}>
      {(from, to) => <DiffResult slug={slug} documentId={documentId} clauseId={null} from={from} to={to} />}
    </RangePicker>
  );
}
