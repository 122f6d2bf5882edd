import { describe, expect, it } from 'vitest';
import { checkTransition, INCIDENT_STATUSES, INCIDENT_TRANSITIONS, type IncidentStatus } from './incidents.ts';

describe('incident workflow', () => {
  it('allows exactly the transitions of the table, and names the allowed ones otherwise', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        const result = checkTransition({
          from,
          to,
          reason: 'checked',
          duplicateOfId: to === 'duplicate' ? 'other' : null,
        });
        const legal = INCIDENT_TRANSITIONS[from].includes(to);
        expect(result.ok, `${from} -> ${to}`).toBe(legal);
        if (!legal) expect(result).toMatchObject({ code: 'illegal_transition', allowed: INCIDENT_TRANSITIONS[from] });
      }
    }
  });

  it('walks the main path to verified', () => {
    const path: IncidentStatus[] = ['reported', 'triaged', 'under_investigation', 'verified'];
    for (let i = 1; i < path.length; i += 1) {
      expect(checkTransition({ from: path[i - 1]!, to: path[i]!, reason: 'ok' }).ok).toBe(true);
    }
  });

  it('keeps final statuses final', () => {
    for (const final of ['verified', 'not_verified', 'duplicate'] as const) {
      expect(INCIDENT_TRANSITIONS[final]).toEqual([]);
      expect(checkTransition({ from: final, to: 'under_investigation', reason: 'reopen' })).toMatchObject({
        ok: false,
        message: expect.stringContaining('none (final)'),
      });
    }
  });

  it('attributes only on verification, and needs a reason and a duplicate target', () => {
    expect(checkTransition({ from: 'triaged', to: 'under_investigation', reason: 'x', attributedPartyId: 'p' })).toMatchObject({ ok: false, path: 'attributedPartyId' });
    expect(checkTransition({ from: 'under_investigation', to: 'verified', reason: 'x', attributedPartyId: 'p' }).ok).toBe(true);
    expect(checkTransition({ from: 'reported', to: 'triaged', reason: '  ' })).toMatchObject({ ok: false, path: 'reason' });
    expect(checkTransition({ from: 'reported', to: 'duplicate', reason: 'same event' })).toMatchObject({ ok: false, path: 'duplicateOfId' });
  });
});
