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
          evidenceCount: 1,
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
      expect(checkTransition({ from: path[i - 1]!, to: path[i]!, reason: 'ok', evidenceCount: 1 }).ok).toBe(true);
    }
  });

  it('keeps final statuses final', () => {
    for (const final of ['verified', 'not_verified', 'duplicate'] as const) {
      expect(INCIDENT_TRANSITIONS[final]).toEqual([]);
      expect(checkTransition({ from: final, to: 'under_investigation', reason: 'reopen', evidenceCount: 0 })).toMatchObject({
        ok: false,
        message: expect.stringContaining('none (final)'),
      });
    }
  });

  it('attributes only on verification, and needs a reason and a duplicate target', () => {
    expect(checkTransition({ from: 'triaged', to: 'under_investigation', reason: 'x', attributedPartyId: 'p', evidenceCount: 0 })).toMatchObject({ ok: false, path: 'attributedPartyId' });
    expect(checkTransition({ from: 'under_investigation', to: 'verified', reason: 'x', attributedPartyId: 'p', evidenceCount: 1 }).ok).toBe(true);
    expect(checkTransition({ from: 'reported', to: 'triaged', reason: '  ', evidenceCount: 0 })).toMatchObject({ ok: false, path: 'reason' });
    expect(checkTransition({ from: 'reported', to: 'duplicate', reason: 'same event', evidenceCount: 0 })).toMatchObject({ ok: false, path: 'duplicateOfId' });
  });
});

describe('verification with evidence', () => {
  const verify = { from: 'under_investigation', to: 'verified', reason: 'Craters match the reported fire' } as const;

  it('verifies an incident with evidence, and one without evidence only with a reason', () => {
    expect(checkTransition({ ...verify, evidenceCount: 1 })).toEqual({ ok: true });
    expect(checkTransition({ ...verify, evidenceCount: 3, noEvidenceReason: null })).toEqual({ ok: true });
    expect(checkTransition({ ...verify, evidenceCount: 0, noEvidenceReason: 'Seen by two monitors on the spot; no photographs allowed' })).toEqual({ ok: true });
    expect(checkTransition({ ...verify, evidenceCount: 0 })).toEqual({
      ok: false,
      code: 'rule_violation',
      message: 'Add at least one evidence item before verifying, or give a reason for verifying without evidence',
      path: 'noEvidenceReason',
    });
  });

  it('counts a blank reason as none', () => {
    for (const blank of ['', '   ', '\n\t']) {
      expect(checkTransition({ ...verify, evidenceCount: 0, noEvidenceReason: blank }), JSON.stringify(blank)).toMatchObject({ ok: false, path: 'noEvidenceReason' });
      expect(checkTransition({ ...verify, evidenceCount: 1, noEvidenceReason: blank }).ok).toBe(true);
      expect(checkTransition({ from: 'reported', to: 'triaged', reason: 'r', evidenceCount: 0, noEvidenceReason: blank }).ok).toBe(true);
    }
  });

  it('refuses a reason for going without evidence when the incident has evidence', () => {
    expect(checkTransition({ ...verify, evidenceCount: 1, noEvidenceReason: 'No photographs' })).toMatchObject({
      ok: false,
      code: 'rule_violation',
      path: 'noEvidenceReason',
      message: expect.stringContaining('The incident has evidence'),
    });
  });

  it('takes the reason only with "verified", and asks no evidence of the other steps', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_TRANSITIONS[from].filter((s) => s !== 'verified')) {
        const step = { from, to, reason: 'r', evidenceCount: 0, duplicateOfId: to === 'duplicate' ? 'other' : null };
        expect(checkTransition(step).ok, `${from} -> ${to}`).toBe(true);
        expect(checkTransition({ ...step, noEvidenceReason: 'none' }), `${from} -> ${to}`).toMatchObject({ ok: false, path: 'noEvidenceReason' });
      }
    }
  });

  it('reports an illegal step, or a missing reason for the step, before the evidence', () => {
    expect(checkTransition({ from: 'reported', to: 'verified', reason: 'r', evidenceCount: 0 })).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(checkTransition({ ...verify, reason: ' ', evidenceCount: 0 })).toMatchObject({ ok: false, path: 'reason' });
  });
});
