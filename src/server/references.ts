/**
 * References between the rows of one agreement, checked before a write in words rather than left to
 * a foreign key. Every id a request names must belong to the request's agreement (checkReferences:
 * 422 naming the field). A party or a provision that something still refers to is not deleted
 * (refuseWhileReferenced): the database would cascade the delete to notes and delegates' roles, or
 * refuse it naming a constraint; instead the answer is 409 still_referenced, naming in words what is
 * in the way, and nothing changes.
 */
import { assertRules, ConflictError, type RuleIssue } from '../core/index.ts';
import type { Reference, Repositories } from '../db/index.ts';

/** What a request may name by id. */
export type ReferredKind = 'party' | 'phase' | 'pillar' | 'zone' | 'provision' | 'clause';

/** One field of a request that names rows of a kind: `id` for a single one, `ids` for a list. */
export interface NamedIds {
  path: string;
  kind: ReferredKind;
  id?: string | null | undefined;
  ids?: readonly string[] | undefined;
}

const LISTS = { party: 'parties', phase: 'phases', pillar: 'pillars', provision: 'provisions' } as const;

/** Every id a request names must belong to its agreement: 422 naming each field that does not. */
export async function checkReferences(repos: Repositories, agreementId: string, fields: readonly NamedIds[]): Promise<void> {
  const named = fields.filter((f) => f.id || f.ids?.length);
  const kinds = [...new Set(named.map((f) => f.kind))].filter((k): k is keyof typeof LISTS => k in LISTS);
  // One after the other: inside a write, `repos` run on the transaction's one client.
  const known = new Map<ReferredKind, Set<string>>();
  for (const k of kinds) known.set(k, new Set((await repos[LISTS[k]].list(agreementId)).map((r) => r.id)));
  const belongs = async (kind: ReferredKind, id: string) =>
    kind === 'zone'
      ? (await repos.zones.get(agreementId, id).catch(() => null)) !== null
      : kind === 'clause'
        ? repos.clauses.inAgreement(agreementId, id)
        : known.get(kind)!.has(id);
  const relation = (kind: ReferredKind) =>
    kind === 'clause' ? "a clause of this agreement's documents" : `a ${kind} ${kind === 'party' ? 'to' : 'of'} this agreement`;
  const issues: RuleIssue[] = [];
  for (const field of named) {
    if (field.id && !(await belongs(field.kind, field.id))) issues.push({ path: field.path, message: `is not ${relation(field.kind)}` });
    for (const id of field.ids ?? []) {
      if (!(await belongs(field.kind, id))) issues.push({ path: field.path, message: `${field.kind} ${id} is not ${relation(field.kind)}` });
    }
  }
  assertRules(issues);
}

/** Each kind of reference, in words: [one, many]. */
const WORDS = {
  party: {
    provisions: ['provision it is obligated by', 'provisions it is obligated by'],
    notes: ['note filed for it', 'notes filed for it'],
    delegates: ['member who is its delegate', 'members who are its delegates'],
    incidentsAlleging: ['incident alleging it', 'incidents alleging it'],
    incidentsAttributed: ['incident attributed to it', 'incidents attributed to it'],
    incidentsReported: ['incident it reported', 'incidents it reported'],
    responses: ['response it filed to an incident', 'responses it filed to incidents'],
    rounds: ['negotiation round it took part in', 'negotiation rounds it took part in'],
    stances: ['stance it stated on a clause', 'stances it stated on clauses'],
    sessions: ['round session it attended or mediated', 'round sessions it attended or mediated'],
  },
  provision: {
    notes: ['note on it', 'notes on it'],
    incidents: ['incident bearing on it', 'incidents bearing on it'],
  },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

const LABELS = { party: 'Party', provision: 'Provision' } as const;

/** "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Throws 409 still_referenced when anything refers to the row; `name` is how the row is shown. */
export function refuseWhileReferenced(entity: keyof typeof WORDS, row: { id: string; name: string }, references: readonly Reference[]): void {
  if (references.length === 0) return;
  const words: Record<string, readonly [string, string]> = WORDS[entity];
  const parts = references.map(({ kind, count }) => `${count} ${words[kind]?.[count === 1 ? 0 : 1] ?? kind}`);
  throw new ConflictError(
    'still_referenced',
    `${LABELS[entity]} "${row.name}" cannot be deleted: ${listed(parts)} still refer${references.length === 1 && references[0]!.count === 1 ? 's' : ''} to it. ` +
      'Delete or change them first; nothing was deleted.',
    { entity: LABELS[entity], id: row.id, references: Object.fromEntries(references.map((r) => [r.kind, r.count])) },
  );
}
