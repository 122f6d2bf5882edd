import { describe, expect, it } from 'vitest';
import type { AuditName } from '../../../src/contract/index.ts';
import { actorParts, entityParts, fieldChanges, showValue, type Naming } from './auditDiff.ts';

const HAMAS = '11111111-1111-4111-8111-111111111111';
const ISRAEL = '22222222-2222-4222-8222-222222222222';
const INCIDENT = '33333333-3333-4333-8333-333333333333';
const USER = '44444444-4444-4444-8444-444444444444';
const GONE = '55555555-5555-4555-8555-555555555555';

const names: Record<string, AuditName> = {
  [HAMAS]: { kind: 'party', name: 'حماس', href: '/agreements/a' },
  [ISRAEL]: { kind: 'party', name: 'Israel', href: '/agreements/a' },
  [INCIDENT]: { kind: 'incident', name: 'Shelling at Rafah, 2026-06-19', href: `/agreements/a/incidents/${INCIDENT}` },
  [USER]: { kind: 'user', name: 'Mona Said', href: null },
};
const naming: Naming = { names, timeZone: 'Asia/Gaza' };
const text = (parts: { text: string }[] | null) => parts?.map((p) => p.text).join(', ') ?? null;

describe('fieldChanges', () => {
  it('lists what an update changed, labelled, ids as names, without the bookkeeping fields', () => {
    const before = { id: INCIDENT, status: 'reported', attributedPartyId: null, version: 3, updatedAt: '2026-06-01T00:00:00Z' };
    const after = { ...before, status: 'verified', attributedPartyId: HAMAS, version: 4, updatedAt: '2026-06-02T00:00:00Z' };
    const changes = fieldChanges({ action: 'update', before, after }, naming);
    expect(changes.map((c) => [c.label, text(c.from), text(c.to)])).toEqual([
      ['Status', 'reported', 'verified'],
      ['Attributed to', '—', 'حماس'],
    ]);
    expect(changes[1]!.to).toEqual([{ text: 'حماس', href: '/agreements/a' }]);
  });

  it('shows a created or deleted record by the fields that hold something', () => {
    const created = fieldChanges(
      { action: 'create', before: null, after: { title: 'T', verificationMethod: 'Site visit', deadline: null, obligatedPartyId: ISRAEL, status: 'full', provisionIds: [] } },
      naming,
    );
    // Its title is the record's name, in the record's column: not repeated here.
    expect(created.map((c) => [c.label, c.from, text(c.to)])).toEqual([
      ['Status', null, 'full'],
      ['Obligated party', null, 'Israel'],
      ['Verification method', null, 'Site visit'],
    ]);
    const deleted = fieldChanges({ action: 'delete', before: { role: 'party_delegate', partyId: HAMAS }, after: null }, naming);
    expect(deleted.map((c) => [c.label, text(c.from), c.to])).toEqual([
      ['Role', 'Party delegate', null],
      ['Party', 'حماس', null],
    ]);
  });

  it('compares nested values by content', () => {
    expect(fieldChanges({ action: 'update', before: { partyIds: [HAMAS] }, after: { partyIds: [HAMAS] } }, naming)).toEqual([]);
    const [change] = fieldChanges({ action: 'update', before: { partyIds: [HAMAS] }, after: { partyIds: [HAMAS, ISRAEL] } }, naming);
    expect([change!.label, text(change!.to)]).toEqual(['Parties', 'حماس, Israel']);
  });
});

describe('showValue', () => {
  it('writes times in the agreement’s zone, dates, yes and no, codes as words, and shortens long text', () => {
    // 08:00 UTC is 11:00 in Gaza in June, whatever abbreviation the zone's data gives it.
    expect(text(showValue('2026-06-19T08:00:00.000Z', naming))).toMatch(/^19 Jun 2026, 11:00 \S+$/);
    expect(text(showValue('2026-06-19', naming))).toBe('19 Jun 2026');
    expect(text(showValue(true, naming))).toBe('yes');
    expect(text(showValue(0, naming))).toBe('0');
    expect(text(showValue('not_started', naming))).toBe('not started');
    const long = showValue('x'.repeat(100), naming)[0]!;
    expect(long.text).toHaveLength(80);
    expect(long.title).toHaveLength(100);
    expect(text(showValue({ lon: 1 }, naming))).toBe('{"lon":1}');
    expect(showValue([{ key: 'a' }, { key: 'b' }], naming)).toEqual([{ text: '2 items', href: null, title: '[{"key":"a"},{"key":"b"}]' }]);
  });

  it('writes a field’s codes in the words the rest of the UI uses', () => {
    expect(text(showValue('party', naming, 'audience'))).toBe('One party and the mediators');
    expect(text(showValue('monitor', naming, 'role'))).toBe('Monitor');
    expect(text(showValue('party_delegate', naming, 'status'))).toBe('party delegate');
  });

  it('shortens an id the page does not name, with the whole id in its title', () => {
    expect(showValue(GONE, naming)).toEqual([{ text: '55555555…', href: null, title: GONE }]);
  });
});

describe('entityParts and actorParts', () => {
  it('names a record by the page’s names, else by its own state', () => {
    expect(entityParts({ entity: 'party', entityId: HAMAS, before: null, after: { name: 'Hamas' } }, names)).toEqual({
      kind: 'Party',
      parts: [{ text: 'حماس', href: '/agreements/a' }],
    });
    expect(entityParts({ entity: 'provision', entityId: GONE, before: { code: '2.3', title: 'Junctions' }, after: null }, names)).toEqual({
      kind: 'Provision',
      parts: [{ text: '2.3 Junctions', href: null }],
    });
    expect(entityParts({ entity: 'api_token', entityId: GONE, before: null, after: { expiresAt: null } }, names)).toEqual({ kind: 'API token', parts: [] });
  });

  it('names a part of a record by the record it belongs to, after its own name', () => {
    const step = entityParts({ entity: 'incident_step', entityId: `${INCIDENT}:2`, before: null, after: { incidentId: INCIDENT, to: 'verified' } }, names);
    expect(step).toEqual({ kind: 'Incident verification step', parts: [{ text: 'Shelling at Rafah, 2026-06-19', href: `/agreements/a/incidents/${INCIDENT}` }] });
    const evidence = entityParts({ entity: 'evidence', entityId: GONE, before: null, after: { incidentId: INCIDENT, name: 'crater.jpg' } }, names);
    expect(evidence.parts.map((p) => p.text)).toEqual(['crater.jpg', 'Shelling at Rafah, 2026-06-19']);
  });

  it('names the actor as the account is now, with the address the entry recorded', () => {
    expect(actorParts({ actorId: USER, actorName: 'mona@example.org' }, names)).toEqual({ name: 'Mona Said', recorded: 'mona@example.org' });
    expect(actorParts({ actorId: null, actorName: 'phaseline demo load' }, names)).toEqual({ name: 'phaseline demo load', recorded: null });
    expect(actorParts({ actorId: GONE, actorName: 'gone@example.org' }, names)).toEqual({ name: 'gone@example.org', recorded: null });
  });
});
