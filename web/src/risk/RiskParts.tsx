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
      {part.links.length > 0 ? (
        <ul className="risk-links" aria-label={`Judged on: ${part.label}`}>
          {part.links.map((link, i) => {
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
          })}
        </ul>
      ) : null}
    </li>
  );
}
