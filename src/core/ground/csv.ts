/**
 * A small RFC 4180 reader for the files core checks itself (csv-parse is the server's and streams
 * through Node): fields separated by commas, quoted with double quotes ("" for a quote inside),
 * records ending in CRLF, LF or CR. A leading byte-order mark is dropped.
 */

/** A record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record the reader could not read, by the line it starts on. */
export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Reads records until `limit` of them (when given) have been read; the rest of the text is left
 * unread and `truncated` says so. A record with a quoting problem is reported and left out; blank
 * lines are skipped.
 */
export function readCsv(text: string, limit = Infinity): { records: CsvRecord[]; problems: CsvProblem[]; truncated: boolean } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < s.length) {
    if (records.length >= limit) return { records, problems, truncated: /[^\r\n]/.test(s.slice(i)) };
    const start = line;
    const fields: string[] = [];
    let problem: string | null = null;
    let field = '';
    let quoted = false;
    let done = false;
    while (!done) {
      if (i >= s.length) {
        fields.push(field);
        break;
      }
      const c = s[i]!;
      if (c === '"' && field === '' && !quoted) {
        // A quoted field: read to the closing quote, newlines included.
        quoted = true;
        i += 1;
        let closed = false;
        while (i < s.length) {
          const q = s[i]!;
          if (q === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (q === '\n' || (q === '\r' && s[i + 1] !== '\n')) line += 1;
          field += q;
          i += 1;
        }
        if (!closed) {
          problem ??= 'a quoted field is not closed: a double quote is missing';
          fields.push(field);
          break;
        }
        const next = s[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          problem ??= 'after a closing double quote there must be a comma or the end of the line (write "" for a quote inside a quoted field)';
        }
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        quoted = false;
        i += 1;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
        line += 1;
        done = true;
      } else {
        // Text after a closing quote was reported above; it is kept so that reading goes on.
        field += c;
        i += 1;
      }
    }
    if (problem !== null) problems.push({ line: start, message: problem });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, problems, truncated: false };
}
