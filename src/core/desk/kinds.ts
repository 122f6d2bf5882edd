/**
 * What the "since" view lists (docs/DESK.md): its kinds of item, in the order the page shows them,
 * and an item's shape. Every item links to the page it comes from.
 */

export const DESK_KINDS = [
  'incident_reported',
  'incident_verified',
  'provision_status',
  'deadline_passed',
  'deadline_due',
  'overdue',
  'note',
  'response',
  'clause_agreed',
  'clause_blocked',
  'gate_passed',
  'gate_failed',
] as const;
export type DeskKind = (typeof DESK_KINDS)[number];

/** A kind's heading, the same words for every reader. */
export const DESK_KIND_LABELS: Record<DeskKind, string> = {
  incident_reported: 'Incidents reported',
  incident_verified: 'Incidents verified',
  provision_status: 'Provision status changes',
  deadline_passed: 'Deadlines passed',
  deadline_due: 'Deadlines due within 7 days',
  overdue: 'Still overdue',
  note: 'Notes for you',
  response: 'Responses to incidents',
  clause_agreed: 'Clauses agreed',
  clause_blocked: 'Clauses blocked',
  gate_passed: 'Phases advanced through their gate',
  gate_failed: 'Phases advanced over a failing gate',
};

/**
 * Kinds that are a standing state rather than news: deadlines ahead, and provisions whose deadline
 * passed before the window and are still not in full. Not counted as new; soonest deadline first.
 */
export const LOOKING_AHEAD: ReadonlySet<DeskKind> = new Set(['deadline_due', 'overdue']);

/** Where the window's start comes from: the reader's last visit, a day or instant they chose, or 7 days back. */
export const SINCE_FROM = ['last_visit', 'chosen', 'default'] as const;
export type SinceFrom = (typeof SINCE_FROM)[number];

/** One thing that happened (or is due), with the page it comes from and the ids it names. */
export interface DeskItem {
  /** Unique within a view: the kind and what it names. */
  id: string;
  kind: DeskKind;
  /** When it happened (for a deadline: the deadline), ISO 8601 in UTC. */
  at: string;
  title: string;
  detail: string;
  /** The web page it links to. */
  href: string;
  incidentId?: string;
  provisionId?: string;
  noteId?: string;
  responseId?: string;
  documentId?: string;
  clauseId?: string;
  phaseId?: string;
}

export type DeskCounts = Record<DeskKind, number>;

export const zeroCounts = (): DeskCounts => Object.fromEntries(DESK_KINDS.map((k) => [k, 0])) as DeskCounts;
