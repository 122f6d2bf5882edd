// The gate page's pure helpers: where evidence leads, transitions in words, the conditions' form
// (drafts to and from conditions) and the server's issues back at their condition and field.
import { describe, expect, it } from 'vitest';
import type { GateConditionView } from '../../../src/contract/index.ts';
import { conditionDraft, conditionProblems, draftToCondition, EMPTY_DRAFT, evidenceHref, metWords, transitionWords } from './gateText.ts';
import { whatIfPath } from './gates.api.ts';

const clauses: GateConditionView = { kind: 'clauses_agreed', label: 'Text agreed', documentId: 'doc-1' };
const force: GateConditionView = { kind: 'force_covered', label: 'Force covered' };

describe('evidenceHref', () => {
  it('leads each kind of evidence to its page', () => {
    expect(evidenceHref('cairo', clauses, { kind: 'clause', id: 'c1', label: '§1' })).toBe('/agreements/cairo/documents/doc-1');
    expect(evidenceHref('cairo', force, { kind: 'incident', id: 'i1', label: 'x' })).toBe('/agreements/cairo/incidents/i1');
    expect(evidenceHref('cairo', force, { kind: 'withdrawal', id: 'w1', label: 'x' })).toBe('/agreements/cairo/ground');
    expect(evidenceHref('cairo', force, { kind: 'indicator', id: 'n1', label: 'x' })).toBe('/agreements/cairo/indicators/n1');
    expect(evidenceHref('cairo', force, { kind: 'requirement', id: 'r1', label: 'x' })).toBe('/agreements/cairo/force');
  });

  it('has no page for a clause when the condition names no document', () => {
    expect(evidenceHref('cairo', force, { kind: 'clause', id: 'c1', label: '§1' })).toBeNull();
  });
});

describe('words', () => {
  it('says met or not with an icon and words', () => {
    expect(metWords(true)).toEqual({ icon: '✓', text: 'Met' });
    expect(metWords(false)).toEqual({ icon: '✗', text: 'Not met' });
  });

  it('words a transition: passed, overridden with its count', () => {
    const evaluation = (met: boolean[]) => ({
      passes: met.every(Boolean),
      conditions: met.map((m, index) => ({ index, condition: force, met: m, detail: '', evidence: [], since: null })),
    });
    expect(transitionWords({ gatePassed: true, overridden: false, evaluation: evaluation([true, true]) })).toBe('Passed the gate (2 of 2 met)');
    expect(transitionWords({ gatePassed: false, overridden: true, evaluation: evaluation([true, false, false]) })).toBe('Overridden: the gate failed (1 of 3 met)');
    expect(transitionWords({ gatePassed: true, overridden: false, evaluation: evaluation([]) })).toBe('Advanced: no conditions');
  });
});

describe('condition drafts', () => {
  it('round-trips every kind through the form', () => {
    const conditions: GateConditionView[] = [
      { kind: 'withdrawal_verified', label: 'W', phaseId: 'p1' },
      { kind: 'indicator_at_target', label: 'I', indicatorId: 'n1', days: 7 },
      { kind: 'no_verified_violation', label: 'V', category: 'armed_attack', days: 14 },
      { kind: 'no_verified_violation', label: 'V any', days: 3 },
      clauses,
      { kind: 'provisions_status', label: 'P', phaseId: 'p1', status: 'full' },
      force,
      { kind: 'force_covered', label: 'F inf', capability: 'Infantry' },
      { kind: 'funding_committed', label: 'M', share: 0.5 },
    ];
    for (const c of conditions) expect(draftToCondition(conditionDraft(c))).toEqual(c);
  });

  it('keeps only the kind’s fields, trims, and leaves a number that is not one for the server to name', () => {
    const draft = { ...EMPTY_DRAFT, kind: 'indicator_at_target' as const, label: ' Aid ', indicatorId: 'n1', days: 'seven', phaseId: 'p9' };
    expect(draftToCondition(draft)).toEqual({ kind: 'indicator_at_target', label: 'Aid', indicatorId: 'n1', days: 'seven' });
  });
});

describe('conditionProblems', () => {
  it('puts each issue at its condition and field, the rest in general', () => {
    const { byCondition, general } = conditionProblems([
      { path: 'body.conditions.2.days', message: 'must be a whole number of days from 1 to 365' },
      { path: 'conditions.2.label', message: 'must say what the condition is' },
      { path: 'conditions.0', message: 'must be an object' },
      { path: 'body.conditions', message: 'must hold at most 50 conditions' },
      { path: 'version', message: 'is required' },
    ]);
    expect(byCondition.get(2)).toEqual({ days: 'must be a whole number of days from 1 to 365', label: 'must say what the condition is' });
    expect(byCondition.get(0)).toEqual({ '': 'must be an object' });
    expect(general).toEqual(['conditions: must hold at most 50 conditions', 'version: is required']);
  });
});

describe('whatIfPath', () => {
  it('repeats assume, in order, encoded', () => {
    expect(whatIfPath('cairo', [])).toBe('/api/agreements/cairo/what-if');
    expect(whatIfPath('cairo', ['withdraw:c1', 'object:c1:p 2'])).toBe('/api/agreements/cairo/what-if?assume=withdraw%3Ac1&assume=object%3Ac1%3Ap+2');
  });
});
