import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvDelimiter, detectDelimiter, parseCsv, writeCsv } from '../../../lib/packs/csv';

const rows = (text: string, delimiter?: CsvDelimiter) => {
  const r = parseCsv(text, delimiter);
  if (!r.ok) throw new Error(r.message);
  return r.table.rows;
};

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, and CRLF/LF/CR line ends', () => {
    expect(rows('a,"b,c","say ""hi"""\r\n"multi\nline",x,\ry,z,w\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', 'x', ''],
      ['y', 'z', 'w'],
    ]);
  });

  it('gives the line each row starts on, counting newlines inside quotes', () => {
    const r = parseCsv('h1,h2\n"a\nb",c\nd,e\n');
    expect(r.ok && r.table.lines).toEqual([1, 2, 4]);
  });

  it('skips blank lines and keeps a stray quote inside an unquoted field', () => {
    expect(rows('a,b\n\n5" disk,x\n')).toEqual([
      ['a', 'b'],
      ['5" disk', 'x'],
    ]);
  });

  it('reports an unterminated quoted field with its line', () => {
    expect(parseCsv('a,b\nc,"never\nends')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted field starting on line 2 never ends',
    });
  });

  it('detects comma, semicolon and tab from the first line, ignoring quoted ones', () => {
    expect(detectDelimiter('name;aliases;type\n')).toBe(';');
    expect(detectDelimiter('name\taliases\ttype\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('name\n')).toBe(',');
  });

  it('round-trips any fields through writeCsv (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r', '芯', 'é') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom<CsvDelimiter>(',', ';', '\t'), (t, delimiter) => {
        // A row of only empty fields is a blank line; give each row one non-empty field so none is skipped.
        const input = t.map((r) => ['x', ...r]);
        expect(rows(writeCsv(input, delimiter), delimiter)).toEqual(input);
      }),
    );
  });
});
