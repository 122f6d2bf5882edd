/**
 * Negotiated documents: clauses with their bracketed alternatives, versions and diffs, each party's
 * stances under their audiences, and the consensus each reader may see (docs/NEGOTIATION.md).
 * Every write goes through `write` with its audit entry; a stance's entry carries its audience, so
 * the audit log hides it from those outside (confidentialScopes).
 */
import type { ClauseUpdate, DocumentCreate, DocumentUpdate, Parsed, SettleRequest, StanceCreate } from '../../contract/index.ts';
import { CLAUSE_MAX_LENGTH } from '../../contract/index.ts';
import {
  assertRules,
  bracketGroups,
  currentStances,
  DomainError,
  ForbiddenError,
  groupConsensus,
  mayWriteFor,
  NotFoundError,
  parseDocument,
  renderDocument,
  RuleViolationError,
  settle,
  type Agreement,
  type BlockInput,
  type Principal,
} from '../../core/index.ts';
import { wordDiff } from '../../core/negotiation/diff.ts';
import type { Clause, NegotiationDocument, Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { checkReferences } from '../references.ts';
import type { Actor, Write } from '../write.ts';
import { insertDocument } from './import-document.ts';
import { clauseView, documentSummary, documentView, signatoriesOf, stanceView, visibleStances } from './document-view.ts';

/** The most blocks (headings and clauses) one document may hold: each import writes them in one statement. */
export const MAX_BLOCKS = 5000;

const DOCUMENT = 'document';
const CLAUSE = 'clause';
const STANCE = 'stance';


/** A 400 naming the field, as request validation gives one. */
function invalid(path: string, message: string): never {
  throw new DomainError('validation_failed', `Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
}

/** A clause's text as the Markdown keeps it: line ends as \n, no trailing spaces on a line. */
const normalized = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n');

/** The text must stay one clause when the document is written back to Markdown and read again. */
function checkStaysOneClause(clause: Pick<Clause, 'marker' | 'number'>, text: string): void {
  bracketGroups(text);
  const { blocks } = parseDocument(renderDocument([{ kind: 'clause', marker: clause.marker, number: clause.number, text }]));
  const only = blocks[0];
  if (blocks.length !== 1 || only?.kind !== 'clause' || only.text !== text || only.marker !== clause.marker) {
    assertRules([{ path: 'text', message: 'must stay one clause: no blank line, and no line that starts a heading or a list item' }]);
  }
}

/** The clock is not read yet: stances and versions take the database's time, which orders them across processes. */
export function negotiationService({ repos, write }: { repos: Repositories; write: Write; clock: Clock }) {
  async function documentOf(agreementId: string, documentId: string): Promise<NegotiationDocument> {
    return repos.documents.get(agreementId, documentId);
  }

  async function clauseOf(agreementId: string, documentId: string, clauseId: string): Promise<Clause> {
    await documentOf(agreementId, documentId);
    return repos.clauses.get(documentId, clauseId);
  }

  async function load(agreement: Agreement, document: NegotiationDocument) {
    const [sections, clauses, stances, parties, provisions] = await Promise.all([
      repos.clauses.sections(document.id),
      repos.clauses.list(document.id),
      repos.stances.ofAgreement(agreement.id, document.id),
      repos.parties.list(agreement.id),
      repos.clauses.provisionsOf(agreement.id),
    ]);
    const authorNames = await repos.accounts.namesOf(stances.flatMap((s) => (s.authorId ? [s.authorId] : [])));
    return { document, sections, clauses, stances, parties, provisions, authorNames };
  }

  /** The document written back to Markdown as it stood at `revision` (default: now). */
  async function markdownAt(document: NegotiationDocument, revision: number): Promise<string> {
    if (revision > document.revision) throw new NotFoundError('Document revision', String(revision));
    const [sections, clauses, versions] = await Promise.all([
      repos.clauses.sections(document.id),
      repos.clauses.list(document.id),
      repos.clauses.versionsAt(document.id, revision),
    ]);
    const textAt = new Map(versions.map((v) => [v.clauseId, v.text]));
    const blocks: Array<{ position: number; block: BlockInput }> = [
      ...sections.map((s) => ({ position: s.position, block: { kind: 'heading' as const, level: s.level, title: s.title } })),
      ...clauses.flatMap((c) => {
        const text = textAt.get(c.id);
        return text === undefined ? [] : [{ position: c.position, block: { kind: 'clause' as const, marker: c.marker, number: c.number, text } }];
      }),
    ];
    return renderDocument(blocks.sort((a, b) => a.position - b.position).map((b) => b.block));
  }

  /**
   * A new text for a clause, in the caller's transaction: checks it, moves the document's revision
   * on, and records the new version with its author and reason.
   */
  async function reviseClause(tx: Repositories, document: NegotiationDocument, clause: Clause, version: number, text: string, reason: string, actor: Actor, deadline?: Date | null) {
    checkStaysOneClause(clause, text);
    const after = await tx.clauses.update(document.id, clause.id, version, { text, ...(deadline === undefined ? {} : { deadline }) });
    const revision = await tx.documents.nextRevision(document.id);
    const previous = (await tx.clauses.versions(clause.id)).at(-1)?.version ?? 0;
    await tx.clauses.insertVersions([{ clauseId: clause.id, version: previous + 1, documentRevision: revision, text, authorId: actor.id, reason }]);
    return after;
  }

  async function readerClause(agreement: Agreement, documentId: string, clauseId: string, principal: Principal) {
    const document = await documentOf(agreement.id, documentId);
    const data = await load(agreement, document);
    const clause = data.clauses.find((c) => c.id === clauseId);
    if (!clause) throw new NotFoundError('Clause', clauseId);
    const visible = visibleStances(principal, agreement.id, data.stances.filter((s) => s.clauseId === clauseId));
    return clauseView(clause, visible, signatoriesOf(data.parties), data);
  }

  return {
    /** The agreement's documents with the consensus counts the reader may see, oldest first. */
    async list(agreement: Agreement, principal: Principal) {
      const [documents, parties, stances] = await Promise.all([
        repos.documents.list(agreement.id),
        repos.parties.list(agreement.id),
        repos.stances.ofAgreement(agreement.id),
      ]);
      const clauses = await repos.clauses.listIn(documents.map((d) => d.id));
      return documents.map((document) => {
        const own = clauses.filter((c) => c.documentId === document.id);
        const ids = new Set(own.map((c) => c.id));
        return documentSummary(principal, { document, clauses: own, stances: stances.filter((s) => ids.has(s.clauseId)), parties });
      });
    },

    /** The id of the agreement a document belongs to (the CLI names a document by its id alone). */
    async agreementIdOf(documentId: string): Promise<string> {
      const found = await repos.documents.agreementIdOf(documentId);
      if (!found) throw new NotFoundError('Document', documentId);
      return found;
    },

    async view(agreement: Agreement, documentId: string, principal: Principal) {
      return documentView(principal, await load(agreement, await documentOf(agreement.id, documentId)));
    },

    /** Imports a Markdown document: all of it, or nothing on a bracket error (400 bracket_syntax, with line and column). */
    async create(agreement: Agreement, input: Parsed<typeof DocumentCreate>, principal: Principal, actor: Actor) {
      const parsed = parseDocument(input.markdown);
      const title = input.title ?? parsed.title ?? invalid('title', 'is required when the document has no level-1 heading');
      if (parsed.blocks.length > MAX_BLOCKS) assertRules([{ path: 'markdown', message: `may hold at most ${MAX_BLOCKS} headings and clauses` }]);
      const long = parsed.blocks.find((b) => b.kind === 'clause' && b.text.length > CLAUSE_MAX_LENGTH);
      if (long) assertRules([{ path: 'markdown', message: `the clause on line ${long.line} is longer than ${CLAUSE_MAX_LENGTH} characters` }]);
      const created = await write(actor, (ctx) =>
        insertDocument(ctx, { agreementId: agreement.id, title, deadline: input.deadline ? new Date(input.deadline) : null, parsed }, actor),
      );
      return documentView(principal, await load(agreement, created));
    },

    async update(agreement: Agreement, documentId: string, input: Parsed<typeof DocumentUpdate>, principal: Principal, actor: Actor) {
      const { version, deadline, ...rest } = input;
      const updated = await write(actor, async ({ repos: tx, record }) => {
        const before = await tx.documents.get(agreement.id, documentId);
        const patch = { ...rest, ...(deadline === undefined ? {} : { deadline: deadline === null ? null : new Date(deadline) }) };
        const after = await tx.documents.update(agreement.id, documentId, version, patch);
        await record({ action: 'update', entity: DOCUMENT, entityId: documentId, agreementId: agreement.id, before, after });
        return after;
      });
      return documentView(principal, await load(agreement, updated));
    },

    async remove(agreement: Agreement, documentId: string, version: number, actor: Actor) {
      await write(actor, async ({ repos: tx, record }) => {
        const before = await tx.documents.get(agreement.id, documentId);
        await tx.documents.remove(agreement.id, documentId, version);
        await record({ action: 'delete', entity: DOCUMENT, entityId: documentId, agreementId: agreement.id, before, after: null });
      });
    },

    async markdown(agreement: Agreement, documentId: string, revision?: number) {
      const document = await documentOf(agreement.id, documentId);
      return { document, markdown: await markdownAt(document, revision ?? document.revision) };
    },

    /** Edits a clause: a new text makes a new version (with its reason) and moves the document's revision on. */
    async updateClause(agreement: Agreement, documentId: string, clauseId: string, input: Parsed<typeof ClauseUpdate>, principal: Principal, actor: Actor) {
      await write(actor, async ({ repos: tx, record }) => {
        const document = await tx.documents.get(agreement.id, documentId);
        const before = await tx.clauses.get(documentId, clauseId);
        const deadline = input.deadline === undefined ? undefined : input.deadline === null ? null : new Date(input.deadline);
        const text = input.text === undefined ? undefined : normalized(input.text);
        const after =
          text !== undefined && text !== before.text
            ? await reviseClause(tx, document, before, input.version, text, input.reason ?? '', actor, deadline)
            : await tx.clauses.update(documentId, clauseId, input.version, deadline === undefined ? {} : { deadline });
        await record({ action: 'update', entity: CLAUSE, entityId: clauseId, agreementId: agreement.id, before, after });
      });
      return readerClause(agreement, documentId, clauseId, principal);
    },

    async versions(agreement: Agreement, documentId: string, clauseId: string) {
      const clause = await clauseOf(agreement.id, documentId, clauseId);
      const versions = await repos.clauses.versions(clause.id);
      const names = await repos.accounts.namesOf(versions.flatMap((v) => (v.authorId ? [v.authorId] : [])));
      return versions.map((v) => ({ ...v, authorName: v.authorId ? (names.get(v.authorId) ?? null) : null }));
    },

    /** Word diff between two versions of a clause (default: the one before the newest, and the newest). */
    async clauseDiff(agreement: Agreement, documentId: string, clauseId: string, query: { from?: number | undefined; to?: number | undefined }) {
      const clause = await clauseOf(agreement.id, documentId, clauseId);
      const versions = await repos.clauses.versions(clause.id);
      const to = query.to ?? versions.at(-1)?.version ?? 1;
      const from = query.from ?? Math.max(1, to - 1);
      const text = (n: number) => versions.find((v) => v.version === n)?.text ?? (() => { throw new NotFoundError('Clause version', String(n)); })();
      return { from, to, parts: wordDiff(text(from), text(to)) };
    },

    /** Word diff between two revisions of the whole document, as Markdown. */
    async documentDiff(agreement: Agreement, documentId: string, query: { from?: number | undefined; to?: number | undefined }) {
      const document = await documentOf(agreement.id, documentId);
      const to = query.to ?? document.revision;
      const from = query.from ?? Math.max(1, to - 1);
      const [before, after] = await Promise.all([markdownAt(document, from), markdownAt(document, to)]);
      return { from, to, parts: wordDiff(before, after) };
    },

    /** Records a party's stance; a delegate only for its own party, never for the mediators' room. */
    async addStance(agreement: Agreement, documentId: string, clauseId: string, input: Parsed<typeof StanceCreate>, principal: Principal, actor: Actor) {
      const stance = await write(actor, async ({ repos: tx, record }) => {
        await tx.documents.get(agreement.id, documentId);
        const clause = await tx.clauses.get(documentId, clauseId);
        await checkReferences(tx, agreement.id, [{ path: 'partyId', kind: 'party', id: input.partyId }]);
        if (!mayWriteFor(principal, agreement.id, { audience: input.audience, partyId: input.partyId })) {
          throw new ForbiddenError("A party's delegates state only their own party's stances, for its circle or for everyone; the mediators state any");
        }
        const group = bracketGroups(clause.text).find((g) => g.key === input.groupKey);
        if (!group) assertRules([{ path: 'groupKey', message: "is not a bracket group of the clause's current text" }]);
        else if (input.alternative >= group.alternatives.length) {
          assertRules([{ path: 'alternative', message: `must be below ${group.alternatives.length}, the group's number of alternatives` }]);
        }
        const row = await tx.stances.insert({
          clauseId,
          agreementId: agreement.id,
          groupKey: input.groupKey,
          alternative: input.alternative,
          partyId: input.partyId,
          position: input.position,
          reservation: input.position === 'accept_with_reservation' ? input.reservation : '',
          reason: input.reason,
          statedOn: input.statedOn,
          audience: input.audience,
          authorId: actor.id,
        });
        await record({ action: 'create', entity: STANCE, entityId: row.id, agreementId: agreement.id, before: null, after: row });
        return row;
      });
      return stanceView(stance, await repos.accounts.namesOf(stance.authorId ? [stance.authorId] : []));
    },

    /** The statements on a clause the reader may see, newest first. */
    async stances(agreement: Agreement, documentId: string, clauseId: string, principal: Principal) {
      const clause = await clauseOf(agreement.id, documentId, clauseId);
      const seen = visibleStances(principal, agreement.id, await repos.stances.ofClause(clause.id));
      const names = await repos.accounts.namesOf(seen.flatMap((s) => (s.authorId ? [s.authorId] : [])));
      return seen.map((s) => stanceView(s, names));
    },

    /** Settles an agreed group, decided on every stance (only mediators settle): a new version without its brackets. */
    async settle(agreement: Agreement, documentId: string, clauseId: string, input: Parsed<typeof SettleRequest>, principal: Principal, actor: Actor) {
      await write(actor, async ({ repos: tx, record }) => {
        const document = await tx.documents.get(agreement.id, documentId);
        const before = await tx.clauses.get(documentId, clauseId);
        const group = bracketGroups(before.text).find((g) => g.key === input.groupKey);
        if (!group) return assertRules([{ path: 'groupKey', message: "is not a bracket group of the clause's current text" }]);
        // One after the other: a transaction's client runs one query at a time.
        const parties = await tx.parties.list(agreement.id);
        const history = await tx.stances.ofClause(clauseId);
        const consensus = groupConsensus(group, signatoriesOf(parties), currentStances(history, () => true));
        if (consensus.status !== 'agreed' || consensus.agreedAlternative === null) {
          throw new RuleViolationError(`Bracket group ${group.key} is not agreed (it is ${consensus.status}); only an agreed group can be settled`, {
            key: group.key,
            status: consensus.status,
          });
        }
        const chosen = consensus.agreedAlternative;
        const settled = settle(before.text, group.key, chosen);
        const text = group.alternatives[chosen] || '(omitted)';
        const after = await reviseClause(tx, document, before, input.version, settled.text, `Settled ${group.key}: ${text}`, actor);
        // The settled group's statements stay in the history under a key no group can have; its later twins move up.
        await tx.stances.renameGroup(clauseId, group.key, `settled@${after.version}:${group.key}`);
        for (const { from, to } of settled.renamed) await tx.stances.renameGroup(clauseId, from, to);
        await record({ action: 'update', entity: CLAUSE, entityId: clauseId, agreementId: agreement.id, before, after });
      });
      return readerClause(agreement, documentId, clauseId, principal);
    },
  };
}
export type NegotiationService = ReturnType<typeof negotiationService>;
