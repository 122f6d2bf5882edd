/**
 * Precedents (docs/FORECAST.md): the UCDP Peace Agreement library, searchable, and Kaplan–Meier
 * survival. The shipped CSV is read once per process, on first use. Needs no database, except to read
 * an agreement's provision categories (`forAgreement`), given as `categoriesOf`.
 */
import { readFile } from 'node:fs/promises';
import type { AgreementPrecedentsView, Parsed, PrecedentDetailView, PrecedentListQuery, PrecedentListView, PrecedentSourceView, PrecedentSurvivalView, PrecedentView, SurvivalCurveView, SurvivalSummaryView } from '../../contract/index.ts';
import {
  CATEGORY_LABELS,
  conflictsOf,
  filterPrecedents,
  linkedUcdpProvisions,
  NotFoundError,
  observationOf,
  PA_TYPE_LABELS,
  pagePrecedents,
  parseUcdpPeaceAgreements,
  precedentSurvival,
  PROVISION_CATEGORIES,
  PROVISION_UCDP_LINKS,
  sortPrecedents,
  survivalAt,
  UCDP_CITATION,
  UCDP_DATA_END,
  UCDP_LICENCE,
  UCDP_PROVISION_INFO,
  UCDP_SOURCE,
  UCDP_VERSION,
  type Precedent,
  type ProvisionCategory,
  type UcdpProvision,
} from '../../core/index.ts';

export const PRECEDENTS_FILE = new URL('./data/ucdp-peace-agreements-221.csv', import.meta.url);

/** Below this many precedents a base rate says nothing. */
export const BASE_RATE_MIN_N = 10;

export const PRECEDENT_SOURCE: PrecedentSourceView = {
  dataset: UCDP_SOURCE,
  version: UCDP_VERSION,
  licence: UCDP_LICENCE,
  citation: UCDP_CITATION,
  url: 'https://ucdp.uu.se/downloads/',
  dataEnd: UCDP_DATA_END,
};

export interface PrecedentsDeps {
  /** The provision categories of an agreement's provisions (one entry a provision), by agreement id. */
  categoriesOf?: (agreementId: string) => Promise<readonly ProvisionCategory[]>;
  /** The dataset's text; the shipped file by default. */
  readText?: () => Promise<string>;
}

export interface BaseRate {
  rate: number | null;
  n: number;
  types: string[];
  label: string;
  source: string;
}

const label = (k: UcdpProvision) => UCDP_PROVISION_INFO[k].label.toLowerCase();
const article = (s: string) => (/^[aeiou]/i.test(s) ? 'an' : 'a');

/** "agreements with a peacekeeping operation and a ceasefire, without an amnesty", or "all agreements". */
export function selectionLabel(withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[]): string {
  const list = (keys: readonly UcdpProvision[], last: string) => {
    const words = keys.map((k) => `${article(label(k))} ${label(k)}`);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}` : words.join('');
  };
  const parts = [withKeys.length ? `with ${list(withKeys, 'and')}` : '', withoutKeys.length ? `without ${list(withoutKeys, 'or')}` : ''].filter(Boolean);
  return parts.length ? `agreements ${parts.join(', ')}` : 'all agreements';
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

export function precedentsService(deps: PrecedentsDeps = {}) {
  let loaded: Promise<Precedent[]> | null = null;
  const all = (): Promise<Precedent[]> => {
    loaded ??= (deps.readText ?? (() => readFile(PRECEDENTS_FILE, 'utf8')))().then((text) => {
      const { precedents, problems } = parseUcdpPeaceAgreements(text);
      if (problems.length > 0) throw new Error(`The UCDP peace agreements file has ${problems.length} unreadable rows, the first on line ${problems[0]!.line}: ${problems[0]!.message}`);
      return precedents;
    });
    // A failed read is tried again on the next call.
    loaded.catch(() => (loaded = null));
    return loaded;
  };

  const view = (p: Precedent): PrecedentView => ({
    paid: p.paid, name: p.name, conflict: p.conflict, conflictId: p.conflictId, dyads: p.dyads, region: p.region, year: p.year, date: p.date,
    type: p.type, typeLabel: PA_TYPE_LABELS[p.type], provisions: p.provisions, thirdParty: p.thirdParty, ended: p.ended, endDate: p.endDate, fullTextUrl: p.fullTextUrl,
  });

  const select = (list: readonly Precedent[], withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[]) =>
    filterPrecedents(list, { with: withKeys, without: withoutKeys });

  function curve(list: readonly Precedent[], withKeys: readonly UcdpProvision[], withoutKeys: readonly UcdpProvision[], name?: string): SurvivalCurveView {
    const s = precedentSurvival(list);
    return {
      label: name ?? selectionLabel(withKeys, withoutKeys),
      with: [...withKeys], without: [...withoutKeys],
      n: s.n, events: s.events, censored: s.censored, excluded: s.excluded, median: s.median, oneYear: s.oneYear,
      steps: s.steps,
    };
  }
  const summary = (c: SurvivalCurveView): SurvivalSummaryView => {
    const { steps: _steps, ...rest } = c;
    return rest;
  };

  async function survival(query: { with?: readonly UcdpProvision[] | undefined; without?: readonly UcdpProvision[] | undefined }): Promise<PrecedentSurvivalView> {
    const list = await all();
    const w = query.with ?? [];
    const wo = query.without ?? [];
    const chosen = select(list, w, wo);
    const inChosen = new Set(chosen);
    const rest = list.filter((p) => !inChosen.has(p));
    const filtered = w.length + wo.length > 0;
    return {
      selected: curve(chosen, w, wo),
      others: filtered ? curve(rest, [], [], 'every other agreement') : null,
      exclusions: precedentSurvival(list).exclusions,
      source: PRECEDENT_SOURCE,
    };
  }

  return {
    /** Every precedent, as parsed (for the CLI's CSV and tests). */
    all,

    async list(query: Parsed<typeof PrecedentListQuery>): Promise<PrecedentListView> {
      const list = await all();
      const found = filterPrecedents(list, { q: query.q, conflict: query.conflict, fromYear: query.from, toYear: query.to, types: query.type as Precedent['type'][] | undefined, with: query.with, without: query.without });
      const page = pagePrecedents(sortPrecedents(found, query.sort, query.order), query.limit, query.offset);
      return { ...page, items: page.items.map(view), conflicts: conflictsOf(list), source: PRECEDENT_SOURCE };
    },

    async get(paid: number): Promise<PrecedentDetailView> {
      const p = (await all()).find((x) => x.paid === paid);
      if (!p) throw new NotFoundError('Precedent', String(paid));
      const o = observationOf(p);
      const followUp =
        o === 'noEndDate' ? { outcome: 'excluded' as const, days: null, reason: 'Marked ended, with no end date: left out of survival curves' }
        : o === 'endBeforeDate' ? { outcome: 'excluded' as const, days: null, reason: 'Its end date is before its own date: left out of survival curves' }
        : o.event ? { outcome: 'ended' as const, days: o.time, reason: null }
        : { outcome: 'censored' as const, days: o.time, reason: p.ended === false ? 'Marked not ended: followed to the data’s end' : 'Not known to have ended (blank): followed to the data’s end' };
      return { ...view(p), signatories: p.signatories, comment: p.comment, endComment: p.endComment, followUp, source: PRECEDENT_SOURCE };
    },

    survival,

    /**
     * The risk's precedents part: 1 − S(days) over the precedents with every UCDP provision linked
     * from these categories; null below BASE_RATE_MIN_N precedents or beyond the data's reach.
     */
    async baseRate(categories: readonly ProvisionCategory[], days: number): Promise<BaseRate> {
      const linked = linkedUcdpProvisions(categories);
      const list = await all();
      // Too few precedents share every linked provision: leave out, one at a time, the provision
      // whose absence brings in the most agreements, until enough share the rest (the label says so).
      let types = linked;
      let s = precedentSurvival(select(list, types, []));
      const allTogether = s.n;
      while (s.n < BASE_RATE_MIN_N && types.length > 1) {
        const widest = types
          .map((t) => types.filter((x) => x !== t))
          .map((rest) => ({ rest, n: select(list, rest, []).length }))
          .reduce((best, next) => (next.n > best.n ? next : best));
        types = widest.rest;
        s = precedentSurvival(select(list, types, []));
      }
      const at = s.n >= BASE_RATE_MIN_N ? survivalAt(s, days) : null;
      const rate = at === null ? null : 1 - at;
      const narrowed =
        types.length < linked.length
          ? ` (${types.length} of the ${linked.length} linked provision types; all ${linked.length} together: ${allTogether} agreement${allTogether === 1 ? '' : 's'})`
          : '';
      const who = `${s.n} ${selectionLabel(types, [])}${narrowed}`;
      const text =
        rate !== null ? `${percent(rate)} of ${who} had ended within ${days} days (UCDP v${UCDP_VERSION})`
        : s.n < BASE_RATE_MIN_N ? `Too few precedents: ${who} (UCDP v${UCDP_VERSION}), fewer than ${BASE_RATE_MIN_N}`
        : `${who} were not followed for ${days} days (UCDP v${UCDP_VERSION})`;
      return { rate, n: s.n, types, label: text, source: `${UCDP_SOURCE} (${UCDP_LICENCE}), ${UCDP_CITATION}` };
    },

    /** An agreement's categories linked to UCDP provisions, and how often such agreements held. */
    async forAgreement(agreementId: string): Promise<AgreementPrecedentsView> {
      const categories = deps.categoriesOf ? await deps.categoriesOf(agreementId) : [];
      const counts = new Map<ProvisionCategory, number>();
      for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
      const present = PROVISION_CATEGORIES.filter((c) => counts.has(c));
      const linked = linkedUcdpProvisions(present);
      const list = await all();
      return {
        categories: present.map((c) => ({
          category: c,
          label: CATEGORY_LABELS[c],
          provisions: counts.get(c)!,
          ucdp: PROVISION_UCDP_LINKS[c].ucdp.map((key) => ({ key, label: UCDP_PROVISION_INFO[key].label })),
          note: PROVISION_UCDP_LINKS[c].note,
        })),
        linked,
        stabilization: { with: summary(curve(select(list, ['pko'], []), ['pko'], [])), without: summary(curve(select(list, [], ['pko']), [], ['pko'])) },
        allLinked: linked.length ? summary(curve(select(list, linked, []), linked, [])) : null,
        source: PRECEDENT_SOURCE,
      };
    },
  };
}
export type PrecedentsService = ReturnType<typeof precedentsService>;
