/**
 * A document as one reader sees it: each clause's segments, its linked provisions, the current
 * stances the reader may see, and the consensus computed from those alone (docs/NEGOTIATION.md,
 * "Who sees what"). Nothing here depends on a stance outside the reader's audiences.
 */
import type { ClauseView, DocumentSummaryView, DocumentView, StanceView } from '../../contract/index.ts';
import {
  bracketGroups,
  clauseConsensus,
  currentStances,
  documentConsensus,
  inAudience,
  isSignatory,
  segments,
  type ClauseStanding,
  type Party,
  type Principal,
} from '../../core/index.ts';
import type { Clause, DocumentSection, NegotiationDocument, Stance } from '../../db/index.ts';

/** What a document's view is computed from, read once. */
export interface DocumentData {
  document: NegotiationDocument;
  sections: DocumentSection[];
  clauses: Clause[];
  /** Every statement on the document's clauses, whoever may see them. */
  stances: Stance[];
  parties: Party[];
  provisions: Array<{ id: string; clauseId: string; code: string; title: string }>;
  authorNames: Map<string, string>;
}

/** The statements a reader may see: those of the audiences they are in. */
export function visibleStances(principal: Principal, agreementId: string, history: readonly Stance[]): Stance[] {
  return history.filter((s) => inAudience(principal, agreementId, s));
}

export const signatoriesOf = (parties: readonly Party[]): string[] => parties.filter(isSignatory).map((p) => p.id);

export function stanceView(stance: Stance, authorNames: ReadonlyMap<string, string>): StanceView {
  const { agreementId: _agreementId, ...rest } = stance;
  return {
    ...rest,
    authorName: stance.authorId ? (authorNames.get(stance.authorId) ?? null) : null,
    createdAt: stance.createdAt.toISOString(),
  };
}

function byClause(stances: readonly Stance[]): Map<string, Stance[]> {
  const map = new Map<string, Stance[]>();
  for (const s of stances) map.set(s.clauseId, [...(map.get(s.clauseId) ?? []), s]);
  return map;
}

/** A clause as the reader sees it; `visible` holds only the statements the reader may see. */
export function clauseView(clause: Clause, visible: Stance[], signatories: string[], data: Pick<DocumentData, 'provisions' | 'authorNames'>): ClauseView {
  const current = currentStances(visible, () => true);
  const keys = new Set(bracketGroups(clause.text).map((g) => g.key));
  const live = current.filter((s) => keys.has(s.groupKey));
  const consensus = clauseConsensus(clause.text, signatories, live);
  return {
    ...clause,
    segments: segments(clause.text).map((s) =>
      s.kind === 'text' ? s : { kind: 'group' as const, key: s.group.key, alternatives: s.group.alternatives, single: s.group.single },
    ),
    provisions: data.provisions.filter((p) => p.clauseId === clause.id).map(({ id, code, title }) => ({ id, code, title })),
    stances: live
      .sort((a, b) => a.groupKey.localeCompare(b.groupKey) || a.alternative - b.alternative || a.partyId.localeCompare(b.partyId))
      .map((s) => stanceView(s, data.authorNames)),
    consensus,
  };
}

/** The whole document for one reader. */
export function documentView(principal: Principal, data: DocumentData): DocumentView {
  const { document } = data;
  const signatories = signatoriesOf(data.parties);
  const seen = byClause(visibleStances(principal, document.agreementId, data.stances));
  const clauses = data.clauses.map((c) => clauseView(c, seen.get(c.id) ?? [], signatories, data));
  return {
    ...document,
    clauseCount: clauses.length,
    consensus: documentConsensus(clauses.map((c) => c.consensus)),
    sections: data.sections.map(({ id, position, level, title }) => ({ id, position, level, title })),
    clauses,
  };
}

/** A document's line in the list: its counts from the stances the reader may see. */
export function documentSummary(principal: Principal, data: Pick<DocumentData, 'document' | 'clauses' | 'stances' | 'parties'>): DocumentSummaryView {
  const signatories = signatoriesOf(data.parties);
  const seen = byClause(visibleStances(principal, data.document.agreementId, data.stances));
  const statuses = data.clauses.map((c) => {
    const current = currentStances(seen.get(c.id) ?? [], () => true);
    return clauseConsensus(c.text, signatories, current);
  });
  return { ...data.document, clauseCount: data.clauses.length, consensus: documentConsensus(statuses) };
}

/** Every clause of the agreement's documents with the consensus the reader may see, for the matrix. */
export function clauseStandings(
  principal: Principal,
  agreementId: string,
  data: { documents: NegotiationDocument[]; clauses: Clause[]; stances: Stance[]; parties: Party[] },
): ClauseStanding[] {
  const signatories = signatoriesOf(data.parties);
  const seen = byClause(visibleStances(principal, agreementId, data.stances));
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  return data.clauses.flatMap((c) => {
    const document = documents.get(c.documentId);
    if (!document) return [];
    const consensus = clauseConsensus(c.text, signatories, currentStances(seen.get(c.id) ?? [], () => true));
    return [
      {
        clauseId: c.id,
        documentId: document.id,
        documentTitle: document.title,
        number: c.number,
        status: consensus.status,
        deadline: c.deadline ?? document.deadline,
        blockers: consensus.groups.flatMap((g) => g.blockers),
      },
    ];
  });
}
