import { describe, expect, it } from 'vitest';
import { checkIncidentFacts } from './incident-rules.ts';

const now = new Date('2026-06-20T12:00:00Z');
const facts = { occurredAt: '2026-06-19T08:00:00Z', lon: 34.46, lat: 31.5, killed: 2, injured: null, civiliansKilled: 1, civiliansInjured: null };

describe('incident facts', () => {
  it('accepts consistent facts, unknown casualties included', () => {
    expect(checkIncidentFacts(facts, now)).toEqual([]);
    expect(checkIncidentFacts({ ...facts, lon: null, lat: null, killed: null }, now)).toEqual([]);
  });

  it('refuses half a point, more civilian casualties than casualties, and a future time', () => {
    expect(checkIncidentFacts({ ...facts, lat: null }, now)).toEqual([{ path: 'lat', message: 'longitude and latitude go together: give both or neither' }]);
    expect(checkIncidentFacts({ ...facts, civiliansKilled: 3 }, now)).toEqual([{ path: 'civiliansKilled', message: 'must not exceed killed (2)' }]);
    expect(checkIncidentFacts({ ...facts, occurredAt: '2026-06-20T13:00:00Z' }, now)).toEqual([{ path: 'occurredAt', message: 'is in the future' }]);
  });
});
