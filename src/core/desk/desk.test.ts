import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../access.ts';
import type { StanceStatement } from '../negotiation/consensus.ts';
import { clauseChanges, deadlineStanding, deskSummary, isOverdue, sinceWindow, type DeskClause, type DeskInput } from './index.ts';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('sinceWindow', () => {
  it('starts at a chosen day’s first instant in the agreement’s zone, or at a chosen instant', () => {
    // Gaza is UTC+3 in June: 18 June starts at 21:00 UTC on the 17th.
    expect(sinceWindow(NOW, 'Asia/Gaza', { chosen: '2026-06-18' })).toEqual({ since: at('2026-06-17T21:00:00.000Z'), until: NOW, sinceFrom: 'chosen' });
    expect(sinceWindow(NOW, 'Asia/Gaza', { chosen: '2026-06-19T08:30:00+03:00', lastVisit: at('2026-06-20T00:00:00Z') }).since).toEqual(at('2026-06-19T05:30:00Z'));
  });

  it('starts no earlier than the first instant stored', () => {
    expect(sinceWindow(NOW, 'Asia/Gaza', { chosen: '0100-01-01' }).since.toISOString()).toBe('0100-01-01T00:00:00.000Z');
  });

  it('starts at the last visit, else 7 days back', () => {
    expect(sinceWindow(NOW, 'UTC', { lastVisit: at('2026-06-19T10:00:00Z') })).toEqual({ since: at('2026-06-19T10:00:00Z'), until: NOW, sinceFrom: 'last_visit' });
    expect(sinceWindow(NOW, 'UTC', { lastVisit: null })).toEqual({ since: new Date(NOW.getTime() - 7 * DAY), until: NOW, sinceFrom: 'default' });
    // A visit recorded after now (a clock set back): nothing is new yet.
    expect(sinceWindow(NOW, 'UTC', { lastVisit: at('2026-06-21T00:00:00Z') }).since).toEqual(NOW);
  });

  it('refuses a start after now, or one it cannot read, naming since', () => {
    expect(() => sinceWindow(NOW, 'UTC', { chosen: '2026-06-21' })).toThrow(/since must not be after now/);
    expect(() => sinceWindow(NOW, 'UTC', { chosen: 'soon' })).toThrow(/since must be a date/);
  });
});

describe('deadlines', () => {
  const window = { since: at('2026-06-13T12:00:00Z'), until: NOW };
  const p = (deadline: string | null, status: 'not_started' | 'full' = 'not_started') => ({ deadline: deadline === null ? null : at(deadline), status });

  it('passed in the window, due within 7 days after it, neither when in full or without one', () => {
    expect(deadlineStanding(p('2026-06-15T00:00:00Z'), window)).toBe('passed');
    expect(deadlineStanding(p('2026-06-10T00:00:00Z'), window)).toBeNull();
    expect(deadlineStanding(p('2026-06-20T12:00:00Z'), window)).toBe('due');
    expect(deadlineStanding(p('2026-06-27T12:00:00Z'), window)).toBe('due');
    expect(deadlineStanding(p('2026-06-27T12:00:00.001Z'), window)).toBeNull();
    expect(deadlineStanding(p('2026-06-15T00:00:00Z', 'full'), window)).toBeNull();
    expect(deadlineStanding(p(null), window)).toBeNull();
  });

  it('is overdue once past and not in full, as the matrix says', () => {
    expect(isOverdue(p('2026-06-10T00:00:00Z'), NOW)).toBe(true);
    expect(isOverdue(p('2026-06-20T12:00:00Z'), NOW)).toBe(false);
    expect(isOverdue(p('2026-06-10T00:00:00Z', 'full'), NOW)).toBe(false);
  });
});

describe('clauseChanges', () => {
  const clause: DeskClause = { id: 'c1', documentId: 'd1', documentTitle: 'Phase Two text', number: '1', text: 'The force of [Egypt] [Qatar].' };
  const group = 'g0:Egypt | Qatar';
  let n = 0;
  const stance = (partyId: string, alternative: number, position: StanceStatement['position'], createdAt: string, audience: StanceStatement['audience'] = 'all'): StanceStatement => ({
    id: `s${(n += 1).toString().padStart(3, '0')}`,
    clauseId: 'c1',
    groupKey: group,
    alternative,
    partyId,
    position,
    reservation: '',
    reason: 'r',
    statedOn: '2026-06-18',
    audience,
    createdAt: at(createdAt),
  });
  const window = { since: at('2026-06-19T00:00:00Z'), until: NOW };

  it('dates an agreement by the stance that made it', () => {
    const stances = [stance('a', 0, 'accept', '2026-06-18T10:00:00Z'), stance('b', 0, 'accept', '2026-06-19T09:00:00Z')];
    expect(clauseChanges([clause], stances, ['a', 'b'], window)).toEqual([{ clause, status: 'agreed', at: at('2026-06-19T09:00:00Z'), blockers: [] }]);
  });

  it('names the blockers of a block, and nothing when the status was the same before', () => {
    const stances = [stance('a', 0, 'reject', '2026-06-19T08:00:00Z'), stance('a', 1, 'reject', '2026-06-19T09:00:00Z')];
    expect(clauseChanges([clause], stances, ['a', 'b'], window)).toEqual([{ clause, status: 'blocked', at: at('2026-06-19T09:00:00Z'), blockers: ['a'] }]);
    const before = { since: at('2026-06-19T10:00:00Z'), until: NOW };
    expect(clauseChanges([clause], [...stances, stance('b', 0, 'abstain', '2026-06-19T11:00:00Z')], ['a', 'b'], before)).toEqual([]);
  });

  it('sees only the stances it is given, and none after the window', () => {
    // Without party a's hidden second reject (the caller leaves it out), the clause is not blocked.
    expect(clauseChanges([clause], [stance('a', 0, 'reject', '2026-06-19T08:00:00Z')], ['a', 'b'], window)).toEqual([]);
    expect(clauseChanges([clause], [stance('a', 0, 'accept', '2026-06-19T08:00:00Z'), stance('b', 0, 'accept', '2026-06-21T08:00:00Z')], ['a', 'b'], window)).toEqual([]);
  });
});

describe('deskSummary', () => {
  const agreement = { id: 'ag', slug: 'cairo', public: true };
  const member = (role: 'mediator' | 'party_delegate' | 'monitor', partyId: string | null = null, userId = `u-${role}-${partyId}`): Principal => ({
    kind: 'user',
    userId,
    name: userId,
    admin: false,
    memberships: [{ agreementId: 'ag', role, partyId }],
  });
  const mediator = member('mediator');
  const delegateA = member('party_delegate', 'A');
  const delegateB = member('party_delegate', 'B');
  const incident = { category: 'shelling' as const, place: 'Rafah', allegedPartyId: 'B', reportingPartyId: 'A', attributedPartyId: null };
  const note = (id: string, audience: 'party' | 'mediators' | 'all', partyId: string | null, authorId: string) => ({
    id,
    partyId,
    provisionId: null,
    title: `Note ${id}`,
    audience,
    authorId,
    authorName: authorId,
    createdAt: at('2026-06-19T10:00:00Z'),
  });

  const input = (overrides: Partial<DeskInput> = {}): DeskInput => ({
    agreement,
    window: { since: at('2026-06-13T12:00:00Z'), until: NOW },
    partyNames: new Map([
      ['A', 'Party A'],
      ['B', 'Party B'],
    ]),
    reported: { rows: [{ id: 'i1', reportedAt: at('2026-06-19T08:00:00Z'), ...incident }], total: 1 },
    verified: { rows: [{ id: 'i2', at: at('2026-06-19T09:00:00Z'), seq: 3, reason: 'Confirmed by two monitors', ...incident, attributedPartyId: 'B' }], total: 1 },
    statusChanges: {
      rows: [{ id: 'sc1', provisionId: 'p1', provisionLabel: '1.1 Halt attacks', fromStatus: 'not_started', toStatus: 'minimal', reason: 'First steps', source: 'Monitoring report 4', sourceGrade: 'B2', actorName: 'monitor', at: at('2026-06-18T10:00:00Z') }],
      total: 1,
    },
    provisions: [
      { id: 'p1', label: '1.1 Halt attacks', obligatedPartyId: 'A', deadline: at('2026-06-15T00:00:00Z'), status: 'minimal' },
      { id: 'p2', label: '1.2 Open crossings', obligatedPartyId: null, deadline: at('2026-06-22T00:00:00Z'), status: 'not_started' },
      { id: 'p3', label: '1.3 Old', obligatedPartyId: 'B', deadline: at('2026-05-01T00:00:00Z'), status: 'disputed' },
    ],
    notes: [note('n1', 'party', 'A', 'u-party_delegate-A-colleague'), note('n2', 'mediators', null, 'u-mediator-null'), note('n3', 'all', 'B', 'u-party_delegate-B'), note('n4', 'party', 'B', 'u-mediator-null')],
    responses: [{ id: 'r1', partyId: 'B', body: 'We deny this.', authorId: 'u-party_delegate-B', authorName: 'b', createdAt: at('2026-06-19T11:00:00Z'), incident: { id: 'i1', ...incident } }],
    clauses: [],
    transitions: [
      { id: 't1', phaseId: 'ph2', phaseName: 'Phase Two', gatePassed: false, overridden: true, reason: 'Talks would collapse otherwise', actorName: 'mediator', at: at('2026-06-19T12:00:00Z'), hasGate: true },
      { id: 't2', phaseId: 'ph3', phaseName: 'Phase Three', gatePassed: true, overridden: false, reason: '', actorName: 'mediator', at: at('2026-06-19T13:00:00Z'), hasGate: false },
    ],
    ...overrides,
  });

  const titles = (summary: ReturnType<typeof deskSummary>, kind: string) => summary.items.filter((i) => i.kind === kind).map((i) => i.title);

  it('gives a mediator every item, linked to its page, and counts them', () => {
    const s = deskSummary(input(), { principal: mediator, userId: 'u-mediator-null' });
    expect(s.items.map((i) => i.kind)).toEqual([
      'incident_reported',
      'incident_verified',
      'provision_status',
      'deadline_passed',
      'deadline_due',
      'overdue',
      'note',
      'note',
      'response',
      'gate_passed',
      'gate_failed',
    ]);
    // Not the mediator's own notes (n2, n4).
    expect(titles(s, 'note').sort()).toEqual(['Note n1', 'Note n3']);
    expect(s.items.find((i) => i.kind === 'incident_verified')).toMatchObject({ title: 'Shelling in Rafah', detail: 'Attributed to Party B: Confirmed by two monitors', href: '/agreements/cairo/incidents/i2', incidentId: 'i2' });
    expect(s.items.find((i) => i.kind === 'provision_status')).toMatchObject({ detail: '0 · not started → 1 · minimal · First steps · source: Monitoring report 4 (B2)', href: '/agreements/cairo/provisions/p1' });
    expect(s.items.find((i) => i.kind === 'deadline_due')).toMatchObject({ title: '1.2 Open crossings', detail: 'Obligates the parties · status 0 · not started' });
    expect(s.items.find((i) => i.kind === 'note' && i.noteId === 'n1')).toMatchObject({ detail: 'For the circle of Party A · by u-party_delegate-A-colleague', href: '/agreements/cairo#notes-heading' });
    expect(s.items.find((i) => i.kind === 'gate_failed')).toMatchObject({ title: 'Phase Two advanced', href: '/agreements/cairo/phases/ph2/gate' });
    expect(s.items.find((i) => i.kind === 'gate_passed')).toMatchObject({ href: '/agreements/cairo' });
    expect(s).toMatchObject({ newCount: 9, dueSoonCount: 1, overdueCount: 2 });
    // Of the two overdue, one passed in the window (news) and one before it (still overdue, not new).
    expect(s.counts).toMatchObject({ deadline_passed: 1, overdue: 1 });
    expect(s.items.find((i) => i.kind === 'overdue')).toMatchObject({ href: expect.stringMatching(/^\/agreements\/cairo\/provisions\//) });
    expect(s.counts).toMatchObject({ note: 2, response: 1, clause_agreed: 0 });
  });

  it("gives each party's delegate the same rules: its own circle's notes and everyone's, never another circle's or the mediators'", () => {
    const a = deskSummary(input(), { principal: delegateA, userId: 'u-party_delegate-A' });
    const b = deskSummary(input(), { principal: delegateB, userId: 'u-party_delegate-B' });
    expect(titles(a, 'note').sort()).toEqual(['Note n1', 'Note n3']);
    // B wrote n3 itself; n4 is for B's circle (by a mediator); n1 and n2 are outside its audiences and uncounted.
    expect(titles(b, 'note')).toEqual(['Note n4']);
    expect(b.counts.note).toBe(1);
    expect(JSON.stringify(b)).not.toMatch(/n1|n2|Note n1/);
    // The response on an incident naming both: A (reporting) sees B's response; B wrote it.
    expect(a.counts.response).toBe(1);
    expect(b.counts.response).toBe(0);
  });

  it('gives a reader who may not read incidents no incident or response, not even a count', () => {
    for (const principal of [ANONYMOUS, { kind: 'user', userId: 'x', name: 'x', admin: false, memberships: [] } satisfies Principal]) {
      const s = deskSummary(input(), { principal, userId: null });
      expect(s.counts).toMatchObject({ incident_reported: 0, incident_verified: 0, response: 0, note: 1 });
      expect(s.items.some((i) => i.incidentId)).toBe(false);
      expect(titles(s, 'note')).toEqual(['Note n3']);
    }
  });

  it("leaves responses to a monitor's page, and a response to its parties and the mediators", () => {
    const monitor = deskSummary(input(), { principal: member('monitor'), userId: null });
    expect(monitor.counts.response).toBe(0);
    expect(monitor.counts.incident_reported).toBe(1);
  });

  it('lists at most the limit of each kind, newest first, and counts them all', () => {
    const rows = [1, 2, 3].map((d) => ({ id: `i${d}`, reportedAt: at(`2026-06-1${d + 5}T08:00:00Z`), ...incident }));
    const s = deskSummary(input({ reported: { rows, total: 250 } }), { principal: mediator, userId: null }, 2);
    expect(s.items.filter((i) => i.kind === 'incident_reported').map((i) => i.incidentId)).toEqual(['i3', 'i2']);
    expect(s.counts.incident_reported).toBe(250);
  });

  it('names blockers from the clause changes it is given', () => {
    const clause: DeskClause = { id: 'c1', documentId: 'd1', documentTitle: 'Text', number: '2.3', text: '' };
    const s = deskSummary(input({ clauses: [{ clause, status: 'blocked', at: at('2026-06-19T09:00:00Z'), blockers: ['B'] }] }), { principal: delegateB, userId: null });
    expect(s.items.find((i) => i.kind === 'clause_blocked')).toMatchObject({ title: 'Clause 2.3 of Text', detail: 'Blocked by Party B', href: '/agreements/cairo/documents/d1', clauseId: 'c1' });
  });
});
