/**
 * What the brief's layout reads: the fields of the contract's BriefView it lays out (core imports no
 * contract; BriefView is assignable to Brief).
 */
import type { GroupStatus } from '../negotiation/consensus.ts';

export interface BriefCount {
  days: number;
  expected: number;
  low: number;
  high: number;
}

export interface BriefScore {
  horizon: number;
  n: number;
  model: { mae: number; crps: number };
  noChange: { mae: number; crps: number };
  beatsNoChange: { mae: boolean; crps: boolean };
}

export interface BriefForecast {
  seed: number;
  escalation: {
    events: number;
    fitted: boolean;
    reason: string | null;
    dimensions: ReadonlyArray<{ key: string; label: string; events: number }>;
    branchingRatio: number | null;
    forecast: ReadonlyArray<{ days: number; total: BriefCount }>;
  };
  series: ReadonlyArray<{
    key: string;
    label: string;
    source: string;
    days: number;
    last: { day: string; value: number } | null;
    fitted: boolean;
    reason: string | null;
    forecast: readonly BriefCount[];
    backtest: readonly BriefScore[];
  }>;
}

export interface BriefRisk {
  score: number | null;
  parts: ReadonlyArray<{ key: string; label: string; value: string; score: number | null; weight: number; contribution: number | null; source: string; explanation: string }>;
}

export interface BriefSurvival {
  label: string;
  n: number;
  events: number;
  median: number | null;
  oneYear: number | null;
}

export interface BriefPrecedents {
  categories: ReadonlyArray<{ label: string; provisions: number; ucdp: ReadonlyArray<{ key: string; label: string }>; note: string }>;
  stabilization: { with: BriefSurvival; without: BriefSurvival };
  allLinked: BriefSurvival | null;
  source: { dataset: string; version: string; licence: string; citation: string; dataEnd: string };
}

export interface BriefSection<T> {
  available: boolean;
  reason: string | null;
  view: T | null;
}

interface Named {
  partyId: string;
  partyName: string;
}

export interface Brief {
  agreement: { slug: string; title: string; status: string; timeZone: string; illustrative: boolean };
  asOf: string;
  cutoff: string;
  audience: { kind: 'mediators' | 'party' | 'everyone'; label: string };
  headline: string;
  facts: readonly string[];
  notes: readonly string[];
  matrix: {
    parties: ReadonlyArray<{ id: string; name: string; localName: string | null }>;
    rows: ReadonlyArray<{
      phase: { name: string; objective: string; status: string };
      realities: ReadonlyArray<{ code: string; title: string; status: string; deadline: string | null }>;
      bottlenecks: ReadonlyArray<{
        code: string;
        title: string;
        reasons: ReadonlyArray<{ kind: 'overdue'; daysOverdue: number } | { kind: 'disputed' } | { kind: 'violations'; count: number; days: number }>;
      }>;
      progress: { total: number; score: number | null };
      gate: { passes: boolean; met: number; total: number } | null;
      withdrawals: { bottlenecks: ReadonlyArray<{ label: string; status: string }> };
    }>;
  };
  negotiation: {
    documents: ReadonlyArray<{
      title: string;
      deadline: string | null;
      revision: number;
      consensus: { clauses: number; agreed: number; blocked: number; converging: number; open: number; agreedShare: number };
      clauses: ReadonlyArray<{
        label: string;
        status: GroupStatus;
        deadline: string | null;
        blockers: ReadonlyArray<Named & { alternative: string }>;
        reservations: ReadonlyArray<Named & { text: string; audience: string }>;
      }>;
    }>;
  };
  rounds: ReadonlyArray<{
    title: string;
    venue: string;
    startsOn: string;
    endsOn: string | null;
    when: 'past' | 'current' | 'upcoming';
    outcome: string;
    sessions: ReadonlyArray<{ venue: string; startsAt: string; endsAt: string | null; allDay: boolean; agenda: readonly string[]; outcome: string }>;
  }>;
  ground: {
    violations: { last7: number; last30: number; byParty: ReadonlyArray<{ label: string; last7: number; last30: number }> };
    withdrawals: { counts: Readonly<Record<string, number>>; items: ReadonlyArray<{ label: string; phaseName: string; deadline: string; status: string; since: string | null }> };
    indicators: ReadonlyArray<{
      name: string;
      unit: string;
      comparison: string;
      target: number;
      period: string;
      latest: { observedOn: string; value: number } | null;
      met: boolean;
      streakPeriods: number;
      since: string | null;
      source: string;
    }>;
  };
  force: {
    illustrative: boolean;
    totals: { required: number; covered: number; gap: number };
    requirements: ReadonlyArray<{ label: string; required: number; covered: number; gap: number }>;
    funding: { budget: number; pledged: number; committed: number; disbursed: number; commitmentGap: number; disbursementGap: number };
  };
  forecast: BriefSection<BriefForecast>;
  risk: BriefSection<BriefRisk>;
  precedents: BriefSection<BriefPrecedents>;
  sources: ReadonlyArray<{ kind: string; label: string; detail: string; licence: string | null }>;
}
