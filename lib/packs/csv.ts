/**
 * A small RFC 4180 CSV reader and writer: quoted fields with embedded delimiters, newlines and doubled quotes; CRLF,
 * LF or CR line ends; comma, semicolon or tab delimiters detected from the first line.
 */

/** Field delimiters a CSV may use. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Rows of fields, with the 1-based line each row starts on (quoted newlines make rows span lines). */
export interface CsvTable {
  delimiter: CsvDelimiter;
  rows: string[][];
  lines: number[];
}

/** Rows, or where and why the text is not CSV. */
export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

/**
 * Picks the delimiter from the first line (outside quotes): the most frequent of comma, semicolon and tab; comma on
 * a tie or when none occurs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * Parses CSV text (BOM already removed) into rows. Blank lines are skipped. A quote inside an unquoted field is kept
 * as a character; text after a closing quote is appended to the field. An unterminated quoted field is an error
 * naming the line it started on.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvResult {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */ && field === '') {
      // Quoted field: read to the closing quote.
      const startLine = line;
      i++;
      let closed = false;
      let start = i;
      let value = '';
      while (i < n) {
        const q = text.charCodeAt(i);
        if (q === 0x22) {
          if (text.charCodeAt(i + 1) === 0x22) {
            value += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          value += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (q === 0x0a || (q === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
        i++;
      }
      if (!closed)
        return { ok: false, line: startLine, message: `a quoted field starting on line ${startLine} never ends` };
      field = value;
      continue;
    }
    if (text[i] === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      endRow();
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    // Unquoted run up to the next delimiter, quote-free line end.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x0d || d === 0x0a || text[j] === delimiter) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || row.length > 0) endRow();
  return { ok: true, table: { delimiter, rows, lines } };
}

/** Quotes a field when it needs it (delimiter, quote, CR or LF, or leading/trailing space). */
export function csvField(value: string, delimiter: CsvDelimiter = ','): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** Writes rows as CSV with CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return rows.map((r) => r.map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n');
}
