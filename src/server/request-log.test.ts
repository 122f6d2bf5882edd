import { describe, expect, it } from 'vitest';
import { loggedPath } from './request-log.ts';

describe('loggedPath', () => {
  it('leaves out the query string and an invitation token', () => {
    expect(loggedPath('/api/incidents?agreement=cairo-2026')).toBe('/api/incidents');
    expect(loggedPath('/setup?token=secret')).toBe('/setup');
    expect(loggedPath('/invite/pli_secret')).toBe('/invite/…');
    expect(loggedPath('/invite/pli_secret?x=1')).toBe('/invite/…');
    expect(loggedPath('/agreements/cairo-2026/map')).toBe('/agreements/cairo-2026/map');
  });
});
