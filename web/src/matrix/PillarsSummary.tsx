/** The pillars of the agreement: which provisions each gathers, its open bottlenecks and progress. */
import type { MatrixView } from '../../../src/contract/index.ts';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { EmptyState } from '../shared/states.tsx';
import { ProgressBar } from './ProgressBar.tsx';

export function PillarsSummary({ matrix, labelledBy }: { matrix: MatrixView; labelledBy: string }) {
  if (matrix.pillars.length === 0) {
    return <EmptyState title="No pillars defined for this agreement." />;
  }
  const codes = new Map(matrix.rows.flatMap((row) => row.realities.map((p) => [p.id, p.code || p.title] as const)));
  return (
    <ScrollingTable labelledBy={labelledBy} className="pillars" columns={['Pillar', 'Provisions', 'Bottlenecks', 'Progress']}>
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
    </ScrollingTable>
  );
}
