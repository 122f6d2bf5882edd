/** An app on a fresh in-memory PGlite with a fixed clock, and small helpers for app.inject. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openDatabase, type Database } from '../../db/index.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';

export const TEST_NOW = '2026-06-20T12:00:00.000Z';

export interface Harness {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function startHarness(now: string = TEST_NOW): Promise<Harness> {
  const database = await openDatabase({});
  const app = await buildApp({ database, clock: fixedClock(now), logger: false });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Sends a request and parses the JSON answer. */
export async function call<T = Record<string, unknown>>(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<JsonResponse<T>> {
  const res = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as T) : (undefined as T) };
}

let counter = 0;
/** Creates an agreement through the API and returns its view. */
export async function createAgreement(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const res = await call<{ id: string; slug: string; version: number }>(app, 'POST', '/api/agreements', {
    slug: `test-${Date.now().toString(36)}-${counter}`,
    title: `Agreement ${counter}`,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`createAgreement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
