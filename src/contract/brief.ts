/**
 * The situation brief (docs/FORECAST.md): one reader's model of an agreement as of one day, from
 * which core lays out Markdown and HTML (and the server a PDF). It holds no generation time and every
 * list has a fixed order: the same data and day give the same brief.
 */
import { z } from 'zod';
import { AUDIENCES, GROUP_STATUSES, WITHDRAWAL_STATUSES } from '../core/index.ts';
import { AgreementStatus } from './agreements.ts';
import { Id, IsoDate, IsoDateTime } from './common.ts';
import { AgreementForecastView, RiskView } from './forecast.ts';
import { DocumentConsensusView } from './negotiation.ts';
import { AgreementPrecedentsView } from './precedents.ts';
import { MatrixView } from './provisions.ts';

export const BRIEF_FORMATS = ['json', 'md', 'html', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

export const BriefQuery = z.object({
  asOf: IsoDate.optional().describe("The day the brief is as of (YYYY-MM-DD, in the agreement's time zone), not after today; default today. Dated data after its end are left out"),
  format: z.enum(BRIEF_FORMATS).default('json').describe('json (the model), md (text/markdown), html (a self-contained page) or pdf (printed by Chromium on the server)'),
});

/** Whose view a brief is: the mediators' (every audience), one party's circle, or everyone's. */
export const BriefAudienceView = z.object({
  kind: z.enum(['mediators', 'party', 'everyone']),
  partyId: Id.nullable(),
  label: z.string().describe('"the mediators", "<party>\'s circle" or "everyone"'),
});
export type BriefAudienceView = z.infer<typeof BriefAudienceView>;

const PartyRef = z.object({ partyId: Id, partyName: z.string() });

export const BriefClauseView = z.object({
  clauseId: Id,
  label: z.string().describe('§ and its number, else its place in the document'),
  status: z.enum(GROUP_STATUSES),
  deadline: IsoDateTime.nullable().describe("The clause's deadline, else its document's"),
  blockers: z.array(PartyRef.extend({ alternative: z.string().describe('The alternative it rejects') })),
  reservations: z.array(PartyRef.extend({ text: z.string(), audience: z.enum(AUDIENCES) })).describe('Reservations the reader may see, with their audience'),
});
export type BriefClauseView = z.infer<typeof BriefClauseView>;

export const BriefDocumentView = z.object({
  id: Id,
  title: z.string(),
  deadline: IsoDateTime.nullable(),
  revision: z.number().int(),
  consensus: DocumentConsensusView,
  clauses: z.array(BriefClauseView).describe('Clauses not agreed, or agreed with a reservation, in document order'),
});
export type BriefDocumentView = z.infer<typeof BriefDocumentView>;

export const BriefSessionView = z.object({
  id: Id,
  venue: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  allDay: z.boolean(),
  agenda: z.array(z.string()),
  outcome: z.string(),
});

export const BriefRoundView = z.object({
  id: Id,
  title: z.string(),
  venue: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  when: z.enum(['past', 'current', 'upcoming']).describe('Against the as-of day'),
  outcome: z.string(),
  sessions: z.array(BriefSessionView),
});
export type BriefRoundView = z.infer<typeof BriefRoundView>;

const Count7and30 = { last7: z.number().int(), last30: z.number().int() };

export const BriefGroundView = z.object({
  violations: z.object({
    ...Count7and30,
    byParty: z.array(z.object({ partyId: Id.nullable(), label: z.string(), ...Count7and30 })).describe('Every party, then "Not attributed" when any is'),
  }),
  withdrawals: z.object({
    counts: z.record(z.enum(WITHDRAWAL_STATUSES), z.number().int()),
    items: z.array(z.object({ id: Id, label: z.string(), phaseName: z.string(), deadline: IsoDate, status: z.enum(WITHDRAWAL_STATUSES), since: IsoDate.nullable() })),
  }),
  indicators: z.array(
    z.object({
      id: Id,
      name: z.string(),
      unit: z.string(),
      comparison: z.string(),
      target: z.number(),
      period: z.string(),
      latest: z.object({ observedOn: IsoDate, value: z.number() }).nullable(),
      met: z.boolean(),
      streakPeriods: z.number().int(),
      since: IsoDate.nullable(),
      source: z.string(),
    }),
  ),
});
export type BriefGroundView = z.infer<typeof BriefGroundView>;

export const BriefForceView = z.object({
  illustrative: z.boolean().describe('Whether any of the force or funding rows is illustrative'),
  totals: z.object({ required: z.number().int(), covered: z.number().int(), gap: z.number().int() }),
  requirements: z.array(z.object({ id: Id, label: z.string(), required: z.number().int(), covered: z.number().int(), gap: z.number().int() })),
  funding: z.object({ budget: z.number(), pledged: z.number(), committed: z.number(), disbursed: z.number(), commitmentGap: z.number(), disbursementGap: z.number() }),
});
export type BriefForceView = z.infer<typeof BriefForceView>;

/** A section computed by another service, or why it is not in this brief. */
const section = <T extends z.ZodType>(view: T) =>
  z.object({ available: z.boolean(), reason: z.string().nullable().describe('Why it is not available; null when it is'), view: view.nullable() });

export const BriefSourceView = z.object({
  kind: z.enum(['agreement', 'document', 'indicator', 'zone', 'dataset', 'method']),
  label: z.string(),
  detail: z.string(),
  licence: z.string().nullable(),
});
export type BriefSourceView = z.infer<typeof BriefSourceView>;

export const BriefView = z.object({
  agreement: z.object({ id: Id, slug: z.string(), title: z.string(), status: AgreementStatus, timeZone: z.string(), illustrative: z.boolean() }),
  asOf: IsoDate,
  cutoff: IsoDateTime.describe("The end of the as-of day in the agreement's zone: dated data after it are left out"),
  audience: BriefAudienceView,
  headline: z.string(),
  facts: z.array(z.string()).describe('The headline\'s figures, one line each'),
  notes: z.array(z.string()).describe('What the brief reads as recorded now rather than as of its day'),
  matrix: MatrixView,
  negotiation: z.object({ documents: z.array(BriefDocumentView) }),
  rounds: z.array(BriefRoundView),
  ground: BriefGroundView,
  force: BriefForceView,
  forecast: section(AgreementForecastView),
  risk: section(RiskView),
  precedents: section(AgreementPrecedentsView),
  sources: z.array(BriefSourceView),
});
export type BriefView = z.infer<typeof BriefView>;
