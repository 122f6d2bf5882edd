/** How an audience is named in the UI: the same words for every party. */
import type { Audience } from '../../../src/core/access.ts';

/** The option of the audience picker; `partyName` names the party a party's circle belongs to. */
export function audienceOption(audience: Audience, partyName: string | undefined): { value: Audience; label: string } {
  const label =
    audience === 'party'
      ? `Confidential to ${partyName ?? 'the party'} (its delegates and the mediators)`
      : audience === 'mediators'
        ? 'Mediators only'
        : 'Everyone who reads the agreement';
  return { value: audience, label };
}

/** The badge of a note's audience. */
export function audienceBadge(audience: Audience, partyName: string | undefined): string {
  if (audience === 'party') return `Confidential to ${partyName ?? 'a party'}`;
  if (audience === 'mediators') return 'Mediators only';
  return 'Shared';
}
