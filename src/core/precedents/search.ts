/** Searching, sorting and paging the precedents. */
import type { Precedent } from './dataset.ts';
import type { PaType, UcdpProvision } from './vocabulary.ts';

export interface PrecedentFilter {
  /** Words found in the name, the conflict or the dyads (case and accents ignored). */
  q?: string | undefined;
  /** The conflict's name (case ignored) or its UCDP id. */
  conflict?: string | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  types?: readonly PaType[] | undefined;
  /** Every one of these provisions. */
  with?: readonly UcdpProvision[] | undefined;
  /** None of these provisions. */
  without?: readonly UcdpProvision[] | undefined;
}

export const PRECEDENT_SORTS = ['date', 'name', 'conflict', 'paid'] as const;
export type PrecedentSort = (typeof PRECEDENT_SORTS)[number];

export const foldForSearch = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesPrecedent(p: Precedent, f: PrecedentFilter): boolean {
  if (f.fromYear !== undefined && p.year < f.fromYear) return false;
  if (f.toYear !== undefined && p.year > f.toYear) return false;
  if (f.types && f.types.length > 0 && !f.types.includes(p.type)) return false;
  if (f.with && !f.with.every((k) => p.provisions.includes(k))) return false;
  if (f.without && f.without.some((k) => p.provisions.includes(k))) return false;
  if (f.conflict && foldForSearch(p.conflict) !== foldForSearch(f.conflict.trim()) && p.conflictId !== f.conflict.trim()) return false;
  if (f.q) {
    const hay = foldForSearch([p.name, p.conflict, ...p.dyads].join(' \u0000 '));
    if (!foldForSearch(f.q).split(/\s+/).filter(Boolean).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export const filterPrecedents = (all: readonly Precedent[], f: PrecedentFilter): Precedent[] => all.filter((p) => matchesPrecedent(p, f));

const KEY: Record<PrecedentSort, (p: Precedent) => string | number> = {
  date: (p) => p.date,
  name: (p) => foldForSearch(p.name),
  conflict: (p) => foldForSearch(p.conflict),
  paid: (p) => p.paid,
};

/** Sorted by the key, then by date and paid so that every order is total and pages are stable. */
export function sortPrecedents(list: readonly Precedent[], sort: PrecedentSort, order: 'asc' | 'desc'): Precedent[] {
  const sign = order === 'desc' ? -1 : 1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort((a, b) => sign * (cmp(KEY[sort](a), KEY[sort](b)) || cmp(a.date, b.date) || cmp(a.paid, b.paid)));
}

export function pagePrecedents<T>(list: readonly T[], limit: number, offset: number): { items: T[]; total: number; limit: number; offset: number } {
  return { items: list.slice(offset, offset + limit), total: list.length, limit, offset };
}

/** Every conflict with its number of agreements, by name. */
export function conflictsOf(all: readonly Precedent[]): { name: string; id: string; count: number }[] {
  const by = new Map<string, { name: string; id: string; count: number }>();
  for (const p of all) {
    const c = by.get(p.conflict) ?? { name: p.conflict, id: p.conflictId, count: 0 };
    c.count += 1;
    by.set(p.conflict, c);
  }
  return [...by.values()].sort((a, b) => foldForSearch(a.name).localeCompare(foldForSearch(b.name)));
}
