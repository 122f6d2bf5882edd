/**
 * What if (docs/GATES.md): assumptions applied to the force's data before gaps and gates are
 * computed again, nothing saved. The API, the CLI (`--assume`) and the UI share these.
 */
import { keysOf } from '../vocabulary.ts';
import type { ForceGapsInput } from './gaps.ts';

export const FORCE_ASSUMPTION_LABELS = {
  withdraw: 'A contributor withdraws (its pledges go)',
  object: 'A party objects to a contributor',
  ready: 'A pledge reaches Level 3',
};
export const FORCE_ASSUMPTION_KINDS = keysOf(FORCE_ASSUMPTION_LABELS);
export type ForceAssumptionKind = keyof typeof FORCE_ASSUMPTION_LABELS;

export type ForceAssumption =
  | { kind: 'withdraw'; contributorId: string }
  | { kind: 'object'; contributorId: string; partyId: string }
  | { kind: 'ready'; pledgeId: string };

/**
 * The input as it would be under the assumptions, applied in order; the input is never changed.
 * `withdraw` removes the contributor, its pledges and the positions on it; `object` makes the party's
 * current position on the contributor an objection; `ready` raises a pledge to L3 (an RDL pledge is
 * already beyond it and stays). An assumption naming an id not in the input changes nothing.
 */
export function applyAssumptions(input: ForceGapsInput, assumptions: readonly ForceAssumption[]): ForceGapsInput {
  let contributors = [...input.contributors];
  let pledges = [...input.pledges];
  let acceptability = [...input.acceptability];
  for (const a of assumptions) {
    if (a.kind === 'withdraw') {
      contributors = contributors.filter((c) => c.id !== a.contributorId);
      pledges = pledges.filter((p) => p.contributorId !== a.contributorId);
      acceptability = acceptability.filter((x) => x.contributorId !== a.contributorId);
    } else if (a.kind === 'object') {
      acceptability = [
        ...acceptability.filter((x) => !(x.contributorId === a.contributorId && x.partyId === a.partyId)),
        { contributorId: a.contributorId, partyId: a.partyId, position: 'objected' },
      ];
    } else {
      pledges = pledges.map((p) => (p.id === a.pledgeId && (p.readiness === 'L1' || p.readiness === 'L2') ? { ...p, readiness: 'L3' } : p));
    }
  }
  return { ...input, contributors, pledges, acceptability };
}

/** What parseAssumption resolves names and ids against. */
export interface AssumptionLookup {
  contributors: ReadonlyArray<{ id: string; name: string }>;
  parties: ReadonlyArray<{ id: string; name: string }>;
  pledges: ReadonlyArray<{ id: string }>;
}

export type ParsedAssumption = { ok: true; value: ForceAssumption } | { ok: false; message: string };

const USAGE = 'use withdraw:<contributor>, object:<contributor>:<party> or ready:<pledge id>';

type Found = { ok: true; id: string } | { ok: false; message: string };

/** An entry by id, else by name (trimmed, case-insensitive); refuses a name two entries share. */
function resolve(what: string, text: string, list: ReadonlyArray<{ id: string; name: string }>): Found {
  const wanted = text.trim();
  const byId = list.find((x) => x.id === wanted);
  if (byId) return { ok: true, id: byId.id };
  const byName = list.filter((x) => x.name.trim().toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return { ok: true, id: byName[0]!.id };
  if (byName.length > 1) return { ok: false, message: `${byName.length} ${what}s are named "${wanted}": give the id` };
  return { ok: false, message: `No ${what} "${wanted}" (give its name or id)` };
}

/**
 * One assumption from its CLI form: `withdraw:<contributor>`, `object:<contributor>:<party>`,
 * `ready:<pledge id>`. Contributors and parties may be named (case-insensitive) or given by id; a
 * name holding a colon is found by trying each split. The message names what was not found.
 */
export function parseAssumption(text: string, lookup: AssumptionLookup): ParsedAssumption {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim();
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  if (kind !== 'withdraw' && kind !== 'object' && kind !== 'ready') {
    return { ok: false, message: `Unknown assumption "${text}": ${USAGE}` };
  }
  if (rest.trim() === '') return { ok: false, message: `"${text}" names nothing: ${USAGE}` };

  if (kind === 'withdraw') {
    const c = resolve('contributor', rest, lookup.contributors);
    return c.ok ? { ok: true, value: { kind, contributorId: c.id } } : c;
  }
  if (kind === 'ready') {
    const id = rest.trim();
    if (!lookup.pledges.some((p) => p.id === id)) return { ok: false, message: `No pledge "${id}" (give the pledge's id)` };
    return { ok: true, value: { kind, pledgeId: id } };
  }

  const parts = rest.split(':');
  if (parts.length < 2) return { ok: false, message: `"${text}" names no party: use object:<contributor>:<party>` };
  let firstFailure: string | null = null;
  for (let i = 1; i < parts.length; i += 1) {
    const c = resolve('contributor', parts.slice(0, i).join(':'), lookup.contributors);
    const p = resolve('party', parts.slice(i).join(':'), lookup.parties);
    if (c.ok && p.ok) return { ok: true, value: { kind, contributorId: c.id, partyId: p.id } };
    firstFailure ??= [c, p].flatMap((x) => (x.ok ? [] : [x.message])).join('; ');
  }
  return { ok: false, message: firstFailure ?? `Unknown assumption "${text}": ${USAGE}` };
}

/** Several assumptions: all of them, or every message at once (one per line of the CLI's flags). */
export function parseAssumptions(
  texts: readonly string[],
  lookup: AssumptionLookup,
): { ok: true; value: ForceAssumption[] } | { ok: false; message: string } {
  const parsed = texts.map((t) => parseAssumption(t, lookup));
  const messages = parsed.flatMap((p) => (p.ok ? [] : [p.message]));
  if (messages.length > 0) return { ok: false, message: messages.join('; ') };
  return { ok: true, value: parsed.flatMap((p) => (p.ok ? [p.value] : [])) };
}
