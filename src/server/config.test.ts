import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads every variable, and treats empty ones as unset', () => {
    const c = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      PHASELINE_DATA_DIR: '/tmp/phaseline',
      LOG_LEVEL: '',
    });
    expect(c).toEqual({
      port: 9090,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/test',
      dataDir: '/tmp/phaseline',
      logLevel: 'info',
      sessionTtlMs: 12 * 3_600_000,
      loginRateLimit: 10,
      https: false,
    });
    expect(loadConfig({ COOKIE_SECURE: 'true' }).https).toBe(true);
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection string/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE: must be true \(Phaseline is served over HTTPS\) or false/);
  });
});
