import { describe, expect, it } from 'vitest';
import { capped, MAP_INCIDENT_LIMIT } from './map.api.ts';

describe('capped', () => {
  it('keeps every item up to the limit and says there are no more', () => {
    expect(capped([1, 2, 3], 3)).toEqual({ items: [1, 2, 3], more: false });
    expect(capped([], MAP_INCIDENT_LIMIT)).toEqual({ items: [], more: false });
  });

  it('cuts the one extra item the map asks for, and says more matched', () => {
    expect(capped([1, 2, 3, 4], 3)).toEqual({ items: [1, 2, 3], more: true });
  });
});
