/**
 * The parts of the collapse risk, one card each: what was measured in words, the part's score as a
 * bar, its weight and the points it gives, where the value comes from, how the value becomes the
 * score (opened on demand), and links to what it was judged on. A part without data says so.
 */
import { Link } from 'react-router';
import type { RiskPartView } from '../../../src/contract/index.ts';
import { barPercent } from './riskChart.ts';
import { contributionText, counts, linkHref, partScoreText, weightText } from './riskText.ts';

export function RiskParts({ slug, parts }: { slug: string; parts: readonly RiskPartView[] }) {
  return (
    <ol className="risk-parts" aria-label="Parts of the score">
      {parts.map((part) => (
        <RiskPartCard key={part.key} slug={slug} part={part} />
      ))}
    </ol>
  );
}

function RiskPartCard({ slug, part }: { slug: string; part: RiskPartView }) {
  const headingId = `risk-part-${part.key}`;
  const noData = part.score === null;
  return (
    <li className={`risk-part ${noData ? 'risk-part-nodata' : ''} ${counts(part) ? '' : 'risk-part-uncounted'}`} aria-labelledby={headingId} data-part={part.key}>
      <div className="risk-part-head">
        <h3 id={headingId}>{part.label}</h3>
        <span className="risk-contribution" title="Points of the 0–100 score this part gives">
          {contributionText(part)}
        </span>
      </div>
      <p className="risk-value" dir="auto">
        {part.value}
      </p>
      {noData ? (
        <p className="risk-nodata">
          <span className="badge risk-nodata-badge">No data — not counted</span>
        </p>
      ) : (
        <div className="risk-bar-row">
          <div className="risk-bar" role="img" aria-label={`Part score ${partScoreText(part)}`}>
            <span className="risk-bar-fill" style={{ width: `${barPercent(part.score)}%` }} />
          </div>
          <span className="risk-bar-text">{partScoreText(part)}</span>
        </div>
      )}
      <dl className="risk-meta">
        <div>
          <dt>Weight</dt>
          <dd>{weightText(part.weight)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd dir="auto">{part.source}</dd>
        </div>
      </dl>
      <details className="risk-explanation">
        <summary>How the value becomes the score</summary>
        <p dir="auto">{part.explanation}</p>
      </details>
      {part.links.length > 0 ? <PartLinks slug={slug} label={part.label} links={part.links} /> : null}
    </li>
  );
}

/** How many links a card lists before folding the rest under "N more". */
const LINKS_SHOWN = 3;

function PartLinks({ slug, label, links }: { slug: string; label: string; links: RiskPartView['links'] }) {
  const item = (link: RiskPartView['links'][number], i: number) => {
    const href = linkHref(slug, link);
    return (
      <li key={`${link.kind}-${link.id ?? i}`}>
        {href === null ? (
          <span dir="auto">{link.label}</span>
        ) : href.startsWith('#') ? (
          <a href={href} dir="auto">
            {link.label}
          </a>
        ) : (
          <Link to={href} dir="auto">
            {link.label}
          </Link>
        )}
      </li>
    );
  };
  const rest = links.slice(LINKS_SHOWN);
  return (
    <div className="risk-links-block">
      <ul className="risk-links" aria-label={`Judged on: ${label}`}>
        {links.slice(0, LINKS_SHOWN).map(item)}
      </ul>
      {rest.length > 0 ? (
        <details className="risk-more-links">
          <summary>{rest.length} more</summary>
          <ul className="risk-links" aria-label={`More of what ${label} was judged on`}>
            {rest.map((link, i) => item(link, i + LINKS_SHOWN))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
