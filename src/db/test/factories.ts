/**
 * Test factories: each builds one row and the parents it needs, with unique names, so that every
 * test makes its own agreement and no test depends on another's data.
 */
import { randomUUID } from 'node:crypto';
import { geometryAreaSqKm, geometryBBox, type Agreement, type Incident, type Party, type Phase, type Provision, type Zone } from '../../core/index.ts';
import type { Repositories } from '../index.ts';

export const uniqueSlug = (prefix = 'test') => `${prefix}-${randomUUID().slice(0, 8)}`;

export function buildAgreement(repos: Repositories, overrides: Partial<Omit<Agreement, 'id'>> = {}) {
  return repos.agreements.insert({
    slug: uniqueSlug(),
    title: 'Test agreement',
    status: 'drafting',
    ...overrides,
    createdAt: undefined,
    updatedAt: undefined,
  });
}

export async function buildParty(
  repos: Repositories,
  overrides: Partial<Party> & { agreementId?: string } = {},
): Promise<Party> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  return repos.parties.insert({ name: `Party ${randomUUID().slice(0, 6)}`, role: 'belligerent', ...overrides, agreementId });
}

export async function buildPhase(
  repos: Repositories,
  overrides: Partial<Phase> & { agreementId?: string } = {},
): Promise<Phase> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  return repos.phases.insert({ ordinal: 1, name: 'Phase One', status: 'planned', ...overrides, agreementId });
}

export async function buildProvision(
  repos: Repositories,
  overrides: Partial<Omit<Provision, 'deadline'>> & { deadline?: Date | null } = {},
): Promise<Provision> {
  const phase = overrides.phaseId
    ? await repos.phases.get(overrides.agreementId!, overrides.phaseId)
    : await buildPhase(repos, overrides.agreementId ? { agreementId: overrides.agreementId } : {});
  return repos.provisions.insert({
    ordinal: 1,
    title: 'Halt attacks',
    category: 'ceasefire',
    status: 'not_started',
    ...overrides,
    updatedAt: undefined,
    agreementId: phase.agreementId,
    phaseId: phase.id,
  });
}

const squareGeometry = (lon: number, lat: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});

/** A square sector (or another kind) of `size` degrees with its south-west corner at (lon, lat). */
export async function buildZone(
  repos: Repositories,
  overrides: { agreementId?: string; name?: string; kind?: Zone['kind']; lon?: number; lat?: number; size?: number } = {},
): Promise<Zone> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  const geometry = squareGeometry(overrides.lon ?? 34.4, overrides.lat ?? 31.4, overrides.size ?? 0.1);
  const [zone] = await repos.zones.insertMany([
    {
      agreementId,
      name: overrides.name ?? `Zone ${randomUUID().slice(0, 6)}`,
      kind: overrides.kind ?? 'sector',
      description: '',
      geometry,
      properties: {},
      bbox: geometryBBox(geometry),
      areaSqKm: geometryAreaSqKm(geometry),
    },
  ]);
  return zone!;
}

/** A reported incident (a monitor's report, graded B2) in its own agreement unless one is given. */
export async function buildIncident(
  repos: Repositories,
  overrides: Partial<Omit<Incident, 'occurredAt' | 'provisionIds'>> & { occurredAt?: Date; provisionIds?: string[] } = {},
): Promise<Incident> {
  const agreementId = overrides.agreementId ?? (await buildAgreement(repos)).id;
  const { provisionIds = [], ...rest } = overrides;
  return repos.incidents.insert(
    {
      occurredAt: new Date('2026-06-19T08:00:00Z'),
      reportedAt: new Date('2026-06-19T09:00:00Z'),
      sourceType: 'monitor',
      reliability: 'B',
      credibility: 2,
      category: 'shelling',
      description: 'Shelling reported',
      ...rest,
      createdAt: undefined,
      updatedAt: undefined,
      agreementId,
    },
    provisionIds,
  );
}
