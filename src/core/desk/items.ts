/**
 * The "since" view of one reader (docs/DESK.md): the rows read for the window become items, each
 * with its title, detail and link, after the audience rules of access.ts have left out whatever the
 * reader could not open. Counts are of what remains: nothing shows that a hidden entry exists.
 */
import { can, inAudience, responsesAddressedTo, type Audience, type Principal } from '../access.ts';
import { STATUS_LABELS, type ImplementationStatus } from '../domain.ts';
import { INCIDENT_CATEGORY_LABELS, type IncidentCategory } from '../incidents.ts';
import type { ClauseChange } from './clauses.ts';
import { DESK_KINDS, LOOKING_AHEAD, zeroCounts, type DeskCounts, type DeskItem, type DeskKind } from './kinds.ts';
import { deadlineStanding, isOverdue, type DeadlineFacts } from './window.ts';

/** The most items of one kind a view lists (newest first); its count still counts them all. */
export const DESK_ITEM_LIMIT = 100;

export interface DeskIncident {
  id: string;
  category: IncidentCategory;
  place: string;
  allegedPartyId: string | null;
  reportingPartyId: string | null;
  attributedPartyId: string | null;
}

export interface ReportedIncident extends DeskIncident {
  reportedAt: Date;
}

/** A step to "verified", with the incident it verified. */
export interface VerifiedIncident extends DeskIncident {
  at: Date;
  seq: number;
  reason: string;
}

export interface DeskStatusChange {
  id: string;
  provisionId: string;
  provisionLabel: string;
  fromStatus: ImplementationStatus | null;
  toStatus: ImplementationStatus;
  reason: string;
  source: string;
  sourceGrade: string | null;
  actorName: string;
  at: Date;
}

export interface DeskProvision extends DeadlineFacts {
  id: string;
  label: string;
  obligatedPartyId: string | null;
}

export interface DeskNote {
  id: string;
  partyId: string | null;
  provisionId: string | null;
  title: string;
  audience: Audience;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

export interface DeskResponse {
  id: string;
  partyId: string;
  body: string;
  authorId: string | null;
  authorName: string;
  createdAt: Date;
  incident: DeskIncident;
}

export interface DeskTransition {
  id: string;
  phaseId: string;
  phaseName: string;
  gatePassed: boolean;
  overridden: boolean;
  reason: string;
  actorName: string;
  at: Date;
  /** Whether the phase has a gate now (its page); else the item links to the agreement. */
  hasGate: boolean;
}

/** A capped list: the newest rows and how many there are in all. */
export interface Capped<T> {
  rows: T[];
  total: number;
}

/** What the service reads for one agreement and window; audiences are applied here, not there. */
export interface DeskInput {
  agreement: { id: string; slug: string; public: boolean };
  window: { since: Date; until: Date };
  partyNames: ReadonlyMap<string, string>;
  reported: Capped<ReportedIncident>;
  verified: Capped<VerifiedIncident>;
  statusChanges: Capped<DeskStatusChange>;
  /** Provisions that have a deadline. */
  provisions: DeskProvision[];
  notes: DeskNote[];
  responses: DeskResponse[];
  /** From the stances the reader may see (clauseChanges). */
  clauses: ClauseChange[];
  transitions: DeskTransition[];
}

/** The reader: who they are (for audiences), and their account, whose own notes and responses are not news to them. */
export interface DeskReader {
  principal: Principal;
  userId: string | null;
}

export interface DeskSummary {
  items: DeskItem[];
  counts: DeskCounts;
  /** Items that happened in the window: every kind but those looking ahead. */
  newCount: number;
  /** Provisions not in full whose deadline has passed, at the window's end. */
  overdueCount: number;
  dueSoonCount: number;
}

const SNIPPET = 160;
const snippet = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
};

/** Links to the web pages items come from. */
export const deskHref = {
  incident: (slug: string, id: string) => `/agreements/${slug}/incidents/${id}`,
  provision: (slug: string, id: string) => `/agreements/${slug}/provisions/${id}`,
  notes: (slug: string) => `/agreements/${slug}#notes-heading`,
  document: (slug: string, id: string) => `/agreements/${slug}/documents/${id}`,
  gate: (slug: string, phaseId: string) => `/agreements/${slug}/phases/${phaseId}/gate`,
  agreement: (slug: string) => `/agreements/${slug}`,
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const statusWords = (s: ImplementationStatus | null) => (s === null ? 'none' : STATUS_LABELS[s]);

/** Builds the reader's items from the rows read, leaving out what they may not open, with the counts. */
export function deskSummary(input: DeskInput, reader: DeskReader, limit = DESK_ITEM_LIMIT): DeskSummary {
  const { agreement, window, partyNames } = input;
  const slug = agreement.slug;
  const { principal } = reader;
  const party = (id: string | null) => (id === null ? null : (partyNames.get(id) ?? 'a party'));
  const incidentName = (i: DeskIncident) => `${INCIDENT_CATEGORY_LABELS[i.category] ?? i.category}${i.place ? ` in ${i.place}` : ''}`;
  const readsIncidents = can(principal, 'incident:read', agreement);
  const own = (authorId: string | null) => reader.userId !== null && authorId === reader.userId;

  const sections = new Map<DeskKind, { items: DeskItem[]; total: number }>();
  const put = (kind: DeskKind, items: DeskItem[], total = items.length) => sections.set(kind, { items, total: Math.max(total, items.length) });

  if (readsIncidents) {
    put(
      'incident_reported',
      input.reported.rows.map((i) => ({
        id: `incident_reported:${i.id}`,
        kind: 'incident_reported',
        at: i.reportedAt.toISOString(),
        title: incidentName(i),
        detail: [i.allegedPartyId ? `Alleged against ${party(i.allegedPartyId)}` : 'No party alleged', i.reportingPartyId ? `complaint of ${party(i.reportingPartyId)}` : null]
          .filter(Boolean)
          .join(' · '),
        href: deskHref.incident(slug, i.id),
        incidentId: i.id,
      })),
      input.reported.total,
    );
    put(
      'incident_verified',
      input.verified.rows.map((i) => ({
        id: `incident_verified:${i.id}:${i.seq}`,
        kind: 'incident_verified',
        at: i.at.toISOString(),
        title: incidentName(i),
        detail: `${i.attributedPartyId ? `Attributed to ${party(i.attributedPartyId)}` : 'Attributed to no party'}: ${snippet(i.reason)}`,
        href: deskHref.incident(slug, i.id),
        incidentId: i.id,
      })),
      input.verified.total,
    );
    const responses = input.responses.filter((r) => !own(r.authorId) && responsesAddressedTo(principal, { agreementId: agreement.id, ...r.incident }));
    put(
      'response',
      responses.map((r) => ({
        id: `response:${r.id}`,
        kind: 'response',
        at: r.createdAt.toISOString(),
        title: `${party(r.partyId)} responds: ${incidentName(r.incident)}`,
        detail: snippet(r.body),
        href: deskHref.incident(slug, r.incident.id),
        incidentId: r.incident.id,
        responseId: r.id,
      })),
    );
  }

  put(
    'provision_status',
    input.statusChanges.rows.map((c) => ({
      id: `provision_status:${c.id}`,
      kind: 'provision_status',
      at: c.at.toISOString(),
      title: c.provisionLabel,
      detail: [
        c.fromStatus === null ? `Recorded as ${statusWords(c.toStatus)}` : `${statusWords(c.fromStatus)} → ${statusWords(c.toStatus)}`,
        snippet(c.reason),
        c.source ? `source: ${c.source}${c.sourceGrade ? ` (${c.sourceGrade})` : ''}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
      href: deskHref.provision(slug, c.provisionId),
      provisionId: c.provisionId,
    })),
    input.statusChanges.total,
  );

  const deadlines = { passed: [] as DeskItem[], due: [] as DeskItem[], overdue: [] as DeskItem[] };
  for (const p of input.provisions) {
    if (p.deadline === null) continue;
    // Passed before the window and still not in full: overdue, listed apart from this window's news.
    const standing = deadlineStanding(p, window) ?? (isOverdue(p, window.until) ? 'overdue' : null);
    if (standing === null) continue;
    const kind = standing === 'passed' ? 'deadline_passed' : standing === 'due' ? 'deadline_due' : 'overdue';
    deadlines[standing].push({
      id: `${kind}:${p.id}`,
      kind,
      at: p.deadline.toISOString(),
      title: p.label,
      detail: `${p.obligatedPartyId ? `Obligates ${party(p.obligatedPartyId)}` : 'Obligates the parties'} · status ${statusWords(p.status)}`,
      href: deskHref.provision(slug, p.id),
      provisionId: p.id,
    });
  }
  put('deadline_passed', deadlines.passed);
  put('deadline_due', deadlines.due);
  put('overdue', deadlines.overdue);

  const notes = input.notes.filter((n) => !own(n.authorId) && inAudience(principal, agreement.id, n));
  put(
    'note',
    notes.map((n) => ({
      id: `note:${n.id}`,
      kind: 'note',
      at: n.createdAt.toISOString(),
      title: n.title,
      detail: [
        n.audience === 'all' ? 'For everyone' : n.audience === 'mediators' ? 'For the mediators only' : `For the circle of ${party(n.partyId)}`,
        n.authorName ? `by ${n.authorName}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
      href: n.provisionId ? deskHref.provision(slug, n.provisionId) : deskHref.notes(slug),
      noteId: n.id,
      ...(n.provisionId ? { provisionId: n.provisionId } : {}),
    })),
  );

  for (const status of ['agreed', 'blocked'] as const) {
    const kind = status === 'agreed' ? 'clause_agreed' : 'clause_blocked';
    put(
      kind,
      input.clauses
        .filter((c) => c.status === status)
        .map((c) => ({
          id: `${kind}:${c.clause.id}`,
          kind,
          at: c.at.toISOString(),
          title: `${c.clause.number ? `Clause ${c.clause.number}` : 'A clause'} of ${c.clause.documentTitle}`,
          detail: status === 'agreed' ? 'Agreed by every signatory' : `Blocked by ${c.blockers.map((id) => party(id)).join(', ')}`,
          href: deskHref.document(slug, c.clause.documentId),
          documentId: c.clause.documentId,
          clauseId: c.clause.id,
        })),
    );
  }

  for (const passed of [true, false]) {
    const kind = passed ? 'gate_passed' : 'gate_failed';
    put(
      kind,
      input.transitions
        .filter((t) => t.gatePassed === passed)
        .map((t) => ({
          id: `${kind}:${t.id}`,
          kind,
          at: t.at.toISOString(),
          title: `${t.phaseName} advanced`,
          detail: passed ? `Its gate passed · by ${t.actorName}` : `Over a failing gate · by ${t.actorName}: ${snippet(t.reason)}`,
          href: t.hasGate ? deskHref.gate(slug, t.phaseId) : deskHref.agreement(slug),
          phaseId: t.phaseId,
        })),
    );
  }

  const counts = zeroCounts();
  const items: DeskItem[] = [];
  for (const kind of DESK_KINDS) {
    const section = sections.get(kind);
    if (!section) continue;
    counts[kind] = section.total;
    const ahead = LOOKING_AHEAD.has(kind);
    // ISO instants in UTC sort as strings; deadlines ahead soonest first, everything else newest first.
    const sorted = [...section.items].sort((a, b) => (ahead ? compare(a.at, b.at) : compare(b.at, a.at)) || compare(a.id, b.id));
    items.push(...sorted.slice(0, limit));
  }
  return {
    items,
    counts,
    newCount: DESK_KINDS.filter((k) => !LOOKING_AHEAD.has(k)).reduce((sum, k) => sum + counts[k], 0),
    overdueCount: input.provisions.filter((p) => isOverdue(p, window.until)).length,
    dueSoonCount: counts.deadline_due,
  };
}
