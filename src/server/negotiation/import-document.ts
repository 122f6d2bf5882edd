/**
 * Writes a parsed Markdown document inside a write's transaction: the document, its sections, its
 * clauses and their first versions in a few statements, and the audit entry. The API's import and
 * the demo loader both use it.
 */
import type { ParsedDocument } from '../../core/index.ts';
import type { NegotiationDocument } from '../../db/index.ts';
import type { Actor, WriteContext } from '../write.ts';

/** The reason recorded for the first version of every imported clause. */
export const IMPORTED = 'Imported';

export async function insertDocument(
  { repos: tx, record }: WriteContext,
  input: { agreementId: string; title: string; deadline: Date | null; parsed: ParsedDocument },
  actor: Actor,
): Promise<NegotiationDocument> {
  const document = await tx.documents.insert({ agreementId: input.agreementId, title: input.title, deadline: input.deadline });
  const indexed = input.parsed.blocks.map((block, position) => ({ block, position }));
  const sections = await tx.clauses.insertSections(
    indexed.flatMap(({ block, position }) => (block.kind === 'heading' ? [{ documentId: document.id, position, level: block.level, title: block.title }] : [])),
  );
  const sectionAt = (position: number) => sections.filter((s) => s.position < position).at(-1)?.id ?? null;
  const clauses = await tx.clauses.insertMany(
    indexed.flatMap(({ block, position }) =>
      block.kind === 'clause' ? [{ documentId: document.id, sectionId: sectionAt(position), position, marker: block.marker, number: block.number, text: block.text }] : [],
    ),
  );
  await tx.clauses.insertVersions(clauses.map((c) => ({ clauseId: c.id, version: 1, documentRevision: 1, text: c.text, authorId: actor.id, reason: IMPORTED })));
  await record({
    action: 'create',
    entity: 'document',
    entityId: document.id,
    agreementId: input.agreementId,
    before: null,
    after: { ...document, sections: sections.length, clauses: clauses.length },
  });
  return document;
}
