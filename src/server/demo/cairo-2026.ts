/**
 * The demo scenario: talks in Cairo on 6 June 2026 to take the Gaza ceasefire from Phase One to
 * Phase Two, after the brief in shared/seed. Illustrative: drawn from public reporting, not an
 * official record. Statuses are readings of that report; no casualty or other figure is invented.
 */
import type { Audience, ImplementationStatus, PartyRole, PhaseStatus, ProvisionCategory } from '../../core/index.ts';

export const DEMO_SLUG = 'cairo-2026';

export const SOURCE_NOTE =
  'Illustrative scenario drawn from public reporting: "Hamas Delegation Arrives In Cairo For Phase Two ' +
  'Ceasefire Talks" (6 June 2026). Parties, phases, objectives, pillars and sticking points follow that ' +
  'report; implementation statuses and the one deadline are readings of it, not official records.';

export type PartyKey = 'hamas' | 'israel' | 'egypt' | 'qatar';
type PhaseKey = 'one' | 'two' | 'stabilization';
type PillarKey = 'retaliation' | 'withdrawal' | 'force';

export const demoAgreement = {
  slug: DEMO_SLUG,
  title: 'Gaza ceasefire: from Phase One to Phase Two (Cairo talks, June 2026)',
  summary:
    'A senior Hamas delegation led by Khalil al-Hayya arrived in Cairo on 6 June 2026 for talks with ' +
    'Egyptian security officials, to finalize the mechanisms of the first phase of the Gaza ceasefire ' +
    'framework and advance the text into its second phase, including drafts for the deployment of an ' +
    'international stabilization force.',
  status: 'in_force' as const,
  timeZone: 'Asia/Gaza',
  illustrative: true,
  public: true,
  sourceNote: SOURCE_NOTE,
};

export const demoParties: Record<PartyKey, { name: string; localName: string; role: PartyRole; description: string }> = {
  hamas: {
    name: 'Hamas',
    localName: 'حماس',
    role: 'belligerent',
    description: 'Delegation in Cairo led by Khalil al-Hayya.',
  },
  israel: {
    name: 'Israel',
    localName: 'ישראל',
    role: 'belligerent',
    description: 'The other party to the Gaza ceasefire framework ("both sides" in the report).',
  },
  egypt: {
    name: 'Egypt',
    localName: 'مصر',
    role: 'mediator',
    description: 'Egyptian security officials host and mediate the talks in Cairo.',
  },
  qatar: {
    name: 'Qatar',
    localName: 'قطر',
    role: 'mediator',
    description: 'Named with Egypt and international brokers as builders of consensus on the force parameters.',
  },
};

export const demoPhases: Record<PhaseKey, { ordinal: number; name: string; objective: string; status: PhaseStatus }> = {
  one: { ordinal: 1, name: 'Phase One Finalization', objective: 'Solidifying the current temporary truce lines', status: 'active' },
  two: { ordinal: 2, name: 'Phase Two Mechanics', objective: 'Executing full scale political transitions', status: 'negotiating' },
  stabilization: {
    ordinal: 3,
    name: 'Stabilization Layer',
    objective: 'Re-establishing structural civic security frameworks',
    status: 'planned',
  },
};

export const demoPillars: Record<PillarKey, { ordinal: number; title: string; description: string }> = {
  retaliation: {
    ordinal: 1,
    title: 'Stopping retaliatory cycles and transitioning to Phase Two',
    description:
      'Halt ongoing military actions; structural legal guarantees so that unexpected flare-ups do not derail ' +
      'the progress of the first phase. Egyptian intermediaries see a direct transition to Phase Two as the ' +
      'mechanism that locks both sides into a binding framework.',
  },
  withdrawal: {
    ordinal: 2,
    title: 'The mandate for complete military withdrawals',
    description:
      'A timeline for the total evacuation of military units from dense urban corridors, and strict, clear ' +
      'schedules for the pullout of armored divisions from key logistic junctions.',
  },
  force: {
    ordinal: 3,
    title: 'Blueprinting an international stabilization force',
    description:
      'To prevent an administrative vacuum once withdrawals are complete: which neutral nations contribute ' +
      'personnel, how the force is funded, and the rules of engagement that guarantee civil safety.',
  },
};

export interface DemoProvision {
  code: string;
  phase: PhaseKey;
  pillar: PillarKey | null;
  title: string;
  text: string;
  category: ProvisionCategory;
  obligated: PartyKey | null;
  status: ImplementationStatus;
  deadline: string | null;
  verificationMethod: string;
}

export const demoProvisions: DemoProvision[] = [
  {
    code: '1.1',
    phase: 'one',
    pillar: 'retaliation',
    title: 'Halt repeated military attacks across the Strip',
    text: 'Operational ground reality of Phase One. The report describes an immediate need to halt ongoing military actions.',
    category: 'ceasefire',
    obligated: null,
    status: 'minimal',
    deadline: null,
    verificationMethod: 'Incident reports verified by the monitoring mechanism',
  },
  {
    code: '1.2',
    phase: 'one',
    pillar: 'withdrawal',
    title: 'Precise verification protocols for troop drawdowns',
    text: 'Strategic bottleneck of Phase One: the protocols by which drawdowns are verified are not yet agreed.',
    category: 'verification',
    obligated: null,
    status: 'disputed',
    deadline: null,
    verificationMethod: 'To be set by the protocol itself',
  },
  {
    code: '1.3',
    phase: 'one',
    pillar: 'retaliation',
    title: 'Structural legal guarantees against flare-ups derailing the truce',
    text: 'Pushed for by the Hamas delegation, so that unexpected flare-ups do not derail the progress of the initial phase.',
    category: 'guarantees',
    obligated: null,
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Signed guarantee text',
  },
  {
    code: '2.1',
    phase: 'two',
    pillar: 'withdrawal',
    title: 'Complete withdrawal of foreign forces from core sectors',
    text: 'Operational ground reality of Phase Two.',
    category: 'withdrawal',
    obligated: 'israel',
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Withdrawal schedule with zone-by-zone verification',
  },
  {
    code: '2.2',
    phase: 'two',
    pillar: 'withdrawal',
    title: 'Timeline for the evacuation of military units from dense urban corridors',
    text: 'A non-negotiable parameter of the draft text, according to the report.',
    category: 'withdrawal',
    obligated: 'israel',
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Withdrawal schedule with zone-by-zone verification',
  },
  {
    code: '2.3',
    phase: 'two',
    pillar: 'withdrawal',
    title: 'Schedules for the pullout of armored divisions from key logistic junctions',
    text: 'The Palestinian delegation demands strict, clear schedules; active checkpoints split civilian zones.',
    category: 'withdrawal',
    obligated: 'israel',
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Withdrawal schedule with zone-by-zone verification',
  },
  {
    code: '2.4',
    phase: 'two',
    pillar: 'force',
    title: 'Exact authority boundaries of the incoming stabilization force',
    text: 'Strategic bottleneck of Phase Two.',
    category: 'stabilization_force',
    obligated: null,
    status: 'disputed',
    deadline: null,
    verificationMethod: 'Agreed clause text',
  },
  {
    code: '2.5',
    phase: 'two',
    pillar: 'force',
    title: 'Consensus on the international force parameters',
    text:
      'Without consensus "within the coming days", the report warns, the ceasefire architecture risks a total ' +
      'collapse. Deadline illustrative: the end of 13 June 2026 in Gaza, a week after the talks opened.',
    category: 'stabilization_force',
    obligated: null,
    status: 'not_started',
    deadline: '2026-06-13T21:00:00Z',
    verificationMethod: 'Every party accepts the force parameters clause',
  },
  {
    code: '3.1',
    phase: 'stabilization',
    pillar: null,
    title: 'Prepare designated zones for large-scale international aid corridors',
    text: 'Operational ground reality of the Stabilization Layer.',
    category: 'aid_access',
    obligated: null,
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Corridor flows measured against targets',
  },
  {
    code: '3.2',
    phase: 'stabilization',
    pillar: null,
    title: 'Multi-national consensus on administrative leadership teams',
    text: 'Strategic bottleneck of the Stabilization Layer.',
    category: 'governance',
    obligated: null,
    status: 'disputed',
    deadline: null,
    verificationMethod: 'Agreed clause text',
  },
  {
    code: '3.3',
    phase: 'stabilization',
    pillar: 'force',
    title: 'Contributing nations for the stabilization force',
    text: 'Which neutral nations will contribute personnel to the security layer.',
    category: 'stabilization_force',
    obligated: null,
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Pledges registered by readiness level',
  },
  {
    code: '3.4',
    phase: 'stabilization',
    pillar: 'force',
    title: 'Funding of the stabilization force',
    text: 'How the force will be funded.',
    category: 'stabilization_force',
    obligated: null,
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Funding pledged, committed and disbursed against the budget',
  },
  {
    code: '3.5',
    phase: 'stabilization',
    pillar: 'force',
    title: 'Rules of engagement that guarantee civil safety',
    text: 'The specific rules of engagement under which the force will operate across the territory.',
    category: 'stabilization_force',
    obligated: null,
    status: 'not_started',
    deadline: null,
    verificationMethod: 'Agreed clause text',
  },
];

export const demoRound = {
  title: 'Cairo talks: Phase One mechanisms and Phase Two text',
  venue: 'Cairo',
  startsOn: '2026-06-06',
  endsOn: null,
  parties: ['hamas', 'egypt'] as PartyKey[],
  agenda:
    'Finalize the mechanisms of Phase One; evaluate the Phase Two structural text, including drafts for the ' +
    'deployment of an international force. Sessions scheduled to last several days.',
  outcome: '',
};

/**
 * The one session of the demo round the seed reports: the delegation's arrival and the opening of
 * talks in Cairo on 6 June 2026. The report gives the day, not the hours, so the session takes the
 * whole day (times not reported); it names the head of delegation and no other member, and reports
 * no outcome. The agenda is the report's two aims, in its order.
 */
export const demoSession = {
  venue: 'Cairo',
  firstDay: '2026-06-06',
  lastDay: '2026-06-06',
  delegations: [{ party: 'hamas' as PartyKey, head: 'Khalil al-Hayya', members: [] as string[] }],
  mediators: [{ party: 'egypt' as PartyKey, name: 'Egyptian security officials' }],
  agenda: ['Finalize the mechanisms of Phase One', 'Evaluate the Phase Two structural text'],
  outcome: '',
};

/**
 * Demo notes, to show how audiences work: each belligerent keeps one note for its own circle (its
 * delegates and the mediators), the mediators keep one for themselves, and the host mediator shares
 * one with everyone. They are placeholders written for the demo, not positions taken from any report.
 */
export const demoNotes: Array<{ party: PartyKey | null; provision: string | null; title: string; body: string; audience: Audience }> = [
  {
    party: 'hamas',
    provision: '2.3',
    title: 'Internal brief on the junction schedule (demo placeholder)',
    body: 'Confidential to this delegation and the mediators. A placeholder written for the demo; it states no real position.',
    audience: 'party',
  },
  {
    party: 'israel',
    provision: '2.4',
    title: 'Internal brief on the force authority clause (demo placeholder)',
    body: 'Confidential to this delegation and the mediators. A placeholder written for the demo; it states no real position.',
    audience: 'party',
  },
  {
    party: null,
    provision: null,
    title: 'Mediators: sequencing of the next session (demo placeholder)',
    body: 'Read by the mediators only. A placeholder written for the demo; it states no real position.',
    audience: 'mediators',
  },
  {
    party: 'egypt',
    provision: null,
    title: 'Schedule of the Cairo sessions',
    body: 'Shared with every participant: sessions are scheduled to last several days from 6 June 2026.',
    audience: 'all',
  },
];
