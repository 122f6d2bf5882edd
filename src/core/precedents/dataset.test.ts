import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUcdpPeaceAgreements } from './dataset.ts';
import { filterPrecedents, pagePrecedents, sortPrecedents } from './search.ts';
import { precedentSurvival } from './survival.ts';
import { linkedUcdpProvisions, PROVISION_UCDP_LINKS, UCDP_PROVISION_INFO, UCDP_PROVISIONS } from './vocabulary.ts';

const text = readFileSync(new URL('../../server/precedents/data/ucdp-peace-agreements-221.csv', import.meta.url), 'utf8');
const { precedents, problems } = parseUcdpPeaceAgreements(text);
const count = (f: (p: (typeof precedents)[number]) => boolean) => precedents.filter(f).length;

describe('the UCDP Peace Agreement Dataset v22.1', () => {
  it('reads all 374 agreements, multi-line cells and trailing-space headers included', () => {
    expect(problems).toEqual([]);
    expect(precedents).toHaveLength(374);
    expect(new Set(precedents.map((p) => p.paid)).size).toBe(374);
    const peshawar = precedents.find((p) => p.paid === 1565)!;
    expect(peshawar).toMatchObject({ name: 'Peshawar Accord', conflict: 'Afghanistan: Government', year: 1992, date: '1992-04-24', type: 2, ended: null, endDate: null });
    expect(peshawar.dyads).toHaveLength(6);
    expect(peshawar.comment).toContain('\n');
    expect(peshawar.fullTextUrl).toMatch(/^http:\/\/ucdpged\.uu\.se\/peaceagreements\/fulltext\//);
  });

  it('counts the provisions as the file has them', () => {
    const has = (k: (typeof UCDP_PROVISIONS)[number]) => count((p) => p.provisions.includes(k));
    expect([has('cease'), has('pko'), has('withd'), has('ref'), has('return'), has('justice_prov')]).toEqual([176, 50, 34, 15, 94, 180]);
    // pa_3rd names a third party in 264 rows, one of which says "No".
    expect(has('pa_3rd')).toBe(263);
    expect(precedents.find((p) => p.paid === 1024)!.thirdParty).toBeNull();
    expect([1, 2, 3].map((t) => count((p) => p.type === t))).toEqual([77, 213, 84]);
  });

  it('reads ended as True, False or blank, with the end date', () => {
    expect(count((p) => p.ended === true)).toBe(134);
    expect(count((p) => p.ended === true && p.endDate === null)).toBe(5);
    expect(count((p) => p.ended === false)).toBe(2);
    expect(count((p) => p.ended === null)).toBe(238);
    expect(count((p) => p.ended !== true && p.endDate !== null)).toBe(0);
  });

  it('gives the survival of all agreements: 5 without an end date and 1 ending before it began are left out', () => {
    const s = precedentSurvival(precedents);
    expect({ n: s.n, events: s.events, censored: s.censored, exclusions: s.exclusions }).toEqual({ n: 368, events: 128, censored: 240, exclusions: { noEndDate: 5, endBeforeDate: 1 } });
    expect(s.steps.at(-1)!.atRisk).toBeGreaterThan(0);
  });

  it('reports a problem by line for a malformed row, and reads the rest', () => {
    const head = text.split('\n')[0]!.trim();
    const columns = head.split(',');
    const row = (cells: Record<string, string>) => columns.map((c) => cells[c.trim()] ?? '0').join(',');
    const good = { paid: '7', pa_name: '"Accord, with a comma"', conflict_name: 'X: Y', year: '2001', pa_date: '2001-02-03', pa_type: '1', ended: 'True', duration: '2001-03-03', 'ref': '1', pa_3rd: 'UN' };
    const res = parseUcdpPeaceAgreements([head, row({ ...good, paid: 'x' }), row(good), row({ ...good, paid: '8', ended: 'maybe' })].join('\r\n'));
    expect(res.problems).toEqual([
      { line: 2, message: 'paid is not a positive integer' },
      { line: 4, message: 'ended is not True, False or blank' },
    ]);
    expect(res.precedents).toHaveLength(1);
    expect(res.precedents[0]).toMatchObject({ paid: 7, name: 'Accord, with a comma', ended: true, endDate: '2001-03-03', provisions: ['ref', 'pa_3rd'], thirdParty: 'UN' });
    expect(parseUcdpPeaceAgreements('a,b\n1,2\n').problems[0]!.message).toMatch(/^missing columns: paid/);
  });
});

describe('search', () => {
  it('filters by words, conflict, years, type and provisions present or absent', () => {
    expect(filterPrecedents(precedents, { conflict: 'israel: palestine' })).toHaveLength(9);
    expect(filterPrecedents(precedents, { q: 'oslo' }).every((p) => /oslo/i.test(p.name + p.conflict + p.dyads.join()))).toBe(true);
    expect(filterPrecedents(precedents, { q: 'PESHAWAR accord' }).map((p) => p.paid)).toEqual([1565]);
    expect(filterPrecedents(precedents, { with: ['pko'] })).toHaveLength(50);
    expect(filterPrecedents(precedents, { without: ['pko'] })).toHaveLength(324);
    const both = filterPrecedents(precedents, { with: ['pko', 'cease'], without: ['withd'] });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((p) => p.provisions.includes('pko') && p.provisions.includes('cease') && !p.provisions.includes('withd'))).toBe(true);
    const nineties = filterPrecedents(precedents, { fromYear: 1990, toYear: 1999, types: [1] });
    expect(nineties.length).toBeGreaterThan(0);
    expect(nineties.every((p) => p.year >= 1990 && p.year <= 1999 && p.type === 1)).toBe(true);
  });

  it('sorts with a total order and pages', () => {
    const byDate = sortPrecedents(precedents, 'date', 'desc');
    expect(byDate[0]!.date).toBe('2021-05-02');
    expect(byDate.at(-1)!.date).toBe('1975-03-06');
    const byName = sortPrecedents(precedents, 'name', 'asc');
    expect(byName.map((p) => p.paid)).toEqual(sortPrecedents([...precedents].reverse(), 'name', 'asc').map((p) => p.paid));
    const page = pagePrecedents(byDate, 10, 370);
    expect(page).toMatchObject({ total: 374, limit: 10, offset: 370 });
    expect(page.items).toHaveLength(4);
  });
});

describe('the links to UCDP provisions', () => {
  it('links each category to known provisions, never to a UCDP grouping', () => {
    for (const link of Object.values(PROVISION_UCDP_LINKS)) {
      for (const k of link.ucdp) expect(UCDP_PROVISION_INFO[k].group).not.toBe('any');
    }
    expect(linkedUcdpProvisions(['stabilization_force', 'ceasefire', 'human_rights', 'ceasefire'])).toEqual(['cease', 'pko']);
    expect(linkedUcdpProvisions(['transitional_justice'])).toEqual(['recon']);
  });
});
