/**
 * The agreement's forecast (docs/FORECAST.md): the escalation model fitted to its verified incidents
 * (baselines, the excitation matrix with its cross-excitation, the retaliation signal, and the
 * branching ratio in words), expected events over 1, 7 and 14 days with 80 % intervals, and each daily
 * series with its forecast and backtest beside no-change and the historical mean. Every party is
 * drawn alike: no colour tells one from another.
 */
import type { AgreementForecastView, EscalationView, ForecastCountView, SeriesForecastView } from '../../../src/contract/index.ts';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { addDays, backtestSummary, beatsWords, coverageText, branchingWords, excitationRows, horizonText, intervalMax, intervalText, retaliationSummary, seedText } from './forecastText.ts';
import { useForecast } from './risk.api.ts';
import { intervalBar } from './riskChart.ts';
import { numberText, sentence } from './riskText.ts';

export function ForecastSection({ slug, asOf, canRead }: { slug: string; asOf: string; canRead: boolean }) {
  const forecast = useForecast(slug, asOf, canRead);
  return (
    <section aria-labelledby="forecast" className="section risk-forecast">
      <h2 id="forecast" tabIndex={-1}>
        Forecast
      </h2>
      {!canRead ? (
        <p className="muted">The forecast is computed from the agreement’s incidents: it is shown to those who may read them.</p>
      ) : forecast.isPending ? (
        <Loading label="Fitting the forecast…" />
      ) : forecast.isError ? (
        <ErrorState error={forecast.error} title="Could not load the forecast" onRetry={() => void forecast.refetch()} />
      ) : (
        <ForecastBody view={forecast.data} />
      )}
    </section>
  );
}

function ForecastBody({ view }: { view: AgreementForecastView }) {
  return (
    <>
      <p className="muted">
        As of <time dateTime={view.asOf}>{formatDate(view.asOf)}</time>. {seedText(view)}
      </p>
      <Escalation escalation={view.escalation} />
      {view.series.map((series) => (
        <SeriesCard key={series.key} series={series} />
      ))}
      <section aria-labelledby="forecast-sources-heading" className="risk-sources">
        <h3 id="forecast-sources-heading">Sources</h3>
        <ul>
          <li>Escalation: the agreement’s verified incidents up to the as-of day, one dimension per party they are attributed to (Phaseline incidents).</li>
          {view.series.map((s) => (
            <li key={s.key} dir="auto">
              {s.label}: {sentence(s.source)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Escalation({ escalation }: { escalation: EscalationView }) {
  const ratio = branchingWords(escalation.branchingRatio);
  const retaliation = retaliationSummary(escalation);
  const rows = excitationRows(escalation);
  return (
    <section aria-labelledby="escalation-heading" className="panel risk-escalation">
      <h3 id="escalation-heading">Escalation model</h3>
      <p>
        A self-exciting (Hawkes) process: each incident raises the chance of more for a while, in its own party’s dimension and in the others’. It is
        fitted to the agreement’s verified incidents, one dimension per party they are attributed to: {escalation.events} up to the as-of day.
      </p>
      {!escalation.fitted ? (
        <p className="risk-unfitted" role="note">
          <strong>Not fitted.</strong> <span dir="auto">{escalation.reason ?? 'Too few events.'}</span>
        </p>
      ) : (
        <>
          <p className="risk-branching">
            <span className="risk-branching-figure">Branching ratio {ratio.figure}</span> <span>{ratio.words}</span>
          </p>
          <h4 id="escalation-baseline-heading">Baseline per party</h4>
          <ScrollingTable labelledBy="escalation-baseline-heading" columns={['Dimension', 'Verified incidents', 'Baseline (incidents a day not triggered by others)']}>
            {escalation.dimensions.map((d, i) => (
              <tr key={d.key}>
                <th scope="row">
                  <bdi>{d.label}</bdi>
                </th>
                <td className="num">{d.events}</td>
                <td className="num">{numberText(escalation.baseline[i] ?? 0, 3)}</td>
              </tr>
            ))}
          </ScrollingTable>
          <h4 id="escalation-matrix-heading">Excitation matrix</h4>
          <p className="muted">
            Each cell: the incidents in the row’s dimension that one incident in the column’s dimension triggers on average. Cells off the diagonal,
            marked ↔, are cross-excitation — incidents of one side following those of another: the <strong>retaliation signal</strong>.
            {escalation.decay !== null ? ` The effect of an incident halves every ${numberText(Math.LN2 / escalation.decay, 1)} days.` : ''}
          </p>
          <ScrollingTable
            labelledBy="escalation-matrix-heading"
            className="risk-matrix"
            columns={['Incidents of ↓ after one of →', ...escalation.dimensions.map((d) => <bdi key={d.key}>{d.label}</bdi>)]}
          >
            {rows.map((row, i) => (
              <tr key={escalation.dimensions[i]?.key ?? i}>
                <th scope="row">
                  <bdi>{row.label}</bdi>
                </th>
                {row.cells.map((cell, j) => (
                  <td key={j} className={`num ${cell.cross ? 'risk-cross' : 'risk-self'}`} title={cell.text}>
                    {cell.cross ? <span aria-hidden="true">↔ </span> : null}
                    {numberText(cell.value, 2)}
                    <span className="visually-hidden">{cell.cross ? ' (cross-excitation: retaliation signal)' : ' (self-excitation)'}</span>
                  </td>
                ))}
              </tr>
            ))}
          </ScrollingTable>
          {retaliation ? <p>{retaliation}</p> : null}
          <p className="muted">
            Log-likelihood {escalation.logLikelihood === null ? '—' : numberText(escalation.logLikelihood, 1)} after {escalation.iterations ?? '—'} iterations
            of expectation–maximization{escalation.converged === false ? ', without converging: read the figures with care' : ''}.
          </p>
          {escalation.reason ? (
            <p className="risk-unfitted" role="note">
              <span dir="auto">{escalation.reason}</span>
            </p>
          ) : null}
        </>
      )}
      {escalation.forecast.length > 0 ? (
        <>
          <h4 id="escalation-forecast-heading">Expected verified incidents</h4>
          <ScrollingTable
            labelledBy="escalation-forecast-heading"
            columns={['Over', 'All', ...escalation.dimensions.map((d) => <bdi key={d.key}>{d.label}</bdi>)]}
          >
            {escalation.forecast.map((f) => (
              <tr key={f.days}>
                <th scope="row">{horizonText(f.days)}</th>
                <td>{intervalText(f.total)}</td>
                {f.dimensions.map((c, i) => (
                  <td key={i}>{intervalText(c)}</td>
                ))}
              </tr>
            ))}
          </ScrollingTable>
          <p className="muted">The expected number, with the 80 % interval: 8 in 10 seeded simulations fall inside it.</p>
        </>
      ) : null}
    </section>
  );
}

function SeriesCard({ series }: { series: SeriesForecastView }) {
  const headingId = `series-${series.key.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <section aria-labelledby={headingId} className="panel risk-series">
      <h3 id={headingId} dir="auto">
        {series.label}
      </h3>
      <p className="muted">
        {series.days} {series.days === 1 ? 'day' : 'days'} with a value
        {series.last ? (
          <>
            ; last: {numberText(series.last.value, 1)} on <time dateTime={series.last.day}>{formatDate(series.last.day)}</time>
          </>
        ) : null}
        .
      </p>
      <details className="risk-source">
        <summary>Source</summary>
        <p dir="auto">{sentence(series.source)}</p>
      </details>
      {!series.fitted ? (
        <p className="risk-unfitted" role="note">
          <strong>Not fitted.</strong> <span dir="auto">{series.reason ?? 'Too few days.'}</span>
        </p>
      ) : null}
      {series.forecast.length > 0 ? <CountsTable id={`${headingId}-forecast`} origin={series.origin} counts={series.forecast} /> : null}
      <h4 id={`${headingId}-backtest`}>Backtest</h4>
      <p>{backtestSummary(series.backtest)}</p>
      {series.backtest.length > 0 ? (
        <ScrollingTable
          labelledBy={`${headingId}-backtest`}
          className="risk-backtest"
          columns={['Days ahead', 'Forecasts', 'MAE: model', 'no-change', 'mean', 'CRPS: model', 'no-change', 'mean', 'Inside the 80 % interval', 'Against no-change']}
        >
          {series.backtest.map((b) => (
            <tr key={b.horizon}>
              <th scope="row">{b.horizon}</th>
              <td className="num">{b.n}</td>
              <td className="num">{numberText(b.model.mae, 2)}</td>
              <td className="num">{numberText(b.noChange.mae, 2)}</td>
              <td className="num">{numberText(b.historicalMean.mae, 2)}</td>
              <td className="num">{numberText(b.model.crps, 2)}</td>
              <td className="num">{numberText(b.noChange.crps, 2)}</td>
              <td className="num">{numberText(b.historicalMean.crps, 2)}</td>
              <td className="num">{coverageText(b.model.coverage80)}</td>
              <td className={`risk-beats-${beatsWords(b).beats}`}>{beatsWords(b).text}</td>
            </tr>
          ))}
        </ScrollingTable>
      ) : null}
      {series.backtest.length > 0 ? (
        <p className="muted">
          Rolling origin: each day’s forecast scored against what then happened. Lower is better. MAE: mean absolute error of the median; CRPS: how far
          the whole forecast distribution was from the outcome. No-change: tomorrow as today; mean: the average so far. A good 80 % interval holds about 80 % of the outcomes.
        </p>
      ) : null}
    </section>
  );
}

/** A series' forecast: the count on each day so many days after its origin (one day's count, not a sum). */
function CountsTable({ id, origin, counts }: { id: string; origin: string | null; counts: readonly ForecastCountView[] }) {
  const max = intervalMax(counts);
  return (
    <>
      <h4 id={id}>Forecast</h4>
      {origin ? (
        <p className="muted">
          One day’s count, so many days after <time dateTime={origin}>{formatDate(origin)}</time>, the last day known.
        </p>
      ) : null}
      <ScrollingTable labelledBy={id} columns={['Day', 'Expected (80 % interval)', <span key="bar">Interval</span>]} className="risk-counts">
        {counts.map((c) => {
          const bar = intervalBar(c, max);
          return (
            <tr key={c.days}>
              <th scope="row">
                {c.days === 1 ? '1 day' : `${c.days} days`} ahead
                {origin ? (
                  <>
                    {' '}
                    (<time dateTime={addDays(origin, c.days)}>{formatDate(addDays(origin, c.days))}</time>)
                  </>
                ) : null}
              </th>
              <td>{intervalText(c)}</td>
              <td className="risk-interval-cell" aria-hidden="true">
                <span className="risk-interval">
                  <span className="risk-interval-range" style={{ left: `${bar.low}%`, width: `${Math.max(0.5, bar.high - bar.low)}%` }} />
                  <span className="risk-interval-mid" style={{ left: `${bar.expected}%` }} />
                </span>
              </td>
            </tr>
          );
        })}
      </ScrollingTable>
    </>
  );
}
