import { describe, expect, it } from 'vitest';
import { importIds } from './incidents.bulk.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('import ids', () => {
  it('are version 7 UUIDs that start with the import time and ascend in the order they are drawn', () => {
    const at = new Date('2026-06-20T10:00:00.123Z');
    const next = importIds(at);
    const ids = Array.from({ length: 5_000 }, next);
    for (const id of [ids[0]!, ids[4_999]!]) expect(id).toMatch(UUID_V7);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('differ between two imports at the same millisecond', () => {
    const at = new Date('2026-06-20T10:00:00Z');
    const [a, b] = [importIds(at)(), importIds(at)()];
    expect(a).not.toBe(b);
    expect(a.slice(0, 13)).toBe(b.slice(0, 13));
  });
});
