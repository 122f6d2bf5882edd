/** Configuration, parsed once from the environment; a bad value stops start-up with a message. */
import { resolve } from 'node:path';
import { z } from 'zod';

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080).describe('HTTP port of the server'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on; 0.0.0.0 for all'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional()
    .describe('PostgreSQL server to use instead of the embedded PGlite'),
  PHASELINE_DATA_DIR: z.string().min(1).default('./data').describe('Folder of the embedded database and its lock'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12).describe('How long a login session lasts'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10).describe('Login attempts per address, password changes per account and address, per minute'),
  COOKIE_SECURE: z
    .enum(['true', 'false'], 'must be true (Phaseline is served over HTTPS) or false (plain HTTP)')
    .default('false')
    .describe('Served over HTTPS: Secure session cookie, HSTS and upgrade-insecure-requests'),
  CHROMIUM_PATH: z
    .string()
    .min(1)
    .optional()
    .describe('The Chromium that prints PDF exports; default /usr/bin/chromium, else chromium, chromium-browser or google-chrome on PATH'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  sessionTtlMs: number;
  loginRateLimit: number;
  /** Served over HTTPS (COOKIE_SECURE=true): Secure cookie, HSTS, upgrade-insecure-requests. */
  https: boolean;
  /** The browser that prints PDF exports (CHROMIUM_PATH); looked for on PATH when unset. */
  chromiumPath: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.PHASELINE_DATA_DIR),
    logLevel: c.LOG_LEVEL,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3_600_000,
    loginRateLimit: c.LOGIN_RATE_LIMIT,
    https: c.COOKIE_SECURE === 'true',
    chromiumPath: c.CHROMIUM_PATH,
  };
}
