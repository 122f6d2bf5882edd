/**
 * One bracket group's stances: parties down, alternatives across, each cell the party's current
 * position (as far as the reader may see) with its reservation, reason and date. On a narrow screen
 * the table scrolls inside its own box.
 */
import type { ClauseView, PartyView, StanceView } from '../../../src/contract/index.ts';
import { formatDate } from '../shared/time.ts';
import { alternativeText, positionLabel, positionOf, stanceGrid } from './stanceGrid.ts';

export interface StanceGridProps {
  clause: ClauseView;
  groupKey: string;
  /** "Clause 2.1, group 1": names the table. */
  label: string;
  alternatives: string[];
  parties: PartyView[];
  partyName: (id: string) => string | undefined;
}

function audienceNote(stance: StanceView, partyName: (id: string) => string | undefined): string | null {
  if (stance.audience === 'mediators') return 'mediators only';
  if (stance.audience === 'party') return `confidential to ${partyName(stance.partyId) ?? 'the party'}`;
  return null;
}

function StanceCell({ stance, partyName }: { stance: StanceView | null; partyName: (id: string) => string | undefined }) {
  const position = positionOf(stance);
  if (!stance) {
    return (
      <td className="stance-cell position-no_position">
        <span className="stance-position">{positionLabel(null)}</span>
      </td>
    );
  }
  const audience = audienceNote(stance, partyName);
  return (
    <td className={`stance-cell position-${position}`}>
      <span className="stance-position">{positionLabel(stance)}</span>
      {stance.reservation ? (
        <span className="stance-reservation" dir="auto">
          Reservation: {stance.reservation}
        </span>
      ) : null}
      {stance.reason ? (
        <span className="stance-reason" dir="auto">
          {stance.reason}
        </span>
      ) : null}
      <span className="stance-meta">
        {formatDate(stance.statedOn)}
        {audience ? ` · ${audience}` : ''}
      </span>
    </td>
  );
}

export function StanceGrid({ clause, groupKey, label, alternatives, parties, partyName }: StanceGridProps) {
  const rows = stanceGrid(clause, groupKey, alternatives.length, parties);
  if (rows.length === 0) return <p className="muted">No signatory parties yet: nobody's stance counts.</p>;
  return (
    <div className="table-scroll stance-scroll" tabIndex={0} role="group" aria-label={`${label}: stances (scrolls sideways)`}>
      <table className="stance-grid" aria-label={`${label}: stances`}>
        <thead>
          <tr>
            <th scope="col">Party</th>
            {alternatives.map((text, i) => (
              <th key={i} scope="col">
                Alternative {i + 1}
                <span className="stance-alt-text" dir="auto">
                  {alternativeText(text)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.party.id}>
              <th scope="row">
                <span dir="auto">{row.party.name}</span>
                {row.signatory ? null : <span className="stance-meta">not a signatory: not counted</span>}
              </th>
              {row.cells.map((stance, i) => (
                <StanceCell key={i} stance={stance} partyName={partyName} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
