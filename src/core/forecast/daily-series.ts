/**
 * Daily count series for the backtests (issue 12), read from CSV text (a header with a `date`
 * column and the named value column) or from the Tech for Palestine daily JSON (`report_date` and
 * the named field, a dotted path such as `verified.killed`). Pure: the caller reads the file.
 *
 * A missing report is not a zero. A day is missing (null) when its row is absent, its value is
 * empty, null or absent, or, in the TfP JSON, its `report_source` is "missing" or its
 * `report_period` is not 24 hours (0 marks no report; 48 or 72 is a report covering several days,
 * which is not that day's count and is not spread over the days it covers).
 */
import type { DailyCount } from './counts.ts';

/** Consecutive days from `start`, one value each (null when missing). */
export interface DailySeries {
  start: string;
  values: DailyCount[];
}

export type SeriesParse = { ok: true; series: DailySeries } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Days since 1970-01-01 of `YYYY-MM-DD` or `07 October 2023`, or null if it is neither or not a real date. */
export function dayNumber(text: string): number | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long) [y, m, d] = [Number(long[3]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[1])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Splits one CSV line, honouring double quotes (a doubled quote inside is one quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** A count: a whole number ≥ 0 (from text or JSON), null when empty, or an error message. */
function countOf(raw: unknown): { value: number | null } | { error: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) return { error: `${JSON.stringify(raw)} is not a count (a whole number ≥ 0)` };
  return { value: n };
}

/** Builds the consecutive series from (day, value) pairs; duplicates are an error. */
function assemble(rows: Array<{ day: number; value: number | null; where: string }>): SeriesParse {
  if (rows.length === 0) return { ok: false, message: 'no rows' };
  const sorted = [...rows].sort((a, b) => a.day - b.day);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.day === sorted[i - 1]!.day) return { ok: false, message: `${sorted[i]!.where}: date ${dayString(sorted[i]!.day)} appears twice` };
  }
  const first = sorted[0]!.day;
  const values: DailyCount[] = new Array<DailyCount>(sorted[sorted.length - 1]!.day - first + 1).fill(null);
  for (const r of sorted) values[r.day - first] = r.value;
  return { ok: true, series: { start: dayString(first), values } };
}

/** A CSV with a header naming a `date` column and the `field` column. */
export function parseDailyCsv(text: string, field: string): SeriesParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = csvFields(lines[0] ?? '').map((h) => h.trim());
  const dateCol = header.indexOf('date');
  const valueCol = header.indexOf(field);
  if (dateCol < 0 || valueCol < 0) return { ok: false, message: `line 1: the header must name a "date" column and the "${field}" column (got ${header.join(',')})` };
  const rows: Array<{ day: number; value: number | null; where: string }> = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const where = `line ${i + 1}`;
    const cells = csvFields(lines[i]!);
    if (cells.length !== header.length) return { ok: false, message: `${where}: ${cells.length} fields where the header has ${header.length}` };
    const day = dayNumber(cells[dateCol]!);
    if (day === null) return { ok: false, message: `${where}: ${JSON.stringify(cells[dateCol])} is not a date (YYYY-MM-DD)` };
    const count = countOf(cells[valueCol]);
    if ('error' in count) return { ok: false, message: `${where}: ${field} ${count.error}` };
    rows.push({ day, value: count.value, where });
  }
  return assemble(rows);
}

const pathValue = (row: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), row);

/** The Tech for Palestine daily JSON: an array of rows with `report_date` and `field` (a dotted path). */
export function parseDailyJson(text: string, field: string): SeriesParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!Array.isArray(data)) return { ok: false, message: 'the JSON must be an array of daily rows' };
  const rows: Array<{ day: number; value: number | null; where: string }> = [];
  let seen = false;
  for (const [i, row] of data.entries()) {
    const where = `row ${i + 1}`;
    if (row === null || typeof row !== 'object') return { ok: false, message: `${where}: not an object` };
    const r = row as Record<string, unknown>;
    const day = typeof r.report_date === 'string' ? dayNumber(r.report_date) : null;
    if (day === null) return { ok: false, message: `${where}: report_date ${JSON.stringify(r.report_date)} is not a date (YYYY-MM-DD)` };
    const raw = pathValue(r, field);
    if (raw !== undefined) seen = true;
    const count = countOf(raw);
    if ('error' in count) return { ok: false, message: `${where}: ${field} ${count.error}` };
    const unreported = r.report_source === 'missing' || (r.report_period !== undefined && r.report_period !== 24);
    rows.push({ day, value: unreported ? null : count.value, where });
  }
  if (rows.length > 0 && !seen) return { ok: false, message: `no row has the field "${field}"` };
  return assemble(rows);
}
