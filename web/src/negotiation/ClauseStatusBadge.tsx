/** A clause's or group's consensus status: the label is always written; colour only supports it. */
import { GROUP_STATUS_LABELS, type GroupStatus } from '../../../src/core/negotiation/consensus.ts';

export function ClauseStatusBadge({ status, label }: { status: GroupStatus; label?: string }) {
  return (
    <span className={`badge consensus-${status}`} data-status={status}>
      {label ? `${label}: ` : ''}
      {GROUP_STATUS_LABELS[status]}
    </span>
  );
}
