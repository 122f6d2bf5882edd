/**
 * The demo's ground and force (docs/GATES.md), loaded with the cairo-2026 scenario:
 *
 * - aid against targets, from REAL series (data/SOURCE.md): trucks entering Gaza per day
 *   (Gaza-projections, 7 Oct 2023 – 30 Jan 2024) and UNRWA consignments per day through Kerem
 *   Shalom and the Rafah crossing, each at its crossing zone (approximate positions);
 * - ILLUSTRATIVE: the withdrawal schedule (Phase One drawdowns, Phase Two evacuations) with one
 *   monitor's verification, an area held by one party in three dated snapshots, and the whole
 *   stabilization force (requirements, contributors, pledges, budget and funding) with its mandate
 *   items on the Phase Two text's clauses;
 * - the Phase Two gate, its conditions as data, which the demo's data mostly fails, each with why.
 *
 * Nothing here is a real pledge, position or schedule: every such row says it is illustrative.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  addDays,
  geometryAreaSqKm,
  geometryBBox,
  localDate,
  parseObservationsCsv,
  validateFeatureCollection,
  parseGateConditions,
  type GateCondition,
  type ReadinessLevel,
  type ZoneGeometry,
} from '../../core/index.ts';
import type { WriteContext } from '../write.ts';

const data = (name: string) => new URL(`./data/${name}`, import.meta.url);

/** The day the scenario's talks opened: the date positions and pledges are "stated" on. */
const TALKS_OPENED = '2026-06-06';
const ILLUSTRATIVE = 'Illustrative: written for the demo, not a real';

/** A committed observations file (date,value,source), read with the import's own checks. */
export function demoObservations(file: string): Array<{ observedOn: string; value: number; source: string }> {
  const { rows, errors } = parseObservationsCsv(readFileSync(data(file), 'utf8'));
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  return rows.map((r) => ({ observedOn: r.observedOn, value: r.value, source: r.source ?? '' }));
}

// ---------------------------------------------------------------------------------------------
// Aid against targets (real data, cited)

/** The crossings, as points at approximate positions (coordinates from the gazetteer named). */
export const demoCrossings = {
  keremShalom: {
    name: 'Kerem Shalom crossing (approximate)',
    lon: 34.2706,
    lat: 31.2208,
    description:
      'Approximate position of the Kerem Shalom goods crossing (31°13′15″N 34°16′14″E, the coordinates of the ' +
      'Wikipedia article "Kerem Shalom border crossing"; kibbutz Kerem Shalom itself is about 1.4 km north-east). ' +
      'A point for the aid flows measured there, not a surveyed position.',
  },
  rafah: {
    name: 'Rafah crossing (approximate)',
    lon: 34.2592,
    lat: 31.2486,
    description:
      'Approximate position of the Rafah crossing point on the Gaza–Egypt border (31°14′55″N 34°15′33″E, the ' +
      'coordinates of the Wikipedia article "Rafah Border Crossing"). A point for the aid flows measured there, not a surveyed position.',
  },
};

const GAZA_PROJECTIONS =
  'github.com/Gaza-projections/gaza_projections, gaza_nutrition/inputs/gaza_food_trucks.csv (commit 9d53b61b), cite gaza-projections.org ' +
  '(LSHTM / Johns Hopkins); public domain per the repository README';
const UNRWA_LIST =
  'UNRWA "Gaza supplies and dispatch tracking" consignment list (Commodities Received, downloaded 11 Nov 2024), via ' +
  'github.com/francescochecchi/gaza_food_availability (Checchi et al., LSHTM; commit 24e316af); attribute UNRWA';
const TARGET_600 =
  'Target 600 trucks a day: the figure of the January 2025 Gaza ceasefire agreement (600 trucks a day, 50 of them fuel, as ' +
  "Egypt's foreign minister announced it on 18 January 2025). The seed report names no figure; using it as this scenario's target is illustrative.";

export interface DemoIndicator {
  key: 'total' | 'keremShalom' | 'rafah';
  name: string;
  unit: string;
  category: string;
  target: number;
  file: string;
  crossing: keyof typeof demoCrossings | null;
  provisionCode: string | null;
  sourceNote: string;
}

export const demoIndicators: DemoIndicator[] = [
  {
    key: 'total',
    name: 'Aid trucks entering Gaza per day',
    unit: 'trucks',
    category: 'all',
    target: 600,
    file: 'aid-trucks-daily.csv',
    crossing: null,
    provisionCode: '3.1',
    sourceNote:
      `Observations: total trucks entering Gaza each day, 7 Oct 2023 – 30 Jan 2024 (116 days, 10,192 trucks), from the Gaza-projections ` +
      `daily series (${GAZA_PROJECTIONS}). They cover the war before any ceasefire, not the ceasefire of this scenario; a day at 0 is a ` +
      `day the crossings were closed. ${TARGET_600}`,
  },
  {
    key: 'keremShalom',
    name: 'Aid consignments received via Kerem Shalom per day (UNRWA list)',
    unit: 'trucks',
    category: 'all',
    target: 300,
    file: 'aid-kerem-shalom-daily.csv',
    crossing: 'keremShalom',
    provisionCode: null,
    sourceNote:
      `Observations: rows of the ${UNRWA_LIST} whose Crossing is "Kerem Shalom", counted per Received Date: 257 days from 17 Dec 2023 to ` +
      `30 Sep 2024, 23,574 rows. One row is roughly one truck (the list's own units vary: pallets, trucks, tonnes); a day with no row is ` +
      `left out (closed or not reported), not counted as 0; entries after 5 May 2024 are only partly verified by UNRWA. Target 300 a day ` +
      `is illustrative: half of the 600 a day of the January 2025 agreement; no agreement sets a figure per crossing.`,
  },
  {
    key: 'rafah',
    name: 'Aid consignments received via the Rafah crossing per day (UNRWA list)',
    unit: 'trucks',
    category: 'all',
    target: 300,
    file: 'aid-rafah-crossing-daily.csv',
    crossing: 'rafah',
    provisionCode: null,
    sourceNote:
      `Observations: rows of the ${UNRWA_LIST} whose Crossing is "Rafah Crossing", counted per Received Date: 179 days from 21 Oct 2023 to ` +
      `4 May 2024, 11,080 rows. One row is roughly one truck (the list's own units vary: pallets, trucks, tonnes); a day with no row is ` +
      `left out (closed or not reported), not counted as 0. Target 300 a day is illustrative: half of the 600 a day of the January 2025 ` +
      `agreement; no agreement sets a figure per crossing.`,
  },
];

// ---------------------------------------------------------------------------------------------
// The ground (illustrative)

/** The area one party holds, in dated snapshots (data/controlled-area-illustrative.geojson). */
export const demoControlledArea = {
  name: 'Area held by Israeli forces (illustrative)',
  party: 'israel' as const,
  description:
    'Illustrative drawing for the demo, not a reported line: a band of the Gaza Strip along its border with Israel, narrowing from one ' +
    'snapshot to the next, and a band along the Egyptian border. Cut from the OCHA COD-AB outline of the Strip (CC BY-IGO).',
};

export interface DemoWithdrawal {
  phase: 'one' | 'two';
  force: string;
  from: string | null;
  provisionCode: string | null;
  /** A fixed date, or a number of days after the day the demo is loaded (so that it is still ahead). */
  deadline: string | { daysAfterLoad: number };
  notes: string;
  verification?: {
    observedOn: string;
    finding: 'completed' | 'partial' | 'not_observed' | 'disputed';
    sourceReliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
    credibility: 1 | 2 | 3 | 4 | 5 | 6;
    notes: string;
  };
}

const SCHEDULE_NOTE = `${ILLUSTRATIVE} schedule: the seed report asks for "timelines for the evacuation of military units" and "verification protocols for troop drawdowns" but gives no date.`;

export const demoWithdrawals: DemoWithdrawal[] = [
  {
    phase: 'one',
    force: 'Armoured units on the Rafah governorate truce line (illustrative)',
    from: 'Rafah',
    provisionCode: '1.2',
    deadline: '2026-06-20',
    notes: `${SCHEDULE_NOTE} No verification recorded: late once the deadline passed.`,
  },
  {
    phase: 'one',
    force: 'Units at the Khan Younis logistic junctions (illustrative)',
    from: 'Khan Younis',
    provisionCode: '1.2',
    deadline: '2026-06-27',
    notes: SCHEDULE_NOTE,
    verification: {
      observedOn: '2026-06-28',
      finding: 'disputed',
      sourceReliability: 'C',
      credibility: 3,
      notes:
        'Illustrative verification written for the demo, not a real observation: the monitor could not confirm the pullout and the ' +
        "parties' accounts differ, pending the verification protocols for troop drawdowns.",
    },
  },
  {
    phase: 'two',
    force: 'Military units in the dense urban corridors of Gaza governorate (illustrative)',
    from: 'Gaza',
    provisionCode: '2.2',
    deadline: { daysAfterLoad: 30 },
    notes: `${SCHEDULE_NOTE} Deadline set 30 days after the demo was loaded, so that the schedule shows an item on time.`,
  },
  {
    phase: 'two',
    force: 'Armoured divisions at the key logistic junctions of Deir Al-Balah (illustrative)',
    from: 'Deir Al-Balah',
    provisionCode: '2.3',
    deadline: { daysAfterLoad: 60 },
    notes: `${SCHEDULE_NOTE} Deadline set 60 days after the demo was loaded, so that the schedule shows an item on time.`,
  },
];

// ---------------------------------------------------------------------------------------------
// The stabilization force (all illustrative)

const FORCE_NOTE = `${ILLUSTRATIVE} figure. The seed report says the force's contributors, funding and rules of engagement are still being decided.`;

/** Personnel per capability and sector (a governorate, or null for the whole Strip). */
export const demoRequirements: Array<{ capability: string; sector: string | null; personnel: number; equipment: string }> = [
  { capability: 'Infantry', sector: 'North Gaza', personnel: 800, equipment: 'Light vehicles' },
  { capability: 'Infantry', sector: 'Gaza', personnel: 1200, equipment: 'Light vehicles' },
  { capability: 'Infantry', sector: 'Deir Al-Balah', personnel: 600, equipment: 'Light vehicles' },
  { capability: 'Infantry', sector: 'Khan Younis', personnel: 900, equipment: 'Light vehicles' },
  { capability: 'Infantry', sector: 'Rafah', personnel: 700, equipment: 'Light vehicles' },
  { capability: 'Police training', sector: 'Gaza', personnel: 300, equipment: '' },
  { capability: 'Police training', sector: 'Khan Younis', personnel: 200, equipment: '' },
  { capability: 'Engineering', sector: null, personnel: 400, equipment: 'Route clearance and ordnance disposal' },
  { capability: 'Medical', sector: null, personnel: 250, equipment: 'Two field hospitals (level 2)' },
];

/** Neutral names: the seed report names no contributing nation. */
export const demoContributors = ['Contributor A (illustrative)', 'Contributor B (illustrative)', 'Contributor C (illustrative)', 'Contributor D (illustrative)'];

export const demoPledges: Array<{ contributor: number; capability: string; sector: string | null; personnel: number; readiness: ReadinessLevel; caveats: string }> = [
  { contributor: 0, capability: 'Infantry', sector: 'Gaza', personnel: 800, readiness: 'L3', caveats: '' },
  { contributor: 0, capability: 'Medical', sector: null, personnel: 150, readiness: 'L3', caveats: '' },
  { contributor: 1, capability: 'Infantry', sector: 'North Gaza', personnel: 400, readiness: 'L2', caveats: 'No night operations (illustrative caveat)' },
  { contributor: 1, capability: 'Infantry', sector: 'Khan Younis', personnel: 600, readiness: 'L1', caveats: '' },
  { contributor: 2, capability: 'Police training', sector: 'Gaza', personnel: 150, readiness: 'L2', caveats: '' },
  { contributor: 2, capability: 'Infantry', sector: 'Rafah', personnel: 700, readiness: 'L1', caveats: 'Subject to parliamentary approval (illustrative caveat)' },
  { contributor: 3, capability: 'Engineering', sector: null, personnel: 200, readiness: 'L2', caveats: '' },
  { contributor: 3, capability: 'Infantry', sector: 'Deir Al-Balah', personnel: 300, readiness: 'RDL', caveats: '' },
];

export const demoBudget: Array<{ name: string; amount: number }> = [
  { name: 'Personnel, first year (illustrative)', amount: 240_000_000 },
  { name: 'Logistics and equipment (illustrative)', amount: 90_000_000 },
  { name: 'Police training programme (illustrative)', amount: 30_000_000 },
  { name: 'Medical support (illustrative)', amount: 20_000_000 },
];

export const demoFunding: Array<{ donor: string; kind: 'pledge' | 'commitment' | 'disbursement'; amount: number; line: number; datedOn: string }> = [
  { donor: 'Donor 1 (illustrative)', kind: 'pledge', amount: 150_000_000, line: 0, datedOn: '2026-06-08' },
  { donor: 'Donor 2 (illustrative)', kind: 'pledge', amount: 100_000_000, line: 1, datedOn: '2026-06-09' },
  { donor: 'Donor 3 (illustrative)', kind: 'pledge', amount: 60_000_000, line: 2, datedOn: '2026-06-10' },
  { donor: 'Donor 1 (illustrative)', kind: 'commitment', amount: 80_000_000, line: 0, datedOn: '2026-06-20' },
  { donor: 'Donor 2 (illustrative)', kind: 'commitment', amount: 40_000_000, line: 1, datedOn: '2026-06-25' },
  { donor: 'Donor 1 (illustrative)', kind: 'disbursement', amount: 25_000_000, line: 0, datedOn: '2026-07-01' },
];

/** Rules of engagement and authority boundaries, each held by a clause of the Phase Two text (still bracketed). */
export const demoMandate: Array<{ kind: 'rules_of_engagement' | 'authority_boundary'; title: string; text: string; clause: string }> = [
  {
    kind: 'rules_of_engagement',
    title: 'Use of force (illustrative draft)',
    text: 'Rules of engagement that guarantee civil safety: force in self-defence only, or also to protect civilians under imminent threat (clause 10, still bracketed).',
    clause: '10',
  },
  {
    kind: 'authority_boundary',
    title: 'Where the force has authority (illustrative draft)',
    text: 'The core sectors and the aid corridors, or the whole territory (clause 11, still bracketed).',
    clause: '11',
  },
  {
    kind: 'authority_boundary',
    title: 'Civil affairs excluded (illustrative draft)',
    text: 'The authority of the force does not include the administration of civil affairs (clause 11, still bracketed).',
    clause: '11',
  },
];

// ---------------------------------------------------------------------------------------------
// Loading

/** The share of the budget the Phase Two gate wants committed. */
export const GATE_FUNDING_SHARE = 0.5;

/** The demo's gate for Phase Two: the conditions, given the ids they name. */
export function phaseTwoGateConditions(ids: { phaseOne: string; aidIndicator: string; phaseTwoDocument: string }): GateCondition[] {
  return [
    { kind: 'withdrawal_verified', label: 'Phase One withdrawals verified', phaseId: ids.phaseOne },
    { kind: 'indicator_at_target', label: 'Aid trucks at 600 a day for 7 consecutive days', indicatorId: ids.aidIndicator, days: 7 },
    { kind: 'no_verified_violation', label: 'No verified armed attack for 14 days', category: 'armed_attack', days: 14 },
    { kind: 'clauses_agreed', label: 'Every clause of the Phase Two text agreed', documentId: ids.phaseTwoDocument },
    { kind: 'force_covered', label: 'Stabilization force requirements covered' },
    { kind: 'funding_committed', label: 'Half of the force budget committed', share: GATE_FUNDING_SHARE },
  ];
}

/** The held area's snapshots, checked as any import is. */
export function controlledAreaSnapshots(): Array<{ asOf: string; geometry: ZoneGeometry; properties: Record<string, unknown> }> {
  const { features, issues } = validateFeatureCollection(JSON.parse(readFileSync(data('controlled-area-illustrative.geojson'), 'utf8')), { nameProperty: 'as_of' });
  if (issues.length > 0) throw new Error(`controlled-area-illustrative.geojson: ${issues.map((i) => i.message).join('; ')}`);
  return features.map((f) => ({ asOf: f.name, geometry: f.geometry, properties: f.properties }));
}

const byName = <T extends { name: string }>(rows: readonly T[], what: string) => {
  const map = new Map(rows.map((r) => [r.name, r]));
  return (name: string): T => {
    const row = map.get(name);
    if (!row) throw new Error(`demo: no ${what} named ${name}`);
    return row;
  };
};

/**
 * Writes the ground, the force and the Phase Two gate of the demo agreement, in the demo's
 * transaction, one audit entry per row as the services record them (the observations: one per file, as an import).
 */
export async function loadGroundAndForce(ctx: WriteContext, { agreementId, timeZone, now }: { agreementId: string; timeZone: string; now: Date }): Promise<void> {
  const { repos, record } = ctx;
  const created = async <T extends { id: string }>(entity: string, row: T): Promise<T> => {
    await record({ action: 'create', entity, entityId: row.id, agreementId, before: null, after: row });
    return row;
  };
  const phase = byName(
    (await repos.phases.list(agreementId)).map((p) => ({ ...p, name: String(p.ordinal) })),
    'phase',
  );
  const phaseOne = phase('1');
  const phaseTwo = phase('2');
  const party = byName(await repos.parties.list(agreementId), 'party');
  const provisionIds = new Map((await repos.provisions.list(agreementId)).map((p) => [p.code, p.id]));
  const provision = (code: string | null) => (code === null ? null : (provisionIds.get(code) ?? null));
  const sector = byName((await repos.zones.list(agreementId)).filter((z) => z.kind === 'sector'), 'sector');
  const sectorId = (name: string | null) => (name === null ? null : sector(name).id);
  const [document] = await repos.documents.list(agreementId);
  if (!document) throw new Error('demo: the Phase Two text must be loaded before the ground and force');
  const clause = byName(
    (await repos.clauses.list(document.id)).flatMap((c) => (c.number === null ? [] : [{ ...c, name: c.number }])),
    'clause',
  );

  // Zones: the two crossings (points) and the held area's snapshots.
  const crossings = await repos.zones.insertMany(
    Object.values(demoCrossings).map((c) => {
      const geometry: ZoneGeometry = { type: 'Point', coordinates: [c.lon, c.lat] };
      return {
        agreementId,
        name: c.name,
        kind: 'crossing' as const,
        description: c.description,
        geometry,
        properties: { approximate: true },
        bbox: geometryBBox(geometry),
        areaSqKm: 0,
      };
    }),
  );
  for (const z of crossings) await created('zone', z);
  const crossingId = Object.fromEntries(Object.entries(demoCrossings).map(([key, c]) => [key, crossings.find((z) => z.name === c.name)!.id]));
  const held = await repos.zones.insertMany(
    controlledAreaSnapshots().map((s) => ({
      agreementId,
      name: demoControlledArea.name,
      kind: 'controlled_area' as const,
      description: demoControlledArea.description,
      geometry: s.geometry,
      properties: s.properties,
      bbox: geometryBBox(s.geometry),
      areaSqKm: geometryAreaSqKm(s.geometry),
      partyId: party('Israel').id,
      asOf: s.asOf,
    })),
  );
  for (const z of held) await created('zone', z);

  // Aid against targets: the indicators and their real observations, one audit entry per series.
  const indicatorIds = new Map<DemoIndicator['key'], string>();
  for (const d of demoIndicators) {
    const indicator = await created(
      'indicator',
      await repos.ground.indicators.insert({
        agreementId,
        provisionId: provision(d.provisionCode),
        zoneId: d.crossing ? crossingId[d.crossing] : null,
        name: d.name,
        unit: d.unit,
        category: d.category,
        target: d.target,
        comparison: '>=',
        period: 'day',
        sourceNote: d.sourceNote,
      }),
    );
    indicatorIds.set(d.key, indicator.id);
    const text = readFileSync(data(d.file), 'utf8');
    const rows = demoObservations(d.file);
    const imported = await repos.ground.observations.insertMany(
      rows.map((r) => ({ indicatorId: indicator.id, observedOn: r.observedOn, value: r.value, source: r.source, sourceReliability: null, credibility: null, authorId: null })),
    );
    // As an import records itself (indicators.service.ts): one entry, its counts, dates, file and SHA-256.
    await record({
      action: 'create',
      entity: 'indicator_observations_import',
      entityId: indicator.id,
      agreementId,
      before: null,
      after: { imported, first: rows[0]?.observedOn ?? null, last: rows.at(-1)?.observedOn ?? null, fileName: `src/server/demo/data/${d.file}`, sha256: createHash('sha256').update(text).digest('hex') },
    });
  }

  // The withdrawal schedule (illustrative) and its one verification.
  const today = localDate(now, timeZone);
  for (const w of demoWithdrawals) {
    const item = await created(
      'withdrawal_item',
      await repos.ground.withdrawalItems.insert({
        agreementId,
        phaseId: (w.phase === 'one' ? phaseOne : phaseTwo).id,
        partyId: party('Israel').id,
        provisionId: provision(w.provisionCode),
        force: w.force,
        fromZoneId: sectorId(w.from),
        behindZoneId: null,
        deadline: typeof w.deadline === 'string' ? w.deadline : addDays(today, w.deadline.daysAfterLoad),
        notes: w.notes,
      }),
    );
    if (w.verification) {
      await created(
        'withdrawal_verification',
        await repos.ground.withdrawalVerifications.insert({ itemId: item.id, ...w.verification, evidence: [], authorId: null, authorName: 'Demo monitor (illustrative)' }),
      );
    }
  }
  const aidIndicator = indicatorIds.get('total')!;

  // The force: requirements, contributors, pledges, budget, funding, mandate items.
  for (const r of demoRequirements) {
    await created(
      'force_requirement',
      await repos.force.requirements.insert({
        agreementId,
        phaseId: phaseTwo.id,
        capability: r.capability,
        sectorId: sectorId(r.sector),
        personnel: r.personnel,
        equipment: r.equipment,
        notes: FORCE_NOTE,
        illustrative: true,
      }),
    );
  }
  const contributors = [];
  for (const name of demoContributors) {
    contributors.push(
      await created(
        'force_contributor',
        await repos.force.contributors.insert({
          agreementId,
          name,
          country: '',
          notes: `${ILLUSTRATIVE} contributor: the seed report names no contributing nation, and no party's position on this one is recorded.`,
          illustrative: true,
        }),
      ),
    );
  }
  for (const p of demoPledges) {
    await created(
      'force_pledge',
      await repos.force.pledges.insert({
        agreementId,
        contributorId: contributors[p.contributor]!.id,
        capability: p.capability,
        sectorId: sectorId(p.sector),
        personnel: p.personnel,
        readiness: p.readiness,
        caveats: p.caveats,
        pledgedOn: TALKS_OPENED,
        illustrative: true,
      }),
    );
  }
  const lines = [];
  for (const b of demoBudget) {
    lines.push(
      await created(
        'budget_line',
        await repos.force.budgetLines.insert({ agreementId, name: b.name, amount: b.amount, currency: 'USD', notes: FORCE_NOTE, illustrative: true }),
      ),
    );
  }
  for (const f of demoFunding) {
    await created(
      'funding_entry',
      await repos.force.funding.insert({
        agreementId,
        budgetLineId: lines[f.line]!.id,
        donor: f.donor,
        kind: f.kind,
        amount: f.amount,
        datedOn: f.datedOn,
        source: `${ILLUSTRATIVE} pledge, commitment or payment: no donor has been reported.`,
        illustrative: true,
      }),
    );
  }
  for (const m of demoMandate) {
    await created('force_mandate_item', await repos.force.mandate.insert({ agreementId, kind: m.kind, title: m.title, text: m.text, clauseId: clause(m.clause).id }));
  }

  // The Phase Two gate.
  const parsed = parseGateConditions(phaseTwoGateConditions({ phaseOne: phaseOne.id, aidIndicator, phaseTwoDocument: document.id }));
  if (!parsed.ok) throw new Error(`demo gate: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  const { after: gate } = await repos.gates.put(agreementId, phaseTwo.id, parsed.value, undefined);
  await created('gate', gate);
}
