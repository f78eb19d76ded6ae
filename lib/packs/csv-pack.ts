/**
 * A pack as a spreadsheet: a CSV with a header row naming the columns name, aliases, type, note, source_url, date
 * (any order, any case, BOM, comma, semicolon or tab). Aliases in one cell are separated by ";" or "|". The manifest
 * comes from the import dialog (a CSV has none).
 */
import * as v from 'valibot';
import { parseCsv } from './csv';
import { DEFAULT_LIMITS, issuesOf, type PackInput, type PackLimits, readInput, slugOf, tooManyEntities } from './input';
import { PackEntityInputSchema, packEntity } from './json-pack';
import {
  type PackIssue,
  type PackManifest,
  PackManifestSchema,
  type PackParseResult,
  type ReaderEntity,
} from './types';

/** The columns a CSV pack may have, with the header spellings accepted for each. */
export const CSV_PACK_COLUMNS = {
  name: ['name'],
  aliases: ['aliases', 'alias', 'alt_names', 'other_names'],
  type: ['type', 'kind'],
  note: ['note', 'notes', 'summary', 'description'],
  source_url: ['source_url', 'source', 'url', 'sourceurl', 'link'],
  date: ['date', 'as_of', 'asof'],
} as const;
/** A column a CSV pack may have. */
export type CsvPackColumn = keyof typeof CSV_PACK_COLUMNS;

/** Normalizes a header cell: BOM and outer space removed, lower case, runs of space, "-" and "." as "_". */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/** Maps header cells to columns; null when the row has no name column (then it is not a header). */
export function detectHeader(
  row: readonly string[],
): { columns: Map<CsvPackColumn, number>; unknown: string[] } | null {
  const columns = new Map<CsvPackColumn, number>();
  const unknown: string[] = [];
  row.forEach((cell, i) => {
    const key = headerKey(cell);
    const column = (Object.keys(CSV_PACK_COLUMNS) as CsvPackColumn[]).find((c) =>
      (CSV_PACK_COLUMNS[c] as readonly string[]).includes(key),
    );
    if (column && !columns.has(column)) columns.set(column, i);
    else if (key) unknown.push(cell.trim());
  });
  return columns.has('name') ? { columns, unknown } : null;
}

/** Splits an aliases cell on ";" or "|". */
export function splitAliases(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Options of a CSV pack import: the manifest is required (validated like a JSON pack's). */
export interface CsvPackOptions {
  manifest: PackManifest;
  /** Type of rows with an empty or missing type column (default "other"). */
  defaultType?: ReaderEntity['type'];
  limits?: Partial<PackLimits>;
}

/**
 * Parses a CSV pack. Rows are data rows numbered from 0 after the header (errors also give the file line). A note
 * with a source URL or date becomes a sourced fact labelled "Note"; a source URL or date without a note is an error.
 */
export function parseCsvPack(input: PackInput, options: CsvPackOptions): PackParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = readInput(input, limits);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const manifest = v.safeParse(PackManifestSchema, options.manifest);
  if (!manifest.success) return { ok: false, errors: issuesOf(manifest.issues, undefined, undefined, 'manifest') };
  const csv = parseCsv(read.text);
  if (!csv.ok) return { ok: false, errors: [{ message: csv.message }] };
  const [header, ...rows] = csv.table.rows;
  const detected = header ? detectHeader(header) : null;
  if (!detected) {
    return {
      ok: false,
      errors: [
        { message: 'no header row: the first row must name the columns (name, aliases, type, note, source_url, date)' },
      ],
    };
  }
  if (rows.length > limits.maxEntities) return { ok: false, errors: [tooManyEntities(rows.length, limits)] };
  const warnings: PackIssue[] = detected.unknown.map((c) => ({ field: c, message: 'unknown column; ignored' }));
  const errors: PackIssue[] = [];
  const { id: packId, revision } = manifest.output;
  const cell = (row: string[], c: CsvPackColumn) => {
    const i = detected.columns.get(c);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const entities: ReaderEntity[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = csv.table.lines[index + 1];
    const name = cell(row, 'name');
    const at = (field: string, message: string): PackIssue => ({
      index,
      ...(name ? { name } : {}),
      field,
      message: `${message} (line ${line})`,
    });
    const note = cell(row, 'note');
    const sourceUrl = cell(row, 'source_url');
    const date = cell(row, 'date');
    if (!note && (sourceUrl || date))
      errors.push(at(sourceUrl ? 'source_url' : 'date', 'describes the note; the note is empty'));
    const raw = {
      name,
      type: cell(row, 'type').toLowerCase() || options.defaultType || 'other',
      aliases: splitAliases(cell(row, 'aliases')),
      ...(note && !sourceUrl && !date ? { note } : {}),
      ...(note && (sourceUrl || date)
        ? {
            facts: [
              {
                label: 'Note',
                value: note,
                ...(date ? { asOf: date } : {}),
                ...(sourceUrl ? { source: { url: sourceUrl } } : {}),
              },
            ],
          }
        : {}),
    };
    const parsed = v.safeParse(PackEntityInputSchema, raw);
    if (!parsed.success) {
      for (const issue of issuesOf(parsed.issues, index, name || undefined)) {
        errors.push({ ...issue, field: csvField(issue.field), message: `${issue.message} (line ${line})` });
      }
      return;
    }
    const localId = slugOf(name);
    const first = seen.get(localId);
    if (first !== undefined) {
      errors.push(at('name', `same name as row ${first}`));
      return;
    }
    seen.set(localId, index);
    const entity = packEntity(parsed.output, `${packId}:${localId}`, { kind: 'pack', packId, revision });
    if (entity.aliases.length === 0) errors.push(at('name', 'has no letter or digit'));
    else entities.push(entity);
  });
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, pack: { manifest: manifest.output, entities, skipped: 0 }, warnings };
}

/** The CSV column a pack-entity field path came from. */
function csvField(path: string | undefined): string | undefined {
  if (!path) return path;
  if (path.startsWith('facts.0.source')) return 'source_url';
  if (path.startsWith('facts.0.asOf')) return 'date';
  if (path.startsWith('facts.0')) return 'note';
  return path.split('.')[0];
}
