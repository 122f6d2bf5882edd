/**
 * The UCDP Peace Agreement Dataset's provisions (v22.1 codebook meaning), its agreement types, and
 * the link from Phaseline's provision categories to their nearest UCDP provisions.
 */
import type { ProvisionCategory } from '../domain.ts';

/** A UCDP provision: the 0/1 column (trimmed; `pa_3rd` is a text, present when it names someone). */
export const UCDP_PROVISIONS = [
  // Military
  'cease', 'intarmy', 'ddr', 'withd', 'pko',
  // Political
  'pp', 'intgov', 'intciv', 'elections', 'interim', 'natalks', 'shagov',
  // Territorial
  'aut', 'fed', 'ind', 'ref', 'shaloc', 'regdev', 'cul', 'demarcation', 'locgov',
  // Justice
  'amn', 'pris', 'recon', 'return',
  // Process and implementation
  'reaffirm', 'outlin', 'co_impl', 'gender', 'pa_3rd',
  // UCDP's own groupings: any provision of the kind
  'mil_prov', 'pol_prov', 'terr_prov', 'justice_prov',
] as const;
export type UcdpProvision = (typeof UCDP_PROVISIONS)[number];

export type UcdpProvisionGroup = 'military' | 'political' | 'territorial' | 'justice' | 'process' | 'any';

export interface UcdpProvisionInfo {
  key: UcdpProvision;
  label: string;
  /** What a 1 means, after the UCDP codebook. */
  meaning: string;
  group: UcdpProvisionGroup;
}

const info = (key: UcdpProvision, group: UcdpProvisionGroup, label: string, meaning: string): UcdpProvisionInfo => ({ key, group, label, meaning });

export const UCDP_PROVISION_INFO: Record<UcdpProvision, UcdpProvisionInfo> = {
  cease: info('cease', 'military', 'Ceasefire', 'The agreement provides for a ceasefire'),
  intarmy: info('intarmy', 'military', 'Integration into the army', "Rebel forces are to be integrated into the state's army"),
  ddr: info('ddr', 'military', 'DDR', 'Disarmament, demobilisation and reintegration of combatants'),
  withd: info('withd', 'military', 'Withdrawal of foreign forces', 'Foreign forces are to withdraw'),
  pko: info('pko', 'military', 'Peacekeeping operation', 'A peacekeeping operation is called for or mandated'),
  pp: info('pp', 'political', 'Rebels as a political party', 'The rebels may form (or become) a political party'),
  intgov: info('intgov', 'political', 'Integration into government', 'Rebels are given places in the government'),
  intciv: info('intciv', 'political', 'Integration into civil service', 'Rebels are to be integrated into the civil service'),
  elections: info('elections', 'political', 'Elections', 'Elections are to be held'),
  interim: info('interim', 'political', 'Interim government', 'An interim or transitional government (administration) is set up'),
  natalks: info('natalks', 'political', 'National talks', 'A national dialogue or talks between all parties are to be held'),
  shagov: info('shagov', 'political', 'Power sharing in government', 'Executive power is shared between the parties'),
  aut: info('aut', 'territorial', 'Autonomy', 'The disputed territory gets autonomy'),
  fed: info('fed', 'territorial', 'Federalism', 'A federal arrangement'),
  ind: info('ind', 'territorial', 'Independence', 'The disputed territory becomes independent'),
  ref: info('ref', 'territorial', 'Referendum', "A referendum on the territory's status"),
  shaloc: info('shaloc', 'territorial', 'Local power sharing', 'Power is shared in the regional or local government'),
  regdev: info('regdev', 'territorial', 'Regional development', 'Economic or social development of the region in conflict'),
  cul: info('cul', 'territorial', 'Cultural freedoms', 'Cultural rights such as language or religion'),
  demarcation: info('demarcation', 'territorial', 'Border demarcation', 'A border is to be demarcated'),
  locgov: info('locgov', 'territorial', 'Local government', 'Decentralisation to local government'),
  amn: info('amn', 'justice', 'Amnesty', 'An amnesty'),
  pris: info('pris', 'justice', 'Prisoner release', 'Prisoners are to be released'),
  recon: info('recon', 'justice', 'Reconciliation', 'A reconciliation process, such as a truth and reconciliation commission'),
  return: info('return', 'justice', 'Return of refugees', 'Refugees or displaced persons are to return'),
  reaffirm: info('reaffirm', 'process', 'Reaffirms earlier agreements', 'The agreement reaffirms earlier agreements'),
  outlin: info('outlin', 'process', 'Outlines future talks', 'It sets out a process for further negotiation'),
  co_impl: info('co_impl', 'process', 'Implementation commission', 'A commission or committee is set up to oversee implementation'),
  gender: info('gender', 'process', 'Gender provisions', 'It has provisions on women or gender'),
  pa_3rd: info('pa_3rd', 'process', 'Third-party signatory', 'A third party (state or organisation) signed it, as witness or guarantor (pa_3rd names it)'),
  mil_prov: info('mil_prov', 'any', 'Any military provision', 'UCDP grouping: at least one military provision'),
  pol_prov: info('pol_prov', 'any', 'Any political provision', 'UCDP grouping: at least one political provision'),
  terr_prov: info('terr_prov', 'any', 'Any territorial provision', 'UCDP grouping: at least one territorial provision'),
  justice_prov: info('justice_prov', 'any', 'Any justice provision', 'UCDP grouping: at least one justice provision (amnesty, prisoners, reconciliation, refugees)'),
};

export const isUcdpProvision = (value: string): value is UcdpProvision => (UCDP_PROVISIONS as readonly string[]).includes(value);

/** pa_type: 1 full, 2 partial, 3 peace process agreement. */
export const PA_TYPES = [1, 2, 3] as const;
export type PaType = (typeof PA_TYPES)[number];
export const PA_TYPE_LABELS: Record<PaType, string> = {
  1: 'Full peace agreement',
  2: 'Partial peace agreement',
  3: 'Peace process agreement',
};

export interface ProvisionLink {
  /** The nearest UCDP provisions; empty when none is near. */
  ucdp: readonly UcdpProvision[];
  /** How near, in words. */
  note: string;
}

/**
 * Phaseline's provision categories and their nearest UCDP provisions. UCDP's `justice_prov` is its
 * grouping of any justice provision (amnesty, prisoners, reconciliation, refugees), not transitional
 * justice as such: transitional justice links to `recon`, the reconciliation (truth commission) item.
 */
export const PROVISION_UCDP_LINKS: Record<ProvisionCategory, ProvisionLink> = {
  ceasefire: { ucdp: ['cease'], note: 'The same provision: a ceasefire' },
  withdrawal: { ucdp: ['withd'], note: "UCDP codes the withdrawal of foreign forces; a belligerent's own drawdown may not be coded" },
  prisoner_exchange: { ucdp: ['pris'], note: 'Prisoner release' },
  aid_access: { ucdp: [], note: 'UCDP codes no humanitarian access provision' },
  stabilization_force: { ucdp: ['pko'], note: 'A peacekeeping operation called for or mandated by the agreement' },
  governance: { ucdp: ['interim'], note: 'An interim or transitional administration (UCDP also codes rebels in government, intgov, and power sharing, shagov)' },
  verification: { ucdp: ['co_impl'], note: 'A commission or committee overseeing implementation: the nearest UCDP has to a verification body' },
  guarantees: { ucdp: ['pa_3rd'], note: 'A third party signed the agreement (as guarantor or witness)' },
  reconstruction: { ucdp: ['regdev'], note: 'Economic or social development of the region in conflict' },
  disarmament: { ucdp: ['ddr'], note: 'Disarmament, demobilisation and reintegration' },
  security_sector: { ucdp: ['intarmy'], note: "Integration of rebel forces into the army, UCDP's one security-sector item" },
  displaced_persons: { ucdp: ['return'], note: 'Return of refugees or displaced persons' },
  human_rights: { ucdp: [], note: 'UCDP codes no human rights provision (an amnesty, amn, is not the same thing)' },
  transitional_justice: { ucdp: ['recon'], note: 'A reconciliation process such as a truth commission (justice_prov is only UCDP’s grouping of any justice item)' },
  other: { ucdp: [], note: 'No UCDP provision' },
};

/** The UCDP provisions linked from these categories, each once, in vocabulary order. */
export function linkedUcdpProvisions(categories: readonly ProvisionCategory[]): UcdpProvision[] {
  const linked = new Set(categories.flatMap((c) => PROVISION_UCDP_LINKS[c].ucdp));
  return UCDP_PROVISIONS.filter((k) => linked.has(k));
}
