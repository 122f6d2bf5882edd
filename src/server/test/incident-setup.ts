/** API test set-up for incidents: an agreement in Asia/Gaza with two parties, a provision and the Gaza governorates. */
import { readFileSync } from 'node:fs';
import { GAZA_GOVERNORATES_URL } from '../demo/demo.service.ts';
import { createAgreement, type Harness } from './harness.ts';

export type Row = { id: string; version: number };
export type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> & { issues?: Array<{ path: string; message: string }> } } };

export const GAZA_COLLECTION = JSON.parse(readFileSync(GAZA_GOVERNORATES_URL, 'utf8')) as { type: 'FeatureCollection'; features: unknown[] };

/** Points inside each governorate, and one at sea. */
export const PLACES = {
  gazaCity: { lon: 34.4667, lat: 31.5 },
  jabalia: { lon: 34.4948, lat: 31.5328 },
  rafah: { lon: 34.2506, lat: 31.2969 },
  sea: { lon: 34.2, lat: 31.5 },
};

export async function incidentSetup(h: Harness, overrides: Record<string, unknown> = {}) {
  const a = await createAgreement(h, { timeZone: 'Asia/Gaza', ...overrides });
  const base = `/api/agreements/${a.slug}`;
  const hamas = (await h.call<Row>('POST', `${base}/parties`, { name: 'Hamas', localName: 'حماس', role: 'belligerent' })).body;
  const israel = (await h.call<Row>('POST', `${base}/parties`, { name: 'Israel', localName: 'ישראל', role: 'belligerent' })).body;
  const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase One' })).body;
  const provision = (await h.call<Row & { code: string }>('POST', `${base}/provisions`, { phaseId: phase.id, code: '1.1', title: 'Halt attacks', category: 'ceasefire' })).body;
  const imported = await h.call<{ items: Array<{ id: string; name: string }> }>('POST', `${base}/zones/import?kind=sector&nameProperty=adm2_name`, GAZA_COLLECTION);
  if (imported.status !== 201) throw new Error(`zone import: ${imported.status} ${JSON.stringify(imported.body)}`);
  const zones = Object.fromEntries(imported.body.items.map((z) => [z.name, z.id])) as Record<string, string>;
  return { a, base, hamas, israel, phase, provision, zones };
}

/** A minimal valid report. */
export const report = (overrides: Record<string, unknown> = {}) => ({
  occurredAt: '2026-06-19T08:00:00Z',
  category: 'shelling',
  description: 'Shelling reported near the junction',
  ...overrides,
});
