/**
 * The agreement loader: what a page about an agreement needs to show it and to file against it (its
 * parties, phases and provisions), without the Strategic Matrix's computation.
 */
import { z } from 'zod';
import { AgreementView, PartyView, PhaseView } from './agreements.ts';
import { ProvisionView } from './provisions.ts';

/** A provision as pages name and choose it; its text and verification method are left to the matrix. */
export const ProvisionSummary = ProvisionView.pick({
  id: true,
  phaseId: true,
  pillarId: true,
  ordinal: true,
  code: true,
  title: true,
  category: true,
  obligatedPartyId: true,
  deadline: true,
  status: true,
});
export type ProvisionSummary = z.infer<typeof ProvisionSummary>;

export const AgreementSummaryView = z.object({
  agreement: AgreementView,
  parties: z.array(PartyView),
  phases: z.array(PhaseView).describe('In order'),
  provisions: z.array(ProvisionSummary).describe('In phase order, then in their order within the phase'),
});
export type AgreementSummaryView = z.infer<typeof AgreementSummaryView>;
