/**
 * The Strategic Matrix, as in the seed report: one row per phase with its objective, the ground
 * realities (its provisions and their implementation status) and its open bottlenecks.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../src/core/domain.ts';
import type { MatrixView, PartyView, PhaseView, ProvisionView } from '../../../src/contract/index.ts';
import { provisionPath } from '../provisions/paths.ts';
import { EmptyState } from '../shared/states.tsx';
import { formatWindow } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import type { Bottleneck, BottleneckReason, MatrixRow } from './matrix.api.ts';
import { GateSummary, WithdrawalBottleneck } from './GateSummary.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { PhaseStatusBadge, StatusBadge } from './StatusBadge.tsx';

/** What the caller may do in the matrix; a missing action hides its buttons (the role may not). */
export interface MatrixActions {
  onAddPhase?: (() => void) | undefined;
  onEditPhase?: ((phase: PhaseView) => void) | undefined;
  onAddProvision?: ((phase: PhaseView) => void) | undefined;
  onEditProvision?: ((provision: ProvisionView) => void) | undefined;
}

export function reasonText(reason: BottleneckReason): string {
  if (reason.kind === 'disputed') return 'disputed';
  if (reason.kind === 'violations') return `${reason.count} verified ${reason.count === 1 ? 'violation' : 'violations'} in ${reason.days} days`;
  return reason.daysOverdue === 1 ? 'overdue by 1 day' : `overdue by ${reason.daysOverdue} days`;
}

/** The clause a provision comes from, with its document (the matrix's clauseSources). */
type ClauseSource = MatrixView['clauseSources'][number];

export function StrategicMatrix({ matrix, labelledBy, actions }: { matrix: MatrixView; labelledBy: string; actions: MatrixActions }) {
  const parties = new Map(matrix.parties.map((p) => [p.id, p]));
  const sources = new Map(matrix.clauseSources.map((c) => [c.clauseId, c]));
  if (matrix.rows.length === 0) {
    return (
      <EmptyState title="No phases yet.">
        {actions.onAddPhase ? (
          <>
            <p>A matrix row is a phase: add the first one, then its provisions.</p>
            <button type="button" className="button button-primary" onClick={actions.onAddPhase}>
              Add the first phase
            </button>
          </>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="matrix" aria-labelledby={labelledBy}>
        <colgroup>
          <col className="col-phase" />
          <col className="col-objective" />
          <col className="col-realities" />
          <col className="col-bottlenecks" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Objective</th>
            <th scope="col">Ground realities</th>
            <th scope="col">Bottlenecks</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <MatrixTableRow key={row.phase.id} row={row} parties={parties} sources={sources} slug={matrix.agreement.slug} timeZone={matrix.agreement.timeZone} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixTableRow(props: {
  row: MatrixRow;
  parties: Map<string, PartyView>;
  sources: Map<string, ClauseSource>;
  slug: string;
  timeZone: string;
  actions: MatrixActions;
}) {
  const { row, parties, sources, slug, timeZone, actions } = props;
  const { phase } = row;
  const { onEditPhase, onAddProvision } = actions;
  const plannedWindow = formatWindow(phase.plannedStart, phase.plannedEnd);
  return (
    <tr>
      <th scope="row" className="matrix-phase">
        <span className="phase-ordinal">Phase {phase.ordinal}</span>
        <span className="phase-name" dir="auto">
          {phase.name}
        </span>
        <PhaseStatusBadge status={phase.status} />
        <span className="phase-window">{plannedWindow ?? 'No planned window'}</span>
        <ProgressBar progress={row.progress} />
        <GateSummary slug={slug} row={row} />
        {onEditPhase ? (
          <button type="button" className="button button-small" aria-label={`Edit phase ${phase.name}`} onClick={() => onEditPhase(phase)}>
            Edit phase
          </button>
        ) : null}
      </th>
      <td className="matrix-objective" dir="auto">
        {phase.objective || <span className="muted">No objective set</span>}
      </td>
      <td className="matrix-realities">
        {row.realities.length === 0 ? (
          <p className="muted">No provisions yet.</p>
        ) : (
          <ul className="realities">
            {row.realities.map((provision) => (
              <Reality
                key={provision.id}
                provision={provision}
                parties={parties}
                source={provision.clauseId ? sources.get(provision.clauseId) : undefined}
                slug={slug}
                timeZone={timeZone}
                onEdit={actions.onEditProvision}
              />
            ))}
          </ul>
        )}
        {onAddProvision ? (
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={`Add provision to ${phase.name}`}
            onClick={() => onAddProvision(phase)}
          >
            + Add provision
          </button>
        ) : null}
      </td>
      <td className="matrix-bottlenecks">
        {row.bottlenecks.length === 0 && row.withdrawals.bottlenecks.length === 0 ? (
          <p className="muted">None open.</p>
        ) : (
          <ul className="bottlenecks">
            {row.bottlenecks.map((b) => (
              <BottleneckItem key={b.provisionId} bottleneck={b} parties={parties} slug={slug} />
            ))}
            {row.withdrawals.bottlenecks.map((w) => (
              <WithdrawalBottleneck key={w.id} withdrawal={w} slug={slug} />
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function partyName(parties: Map<string, PartyView>, id: string | null): string {
  if (id === null) return 'All parties';
  return parties.get(id)?.name ?? 'Unknown party';
}

function Reality(props: {
  provision: ProvisionView;
  parties: Map<string, PartyView>;
  source: ClauseSource | undefined;
  slug: string;
  timeZone: string;
  onEdit: ((p: ProvisionView) => void) | undefined;
}) {
  const { provision: p, parties, source, slug, timeZone, onEdit } = props;
  const id = useId();
  const label = p.code ? `provision ${p.code}` : `provision “${p.title}”`;
  return (
    <li className="reality" aria-labelledby={`${id}-code ${id}-title`}>
      <div className="reality-head">
        {p.code ? (
          <span className="code" id={`${id}-code`}>
            {p.code}
          </span>
        ) : null}
        {/* The provision's page: its permalink, with its text, evidence and status history. */}
        <Link className="reality-title" id={`${id}-title`} to={provisionPath(slug, p.id)} dir="auto">
          {p.title}
        </Link>
      </div>
      <div className="reality-meta">
        <StatusBadge status={p.status} />
        <span className="party" dir="auto">
          {partyName(parties, p.obligatedPartyId)}
        </span>
        <span className="category">{CATEGORY_LABELS[p.category]}</span>
        {p.deadline ? <span className="deadline">due <ZonedTime iso={p.deadline} timeZone={timeZone} /></span> : null}
        {source ? (
          <Link className="clause-source" to={`/agreements/${slug}/documents/${source.documentId}`} dir="auto">
            from {source.number ? `clause ${source.number}` : 'a clause'} of {source.documentTitle}
          </Link>
        ) : null}
        {onEdit ? (
          <button type="button" className="button-link" aria-label={`Edit ${label}`} onClick={() => onEdit(p)}>
            Edit
          </button>
        ) : null}
      </div>
    </li>
  );
}

function BottleneckItem({ bottleneck, parties, slug }: { bottleneck: Bottleneck; parties: Map<string, PartyView>; slug: string }) {
  return (
    <li className="bottleneck">
      <div className="reality-head">
        {bottleneck.code ? <span className="code">{bottleneck.code}</span> : null}
        <Link className="reality-title" to={provisionPath(slug, bottleneck.provisionId)} dir="auto">
          {bottleneck.title}
        </Link>
      </div>
      <div className="reality-meta">
        {bottleneck.reasons.map((reason) => (
          <span key={reason.kind} className={`reason reason-${reason.kind}`}>
            {reasonText(reason)}
          </span>
        ))}
        <span className="party" dir="auto">
          {partyName(parties, bottleneck.obligatedPartyId)}
        </span>
      </div>
    </li>
  );
}
