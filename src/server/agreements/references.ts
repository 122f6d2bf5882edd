/**
 * Refusing to delete a party or a provision that something still refers to: the database would
 * cascade the delete to notes and delegates' roles, or refuse it naming a constraint. Instead the
 * answer is 409 still_referenced, naming in words what is in the way, and nothing changes.
 */
import { ConflictError } from '../../core/index.ts';
import type { Reference } from '../../db/index.ts';

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
