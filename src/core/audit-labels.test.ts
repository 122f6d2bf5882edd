import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  auditEntryIds,
  auditFieldLabel,
  auditStateName,
  auditSubjectId,
  isReferenceField,
  namedRecordName,
  namedRecordPath,
  referencedIds,
  wordsOf,
} from './audit-labels.ts';
import { AUDIT_ACTIONS } from './audit.ts';

const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const INCIDENT = '33333333-3333-4333-8333-333333333333';
const USER = '44444444-4444-4444-8444-444444444444';

/** The entity kinds the server records: `entity: '<kind>'` literals, the demo's `created('<kind>', …)`, and the named constants. */
function recordedKinds(): Set<string> {
  const root = join(import.meta.dirname, '..', 'server');
  const kinds = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/entity: '([a-z_]+)'/g)) kinds.add(m[1]!);
        for (const m of source.matchAll(/created\('([a-z_]+)'/g)) kinds.add(m[1]!);
      }
    }
  };
  walk(root);
  const negotiation = readFileSync(join(root, 'negotiation', 'negotiation.service.ts'), 'utf8');
  const force = readFileSync(join(root, 'force', 'force.service.ts'), 'utf8');
  for (const m of `${negotiation}\n${force}`.matchAll(/^const [A-Z_]+ = '([a-z_]+)';$/gm)) kinds.add(m[1]!);
  return kinds;
}

describe('audit labels', () => {
  it('has a label of its own for every entity kind the server records', () => {
    const kinds = recordedKinds();
    // The walk finds the kinds whatever the layout: a sanity floor, not a count to keep up to date.
    expect(kinds.size).toBeGreaterThan(30);
    expect([...kinds].filter((kind) => !Object.hasOwn(AUDIT_ENTITY_LABELS, kind))).toEqual([]);
    expect(auditEntityLabel('incident_step')).toBe('Incident verification step');
    expect(auditEntityLabel('provision_status')).toBe('Provision status change');
  });

  it('reads an unknown kind, action or field as its name in words', () => {
    expect(auditEntityLabel('provision_history_entry')).toBe('Provision history entry');
    expect(auditEntityLabel('toString')).toBe('To string');
    expect(auditActionLabel('archive')).toBe('Archive');
    expect(auditFieldLabel('someNewField')).toBe('Some new field');
    expect(wordsOf('')).toBe('');
  });

  it('labels every action', () => {
    expect(AUDIT_ACTIONS.map(auditActionLabel)).toEqual(['Created', 'Updated', 'Deleted']);
  });

  it('names fields in words, a party field with the same words whichever party it holds', () => {
    expect(auditFieldLabel('attributedPartyId')).toBe('Attributed to');
    expect(auditFieldLabel('obligatedPartyId')).toBe('Obligated party');
    expect(auditFieldLabel('allegedPartyId')).toBe('Alleged party');
    expect(auditFieldLabel('reportingPartyId')).toBe('Reporting party');
    expect(auditFieldLabel('plannedStart')).toBe('Planned start');
    // Without an entry in the table: a trailing Id names what it points to.
    expect(auditFieldLabel('hostZoneId')).toBe('Host zone');
    expect(auditFieldLabel('zoneIds')).toBe('Zones');
    expect(auditFieldLabel('countryIds')).toBe('Countries');
    expect(auditFieldLabel('matchIds')).toBe('Matches');
    expect(auditFieldLabel('verified_at')).toBe('Verified at');
  });

  it('knows which fields hold ids of other records', () => {
    expect(['zoneId', 'provisionIds', 'addedBy', 'reportedBy'].every(isReferenceField)).toBe(true);
    expect(['id', 'paid', 'valid', 'title', 'Id'].some(isReferenceField)).toBe(false);
  });
});

describe('what an entry refers to', () => {
  it('opens a part of a record on the record it belongs to', () => {
    const step = { entity: 'incident_step', entityId: `${INCIDENT}:3`, before: null, after: { incidentId: INCIDENT, seq: 3 } };
    expect(auditSubjectId(step)).toBe(INCIDENT);
    expect(auditSubjectId({ ...step, after: null })).toBe(INCIDENT);
    expect(auditSubjectId({ entity: 'membership', entityId: `${USER}:${P2}`, before: { role: 'viewer' }, after: null })).toBe(USER);
    expect(auditSubjectId({ entity: 'evidence', entityId: P1, before: null, after: { incidentId: INCIDENT } })).toBe(INCIDENT);
    expect(auditSubjectId({ entity: 'provision', entityId: P1, before: null, after: { phaseId: P2 } })).toBe(P1);
  });

  it('collects the ids of the entity, the actor and the reference fields, UUIDs only, once each', () => {
    const entry = {
      entity: 'incident',
      entityId: INCIDENT,
      actorId: USER,
      before: { allegedPartyId: P1, attributedPartyId: null, externalId: 'ACLED-7', provisionIds: [P2] },
      after: { allegedPartyId: P2, reportedBy: USER, title: P1 },
    };
    expect(auditEntryIds(entry).sort()).toEqual([INCIDENT, USER, P1, P2].sort());
    expect(referencedIds(null)).toEqual([]);
    expect(referencedIds(['x'])).toEqual([]);
    expect(auditEntryIds({ entity: 'membership', entityId: `${USER}:${P2}`, actorId: null, before: null, after: null })).toEqual([USER]);
  });

  it('names a state by its code and title, else its title, name or e-mail address', () => {
    expect(auditStateName(null, { code: '2.3', title: 'Junctions' })).toBe('2.3 Junctions');
    expect(auditStateName({ title: 'Schedule' }, null)).toBe('Schedule');
    expect(auditStateName(null, { name: 'حماس' })).toBe('حماس');
    expect(auditStateName(null, { email: 'a@example.org', name: ' ' })).toBe('a@example.org');
    expect(auditStateName(null, { role: 'viewer' })).toBeNull();
    expect(auditStateName(null, null)).toBeNull();
  });
});

describe('names and pages of the records an entry refers to', () => {
  it('names an incident by its category, place and day in the agreement’s zone', () => {
    const incident = { kind: 'incident' as const, id: INCIDENT, category: 'shelling', place: 'Rafah', occurredAt: '2026-06-18T22:30:00Z' };
    expect(namedRecordName(incident, 'Asia/Gaza')).toBe('Shelling at Rafah, 2026-06-19');
    expect(namedRecordName(incident, 'UTC')).toBe('Shelling at Rafah, 2026-06-18');
    expect(namedRecordName({ ...incident, place: ' ', category: 'new_kind' }, 'UTC')).toBe('New kind, 2026-06-18');
  });

  it('names provisions, clauses and the rest', () => {
    expect(namedRecordName({ kind: 'provision', id: P1, code: '2.3', title: 'Junctions' }, 'UTC')).toBe('2.3 Junctions');
    expect(namedRecordName({ kind: 'provision', id: P1, code: '', title: 'Junctions' }, 'UTC')).toBe('Junctions');
    const clause = { kind: 'clause' as const, id: P1, documentId: P2, documentTitle: 'Framework', number: '4.1', position: 7 };
    expect(namedRecordName(clause, 'UTC')).toBe('Clause 4.1, Framework');
    expect(namedRecordName({ ...clause, number: null }, 'UTC')).toBe('Clause (paragraph 8), Framework');
    expect(namedRecordName({ kind: 'party', id: P1, name: 'حماس' }, 'UTC')).toBe('حماس');
  });

  it('links each record to its page in the web UI, a user to none', () => {
    const path = (record: Parameters<typeof namedRecordPath>[0]) => namedRecordPath(record, 'cairo 2026');
    expect(path({ kind: 'provision', id: P1, code: '', title: 'T' })).toBe(`/agreements/cairo%202026/provisions/${P1}`);
    expect(path({ kind: 'incident', id: INCIDENT, category: 'other', place: '', occurredAt: '2026-01-01T00:00:00Z' })).toBe(`/agreements/cairo%202026/incidents/${INCIDENT}`);
    expect(path({ kind: 'phase', id: P1, name: 'One' })).toBe(`/agreements/cairo%202026/phases/${P1}/gate`);
    expect(path({ kind: 'zone', id: P1, name: 'Z' })).toBe(`/agreements/cairo%202026/map?zone=${P1}`);
    expect(path({ kind: 'clause', id: P1, documentId: P2, documentTitle: 'D', number: '1', position: 0 })).toBe(`/agreements/cairo%202026/documents/${P2}`);
    expect(path({ kind: 'party', id: P1, name: 'P' })).toBe('/agreements/cairo%202026');
    expect(path({ kind: 'user', id: USER, name: 'U' })).toBeNull();
  });
});
