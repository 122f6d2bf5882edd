/** What the force tests share: the negotiation tests' world (two belligerents, their delegates, a mediator, a viewer) and rows made through the API. */
import { expect } from 'vitest';
import type { Caller } from '../test/harness.ts';

export { world, type World } from '../negotiation/negotiation.fixtures.ts';

export type ErrorBody = { error: { code: string; message: string; details: { issues?: Array<{ path: string; message: string }> } & Record<string, unknown> } };
export type Row = { id: string; version: number } & Record<string, unknown>;

/** POSTs `body` to `${base}/force/${path}` and expects `status` (201 by default). */
export async function post<T = Row>(call: Caller, base: string, path: string, body: Record<string, unknown>, status = 201): Promise<T> {
  const res = await call<T>('POST', `${base}/force/${path}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A square sector of about 1 km² near Gaza City, named `name`. */
export async function sector(call: Caller, base: string, name: string, kind = 'sector'): Promise<Row> {
  const ring = [
    [34.45, 31.5],
    [34.46, 31.5],
    [34.46, 31.51],
    [34.45, 31.51],
    [34.45, 31.5],
  ];
  const res = await call<Row>('POST', `${base}/zones`, { name, kind, geometry: { type: 'Polygon', coordinates: [ring] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const contributor = (call: Caller, base: string, name: string, extra: Record<string, unknown> = {}) =>
  post(call, base, 'contributors', { name, ...extra });

export const requirement = (call: Caller, base: string, body: Record<string, unknown>) => post(call, base, 'requirements', body);

export const pledge = (call: Caller, base: string, body: Record<string, unknown>) =>
  post(call, base, 'pledges', { pledgedOn: '2026-06-01', readiness: 'L3', ...body });

export const position = (call: Caller, base: string, body: Record<string, unknown>, status = 201) =>
  post(call, base, 'acceptability', { statedOn: '2026-06-18', ...body }, status);
