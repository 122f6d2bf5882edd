/** The pillars of the agreement: which provisions each gathers, its open bottlenecks and progress. */
import type { MatrixView } from '../../../src/contract/index.ts';
import { EmptyState } from '../shared/states.tsx';
import { ProgressBar } from './ProgressBar.tsx';

export function PillarsSummary({ matrix, labelledBy }: { matrix: MatrixView; labelledBy: string }) {
  if (matrix.pillars.length === 0) {
    return <EmptyState title="No pillars defined for this agreement." />;
  }
  const codes = new Map(matrix.rows.flatMap((row) => row.realities.map((p) => [p.id, p.code || p.title] as const)));
  return (
    <div className="table-scroll">
      <table className="pillars" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Pillar</th>
            <th scope="col">Provisions</th>
            <th scope="col">Bottlenecks</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {matrix.pillars.map(({ pillar, provisionIds, bottleneckCount, progress }) => (
            <tr key={pillar.id}>
              <th scope="row">
                <span className="pillar-title" dir="auto">
                  {pillar.title}
                </span>
                {pillar.description ? (
                  <span className="pillar-description" dir="auto">
                    {pillar.description}
                  </span>
                ) : null}
              </th>
              <td className="mono">{provisionIds.map((id) => codes.get(id) ?? '?').join(', ') || '—'}</td>
              <td>
                {bottleneckCount > 0 ? <span className="reason reason-count">{bottleneckCount} open</span> : <span className="muted">none</span>}
              </td>
              <td>
                <ProgressBar progress={progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
