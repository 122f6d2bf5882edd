/**
 * What `phaseline docs` prints: the document list, each clause's status with its bracket groups and
 * the stances the caller may see, and word diffs in git's word-diff notation.
 */
import type { ClauseView, DocumentSummaryView, DocumentView, StanceView } from '../../contract/index.ts';
import type { Agreement } from '../../core/index.ts';
import type { DiffPart } from '../../core/negotiation/diff.ts';
import { renderCsv, renderTable } from '../output.ts';

/** "2026-06-14 12:00" on the agreement's clocks; empty for no time. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A party's name by id (its id when the party is gone). */
export type PartyNames = (id: string) => string;

export function listTable(items: DocumentSummaryView[], agreement: Agreement): string {
  return renderTable(
    ['Title', 'Clauses', 'Agreed', 'Blocked', `Deadline (${agreement.timeZone})`, 'Revision', 'Id'],
    items.map((d) => [
      d.title,
      String(d.clauseCount),
      `${d.consensus.agreed} (${percent(d.consensus.agreedShare)})`,
      String(d.consensus.blocked),
      localTime(d.deadline, agreement.timeZone),
      String(d.revision),
      d.id,
    ]),
  );
}

export function listCsv(items: DocumentSummaryView[]): string {
  return renderCsv(
    ['id', 'title', 'clauses', 'agreed', 'blocked', 'converging', 'open', 'agreed_share', 'deadline', 'revision'],
    items.map((d) => [d.id, d.title, d.clauseCount, d.consensus.agreed, d.consensus.blocked, d.consensus.converging, d.consensus.open, d.consensus.agreedShare, d.deadline, d.revision]),
  );
}

/** A list item for people: what a document's summary holds, without the stances. */
export function summaryOf(d: DocumentSummaryView) {
  const { id, agreementId, title, deadline, revision, version, clauseCount, consensus } = d;
  return { id, agreementId, title, deadline, revision, version, clauseCount, consensus };
}

function stanceOf(s: StanceView, party: PartyNames) {
  return {
    partyId: s.partyId,
    party: party(s.partyId),
    position: s.position,
    reservation: s.reservation,
    reason: s.reason,
    statedOn: s.statedOn,
    audience: s.audience,
  };
}

/** One clause for `docs status --format json`: its groups with their alternatives, the stances on each, and who blocks. */
function clauseStatus(clause: ClauseView, party: PartyNames) {
  return {
    id: clause.id,
    number: clause.number,
    marker: clause.marker,
    status: clause.consensus.status,
    deadline: clause.deadline,
    version: clause.version,
    text: clause.text,
    groups: clause.consensus.groups.map((g) => ({
      key: g.key,
      status: g.status,
      agreedAlternative: g.agreedAlternative,
      alternatives: g.alternatives.map((a) => ({
        index: a.index,
        text: a.text,
        stances: clause.stances
          .filter((s) => s.groupKey === g.key && s.alternative === a.index)
          .map((s) => stanceOf(s, party))
          .sort((x, y) => x.party.localeCompare(y.party)),
      })),
      blockers: g.blockers
        .map((b) => ({ partyId: b.partyId, party: party(b.partyId), alternative: b.alternative }))
        .sort((x, y) => x.alternative - y.alternative || x.party.localeCompare(y.party)),
    })),
  };
}

/** The whole document for `docs status --format json`. */
export function statusJson(view: DocumentView, party: PartyNames) {
  return {
    id: view.id,
    agreementId: view.agreementId,
    title: view.title,
    revision: view.revision,
    deadline: view.deadline,
    clauseCount: view.clauseCount,
    agreedShare: view.consensus.agreedShare,
    consensus: view.consensus,
    clauses: view.clauses.map((c) => clauseStatus(c, party)),
  };
}

const POSITION_WORDS: Record<string, string> = {
  accept: 'accepts',
  accept_with_reservation: 'accepts with reservation',
  abstain: 'abstains',
  reject: 'rejects',
  no_position: 'no position',
};

const alternativeText = (text: string) => (text === '' ? '(omit)' : `[${text}]`);

/** A group in the table: its status, then each alternative with the stances on it. */
function groupLines(group: ReturnType<typeof clauseStatus>['groups'][number], index: number): string[] {
  // By place in the clause: keys (`g0:...`) count twins only, so two groups of a clause may both be g0.
  const lines = [`group ${index + 1}: ${group.status}`];
  for (const a of group.alternatives) {
    const stances = a.stances.map((s) => `${s.party} ${POSITION_WORDS[s.position] ?? s.position}${s.reservation ? ` (${s.reservation})` : ''}`);
    lines.push(`  ${a.index}. ${alternativeText(a.text)}${stances.length ? `: ${stances.join('; ')}` : ''}`);
  }
  return lines;
}

export function statusTable(view: DocumentView, party: PartyNames, agreement: Agreement, colWidths?: Array<number | null>): string {
  const status = statusJson(view, party);
  const rows = status.clauses.map((c) => {
    // Rejects of a group that is not blocked show beside their alternative; only a blocked group's block the clause.
    const blockers = [...new Set(c.groups.filter((g) => g.status === 'blocked').flatMap((g) => g.blockers.map((b) => b.party)))];
    return [
      c.number ?? (c.marker || '¶'),
      c.status + (c.deadline ? `\ndue ${localTime(c.deadline, agreement.timeZone)}` : ''),
      c.groups.flatMap((g, i) => groupLines(g, i)).join('\n') || '-',
      blockers.join('\n') || '-',
    ];
  });
  const { consensus } = view;
  const deadline = view.deadline ? `, due ${localTime(view.deadline, agreement.timeZone)} ${agreement.timeZone}` : '';
  return [
    `${view.title} (revision ${view.revision}${deadline})`,
    renderTable(['Clause', 'Status', 'Bracket groups and stances', 'Blocked by'], rows, colWidths ? { colWidths } : {}).trimEnd(),
    `Agreed: ${consensus.agreed} of ${consensus.clauses} clauses (${percent(consensus.agreedShare)}); blocked ${consensus.blocked}, converging ${consensus.converging}, open ${consensus.open}`,
    '',
  ].join('\n');
}

/** A word diff as git prints one (`git diff --word-diff`): `[-deleted-]` and `{+inserted+}` in the text. */
export function wordDiffText(parts: DiffPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}
