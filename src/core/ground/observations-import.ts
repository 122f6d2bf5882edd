/**
 * Reading indicator observations from CSV (`date,value[,source]`, docs/GATES.md): every problem is
 * reported with its line, and the import is all or nothing, so a caller saves the rows only when
 * there is no error.
 */
import { isCalendarDate, isStorableDate } from '../calendar.ts';
import { readCsv } from './csv.ts';

/** Most data rows one file may hold. */
export const MAX_OBSERVATION_ROWS = 100_000;
/** Most errors reported; one more says how many were left out. */
export const MAX_REPORTED_ERRORS = 100;

/** An observation read from a line of the file. */
export interface ObservationRow {
  line: number;
  observedOn: string;
  value: number;
  source: string | null;
}

/** A problem with the file, by its 1-based line (the header is line 1). */
export interface ObservationCsvError {
  line: number;
  message: string;
}

// Plain decimals, optionally with an exponent: no sign, no thousands separator, no hex, no "Infinity".
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseValue(raw: string): number | string {
  const text = raw.trim();
  if (text === '') return 'the value is empty';
  if (/^-/.test(text) && NUMBER.test(text.slice(1))) return `the value ${text} is negative; values are counts or quantities, 0 or more`;
  if (!NUMBER.test(text)) return `the value "${text}" is not a number (write it like 1200 or 12.5, without thousands separators)`;
  const value = Number(text);
  return Number.isFinite(value) ? value : `the value ${text} is too large`;
}

/**
 * Reads `date,value` or `date,value,source` (the header row is required, names in any case): dates
 * YYYY-MM-DD that exist, values finite and not negative, a date at most once in the file. A byte
 * order mark, CRLF line ends, blank lines and quoted fields with commas are accepted; the rows are
 * those that passed, in file order, and the caller imports them only when `errors` is empty.
 */
export function parseObservationsCsv(text: string): { rows: ObservationRow[]; errors: ObservationCsvError[] } {
  // The header, the rows allowed and one more, to tell that the file is too long without reading it all.
  const { records, problems } = readCsv(text, MAX_OBSERVATION_ROWS + 2);
  const errors: ObservationCsvError[] = [...problems];
  const rows: ObservationRow[] = [];
  const header = records[0];
  const names = header?.fields.map((f) => f.trim().toLowerCase()).join(',');
  if (!header || (names !== 'date,value' && names !== 'date,value,source')) {
    const found = header ? `found "${header.fields.join(',')}"` : 'the file is empty';
    return { rows: [], errors: [...problems, { line: header?.line ?? 1, message: `the first row must be the header date,value or date,value,source (${found})` }] };
  }
  const width = header.fields.length;
  const seen = new Map<string, number>();
  const data = records.slice(1);
  if (data.length > MAX_OBSERVATION_ROWS) {
    return { rows: [], errors: [{ line: data[MAX_OBSERVATION_ROWS]!.line, message: `the file has more than ${MAX_OBSERVATION_ROWS} rows; split it` }] };
  }
  if (data.length === 0 && problems.length === 0) {
    return { rows: [], errors: [{ line: header.line + 1, message: 'there is no row below the header' }] };
  }
  for (const { line, fields } of data) {
    const fail = (message: string) => errors.push({ line, message });
    if (fields.length !== width) {
      fail(`the row has ${fields.length} fields; the header has ${width} (${header.fields.join(',')})`);
      continue;
    }
    const date = fields[0]!.trim();
    const value = parseValue(fields[1]!);
    const source = width === 3 ? fields[2]!.trim() : '';
    const before = errors.length;
    if (!isCalendarDate(date)) fail(`the date "${date}" is not a date written YYYY-MM-DD that exists`);
    else if (!isStorableDate(date)) fail(`the date ${date} is outside the years 0100 to 9999`);
    else if (seen.has(date)) fail(`the date ${date} is also on line ${seen.get(date)}: one value per date`);
    else seen.set(date, line);
    if (typeof value === 'string') fail(value);
    // PostgreSQL text cannot hold NUL.
    if (source.includes('\u0000')) fail('the source holds a NUL character');
    if (errors.length === before) rows.push({ line, observedOn: date, value: value as number, source: source === '' ? null : source });
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > MAX_REPORTED_ERRORS) {
    const left = errors.length - MAX_REPORTED_ERRORS;
    const first = errors[MAX_REPORTED_ERRORS]!.line;
    errors.splice(MAX_REPORTED_ERRORS, left, { line: first, message: `and ${left} more errors from this line on` });
  }
  return { rows, errors };
}
