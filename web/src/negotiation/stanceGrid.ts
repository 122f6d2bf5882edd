/**
 * A bracket group as a grid: one row per party, one column per alternative, each cell the party's
 * current stance on that alternative (as far as the reader may see). Signatories come first, in the
 * agreement's order; other parties follow only when they have said something (shown, never counted).
 */
import type { ClauseView, PartyView, StanceView } from '../../../src/contract/index.ts';
import { isSignatory, POSITION_LABELS, type Position } from '../../../src/core/negotiation/consensus.ts';

export type GroupConsensus = ClauseView['consensus']['groups'][number];

export interface GridRow {
  party: Pick<PartyView, 'id' | 'name'>;
  signatory: boolean;
  /** One per alternative, in order: the stance, or null for none the reader may see. */
  cells: Array<StanceView | null>;
}

export function stanceGrid(
  clause: Pick<ClauseView, 'stances'>,
  groupKey: string,
  alternatives: number,
  parties: readonly Pick<PartyView, 'id' | 'name' | 'role' | 'signatory'>[],
): GridRow[] {
  const stances = clause.stances.filter((s) => s.groupKey === groupKey);
  const rowOf = (party: (typeof parties)[number]): GridRow => ({
    party: { id: party.id, name: party.name },
    signatory: isSignatory(party),
    cells: Array.from({ length: alternatives }, (_, i) => stances.find((s) => s.partyId === party.id && s.alternative === i) ?? null),
  });
  const signatories = parties.filter((p) => isSignatory(p)).map(rowOf);
  const others = parties.filter((p) => !isSignatory(p) && stances.some((s) => s.partyId === p.id)).map(rowOf);
  return [...signatories, ...others];
}

/** A cell's position: "No position" when there is no stance. */
export const positionOf = (stance: StanceView | null): Position => stance?.position ?? 'no_position';
export const positionLabel = (stance: StanceView | null): string => POSITION_LABELS[positionOf(stance)];

/** How an alternative is written in the UI: its text, or "(omit)" for the omission of a single run. */
export const alternativeText = (text: string): string => (text.trim() === '' ? '(omit)' : text);

/**
 * Who blocks what, in words, from the rejects the reader may see: "Israel rejects alternative 1;
 * Hamas rejects alternative 2". A party the reader does not know is named "a party".
 */
export function blockersText(group: Pick<GroupConsensus, 'blockers'>, partyName: (id: string) => string | undefined): string {
  const byParty = new Map<string, number[]>();
  for (const b of group.blockers) byParty.set(b.partyId, [...(byParty.get(b.partyId) ?? []), b.alternative + 1]);
  return [...byParty]
    .map(([id, alternatives]) => `${partyName(id) ?? 'a party'} rejects alternative${alternatives.length > 1 ? 's' : ''} ${alternatives.join(', ')}`)
    .join('; ');
}
