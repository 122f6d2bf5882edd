import { describe, expect, it } from 'vitest';
import type { MatrixView } from '../../contract/index.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { agreementWithPartyAndPhase, createAgreement, harnessForFile } from '../test/harness.ts';


const h = harnessForFile();

const setup = () => agreementWithPartyAndPhase(h);

describe('/matrix', () => {
  it('computes bottlenecks from the data as of the server clock', async () => {
    const { base, phase } = await setup();
    await h.call('POST', `${base}/provisions`, {
      phaseId: phase.id,
      code: '1.2',
      title: 'Verification protocols for troop drawdowns',
      category: 'verification',
      deadline: '2026-06-13T21:00:00Z',
    });
    const m = (await h.call<MatrixView>('GET', `${base}/matrix`)).body;
    expect(m.asOf).toBe('2026-06-20T12:00:00.000Z');
    expect(m.rows[0]!.bottlenecks[0]!.reasons).toEqual([
      { kind: 'overdue', deadline: '2026-06-13T21:00:00.000Z', daysOverdue: 6 },
    ]);
  });

  it('shows the demo scenario’s three phases, objectives and sticking points', async () => {
    await loadDemo(h.database);
    const res = await h.call<MatrixView>('GET', '/api/agreements/cairo-2026/matrix');
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m.agreement).toMatchObject({ illustrative: true, timeZone: 'Asia/Gaza' });
    expect(m.rows.map((r) => [r.phase.name, r.phase.objective])).toEqual([
      ['Phase One Finalization', 'Solidifying the current temporary truce lines'],
      ['Phase Two Mechanics', 'Executing full scale political transitions'],
      ['Stabilization Layer', 'Re-establishing structural civic security frameworks'],
    ]);
    expect(m.rows.map((r) => r.bottlenecks.map((b) => b.title))).toEqual([
      ['Precise verification protocols for troop drawdowns'],
      ['Exact authority boundaries of the incoming stabilization force', 'Consensus on the international force parameters'],
      ['Multi-national consensus on administrative leadership teams'],
    ]);
    expect(m.pillars).toHaveLength(3);
    expect(m.parties.map((p) => p.localName)).toEqual(expect.arrayContaining(['حماس', 'ישראל']));
  });
});

describe('who reads the matrix', () => {
  it('is the agreement read: visitors see a public agreement’s, a private one is not found', async () => {
    const { base } = await setup();
    expect((await h.anonymous('GET', `${base}/matrix`)).status).toBe(404);
    const open = await createAgreement(h, { public: true });
    expect((await h.anonymous('GET', `/api/agreements/${open.slug}/matrix`)).status).toBe(200);
  });
});
