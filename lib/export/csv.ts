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
 * mark so spreadsheet apps read non-ASCII text correctly. Cells that a spreadsheet would run as a formula (starting
 * with = + - @, tab or CR) get a leading apostrophe (OWASP's CSV-injection advice); so do cells that already start
 * with one, so removing exactly one leading apostrophe always gives the text back. Lists are joined with "; ".
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

/** One cell: neutralised against formula injection, then quoted if RFC 4180 requires it. */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
