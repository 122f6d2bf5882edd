/**
 * The UCDP Peace Agreement Dataset v22.1 CSV into typed precedents. Headers are trimmed (the file
 * has `ref ` and `return `, and a trailing empty column); cells may span lines inside quotes.
 */
import { readCsv } from '../ground/csv.ts';
import { PA_TYPES, UCDP_PROVISIONS, type PaType, type UcdpProvision } from './vocabulary.ts';

/** UCDP v22.1 codes events through 2021: an agreement not known to have ended is followed to here. */
export const UCDP_DATA_END = '2021-12-31';
export const UCDP_VERSION = '22.1';
export const UCDP_SOURCE = 'UCDP Peace Agreement Dataset v22.1';
export const UCDP_CITATION =
  'Pettersson, Therése, Stina Högbladh & Magnus Öberg (2019). Organized violence, 1989–2018 and peace agreements. Journal of Peace Research 56(4): 589–603.';
export const UCDP_LICENCE = 'CC BY 4.0';

export const UCDP_REGIONS: Record<number, string> = { 1: 'Europe', 2: 'Middle East', 3: 'Asia', 4: 'Africa', 5: 'Americas' };

export interface Precedent {
  paid: number;
  name: string;
  conflict: string;
  conflictId: string;
  dyads: string[];
  region: string;
  year: number;
  /** pa_date, YYYY-MM-DD. */
  date: string;
  type: PaType;
  provisions: UcdpProvision[];
  /** pa_3rd: the third parties that signed; null when none. */
  thirdParty: string | null;
  /** `True` true, `False` false, blank null (not known to have ended). */
  ended: boolean | null;
  /** duration: the day it ended, YYYY-MM-DD; null when none is given. */
  endDate: string | null;
  fullTextUrl: string | null;
  signatories: string;
  comment: string;
  endComment: string;
}

export interface PrecedentsParse {
  precedents: Precedent[];
  problems: { line: number; message: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED = ['paid', 'pa_name', 'conflict_name', 'year', 'pa_date', 'pa_type', 'ended', 'duration'] as const;
// pa_3rd answers "No" once where it names no one.
const NO_THIRD_PARTY = new Set(['', 'no', 'none', 'n/a', '-']);

/** Splits a comma list of names when it has as many names as the ids beside it; else keeps it whole. */
function names(value: string, ids: string): string[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const count = ids.split(',').filter((s) => s.trim()).length;
  return parts.length === count ? parts : [value.trim()].filter(Boolean);
}

const isDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function parseUcdpPeaceAgreements(text: string): PrecedentsParse {
  const { records, problems } = readCsv(text);
  const out: PrecedentsParse = { precedents: [], problems: [...problems] };
  const [head, ...rows] = records;
  if (!head) return { ...out, problems: [...out.problems, { line: 1, message: 'the file is empty' }] };
  const column = new Map(head.fields.map((h, i) => [h.trim(), i] as const));
  const missing = REQUIRED.filter((c) => !column.has(c));
  if (missing.length > 0) return { ...out, problems: [...out.problems, { line: head.line, message: `missing columns: ${missing.join(', ')}` }] };
  for (const record of rows) {
    const get = (name: string) => {
      const i = column.get(name);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const paid = Number(get('paid'));
    const year = Number(get('year'));
    const date = get('pa_date');
    const type = Number(get('pa_type'));
    const endedText = get('ended');
    const endDate = get('duration');
    const problem =
      !Number.isInteger(paid) || paid <= 0 ? 'paid is not a positive integer'
      : !isDay(date) ? 'pa_date is not a YYYY-MM-DD date'
      : !Number.isInteger(year) ? 'year is not a year'
      : !(PA_TYPES as readonly number[]).includes(type) ? 'pa_type is not 1, 2 or 3'
      : !['', 'True', 'False'].includes(endedText) ? 'ended is not True, False or blank'
      : endDate !== '' && !isDay(endDate) ? 'duration is not a YYYY-MM-DD date'
      : null;
    if (problem) {
      out.problems.push({ line: record.line, message: problem });
      continue;
    }
    const thirdParty = get('pa_3rd');
    const hasThird = !NO_THIRD_PARTY.has(thirdParty.toLowerCase());
    const provisions = UCDP_PROVISIONS.filter((k) => (k === 'pa_3rd' ? hasThird : get(k) === '1'));
    const link = get('linktofulltextagreement');
    out.precedents.push({
      paid,
      name: get('pa_name'),
      conflict: get('conflict_name'),
      conflictId: get('conflict_id'),
      dyads: names(get('dyad_name'), get('dyad_id')),
      region: UCDP_REGIONS[Number(get('region'))] ?? get('region'),
      year,
      date,
      type: type as PaType,
      provisions,
      thirdParty: hasThird ? thirdParty : null,
      ended: endedText === '' ? null : endedText === 'True',
      endDate: endDate || null,
      fullTextUrl: /^https?:\/\//.test(link) ? link : null,
      signatories: get('pa_sign'),
      comment: get('pa_comment'),
      endComment: get('c_duration'),
    });
  }
  return out;
}
