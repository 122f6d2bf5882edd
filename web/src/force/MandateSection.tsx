/** The force's rules of engagement and authority boundaries, each with its clause's state (as the reader's stances have it) and a link to it. */
import { Link } from 'react-router';
import type { ForceOverview } from '../../../src/contract/index.ts';
import { MANDATE_KIND_LABELS, MANDATE_KINDS } from '../../../src/core/force/vocabulary.ts';
import { GROUP_STATUS_LABELS } from '../../../src/core/negotiation/consensus.ts';
import { EmptyState } from '../shared/states.tsx';

export function MandateSection({ slug, force }: { slug: string; force: ForceOverview }) {
  return (
    <section aria-labelledby="mandate-heading" className="section">
      <h2 id="mandate-heading">Mandate</h2>
      {force.mandate.length === 0 ? (
        <EmptyState title="No rules of engagement or authority boundaries yet." />
      ) : (
        MANDATE_KINDS.map((kind) => {
          const items = force.mandate.filter((m) => m.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind}>
              <h3>{MANDATE_KIND_LABELS[kind]}</h3>
              <ul className="mandate-list">
                {items.map((m) => (
                  <li key={m.id}>
                    <p className="mandate-title" dir="auto">
                      <strong>{m.title}</strong>
                    </p>
                    {m.text ? (
                      <p dir="auto" className="mandate-text">
                        {m.text}
                      </p>
                    ) : null}
                    {m.clause ? (
                      <p className="reality-meta">
                        <span className={`badge mandate-clause-${m.clause.status}`}>
                          <span aria-hidden="true">{m.clause.status === 'agreed' ? '✓ ' : '[…] '}</span>
                          {m.clause.status === 'agreed' ? 'Agreed' : `Still bracketed: ${GROUP_STATUS_LABELS[m.clause.status].toLowerCase()}`}
                        </span>{' '}
                        <Link to={`/agreements/${slug}/documents/${m.clause.documentId}`} dir="auto">
                          {m.clause.number ? `Clause ${m.clause.number}` : 'A clause'} of {m.clause.documentTitle}
                        </Link>
                      </p>
                    ) : (
                      <p className="muted">Not tied to a clause.</p>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
