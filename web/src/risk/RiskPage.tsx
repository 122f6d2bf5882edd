/**
 * The collapse risk of one agreement (docs/FORECAST.md), as the reader sees it, as of a day (asOf in
 * the URL): the score from 0 to 100 and whose view it is, every part with its value, score, weight,
 * points, source, explanation and links, how the score is computed, its recorded history, the
 * forecast, and for mediators and administrators the weights and the record button.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AgreementView, PartyView, RiskView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { writesRisk } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { useAsOfParam } from '../shared/address.ts';
import { ApiError } from '../shared/api.ts';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { ForecastSection } from './ForecastSection.tsx';
import { useRisk } from './risk.api.ts';
import { RiskHistory } from './RiskHistory.tsx';
import { RiskParts } from './RiskParts.tsx';
import { audienceText, audienceWords, countedText, scoreText } from './riskText.ts';
import { WeightsEditor } from './WeightsEditor.tsx';
import './risk.css';

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function RiskRoute() {
  const { slug = '' } = useParams();
  return <RiskPageFrame key={slug} slug={slug} />;
}

function RiskPageFrame({ slug }: { slug: string }) {
  const session = useSession();
  const [asOf, setAsOf] = useAsOfParam();
  const summary = useAgreementSummary(slug);
  const risk = useRisk(slug, asOf);

  if (summary.isPending || risk.isPending) return <Loading label="Loading the collapse risk…" />;
  if (summary.isError || risk.isError) {
    const error = summary.error ?? risk.error;
    return (
      <section className="page">
        <title>Collapse risk · Phaseline</title>
        {error instanceof ApiError && error.isNotFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <ErrorState error={error} title="Could not load the collapse risk" onRetry={() => void Promise.all([summary.refetch(), risk.refetch()])} />
        )}
      </section>
    );
  }
  const { agreement, parties } = summary.data;
  return (
    <RiskPage
      agreement={agreement}
      parties={parties}
      view={risk.data}
      asOf={asOf}
      onAsOf={setAsOf}
      refreshing={risk.isFetching}
      canWrite={writesRisk(session.principal, agreement)}
      canReadForecast={can(session.principal, 'incident:read', agreement)}
    />
  );
}

interface RiskPageProps {
  agreement: AgreementView;
  parties: PartyView[];
  view: RiskView;
  /** The day asked for in the URL; "" for today. */
  asOf: string;
  onAsOf: (day: string) => void;
  refreshing: boolean;
  canWrite: boolean;
  canReadForecast: boolean;
}

function RiskPage({ agreement, parties, view, asOf, onAsOf, refreshing, canWrite, canReadForecast }: RiskPageProps) {
  const slug = agreement.slug;
  const [notice, setNotice] = useState<string | null>(null);
  const whose = audienceWords(view.audience, parties);
  const whoseText = audienceText(view.audience, parties);

  return (
    <article className="page risk-page">
      <title>{`Collapse risk · ${agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/agreements/${slug}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › Collapse risk
      </nav>
      <h1>Collapse risk</h1>
      <p className="muted">
        How close the agreement is to collapse by what Phaseline records, from parts that each show their value, source and weight. Nothing is
        hidden: every part explains how its value becomes its score.
      </p>

      <section aria-labelledby="risk-score-heading" className="panel risk-score">
        <h2 id="risk-score-heading" className="visually-hidden">
          The score
        </h2>
        <p className="risk-score-figure" aria-describedby="risk-score-whose">
          <span className="risk-score-number">{scoreText(view.score)}</span>
          <span className="risk-score-scale"> / 100</span>
        </p>
        <p id="risk-score-whose" className="risk-score-whose">
          {view.score === null ? 'No part has data: there is no score, ' : 'Collapse risk '}
          {whose.before}
          {whose.party !== null ? <bdi>{whose.party}</bdi> : null}
          {whose.after}, as of <time dateTime={view.asOf}>{formatDate(view.asOf)}</time>
          {refreshing ? ' · refreshing…' : ''}.
        </p>
        <p className="muted">0 is no sign of collapse; 100 is every counted part at its worst. {countedText(view.parts)}</p>
        <div className="risk-asof">
          <label htmlFor="risk-asof-input">As of</label>
          <input id="risk-asof-input" type="date" value={asOf || view.asOf} onChange={(e) => onAsOf(e.target.value)} />
          {asOf ? (
            <button type="button" className="button button-small" onClick={() => onAsOf('')}>
              Today
            </button>
          ) : null}
          <span className="muted">Days in {agreement.timeZone}; what happened after the day is left out.</span>
        </div>
      </section>

      <section aria-labelledby="risk-parts-heading" className="section">
        <h2 id="risk-parts-heading">Parts</h2>
        <RiskParts slug={slug} parts={view.parts} />
      </section>

      <section aria-labelledby="risk-how-heading" className="section panel risk-how">
        <h2 id="risk-how-heading">How the score is computed</h2>
        <p>
          Each part gives a score from 0 (no sign of collapse) to 1, from its value as its explanation says. The score is 100 × Σ (weight × part
          score) ÷ Σ weight, over the parts with data. A part without data is not counted: it neither raises nor lowers the score. A part’s points
          are its share of that sum, so the points of the counted parts add up to the score.
        </p>
        <p>
          Weights run from 0 (left out) to 10, 1 by default, and are set per agreement by its mediators. Some parts read what only some readers may
          see (positions on clauses and on contributors), so the score is computed for each reader: this is the score {whoseText}.
        </p>
      </section>

      {canWrite ? <WeightsEditor slug={slug} parts={view.parts} version={view.weightsVersion} score={view.score} onSaved={setNotice} /> : null}

      <RiskHistory
        slug={slug}
        timeZone={agreement.timeZone}
        history={view.history}
        audience={whoseText}
        canRecord={canWrite}
        pastDay={asOf !== ''}
        onRecorded={setNotice}
      />

      <ForecastSection slug={slug} asOf={asOf} canRead={canReadForecast} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}
