import { describe, expect, it } from 'vitest';
import type { RiskView } from '../../contract/index.ts';
import { fixedClock } from '../clock.ts';
import { harnessForFile, TEST_NOW } from '../test/harness.ts';
import { DEMO_SLUG } from './cairo-2026.ts';
import { loadDemo } from './demo.service.ts';

const h = harnessForFile();

describe("the demo's risk history", () => {
  it('records the score once per audience as of each of the last four weeks and today, only when asked', { timeout: 120_000 }, async () => {
    const { agreement } = await loadDemo(h.database, { clock: fixedClock(TEST_NOW), riskHistory: true });
    const view = (await h.call<RiskView>('GET', `/api/agreements/${DEMO_SLUG}/risk`)).body;
    expect(view.history.map((s) => s.day)).toEqual(['2026-05-23', '2026-05-30', '2026-06-06', '2026-06-13', '2026-06-20']);
    expect(view.history.at(-1)!.score).toBe(view.score);
    // Each party's circle has its own history; the audit log has one entry per snapshot.
    const parties = await h.repos.parties.list(agreement.id);
    expect(await h.repos.audit.countFor(agreement.id, 'risk_snapshot')).toBe(5 * (2 + parties.length));
    // Loaded again without reset: nothing more is recorded.
    await loadDemo(h.database, { clock: fixedClock(TEST_NOW), riskHistory: true });
    expect(await h.repos.audit.countFor(agreement.id, 'risk_snapshot')).toBe(5 * (2 + parties.length));
  });
});
