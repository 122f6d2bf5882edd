/** An incident's workflow status: its label always written, the colour only supporting it. */
import type { IncidentStatus } from '../../../src/core/incidents.ts';
import { INCIDENT_STATUS_LABELS } from '../shared/labels.ts';

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`pill incident-status incident-status-${status}`}>{INCIDENT_STATUS_LABELS[status]}</span>;
}
