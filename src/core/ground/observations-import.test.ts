import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { MAX_OBSERVATION_ROWS, MAX_REPORTED_ERRORS, parseObservationsCsv } from './observations-import.ts';

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, numbering records by the line they start on', () => {
    const { records, problems } = readCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\rlast,');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('drops a byte-order mark, skips blank lines and reports quoting problems by line', () => {
    const { records, problems } = readCsv('\uFEFFa\n\n"b"c\nd\n"open');
    expect(records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['d'] },
    ]);
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
    expect(problems[1]!.message).toMatch(/not closed/);
  });

  it('stops after the limit and says whether anything was left', () => {
    expect(readCsv('a\nb\nc\n', 2)).toMatchObject({ records: [{ fields: ['a'] }, { fields: ['b'] }], truncated: true });
    expect(readCsv('a\nb\n\n', 2).truncated).toBe(false);
  });
});

describe('parseObservationsCsv', () => {
  it('reads date,value and date,value,source, with a BOM, CRLF and quoted sources', () => {
    const text = '\uFEFFDate,Value,Source\r\n2026-06-01,120,"OCHA, Gaza"\r\n2026-06-02, 12.5 ,\r\n2026-06-03,1e3,مصدر\r\n';
    expect(parseObservationsCsv(text)).toEqual({
      rows: [
        { line: 2, observedOn: '2026-06-01', value: 120, source: 'OCHA, Gaza' },
        { line: 3, observedOn: '2026-06-02', value: 12.5, source: null },
        { line: 4, observedOn: '2026-06-03', value: 1000, source: 'مصدر' },
      ],
      errors: [],
    });
    expect(parseObservationsCsv('date,value\n2026-06-01,0\n')).toEqual({ rows: [{ line: 2, observedOn: '2026-06-01', value: 0, source: null }], errors: [] });
  });

  it('requires the header', () => {
    expect(parseObservationsCsv('2026-06-01,120\n').errors).toEqual([{ line: 1, message: expect.stringMatching(/header date,value/) as unknown as string }]);
    expect(parseObservationsCsv('').errors[0]!.message).toMatch(/empty/);
    expect(parseObservationsCsv('date,amount\n2026-06-01,1').rows).toEqual([]);
    expect(parseObservationsCsv('date,value\n').errors).toEqual([{ line: 2, message: 'there is no row below the header' }]);
  });

  it('refuses dates that are not YYYY-MM-DD calendar dates', () => {
    const { rows, errors } = parseObservationsCsv('date,value\n2026-02-29,1\n2026-6-01,1\n01/06/2026,1\n2026-06-01T00:00,1\n0099-12-31,1\n2028-02-29,1');
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.observedOn)).toEqual(['2028-02-29']);
  });

  it('refuses values that are not finite non-negative numbers', () => {
    const { rows, errors } = parseObservationsCsv('date,value\n2026-06-01,-3\n2026-06-02,abc\n2026-06-03,\n2026-06-04,1e400\n2026-06-05,Infinity\n2026-06-06,"1,200"\n2026-06-07,0x10\n2026-06-08,.5');
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/negative/);
    expect(errors[2]!.message).toMatch(/empty/);
    expect(errors[3]!.message).toMatch(/too large/);
    expect(rows).toEqual([{ line: 9, observedOn: '2026-06-08', value: 0.5, source: null }]);
  });

  it('names both lines of a date given twice', () => {
    const { errors } = parseObservationsCsv('date,value\n2026-06-01,1\n2026-06-02,1\n2026-06-01,2\n');
    expect(errors).toEqual([{ line: 4, message: 'the date 2026-06-01 is also on line 2: one value per date' }]);
  });

  it('refuses rows with the wrong number of fields, unclosed quotes and NUL in the source', () => {
    const { errors } = parseObservationsCsv('date,value,source\n2026-06-01,1\n2026-06-02,1,a,b\n2026-06-03,1,"a\u0000b"\n2026-06-04,1,"open\n');
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]!.message).toMatch(/2 fields; the header has 3/);
    expect(errors[3]!.message).toMatch(/not closed/);
  });

  it('reports every problem of a row, in line order, and at most MAX_REPORTED_ERRORS of them plus a count', () => {
    expect(parseObservationsCsv('date,value\nnope,-1\n').errors).toHaveLength(2);
    const many = ['date,value', ...Array.from({ length: 150 }, () => 'bad,1')].join('\n');
    const { errors } = parseObservationsCsv(many);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ line: MAX_REPORTED_ERRORS + 2, message: 'and 50 more errors from this line on' });
  });

  it(`accepts ${MAX_OBSERVATION_ROWS} rows and refuses one more`, () => {
    const start = Date.UTC(2000, 0, 1);
    const lines = Array.from({ length: MAX_OBSERVATION_ROWS + 1 }, (_, i) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${i}`);
    const full = parseObservationsCsv(['date,value', ...lines.slice(0, MAX_OBSERVATION_ROWS)].join('\n'));
    expect(full.errors).toEqual([]);
    expect(full.rows).toHaveLength(MAX_OBSERVATION_ROWS);
    const over = parseObservationsCsv(['date,value', ...lines].join('\n'));
    expect(over).toEqual({ rows: [], errors: [{ line: MAX_OBSERVATION_ROWS + 2, message: `the file has more than ${MAX_OBSERVATION_ROWS} rows; split it` }] });
    // Two parses of 100,000 rows: about a second alone, far more on a loaded machine.
  }, 60_000);
});
