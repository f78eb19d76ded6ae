import type { Annotation } from '../annotations/types';

const COLUMNS = [
  'id',
  'page title',
  'url',
  'page key',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'tags',
  'colour',
  'entities',
  'entity ids',
  'created',
  'updated',
] as const;

/**
 * RFC 4180 CSV (CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled) with a UTF-8 byte order
 * mark so spreadsheet apps read non-ASCII text correctly. Cells that a spreadsheet could run as a formula get a
 * leading apostrophe (OWASP's CSV-injection advice, see {@link needsGuard}); so do cells that already start with one,
 * so removing exactly one leading apostrophe always gives the text back. Lists are joined with "; ".
 */
export function toCsv(annotations: readonly Annotation[], entityName: (id: string) => string | undefined): string {
  const rows: string[] = [COLUMNS.map(cell).join(',')];
  for (const a of annotations) {
    rows.push(
      [
        a.id,
        a.title,
        a.url,
        a.pageKey,
        a.quote.exact,
        a.quote.prefix,
        a.quote.suffix,
        String(a.position.start),
        String(a.position.end),
        a.note,
        a.tags.join('; '),
        a.color,
        a.entityIds.map((id) => entityName(id) ?? id).join('; '),
        a.entityIds.join('; '),
        a.createdAt,
        a.updatedAt,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** Invisible characters: zero-width and bidirectional controls, soft hyphen, fillers, byte order mark. */
const INVISIBLE =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0';
/** What starts a formula: = + - @ and their full-width forms (some spreadsheets fold them to ASCII). */
const FORMULA_START = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/**
 * Guarded: a formula start after any white space (space, no-break and other Unicode spaces, tab, CR, LF) or invisible
 * characters; and any cell starting with tab, CR, LF, an invisible character or an apostrophe.
 */
const GUARDED = new RegExp(`^(?:[\\s${INVISIBLE}]*[${FORMULA_START}]|[\\t\\r\\n${INVISIBLE}'])`);

/** Whether a spreadsheet could read the cell as a formula (or it starts with the apostrophe the guard adds). */
export function needsGuard(value: string): boolean {
  return GUARDED.test(value);
}

/** One cell: neutralised against formula injection, then quoted if RFC 4180 requires it. */
export function cell(value: string): string {
  const safe = needsGuard(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
