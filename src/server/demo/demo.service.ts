/**
 * Loads the cairo-2026 demo scenario into any database, in one transaction recorded in the audit
 * log; optionally with demo accounts, one per role and per party, whose generated passwords are
 * returned once.
 */
import { readFileSync } from 'node:fs';
import { allDayBounds, geometryAreaSqKm, geometryBBox, validateFeatureCollection, type Agreement, type AgreementRole, type ValidFeature } from '../../core/index.ts';
import type { Database } from '../../db/index.ts';
import { services, type Services } from '../app.ts';
import { generatePassword } from '../auth/secrets.ts';
import { systemClock, type Clock } from '../clock.ts';
import { writer, type Actor } from '../write.ts';
import { loadGroundAndForce } from './ground-force.ts';
import { loadPhaseTwoText } from './phase-two.ts';
import { recordDemoRiskHistory } from './risk-history.ts';
import {
  demoAgreement,
  demoNotes,
  demoParties,
  demoPhases,
  demoPillars,
  demoProvisions,
  demoRound,
  demoSession,
  DEMO_SLUG,
  type PartyKey,
} from './cairo-2026.ts';

export interface DemoAccount {
  email: string;
  password: string;
  role: AgreementRole | 'admin';
  party: string | null;
}

export interface DemoLoadResult {
  agreement: Agreement;
  /** False when the scenario was already there and was left as it was. */
  created: boolean;
  /** Accounts created by this load, with passwords shown only here. */
  accounts: DemoAccount[];
}

const DEMO_ACTOR: Actor = { id: null, name: 'phaseline demo load' };

/** OCHA oPt COD-AB, CC BY-IGO: see data/SOURCE.md. */
export const GAZA_GOVERNORATES_URL = new URL('./data/gaza_governorates.geojson', import.meta.url);

/** The five governorates of the Gaza Strip, checked like any import; a bad vendored file fails loudly. */
export function gazaGovernorates(): ValidFeature[] {
  const { features, issues } = validateFeatureCollection(JSON.parse(readFileSync(GAZA_GOVERNORATES_URL, 'utf8')), { nameProperty: 'adm2_name' });
  if (issues.length > 0) throw new Error(`gaza_governorates.geojson: ${issues.map((i) => i.message).join('; ')}`);
  return features;
}

const mapValues = async <K extends string, V, R>(record: Record<K, V>, fn: (v: V) => Promise<R>) => {
  const out = {} as Record<K, R>;
  for (const [key, value] of Object.entries(record) as [K, V][]) out[key] = await fn(value);
  return out;
};

/**
 * Creates the demo agreement unless it exists. With `reset`, an existing one is deleted first.
 * Either the whole scenario is written or nothing is. Its zones are the five Gaza governorates
 * (sectors); it has no incidents: import real ones (docs/IMPORT.md) rather than invent any.
 */
export async function loadDemo(
  database: Database,
  options: { reset?: boolean; accounts?: boolean; clock?: Clock; /** Record the collapse risk's history (risk-history.ts); a few seconds. */ riskHistory?: boolean } = {},
): Promise<DemoLoadResult> {
  const clock = options.clock ?? systemClock;
  const loaded = await writer(database, clock)(DEMO_ACTOR, async ({ repos, record }) => {
    const existing = await repos.agreements.find(DEMO_SLUG);
    if (existing && !options.reset) return { agreement: existing, created: false, parties: null };
    if (existing) {
      await repos.agreements.remove(existing.id);
      await record({ action: 'delete', entity: 'agreement', entityId: existing.id, agreementId: existing.id, before: existing, after: null });
    }

    const agreement = await repos.agreements.insert(demoAgreement);
    const agreementId = agreement.id;
    const created = async <T extends { id: string }>(entity: string, row: T): Promise<T> => {
      await record({ action: 'create', entity, entityId: row.id, agreementId, before: null, after: row });
      return row;
    };
    await created('agreement', agreement);
    const parties = await mapValues(demoParties, async (p) => created('party', await repos.parties.insert({ ...p, agreementId })));
    const phases = await mapValues(demoPhases, async (p) => created('phase', await repos.phases.insert({ ...p, agreementId })));
    const pillars = await mapValues(demoPillars, async (p) => created('pillar', await repos.pillars.insert({ ...p, agreementId })));
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
      // Each provision's status history starts with the status the scenario gives it.
      { reason: 'Status as the illustrative scenario gives it', actorId: DEMO_ACTOR.id, actorName: DEMO_ACTOR.name, at: clock.now() },
    );
    const provisions = await repos.provisions.list(agreementId);
    for (const p of provisions) await created('provision', p);
    for (const change of await repos.provisionStatus.ofAgreement(agreementId)) await created('provision_status', change);
    await loadPhaseTwoText({ repos, record }, { agreementId, hamasId: parties.hamas.id, provisions }, DEMO_ACTOR);
    const byCode = new Map(provisions.map((p) => [p.code, p.id]));
    for (const n of demoNotes) {
      await created(
        'note',
        await repos.notes.insert({
          agreementId,
          partyId: n.party ? parties[n.party].id : null,
          provisionId: n.provision ? (byCode.get(n.provision) ?? null) : null,
          title: n.title,
          body: n.body,
          audience: n.audience,
        }),
      );
    }
    const zones = await repos.zones.insertMany(
      gazaGovernorates().map((f) => ({
        agreementId,
        name: f.name,
        kind: 'sector' as const,
        description: `Governorate ${String(f.properties.adm2_pcode ?? '')} (OCHA oPt / COD-AB, CC BY-IGO)`,
        geometry: f.geometry,
        properties: f.properties,
        bbox: geometryBBox(f.geometry),
        areaSqKm: geometryAreaSqKm(f.geometry),
      })),
    );
    for (const zone of zones) await created('zone', zone);
    const { parties: roundParties, ...round } = demoRound;
    const roundRow = await repos.rounds.insert({ ...round, agreementId, partyIds: roundParties.map((k) => parties[k].id) });
    await created('round', roundRow);
    const { firstDay, lastDay, delegations, mediators, agenda, ...session } = demoSession;
    const bounds = allDayBounds(firstDay, lastDay, demoAgreement.timeZone);
    await created(
      'session',
      await repos.roundSessions.insert({
        ...session,
        agreementId,
        roundId: roundRow.id,
        startsAt: new Date(bounds.startsAt),
        endsAt: new Date(bounds.endsAt),
        allDay: true,
        delegations: delegations.map((d) => ({ partyId: parties[d.party].id, head: d.head, members: d.members })),
        mediators: mediators.map((m) => ({ partyId: parties[m.party].id, name: m.name })),
        agenda: agenda.map((title) => ({ title, clauseIds: [] })),
      }),
    );
    await loadGroundAndForce({ repos, record }, { agreementId, timeZone: demoAgreement.timeZone, now: clock.now() });
    return { agreement, created: true, parties };
  });

  const accounts = options.accounts ? await createDemoAccounts(services(database, { clock }), loaded.agreement.id, loaded.parties) : [];
  if (loaded.created && options.riskHistory) await recordDemoRiskHistory(services(database, { clock }).risk, loaded.agreement, clock, DEMO_ACTOR);
  return { agreement: loaded.agreement, created: loaded.created, accounts };
}

/** One account per role and per party, skipping those that exist; passwords are generated. */
async function createDemoAccounts(
  svc: Services,
  agreementId: string,
  createdParties: Record<PartyKey, { id: string }> | null,
): Promise<DemoAccount[]> {
  const parties = createdParties ?? Object.fromEntries((await svc.agreements.parties.list(agreementId)).map((p) => [p.name.toLowerCase(), p]));
  const wanted: Array<{ email: string; role: DemoAccount['role']; party: PartyKey | null }> = [
    { email: 'admin@demo.phaseline.invalid', role: 'admin', party: null },
    { email: 'mediator@demo.phaseline.invalid', role: 'mediator', party: null },
    { email: 'monitor@demo.phaseline.invalid', role: 'monitor', party: null },
    { email: 'viewer@demo.phaseline.invalid', role: 'viewer', party: null },
    ...(Object.keys(demoParties) as PartyKey[]).map((party) => ({
      email: `${party}-delegate@demo.phaseline.invalid`,
      role: 'party_delegate' as const,
      party,
    })),
  ];
  const existing = new Set((await svc.auth.listUsers()).map((u) => u.email));
  const accounts: DemoAccount[] = [];
  for (const w of wanted) {
    if (existing.has(w.email)) continue;
    const password = generatePassword();
    const name = w.party ? `${demoParties[w.party].name} delegate (demo)` : `Demo ${w.role}`;
    const user = await svc.auth.createUser({ email: w.email, name, admin: w.role === 'admin', password }, DEMO_ACTOR);
    if (w.role !== 'admin') {
      const partyId = w.party ? (parties[w.party]?.id ?? null) : null;
      await svc.members.set(agreementId, user.id, { role: w.role, partyId }, DEMO_ACTOR);
    }
    accounts.push({ email: w.email, password, role: w.role, party: w.party ? demoParties[w.party].name : null });
  }
  return accounts;
}
