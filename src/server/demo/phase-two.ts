/**
 * The demo's Phase Two text (data/phase-two-text.md, written for the demo from the seed report and
 * marked illustrative), its clauses linked to the provisions they restate, and the only stances the
 * report states: the Palestinian delegation's demand for strict, clear withdrawal schedules. No
 * other party's stance is reported, so none is loaded (see data/SOURCE.md).
 */
import { readFileSync } from 'node:fs';
import { bracketGroups, parseDocument, type Provision } from '../../core/index.ts';
import { insertDocument } from '../negotiation/import-document.ts';
import type { Actor, WriteContext } from '../write.ts';

export const PHASE_TWO_TEXT_URL = new URL('./data/phase-two-text.md', import.meta.url);

/** The document's deadline: the illustrative "within the coming days" of provision 2.5, the end of 13 June 2026 in Gaza. */
const DEADLINE = new Date('2026-06-13T21:00:00Z');

/** Clause number → the code of the provision it restates. */
const PROVISION_OF_CLAUSE: Record<string, string> = { '1': '1.1', '4': '2.2', '5': '2.3', '6': '2.1', '8': '3.3', '9': '3.4', '10': '3.5', '11': '2.4' };

const REPORTED =
  'Reported on 6 June 2026: "The Palestinian delegation is demanding strict, clear schedules for the pullout of armored ' +
  'divisions from key logistic junctions"; the timeline for the evacuation of urban corridors is called "a non-negotiable parameter".';

/** The reported stances: clause number, alternative, position. */
const STANCES: Array<{ clause: string; alternative: number; position: 'accept' | 'reject' }> = [
  { clause: '4', alternative: 0, position: 'accept' },
  { clause: '4', alternative: 1, position: 'reject' },
  { clause: '5', alternative: 0, position: 'accept' },
];

export async function loadPhaseTwoText(
  ctx: WriteContext,
  { agreementId, hamasId, provisions }: { agreementId: string; hamasId: string; provisions: Provision[] },
  actor: Actor,
): Promise<void> {
  const parsed = parseDocument(readFileSync(PHASE_TWO_TEXT_URL, 'utf8'));
  const document = await insertDocument(ctx, { agreementId, title: parsed.title ?? 'Phase Two', deadline: DEADLINE, parsed }, actor);
  const clauses = await ctx.repos.clauses.list(document.id);
  const byNumber = new Map(clauses.map((c) => [c.number, c]));
  for (const provision of provisions) {
    const number = Object.entries(PROVISION_OF_CLAUSE).find(([, code]) => code === provision.code)?.[0];
    const clause = number ? byNumber.get(number) : undefined;
    if (!clause) continue;
    const after = await ctx.repos.provisions.update(agreementId, provision.id, provision.version, { clauseId: clause.id });
    await ctx.record({ action: 'update', entity: 'provision', entityId: provision.id, agreementId, before: provision, after });
  }
  for (const s of STANCES) {
    const clause = byNumber.get(s.clause);
    const group = clause && bracketGroups(clause.text)[0];
    if (!clause || !group) throw new Error(`phase-two-text.md: clause ${s.clause} has no bracket group for its reported stance`);
    const row = await ctx.repos.stances.insert({
      clauseId: clause.id,
      agreementId,
      groupKey: group.key,
      alternative: s.alternative,
      partyId: hamasId,
      position: s.position,
      reservation: '',
      reason: REPORTED,
      statedOn: '2026-06-06',
      audience: 'all',
      authorId: null,
    });
    await ctx.record({ action: 'create', entity: 'stance', entityId: row.id, agreementId, before: null, after: row });
  }
}
