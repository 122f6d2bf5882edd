/**
 * Sessions of negotiation rounds: audited, versioned CRUD under a round, and the round calendar
 * (every round of an agreement with its sessions) for the timeline, the CLI and the iCalendar export.
 */
import type { Parsed, SessionCreate, SessionUpdate } from '../../contract/index.ts';
import { assertRules, checkSessionTimes, NotFoundError, type Agreement, type NegotiationRound } from '../../core/index.ts';
import type { Repositories, RoundSession } from '../../db/index.ts';
import { checkReferences } from '../references.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Write } from '../write.ts';
import { roundCalendar } from './calendar.ts';

/** A session as the API shows it: its agenda's clauses named by document and number. */
export type SessionView = RoundSession & { clauses: Awaited<ReturnType<Repositories['roundSessions']['clauseLabels']>> };

export interface RoundWithSessions extends NegotiationRound {
  sessions: SessionView[];
}

type Fields = Partial<Omit<Parsed<typeof SessionCreate>, 'startsAt' | 'endsAt'>> & { startsAt?: string; endsAt?: string | null };

/** The session's times fit together, and every id it names is of its agreement. */
async function checkSession(repos: Repositories, agreement: Agreement, merged: Fields & Parameters<typeof checkSessionTimes>[0]): Promise<void> {
  assertRules(checkSessionTimes(merged, agreement.timeZone));
  await checkReferences(repos, agreement.id, [
    { path: 'delegations', kind: 'party', ids: (merged.delegations ?? []).map((d) => d.partyId) },
    { path: 'mediators', kind: 'party', ids: (merged.mediators ?? []).flatMap((m) => (m.partyId ? [m.partyId] : [])) },
    { path: 'agenda', kind: 'clause', ids: [...new Set((merged.agenda ?? []).flatMap((a) => a.clauseIds))] },
  ]);
}

/** Instants as the columns take them. */
function columns(fields: Fields): Record<string, unknown> {
  const { startsAt, endsAt, ...rest } = fields;
  return {
    ...rest,
    ...(startsAt === undefined ? {} : { startsAt: new Date(startsAt) }),
    ...(endsAt === undefined ? {} : { endsAt: endsAt === null ? null : new Date(endsAt) }),
  };
}

export function sessionService({ repos, write, clock }: { repos: Repositories; write: Write; clock: Clock }) {
  /** The sessions with their agenda's clauses, looked up once for all of them. */
  async function views(r: Repositories, agreementId: string, sessions: RoundSession[]): Promise<SessionView[]> {
    const ids = [...new Set(sessions.flatMap((s) => s.agenda.flatMap((a) => a.clauseIds)))];
    const labels = new Map((await r.roundSessions.clauseLabels(agreementId, ids)).map((c) => [c.id, c]));
    return sessions.map((s) => {
      const named = [...new Set(s.agenda.flatMap((a) => a.clauseIds))];
      return { ...s, clauses: named.flatMap((id) => (labels.has(id) ? [labels.get(id)!] : [])) };
    });
  }

  /** The agreement and the round (404 when the round is not of the agreement). */
  async function roundOf(r: Repositories, ref: string, roundId: string) {
    const agreement = await r.agreements.get(ref);
    const round = await r.rounds.get(agreement.id, roundId);
    return { agreement, round };
  }

  /** The session of the round (404 when it is of another round). */
  async function sessionOf(r: Repositories, agreementId: string, roundId: string, id: string): Promise<RoundSession> {
    const session = await r.roundSessions.get(agreementId, id);
    if (session.roundId !== roundId) throw new NotFoundError('Session', id);
    return session;
  }

  const one = async (r: Repositories, agreementId: string, session: RoundSession) => (await views(r, agreementId, [session]))[0]!;

  async function calendar(ref: string): Promise<{ agreement: Agreement; rounds: RoundWithSessions[] }> {
    const agreement = await repos.agreements.get(ref);
    const [rounds, sessions] = await Promise.all([repos.rounds.list(agreement.id), repos.roundSessions.list(agreement.id)]);
    const all = await views(repos, agreement.id, sessions);
    return { agreement, rounds: rounds.map((round) => ({ ...round, sessions: all.filter((s) => s.roundId === round.id) })) };
  }

  return {
    async list(ref: string, roundId: string): Promise<SessionView[]> {
      const { agreement } = await roundOf(repos, ref, roundId);
      return views(repos, agreement.id, await repos.roundSessions.listOfRound(agreement.id, roundId));
    },

    async get(ref: string, roundId: string, id: string): Promise<SessionView> {
      const { agreement } = await roundOf(repos, ref, roundId);
      return one(repos, agreement.id, await sessionOf(repos, agreement.id, roundId, id));
    },

    create: (ref: string, roundId: string, input: Parsed<typeof SessionCreate>, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const { agreement } = await roundOf(tx, ref, roundId);
        await checkSession(tx, agreement, input);
        const row = await tx.roundSessions.insert({ ...columns(input), agreementId: agreement.id, roundId });
        await record({ action: 'create', entity: 'session', entityId: row.id, agreementId: agreement.id, before: null, after: row });
        return one(tx, agreement.id, row);
      }),

    update: (ref: string, roundId: string, id: string, { version, ...patch }: Parsed<typeof SessionUpdate>, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const { agreement } = await roundOf(tx, ref, roundId);
        const before = await sessionOf(tx, agreement.id, roundId, id);
        await checkSession(tx, agreement, { ...before, ...patch });
        const after = await tx.roundSessions.update(agreement.id, id, version, columns(patch));
        await record({ action: 'update', entity: 'session', entityId: id, agreementId: agreement.id, before, after });
        return one(tx, agreement.id, after);
      }),

    remove: (ref: string, roundId: string, id: string, version: number, actor: Actor) =>
      write(actor, async ({ repos: tx, record }) => {
        const { agreement } = await roundOf(tx, ref, roundId);
        const before = await sessionOf(tx, agreement.id, roundId, id);
        await tx.roundSessions.remove(agreement.id, id, version);
        await record({ action: 'delete', entity: 'session', entityId: id, agreementId: agreement.id, before, after: null });
      }),

    /** Every round of the agreement, by start, with its sessions. */
    calendar,

    /** The round calendar as iCalendar text in the agreement's zone. */
    async ics(ref: string): Promise<{ agreement: Agreement; text: string }> {
      const { agreement, rounds } = await calendar(ref);
      const parties = new Map((await repos.parties.list(agreement.id)).map((p) => [p.id, p.name]));
      return {
        agreement,
        text: roundCalendar({ agreement, rounds, partyName: (id) => parties.get(id) ?? 'a party no longer listed', now: clock.now() }),
      };
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;
