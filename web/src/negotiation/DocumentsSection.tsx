/**
 * The agreement page's "Negotiated texts": each document with its agreed share, deadline (in the
 * agreement's zone) and how many clauses are blocked, converging or open, as far as the reader may
 * see; for mediators, the Markdown import.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryStates } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { ConsensusBar } from './ConsensusBar.tsx';
import { ImportDocumentForm } from './ImportDocumentForm.tsx';
import { useDocuments } from './negotiation.api.ts';
import './negotiation.css';

export interface DocumentsSectionProps {
  slug: string;
  timeZone: string;
  /** Whether the caller imports documents (mediators, administrators). */
  documentWrite: boolean;
  onChanged: (message: string) => void;
}

export function DocumentsSection({ slug, timeZone, documentWrite, onChanged }: DocumentsSectionProps) {
  const documents = useDocuments(slug);
  const [importing, setImporting] = useState(false);
  return (
    <section aria-labelledby="documents-heading" className="section">
      <div className="section-head">
        <h2 id="documents-heading">Negotiated texts</h2>
        {documentWrite ? (
          <button type="button" className="button" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
            {importing ? 'Close the import' : 'Import Markdown'}
          </button>
        ) : null}
      </div>
      <p className="muted">
        Texts still in brackets: each clause is agreed when every signatory accepts one alternative of each bracket group and
        none rejects it. Shares and counts are from the stances you may see.
      </p>
      {importing ? (
        <div className="panel import-panel">
          <ImportDocumentForm
            slug={slug}
            timeZone={timeZone}
            onImported={(document) => {
              setImporting(false);
              onChanged(`Document “${document.title}” imported with ${document.clauseCount} clauses.`);
            }}
          />
        </div>
      ) : null}
      <QueryStates
        query={documents}
        loading="Loading the negotiated texts…"
        failed="Could not load the negotiated texts"
        empty={(items) => (items.length === 0 ? 'No negotiated texts yet.' : null)}
      >
        {(items) => (
          <ul className="stack-list" aria-label="Negotiated texts">
            {items.map((d) => (
              <li key={d.id} className="panel document-item" aria-label={d.title}>
                <div className="document-item-head">
                  <Link to={`/agreements/${slug}/documents/${d.id}`} className="document-title" dir="auto">
                    {d.title}
                  </Link>
                  <span className="meta">
                    {d.deadline ? (
                      <>
                        Deadline <ZonedTime iso={d.deadline} timeZone={timeZone} />
                      </>
                    ) : (
                      'No deadline'
                    )}{' '}
                    · revision {d.revision}
                  </span>
                </div>
                <ConsensusBar consensus={d.consensus} />
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
    </section>
  );
}
