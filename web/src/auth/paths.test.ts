import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api.ts';
import { credentialsError, loginPath, safeNext } from './paths.ts';

describe('safeNext', () => {
  it('keeps paths of this site and drops anything else', () => {
    expect(safeNext('/agreements/cairo-2026')).toBe('/agreements/cairo-2026');
    expect(safeNext('/admin/users?x=1')).toBe('/admin/users?x=1');
    for (const bad of [null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('builds the login address that returns to a page', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=%2Fx')).toBe('/login');
    expect(loginPath('/agreements/cairo-2026')).toBe('/login?next=%2Fagreements%2Fcairo-2026');
  });
});

describe('credentialsError', () => {
  it('says to wait after too many attempts, and passes other messages on', () => {
    expect(credentialsError(new ApiError(429, 'bad_request', 'Rate limit exceeded, retry in 1 minute'))).toMatch(/Too many attempts/);
    expect(credentialsError(new ApiError(401, 'unauthenticated', 'Wrong e-mail or password, or the account is disabled'))).toBe(
      'Wrong e-mail or password, or the account is disabled',
    );
    expect(credentialsError(new ApiError(0, 'network_error', 'Cannot reach the Phaseline server.'))).toBe('Cannot reach the Phaseline server.');
  });
});
