/**
 * The acceptability grid (contributors × parties) as the page shows it: each cell's position with an
 * icon and words (never colour alone), the reason of an objection, and the audience badge as notes
 * and stances show it. Pure; the grid comes from the server, from the statements the reader may see.
 */
import type { AcceptabilityGrid } from '../../../src/contract/index.ts';
import { ACCEPTABILITY_LABELS, type AcceptabilityPosition } from '../../../src/core/force/vocabulary.ts';
import { audienceBadge } from '../notes/audiences.ts';

export interface GridCell {
  partyId: string;
  partyName: string;
  position: AcceptabilityPosition | null;
  icon: string;
  words: string;
  reason: string;
  statedOn: string | null;
  /** "Shared", "Confidential to Hamas", "Mediators only"; null when no position is seen. */
  badge: string | null;
}

export interface GridRow {
  contributorId: string;
  contributorName: string;
  cells: GridCell[];
  /** The signatory parties objecting: their objection removes the contributor's cover. */
  objectedBySignatory: string[];
}

const ICONS: Record<AcceptabilityPosition, string> = { accepted: '✓', objected: '✗', no_position: '–' };

/** A position's icon and words; none seen reads "Not stated". */
export function positionWords(position: AcceptabilityPosition | null): { icon: string; words: string } {
  return position === null ? { icon: '·', words: 'Not stated' } : { icon: ICONS[position], words: ACCEPTABILITY_LABELS[position] };
}

export function gridRows(grid: AcceptabilityGrid): GridRow[] {
  const parties = new Map(grid.parties.map((p) => [p.id, p]));
  return grid.rows.map((row) => {
    const cells = row.cells.map((cell): GridCell => {
      const name = parties.get(cell.partyId)?.name ?? 'A party';
      return {
        partyId: cell.partyId,
        partyName: name,
        position: cell.position,
        ...positionWords(cell.position),
        reason: cell.reason,
        statedOn: cell.statedOn,
        badge: cell.audience === null ? null : audienceBadge(cell.audience, name),
      };
    });
    return {
      contributorId: row.contributorId,
      contributorName: row.contributorName,
      cells,
      objectedBySignatory: cells.filter((c) => c.position === 'objected' && parties.get(c.partyId)?.signatory).map((c) => c.partyName),
    };
  });
}
