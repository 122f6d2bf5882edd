import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../core/index.ts';
import { repositories, type Database, type Repositories } from '../index.ts';
import { databaseFor, testDrivers } from '../test/databases.ts';
import { buildAgreement, buildParty, buildPhase, buildProvision, uniqueSlug } from '../test/factories.ts';

describe.each(testDrivers)('repositories on $name', (driver) => {
  const opened = databaseFor(driver);
  let database: Database;
  let repos: Repositories;
  beforeAll(() => {
    ({ database, repos } = opened.current());
  });

  describe('agreements', () => {
    it('finds an agreement by id and by slug', async () => {
      const created = await buildAgreement(repos, { title: 'اتفاق وقف إطلاق النار' });
      expect(await repos.agreements.find(created.id)).toEqual(created);
      expect(await repos.agreements.find(created.slug)).toEqual(created);
      expect(created.title).toBe('اتفاق وقف إطلاق النار');
      expect(await repos.agreements.find(uniqueSlug('missing'))).toBeNull();
      await expect(repos.agreements.get(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a second agreement with the same slug', async () => {
      const first = await buildAgreement(repos);
      await expect(buildAgreement(repos, { slug: first.slug })).rejects.toMatchObject({
        code: 'already_exists',
      });
    });

    it('searches, filters, sorts and pages', async () => {
      const tag = randomUUID().slice(0, 8);
      for (const [title, status] of [
        ['Bravo', 'in_force'],
        ['Alpha', 'drafting'],
        ['Charlie', 'in_force'],
      ] as const) {
        await buildAgreement(repos, { title: `${title} ${tag}`, status });
      }
      const base = { q: tag, sort: 'title' as const, order: 'asc' as const, limit: 2, offset: 0 };
      const first = await repos.agreements.list(base);
      expect(first.total).toBe(3);
      expect(first.items.map((a) => a.title)).toEqual([`Alpha ${tag}`, `Bravo ${tag}`]);
      const second = await repos.agreements.list({ ...base, offset: 2 });
      expect(second.items.map((a) => a.title)).toEqual([`Charlie ${tag}`]);
      const desc = await repos.agreements.list({ ...base, order: 'desc', limit: 10 });
      expect(desc.items.map((a) => a.title)).toEqual([`Charlie ${tag}`, `Bravo ${tag}`, `Alpha ${tag}`]);
      const inForce = await repos.agreements.list({ ...base, status: 'in_force', limit: 10 });
      expect(inForce.items.map((a) => a.title)).toEqual([`Bravo ${tag}`, `Charlie ${tag}`]);
    });

    it('treats LIKE wildcards in a search as plain text', async () => {
      const tag = randomUUID().slice(0, 8);
      await buildAgreement(repos, { title: `100% ${tag}` });
      await buildAgreement(repos, { title: `1000 ${tag}` });
      const found = await repos.agreements.list({ q: `100% ${tag}`, sort: 'title', order: 'asc', limit: 10, offset: 0 });
      expect(found.items.map((a) => a.title)).toEqual([`100% ${tag}`]);
    });

    it('updates with the current version and refuses a stale one', async () => {
      const a = await buildAgreement(repos);
      const updated = await repos.agreements.update(a.id, 1, { title: 'Renamed' });
      expect(updated).toMatchObject({ title: 'Renamed', version: 2, slug: a.slug });
      const stale = repos.agreements.update(a.id, 1, { title: 'Lost update' });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
      expect((await repos.agreements.get(a.id)).title).toBe('Renamed');
      await expect(repos.agreements.update(randomUUID(), 1, {})).rejects.toBeInstanceOf(NotFoundError);
    });

    it('deletes an agreement with everything under it', async () => {
      const p = await buildProvision(repos);
      await repos.agreements.remove(p.agreementId);
      expect(await repos.agreements.find(p.agreementId)).toBeNull();
      await expect(repos.provisions.get(p.agreementId, p.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('scoped parts', () => {
    it('keeps each agreement’s rows to itself', async () => {
      const phase = await buildPhase(repos);
      const other = await buildAgreement(repos);
      await expect(repos.phases.get(other.id, phase.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.phases.update(other.id, phase.id, 1, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
      expect(await repos.phases.list(other.id)).toEqual([]);
    });

    it('lists in order and bumps the version on update', async () => {
      const a = await buildAgreement(repos);
      await buildPhase(repos, { agreementId: a.id, ordinal: 2, name: 'Second' });
      const first = await buildPhase(repos, { agreementId: a.id, ordinal: 1, name: 'First' });
      expect((await repos.phases.list(a.id)).map((p) => p.name)).toEqual(['First', 'Second']);
      const renamed = await repos.phases.update(a.id, first.id, first.version, { plannedStart: '2026-06-06' });
      expect(renamed).toMatchObject({ version: 2, plannedStart: '2026-06-06', name: 'First' });
    });

    it('refuses a stale delete and keeps the row', async () => {
      const party = await buildParty(repos);
      await repos.parties.update(party.agreementId, party.id, 1, { localName: 'ישראל' });
      await expect(repos.parties.remove(party.agreementId, party.id, 1)).rejects.toMatchObject({ code: 'stale_version' });
      expect((await repos.parties.get(party.agreementId, party.id)).localName).toBe('ישראל');
      await repos.parties.remove(party.agreementId, party.id, 2);
      await expect(repos.parties.get(party.agreementId, party.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses to delete a phase that still has provisions', async () => {
      const p = await buildProvision(repos);
      await expect(repos.phases.remove(p.agreementId, p.phaseId, 1)).rejects.toMatchObject({ code: 'still_referenced' });
      expect(await repos.phases.get(p.agreementId, p.phaseId)).toBeTruthy();
    });

    it('stores negotiation rounds with their parties', async () => {
      const party = await buildParty(repos);
      const round = await repos.rounds.insert({
        agreementId: party.agreementId,
        title: 'Cairo',
        startsOn: '2026-06-06',
        partyIds: [party.id],
      });
      expect(round).toMatchObject({ startsOn: '2026-06-06', endsOn: null, partyIds: [party.id], version: 1 });
    });
  });

  describe('provisions', () => {
    it('keeps deadlines as UTC instants', async () => {
      const p = await buildProvision(repos, { deadline: new Date('2026-06-13T23:59:00+02:00') });
      expect(p.deadline).toBe('2026-06-13T21:59:00.000Z');
    });

    it('filters, sorts and pages', async () => {
      const phase = await buildPhase(repos);
      const a = phase.agreementId;
      const party = await buildParty(repos, { agreementId: a });
      const rows = [
        { code: '1.3', title: 'Verification protocol', status: 'disputed', category: 'verification' },
        { code: '1.1', title: 'Halt attacks', status: 'minimal', category: 'ceasefire' },
        { code: '1.2', title: 'Withdraw from junctions', status: 'not_started', category: 'withdrawal' },
      ] as const;
      for (const [i, r] of rows.entries()) {
        await buildProvision(repos, {
          agreementId: a,
          phaseId: phase.id,
          ordinal: i + 1,
          ...r,
          obligatedPartyId: r.category === 'withdrawal' ? party.id : null,
        });
      }
      const page = (f: Partial<Parameters<typeof repos.provisions.page>[1]>) =>
        repos.provisions.page(a, { sort: 'ordinal', order: 'asc', limit: 50, offset: 0, ...f });
      expect((await page({ sort: 'code' })).items.map((p) => p.code)).toEqual(['1.1', '1.2', '1.3']);
      expect((await page({ status: 'disputed' })).items.map((p) => p.code)).toEqual(['1.3']);
      expect((await page({ partyId: party.id })).items.map((p) => p.code)).toEqual(['1.2']);
      expect((await page({ category: 'ceasefire' })).items.map((p) => p.code)).toEqual(['1.1']);
      expect((await page({ q: 'junction' })).items.map((p) => p.code)).toEqual(['1.2']);
      const second = await page({ sort: 'code', order: 'desc', limit: 1, offset: 1 });
      expect(second).toMatchObject({ total: 3, items: [{ code: '1.2' }] });
    });

    it('bulk-inserts through unnest and stays all-or-nothing', async () => {
      const phase = await buildPhase(repos);
      const row = {
        agreementId: phase.agreementId,
        phaseId: phase.id,
        pillarId: null,
        code: '',
        title: 'Bulk',
        text: 'نص',
        category: 'ceasefire' as const,
        obligatedPartyId: null,
        deadline: '2026-06-13T21:00:00Z',
        verificationMethod: '',
        status: 'not_started' as const,
      };
      const rows = Array.from({ length: 500 }, (_, i) => ({ ...row, ordinal: i + 1 }));
      const start = { actorId: null, actorName: 'bulk test', at: new Date('2026-06-01T08:00:00Z') };
      expect(await repos.provisions.insertMany(rows, start)).toBe(500);
      const page = await repos.provisions.page(phase.agreementId, {
        sort: 'ordinal',
        order: 'desc',
        limit: 1,
        offset: 0,
      });
      expect(page.total).toBe(500);
      expect(page.items[0]).toMatchObject({ ordinal: 500, text: 'نص', deadline: '2026-06-13T21:00:00.000Z' });
      // Each provision's status history starts in the same statement.
      const started = await repos.provisionStatus.ofAgreement(phase.agreementId);
      expect(started).toHaveLength(500);
      expect(started[0]).toMatchObject({ seq: 1, from: null, to: 'not_started', reason: 'Added with this status', actorName: 'bulk test', at: '2026-06-01T08:00:00.000Z' });

      // One row pointing at a phase that does not exist: the whole statement fails.
      const bad = [...rows.slice(0, 3), { ...row, ordinal: 999, phaseId: randomUUID() }];
      await expect(repos.provisions.insertMany(bad, start)).rejects.toBeInstanceOf(ConflictError);
      expect((await repos.provisions.page(phase.agreementId, { sort: 'ordinal', order: 'asc', limit: 1, offset: 0 })).total).toBe(500);
      expect(await repos.provisionStatus.ofAgreement(phase.agreementId)).toHaveLength(500);
    });
  });

  it('rolls a failed transaction back whole', async () => {
    const slug = uniqueSlug();
    await expect(
      database.db.transaction(async (tx) => {
        const inner = repositories(tx as unknown as typeof database.db);
        await inner.agreements.insert({ slug, title: 'Half-written', status: 'drafting' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repos.agreements.find(slug)).toBeNull();
  });
});
