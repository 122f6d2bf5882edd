/** Loads the cairo-2026 demo scenario into any database, in one transaction. */
import type { Agreement } from '../../core/index.ts';
import { repositories, type Database, type Db } from '../../db/index.ts';
import { demoAgreement, demoParties, demoPhases, demoPillars, demoProvisions, demoRound, DEMO_SLUG } from './cairo-2026.ts';

export interface DemoLoadResult {
  agreement: Agreement;
  /** False when the scenario was already there and was left as it was. */
  created: boolean;
}

const mapValues = async <K extends string, V, R>(record: Record<K, V>, fn: (v: V) => Promise<R>) => {
  const out = {} as Record<K, R>;
  for (const [key, value] of Object.entries(record) as [K, V][]) out[key] = await fn(value);
  return out;
};

/**
 * Creates the demo agreement unless it exists. With `reset`, an existing one is deleted first.
 * Either the whole scenario is written or nothing is.
 */
export async function loadDemo(database: Database, options: { reset?: boolean } = {}): Promise<DemoLoadResult> {
  return database.db.transaction(async (tx) => {
    const repos = repositories(tx as unknown as Db);
    const existing = await repos.agreements.find(DEMO_SLUG);
    if (existing && !options.reset) return { agreement: existing, created: false };
    if (existing) await repos.agreements.remove(existing.id);

    const agreement = await repos.agreements.insert(demoAgreement);
    const agreementId = agreement.id;
    const parties = await mapValues(demoParties, (p) => repos.parties.insert({ ...p, agreementId }));
    const phases = await mapValues(demoPhases, (p) => repos.phases.insert({ ...p, agreementId }));
    const pillars = await mapValues(demoPillars, (p) => repos.pillars.insert({ ...p, agreementId }));
    await repos.provisions.insertMany(
      demoProvisions.map((p, i) => ({
        agreementId,
        phaseId: phases[p.phase].id,
        pillarId: p.pillar ? pillars[p.pillar].id : null,
        ordinal: i + 1,
        code: p.code,
        title: p.title,
        text: p.text,
        category: p.category,
        obligatedPartyId: p.obligated ? parties[p.obligated].id : null,
        deadline: p.deadline,
        verificationMethod: p.verificationMethod,
        status: p.status,
      })),
    );
    const { parties: roundParties, ...round } = demoRound;
    await repos.rounds.insert({ ...round, agreementId, partyIds: roundParties.map((k) => parties[k].id) });
    return { agreement, created: true };
  });
}
