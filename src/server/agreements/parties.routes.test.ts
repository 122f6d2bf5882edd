/**
 * Deleting a party or a provision that something still refers to is refused with 409
 * still_referenced, naming what is in the way, and changes nothing: the database would otherwise
 * cascade the delete to the party's notes and its delegates' roles, or to a provision's notes.
 * A taken party name is answered in words, without the database's name for the constraint.
 */
import { describe, expect, it } from 'vitest';
import { createAgreement, harnessForFile } from '../test/harness.ts';
import { report, type ErrorBody, type Row } from '../test/incident-setup.ts';

const h = harnessForFile();

async function agreementWithParties() {
  const a = await createAgreement(h);
  const base = `/api/agreements/${a.slug}`;
  const hamas = (await h.call<Row & { name: string }>('POST', `${base}/parties`, { name: 'Hamas', role: 'belligerent' })).body;
  const israel = (await h.call<Row & { name: string }>('POST', `${base}/parties`, { name: 'Israel', role: 'belligerent' })).body;
  const phase = (await h.call<Row>('POST', `${base}/phases`, { name: 'Phase One' })).body;
  return { a, base, hamas, israel, phase };
}

/** A note filed for the party (on the provision, when one is given), written below the API. */
const noteFor = (agreementId: string, partyId: string, provisionId: string | null = null) =>
  h.repos.notes.insert({ agreementId, partyId, provisionId, title: 'Red lines', body: 'Confidential' });

const auditCount = (agreementId: string) => h.repos.audit.countFor(agreementId);

describe('deleting a party', () => {
  it('works when nothing refers to it', async () => {
    const { base, israel } = await agreementWithParties();
    const res = await h.call('DELETE', `${base}/parties/${israel.id}?version=${israel.version}`);
    expect(res.status).toBe(200);
    expect((await h.call('GET', `${base}/parties/${israel.id}`)).status).toBe(404);
  });

  it('is refused while anything refers to it, naming each, and changes nothing', async () => {
    const { a, base, hamas, israel, phase } = await agreementWithParties();
    await h.call('POST', `${base}/provisions`, { phaseId: phase.id, title: 'Release detainees', category: 'prisoner_exchange', obligatedPartyId: hamas.id });
    await noteFor(a.id, hamas.id);
    await noteFor(a.id, hamas.id);
    const delegate = await h.userWith('party_delegate', a.slug, hamas.id);
    expect((await h.call('POST', `${base}/incidents`, report({ allegedPartyId: hamas.id }))).status).toBe(201);
    expect((await h.call('POST', `${base}/rounds`, { title: 'Cairo', startsOn: '2026-06-06', partyIds: [hamas.id, israel.id] })).status).toBe(201);
    const before = await auditCount(a.id);

    const res = await h.call<ErrorBody>('DELETE', `${base}/parties/${hamas.id}?version=${hamas.version}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('still_referenced');
    expect(res.body.error.message).toBe(
      'Party "Hamas" cannot be deleted: 1 provision it is obligated by, 2 notes filed for it, 1 member who is its delegate, ' +
        '1 incident alleging it and 1 negotiation round it took part in still refer to it. Delete or change them first; nothing was deleted.',
    );
    expect(res.body.error.details).toMatchObject({ entity: 'Party', id: hamas.id, references: { provisions: 1, notes: 2, delegates: 1, incidentsAlleging: 1, rounds: 1 } });
    expect(res.body.error.message).not.toMatch(/_(key|pkey|fkey|idx|pk|fk)\b/);

    // Nothing changed: the party, its notes, its delegate's role, and no audit entry.
    expect((await h.call('GET', `${base}/parties/${hamas.id}`)).status).toBe(200);
    expect((await h.repos.notes.list(a.id)).filter((n) => n.partyId === hamas.id)).toHaveLength(2);
    expect(await h.repos.accounts.membershipsOf(delegate.userId)).toEqual([expect.objectContaining({ role: 'party_delegate', partyId: hamas.id })]);
    expect(await auditCount(a.id)).toBe(before);
  });

  it('is refused for a delegate alone, whose role would otherwise go with the party', async () => {
    const { a, base, israel } = await agreementWithParties();
    await h.userWith('party_delegate', a.slug, israel.id);
    const res = await h.call<ErrorBody>('DELETE', `${base}/parties/${israel.id}?version=${israel.version}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^Party "Israel" cannot be deleted: 1 member who is its delegate still refers to it\./);
  });

  it('answers a taken name in words', async () => {
    const { base } = await agreementWithParties();
    const res = await h.call<ErrorBody>('POST', `${base}/parties`, { name: 'Hamas', role: 'mediator' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'already_exists', message: 'A party named "Hamas" already exists in this agreement' });
    expect(JSON.stringify(res.body)).not.toMatch(/_(key|pkey|fkey|idx|pk|fk)\b/);
  });
});

describe('deleting a provision', () => {
  it('is refused while notes are on it, which would otherwise go with it', async () => {
    const { a, base, hamas, phase } = await agreementWithParties();
    const provision = (await h.call<Row>('POST', `${base}/provisions`, { phaseId: phase.id, code: '2.4', title: 'Open the crossings', category: 'aid_access' })).body;
    await noteFor(a.id, hamas.id, provision.id);
    const res = await h.call<ErrorBody>('DELETE', `${base}/provisions/${provision.id}?version=${provision.version}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Provision "2.4 Open the crossings" cannot be deleted: 1 note on it still refers to it. Delete or change them first; nothing was deleted.');
    expect(await h.repos.notes.list(a.id)).toHaveLength(1);
  });
});
