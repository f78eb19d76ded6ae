import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, toCsv } from '../../../lib/export';
import { annotationsArb, makeAnnotation } from './arbitraries';

/** A tiny RFC 4180 reader, independent of the writer, to check the quoting really round-trips. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`RFC 4180 violation at ${i}: bare ${JSON.stringify(c)}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record lacks CRLF');
  return rows;
}

const names = (id: string) => ({ 'nvidia-h20': 'NVIDIA H20' })[id];
/** The inverse of the neutralisation: a cell starting with an apostrophe had exactly one added. */
const unneutralise = (s: string) => (s.startsWith("'") ? s.slice(1) : s);

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, has a header row and ends every record with CRLF', () => {
    const csv = toCsv([makeAnnotation()], names);
    expect(csv.startsWith('\uFEFFid,page title,url,')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('NVIDIA H20; bis');
    expect(rows[1]).toContain('export-controls; h20');
    expect(rows[0]!.length).toBe(rows[1]!.length);
  });

  it('quotes commas, double quotes, CR and LF so a reader gets the text back', () => {
    const a = makeAnnotation({ note: 'one, "two"\r\nthree\nfour\rfive', title: 'Plain' });
    const rows = readCsv(toCsv([a], names).slice(1));
    expect(rows[1]![1]).toBe('Plain');
    expect(rows[1]![9]).toBe('one, "two"\r\nthree\nfour\rfive');
  });

  it.each([
    ['=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['\tplain', "'\tplain"],
    [' =1+2', "' =1+2"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u00a0-1', "'\u00a0-1"],
    ['\u200b=1', "'\u200b=1"],
    ['\u200bplain', "'\u200bplain"],
    ['\ufeff+1', "'\ufeff+1"],
    ['\u202e=1', "'\u202e=1"],
    ['\u2060@x', "'\u2060@x"],
    ['＝HYPERLINK("http://evil.test")', `"'＝HYPERLINK(""http://evil.test"")"`],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' ＝1', "' ＝1"],
    ['plain = fine', 'plain = fine'],
    [' leading space, then text', '" leading space, then text"'],
    ['a=1', 'a=1'],
    // Already starting with an apostrophe: one more, so the reader can always remove exactly one.
    ["'- not a formula", "''- not a formula"],
    ["'quoted", "''quoted"],
    ['', ''],
  ])('neutralises formula injection in %j', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it('round-trips every field through an RFC 4180 reader for any annotations', () => {
    fc.assert(
      fc.property(annotationsArb, (annotations) => {
        const rows = readCsv(toCsv(annotations, () => undefined).slice(1));
        expect(rows).toHaveLength(annotations.length + 1);
        annotations.forEach((a, i) => {
          const r = rows[i + 1]!.map(unneutralise);
          expect([r[0], r[1], r[4], r[9], r[14]]).toEqual([a.id, a.title, a.quote.exact, a.note, a.createdAt]);
          expect(r[11]).toBe(a.color);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('writes only the header for no annotations', () => {
    expect(readCsv(toCsv([], names).slice(1))).toHaveLength(1);
  });
});
