// The incident form's request body: blank casualties are "not known" (null, never 0), the time typed
// in the agreement's zone goes out in UTC, and a delegate's report leaves the source type to the server.
import { describe, expect, it } from 'vitest';
import { IncidentCreate } from '../../../src/contract/index.ts';
import { incidentBody, type IncidentFormValues } from './IncidentForm.tsx';

const values: IncidentFormValues = {
  occurredAt: '2026-06-20T14:30',
  category: 'shelling',
  sourceType: 'media',
  reliability: 'B',
  credibility: '2',
  allegedPartyId: '',
  killed: '',
  injured: '3',
  civiliansKilled: '0',
  civiliansInjured: ' ',
  description: 'قصف قرب الطريق الساحلي',
  place: '',
  lon: '34.445',
  lat: '31.4868',
  zoneId: '',
  provisionIds: 'a,b',
};

describe('incidentBody', () => {
  it('sends blanks as not known, a typed zero as zero, and the local time as UTC', () => {
    // 14:30 in Gaza in June (EEST, UTC+3).
    const body = incidentBody(values, 'Asia/Gaza', false);
    expect(body).toMatchObject({
      occurredAt: '2026-06-20T11:30:00.000Z',
      killed: null,
      injured: 3,
      civiliansKilled: 0,
      civiliansInjured: null,
      credibility: 2,
      sourceType: 'media',
      allegedPartyId: null,
      zoneId: null,
      lon: 34.445,
      lat: 31.4868,
      provisionIds: ['a', 'b'],
    });
    expect(incidentBody(values, 'Asia/Gaza', false).occurredAt).toBe('2026-06-20T11:30:00.000Z');
  });

  it('leaves the source type out of a delegate’s report: the server files it as the party’s complaint', () => {
    expect(incidentBody(values, 'UTC', true)).not.toHaveProperty('sourceType');
  });

  it('sends what cannot be read as typed, so the schema names the field', () => {
    const body = incidentBody({ ...values, killed: 'many', lon: '', lat: '', provisionIds: '' }, 'UTC', false);
    expect(body).toMatchObject({ lon: null, lat: null, provisionIds: [] });
    const parsed = IncidentCreate.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['killed']);
  });
});
