/** An incident's records on both databases: the evidence count a verification reads, and the reason kept with a step verified without evidence. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildIncident } from '../test/factories.ts';

describe.each(testDrivers)('incident records on $name', (driver) => {
  const opened = databaseFor(driver);
  let repos: Repositories;
  beforeAll(() => {
    ({ repos } = opened.current());
  });

  const link = (incidentId: string, url: string) =>
    repos.incidentRecords.addEvidence({ incidentId, kind: 'link', name: url, url, contentType: null, size: null, sha256: null, description: '', addedBy: null });

  it('counts the links and files of one incident only', async () => {
    const incident = await buildIncident(repos);
    const other = await buildIncident(repos, { agreementId: incident.agreementId });
    await link(other.id, 'https://example.org/other');
    expect(await repos.incidentRecords.evidenceCount(incident.id)).toBe(0);
    await link(incident.id, 'https://example.org/one');
    await repos.incidentRecords.addEvidence(
      { incidentId: incident.id, kind: 'file', name: 'photo.jpg', url: null, contentType: 'image/jpeg', size: 3, sha256: 'x'.repeat(64), description: '', addedBy: null },
      new Uint8Array([1, 2, 3]),
    );
    expect(await repos.incidentRecords.evidenceCount(incident.id)).toBe(2);
    expect(await repos.incidentRecords.evidenceCount(other.id)).toBe(1);
  });

  it('keeps the reason for verifying without evidence with its step, and null on the others', async () => {
    const incident = await buildIncident(repos);
    const step = { incidentId: incident.id, actorId: null, actorName: 'monitor', at: new Date('2026-06-20T10:00:00Z'), attributedPartyId: null, duplicateOfId: null };
    await repos.incidentRecords.appendStep({ ...step, from: 'reported', to: 'triaged', reason: 'credible' });
    await repos.incidentRecords.appendStep({ ...step, from: 'triaged', to: 'under_investigation', reason: 'team sent', noEvidenceReason: null });
    const verified = await repos.incidentRecords.appendStep({ ...step, from: 'under_investigation', to: 'verified', reason: 'seen', noEvidenceReason: 'Seen on the spot; no photographs allowed' });
    expect(verified).toMatchObject({ seq: 3, to: 'verified', noEvidenceReason: 'Seen on the spot; no photographs allowed' });
    expect((await repos.incidentRecords.history(incident.id)).map((s) => s.noEvidenceReason)).toEqual([null, null, 'Seen on the spot; no photographs allowed']);
  });
});
