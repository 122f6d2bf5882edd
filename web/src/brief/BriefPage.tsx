/**
 * The situation brief (docs/FORECAST.md) of one agreement as the reader may see it, as of a day
 * (asOf in the URL): the headline and its figures, then the sections core lays out for the Markdown
 * and HTML too (matrix, negotiation, rounds, ground, force, forecast, risk, precedents, sources), with
 * the risk linked to its explanation and the brief's HTML, Markdown and PDF to download.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { BriefView } from '../../../src/contract/index.ts';
import type { BriefBlock, BriefLayoutSection } from '../../../src/core/brief/index.ts';
import { briefSubtitle } from '../../../src/core/brief/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { ApiError } from '../shared/api.ts';
import { ErrorState, Loading } from '../shared/states.tsx';
import { useBrief } from './brief.api.ts';
import { useAsOfParam } from '../shared/address.ts';
import { BRIEF_DOWNLOADS, briefApiUrl, cellParts, pageSections, riskPageUrl } from './brief.ts';
import './brief.css';

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function BriefRoute() {
  const { slug = '' } = useParams();
  return <BriefFrame key={slug} slug={slug} />;
}

function BriefFrame({ slug }: { slug: string }) {
  const [asOf, setAsOf] = useAsOfParam();
  const brief = useBrief(slug, asOf);

  if (brief.isPending) return <Loading label="Writing the situation brief…" />;
  if (brief.isError) {
    const error = brief.error;
    return (
      <section className="page">
        <title>Situation brief · Phaseline</title>
        {error instanceof ApiError && error.isNotFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <>
            <ErrorState error={error} title="Could not write the situation brief" onRetry={() => void brief.refetch()} />
            {asOf ? (
              <button type="button" className="button" onClick={() => setAsOf('')}>
                Brief as of today
              </button>
            ) : null}
          </>
        )}
      </section>
    );
  }
  return <BriefPage slug={slug} view={brief.data} asOf={asOf} onAsOf={setAsOf} refreshing={brief.isFetching} />;
}

interface BriefPageProps {
  slug: string;
  view: BriefView;
  /** The day asked for in the URL; "" for today. */
  asOf: string;
  onAsOf: (day: string) => void;
  refreshing: boolean;
}

function BriefPage({ slug, view, asOf, onAsOf, refreshing }: BriefPageProps) {
  return (
    <article className="page brief-page">
      <title>{`Situation brief · ${view.agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/agreements/${slug}`} dir="auto">
          {view.agreement.title}
        </Link>{' '}
        › Situation brief
      </nav>
      <h1>Situation brief</h1>
      <p className="brief-subtitle" dir="auto">
        {briefSubtitle(view)}
        {refreshing ? ' · refreshing…' : ''}
      </p>
      {view.agreement.illustrative ? <p className="brief-illustrative">Illustrative scenario: drawn from public reporting, not an official record.</p> : null}

      <div className="brief-tools">
        <div className="brief-asof">
          <label htmlFor="brief-asof-input">As of</label>
          <input id="brief-asof-input" type="date" value={asOf || view.asOf} onChange={(e) => onAsOf(e.target.value)} />
          {asOf ? (
            <button type="button" className="button button-small" onClick={() => onAsOf('')}>
              Today
            </button>
          ) : null}
          <span className="muted">Days in {view.agreement.timeZone}; what is dated after the day is left out.</span>
        </div>
        <nav aria-label="Download the brief" className="brief-downloads">
          Download:{' '}
          {BRIEF_DOWNLOADS.map(({ format, label }, i) => (
            <span key={format}>
              {i > 0 ? ' · ' : ''}
              <a href={briefApiUrl(slug, asOf, format)} download>
                {label}
              </a>
            </span>
          ))}{' '}
          ·{' '}
          <button type="button" className="button-link" onClick={() => window.print()}>
            Print
          </button>
        </nav>
      </div>

      <section aria-labelledby="brief-headline" className="panel brief-headline">
        <h2 id="brief-headline" className="visually-hidden">
          Headline
        </h2>
        <p className="brief-headline-text" dir="auto">
          {view.headline}
        </p>
        <ul className="brief-facts">
          {view.facts.map((fact) => (
            <li key={fact} dir="auto">
              {fact}
            </li>
          ))}
        </ul>
      </section>

      {pageSections(view).map((section) => (
        <BriefSection key={section.id} section={section}>
          {section.id === 'risk' ? (
            <p className="brief-risk-link">
              Each part with its value, source, weight and how it becomes its score: <Link to={riskPageUrl(slug, asOf)}>the collapse risk explained</Link>.
            </p>
          ) : null}
        </BriefSection>
      ))}
    </article>
  );
}

function BriefSection({ section, children }: { section: BriefLayoutSection; children?: ReactNode }) {
  const headingId = `brief-${section.id}`;
  return (
    <section aria-labelledby={headingId} className="section brief-section" data-section={section.id}>
      <h2 id={headingId}>{section.title}</h2>
      {children}
      {section.blocks.map((block, i) => (
        <Block key={i} block={block} label={`${section.title}, table ${i + 1}`} />
      ))}
    </section>
  );
}

function Block({ block, label }: { block: BriefBlock; label: string }) {
  switch (block.kind) {
    case 'p':
      return <p dir="auto">{block.text}</p>;
    case 'h':
      return <h3 dir="auto">{block.text}</h3>;
    case 'empty':
      return (
        <p className="brief-empty" dir="auto">
          {block.text}
        </p>
      );
    case 'list':
      return block.items.length === 0 ? (
        <p className="brief-empty">None.</p>
      ) : (
        <ul>
          {block.items.map((item, i) => (
            <li key={i} dir="auto">
              {item}
            </li>
          ))}
        </ul>
      );
    case 'table': {
      const numeric = new Set(block.numeric ?? []);
      return (
        <div className="table-scroll brief-table">
          <table aria-label={label} className={block.widths ? 'brief-fixed' : undefined}>
            {block.widths ? (
              <colgroup>
                {block.widths.map((w, c) => (
                  <col key={c} style={{ width: `${w}%` }} />
                ))}
              </colgroup>
            ) : null}
            <thead>
              <tr>
                {block.head.map((h, c) => (
                  <th key={c} scope="col" className={numeric.has(c) ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} dir="auto" className={numeric.has(c) ? 'num' : undefined}>
                      {cellParts(cell).map((part, p) =>
                        part.day ? (
                          <span key={p} className="brief-day">
                            {part.text}
                          </span>
                        ) : (
                          part.text
                        ),
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}
