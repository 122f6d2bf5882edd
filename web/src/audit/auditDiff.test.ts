import { describe, expect, it } from 'vitest';
import { entityLabel, fieldChanges, showValue } from './auditDiff.ts';

describe('fieldChanges', () => {
  it('lists the fields an update changed, without the bookkeeping ones', () => {
    const before = { id: 'p', code: '1.1', status: 'minimal', title: 'Halt attacks', version: 3, updatedAt: '2026-06-01T00:00:00Z' };
    const after = { ...before, status: 'full', version: 4, updatedAt: '2026-06-02T00:00:00Z' };
    expect(fieldChanges(before, after)).toEqual([{ field: 'status', from: 'minimal', to: 'full' }]);
  });

  it('shows a created or deleted entry field by field, and null as a dash', () => {
    expect(fieldChanges(null, { title: 'T', deadline: null })).toEqual([{ field: 'title', from: '—', to: 'T' }]);
    expect(fieldChanges({ role: 'viewer', partyId: null }, null)).toEqual([{ field: 'role', from: 'viewer', to: '—' }]);
  });

  it('compares nested values by content', () => {
    expect(fieldChanges({ partyIds: ['a', 'b'] }, { partyIds: ['a', 'b'] })).toEqual([]);
    expect(fieldChanges({ partyIds: ['a'] }, { partyIds: ['a', 'b'] })).toEqual([{ field: 'partyIds', from: '["a"]', to: '["a","b"]' }]);
  });
});

describe('showValue and entityLabel', () => {
  it('shortens long text', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(60);
    expect(showValue(true)).toBe('true');
  });

  it('names an entity by its code, else its title, name or e-mail', () => {
    expect(entityLabel('provision', null, { code: '2.3', title: 'Junctions' })).toBe('provision 2.3');
    expect(entityLabel('note', { title: 'Schedule' }, null)).toBe('note “Schedule”');
    expect(entityLabel('membership', null, { role: 'party_delegate', partyId: 'p' })).toBe('membership (party delegate)');
    expect(entityLabel('api_token', null, { expiresAt: null })).toBe('api_token');
    expect(entityLabel('note', null, null)).toBe('note');
  });
});
