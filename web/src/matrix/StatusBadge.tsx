/** Implementation status badges: colour and pattern follow the PAM scale, and the label is always written out. */
import { IMPLEMENTATION_STATUSES, STATUS_LABELS, type ImplementationStatus, type PhaseStatus } from '../../../src/core/domain.ts';
import { PHASE_STATUS_LABELS } from '../shared/labels.ts';

export function StatusBadge({ status }: { status: ImplementationStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function PhaseStatusBadge({ status }: { status: PhaseStatus }) {
  return <span className={`pill phase-status-${status}`}>{PHASE_STATUS_LABELS[status]}</span>;
}

/** The key to the badge colours, shown under the matrix. */
export function StatusLegend() {
  return (
    <div className="legend-block">
      <ul className="legend" aria-label="Implementation status key">
        {IMPLEMENTATION_STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} />
          </li>
        ))}
      </ul>
      <p className="legend-note">
        Implementation status on the Peace Accords Matrix scale (0 to 3). A score is the mean of that scale as a share of
        “3 · full”; disputed provisions are left out of it. A bottleneck is a provision that is disputed, or past its deadline and not fully implemented.
      </p>
    </div>
  );
}
