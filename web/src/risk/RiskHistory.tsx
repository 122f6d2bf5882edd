/**
 * The score's recorded history, of the reader's own view: a small line chart (SVG, with a text
 * alternative) and the same numbers in a table; for those who may, the button that records today's
 * score (once per audience: everyone's, the mediators' and each party's circle).
 */
import type { RiskSnapshotView } from '../../../src/contract/index.ts';
import { errorMessage } from '../shared/api.ts';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { EmptyState } from '../shared/states.tsx';
import { formatDate, formatDateTime } from '../shared/time.ts';
import { useRecordSnapshot } from './risk.api.ts';
import { HISTORY_FRAME, historyChart } from './riskChart.ts';
import { scoreText } from './riskText.ts';

interface RiskHistoryProps {
  slug: string;
  timeZone: string;
  history: readonly RiskSnapshotView[];
  /** Whose view, in words: "as the mediators see it". */
  audience: string;
  canRecord: boolean;
  /** The day the page is computed for differs from today: recording takes today's score, not this one's. */
  pastDay: boolean;
  onRecorded: (message: string) => void;
}

export function RiskHistory({ slug, timeZone, history, audience, canRecord, pastDay, onRecorded }: RiskHistoryProps) {
  const record = useRecordSnapshot(slug);
  const doRecord = () =>
    record.mutate(undefined, {
      onSuccess: (result) => {
        const n = result.recorded.length;
        onRecorded(`Recorded today’s score for ${n} ${n === 1 ? 'view' : 'views'} (everyone’s, the mediators’ and each party’s circle).`);
      },
    });

  return (
    <section aria-labelledby="risk-history-heading" className="section">
      <div className="section-head">
        <h2 id="risk-history-heading">History</h2>
        {canRecord ? (
          <button type="button" className="button" onClick={doRecord} disabled={record.isPending}>
            {record.isPending ? 'Recording…' : 'Record today’s score'}
          </button>
        ) : null}
      </div>
      <p className="muted">
        The recorded scores of this view ({audience}), oldest first. Each record keeps its parts and weights as they were.
        {canRecord && pastDay ? ' Recording takes today’s score, not that of the day shown above.' : ''}
      </p>
      {record.isError ? (
        <p className="form-problems" role="alert">
          Could not record the score: {errorMessage(record.error)}
        </p>
      ) : null}
      {history.length === 0 ? (
        <EmptyState title="No score recorded yet.">
          <p>{canRecord ? 'Record today’s score to start the history.' : 'The mediators record the score; it appears here once they do.'}</p>
        </EmptyState>
      ) : (
        <>
          <HistoryChart history={history} audience={audience} />
          <h3 id="risk-history-table-heading" className="visually-hidden">
            Recorded scores
          </h3>
          <ScrollingTable labelledBy="risk-history-table-heading" columns={['Day', 'Score', 'Parts counted', 'Recorded']} className="risk-history-table">
            {[...history].reverse().map((s) => (
              <tr key={s.id}>
                <td>
                  <time dateTime={s.day}>{formatDate(s.day)}</time>
                </td>
                <td className="num">{scoreText(s.score)}</td>
                <td className="num">
                  {s.parts.filter((p) => p.score !== null).length} of {s.parts.length}
                </td>
                <td>
                  <time dateTime={s.recordedAt}>{formatDateTime(s.recordedAt, timeZone)}</time>
                </td>
              </tr>
            ))}
          </ScrollingTable>
        </>
      )}
    </section>
  );
}

function HistoryChart({ history, audience }: { history: readonly RiskSnapshotView[]; audience: string }) {
  const chart = historyChart(history);
  const { width, height, margin } = HISTORY_FRAME;
  const first = history[0]!;
  const last = history.at(-1)!;
  const label =
    `Line chart of the score from 0 to 100, ${audience}: ${history.length} recorded ${history.length === 1 ? 'score' : 'scores'} ` +
    `from ${formatDate(first.day)} (${scoreText(first.score)}) to ${formatDate(last.day)} (${scoreText(last.score)})` +
    `${chart.missing ? `; ${chart.missing} without a score` : ''}. The table below lists them.`;
  return (
    <svg className="risk-history-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {chart.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={margin.left} x2={width - margin.right} y1={t.y} y2={t.y} className="risk-grid" />
          <text x={margin.left - 6} y={t.y} className="risk-axis-text" textAnchor="end" dominantBaseline="middle">
            {t.value}
          </text>
        </g>
      ))}
      {chart.xTicks.map((t, i) => (
        <text key={t.day} x={t.x} y={height - 8} className="risk-axis-text" textAnchor={chart.xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'}>
          {formatDate(t.day)}
        </text>
      ))}
      <path d={chart.path} className="risk-line" />
      {chart.points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={3.5} className="risk-point">
          <title>{`${formatDate(p.day)}: ${scoreText(p.score)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
