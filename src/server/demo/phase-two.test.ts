/** The demo's Phase Two text: loaded with the demo, linked to its provisions, with only the reported stances. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, renderDocument, type Principal } from '../../core/index.ts';
import { repositories } from '../../db/index.ts';
import { testDrivers } from '../../db/test/databases.ts';
import { services } from '../app.ts';
import { loadDemo } from './demo.service.ts';
import { PHASE_TWO_TEXT_URL } from './phase-two.ts';

/** Tests that load the demo and then read or write much of it: more than the default 30 s on a busy 2-core runner. */
const DEMO_TEST_TIMEOUT = 60_000;

const ADMIN: Principal = { kind: 'user', userId: 'demo-test', name: 'Test', admin: true, memberships: [] };

describe('the demo Phase Two text', () => {
  it('is loaded with the demo: its clauses, their provisions, the reported stances and the consensus they give', async () => {
    const database = await testDrivers[0]!.open();
    try {
      const { agreement } = await loadDemo(database);
      const svc = services(database);
      const [summary, ...others] = await svc.negotiation.list(agreement, ADMIN);
      expect(others).toEqual([]);
      expect(summary).toMatchObject({ title: 'Phase Two: structural text (illustrative draft)', deadline: '2026-06-13T21:00:00.000Z' });
      const doc = await svc.negotiation.view(agreement, summary!.id, ADMIN);
      const numbered = doc.clauses.filter((c) => c.number !== null);
      expect(numbered.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
      const byNumber = new Map(numbered.map((c) => [c.number, c]));
      // Only the Palestinian delegation's reported demand: accept fixed schedules, reject "as conditions allow".
      expect(doc.clauses.flatMap((c) => c.stances.map((s) => [c.number, s.alternative, s.position]))).toEqual([
        ['4', 0, 'accept'],
        ['4', 1, 'reject'],
        ['5', 0, 'accept'],
      ]);
      // Israel has stated nothing the report gives: converging, never agreed or blocked.
      expect(byNumber.get('4')!.consensus.status).toBe('converging');
      expect(byNumber.get('5')!.consensus.status).toBe('converging');
      expect(['8', '9', '10', '11'].map((n) => byNumber.get(n)!.consensus.status)).toEqual(['open', 'open', 'open', 'open']);
      expect(byNumber.get('7')!.consensus.status).toBe('agreed');
      expect(byNumber.get('4')!.provisions.map((p) => p.code)).toEqual(['2.2']);
      expect(byNumber.get('11')!.provisions.map((p) => p.code)).toEqual(['2.4']);
      // The matrix links each of those provisions to its clause, and lists the clauses not agreed.
      const matrix = await svc.matrix.get(agreement.id);
      expect(matrix.clauseSources.map((c) => c.number).sort((a, b) => Number(a) - Number(b))).toEqual(['1', '4', '5', '6', '8', '9', '10', '11']);
      expect(matrix.clauses.map((c) => [c.number, c.status])).toEqual(
        expect.arrayContaining([
          ['4', 'converging'],
          ['9', 'open'],
        ]),
      );
      const provisions = await repositories(database.db).provisions.list(agreement.id);
      expect(provisions.filter((p) => p.clauseId !== null).map((p) => p.code).sort()).toEqual(['1.1', '2.1', '2.2', '2.3', '2.4', '3.3', '3.4', '3.5']);
    } finally {
      await database.close();
    }
  }, DEMO_TEST_TIMEOUT);

  it('reads back as the file it was written from, whitespace aside', () => {
    const markdown = readFileSync(PHASE_TWO_TEXT_URL, 'utf8');
    const words = (text: string) => text.trim().split(/\s+/);
    expect(words(renderDocument(parseDocument(markdown).blocks))).toEqual(words(markdown));
  });
});
