/**
 * Imports the US Consolidated Screening List (trade.gov) from its CSV or JSON download as a screening pack: records
 * filtered by source list and party type, one entity per party (a party on several lists is merged), aliases made by
 * the name rules (names.ts).
 */
import { normalizeAlias } from '../detection/normalize';
import { type CslRead, type CslRecord, type CslType, readCslRecord } from './csl-record';
import { parseCsv } from './csv';
import {
  DEFAULT_LIMITS,
  hashOf,
  type PackInput,
  type PackLimits,
  readInput,
  readJsonInput,
  tooManyEntities,
} from './input';
import { DEFAULT_NAME_RULES, type NameRuleOptions, type PartyKind, partyAliases, splitAka } from './names';
import type {
  PackIssue,
  PackManifest,
  PackParseResult,
  ReaderEntity,
  ReaderEntityType,
  ScreeningListing,
} from './types';

/** Options of a CSL import. */
export interface CslOptions {
  /** Pack id (default "us-csl"). */
  packId?: string;
  /**
   * Source lists to keep: full names as the file gives them ("Entity List (EL) - Bureau of Industry and Security")
   * or their abbreviations ("EL", "MEU", "SDN"), case-insensitive. Default: every list.
   */
  sources?: readonly string[];
  /** Party types to keep. Default: every type. */
  types?: readonly CslType[];
  /** Manifest fields; `revision` and `date` should be given (the date defaults to the latest start date seen). */
  manifest?: Partial<PackManifest>;
  limits?: Partial<PackLimits>;
  rules?: Partial<NameRuleOptions>;
}

/** The abbreviation in a CSL source name: "Entity List (EL) - Bureau of ..." gives "EL". */
export function sourceAbbreviation(source: string): string | undefined {
  return /\(([A-Z][A-Z-]{1,9})\)/.exec(source)?.[1];
}

/** True when `source` is one of the chosen lists (full name or abbreviation). */
export function sourceMatches(source: string, chosen: readonly string[]): boolean {
  const full = source.trim().toLowerCase();
  const abbreviation = sourceAbbreviation(source)?.toLowerCase();
  return chosen.some((c) => {
    const x = c.trim().toLowerCase();
    return x === full || x === abbreviation;
  });
}

const KIND: Record<CslType, PartyKind> = {
  Entity: 'entity',
  Individual: 'individual',
  Vessel: 'vessel',
  Aircraft: 'aircraft',
};
const ENTITY_TYPE: Record<CslType, ReaderEntityType> = {
  Entity: 'company',
  Individual: 'person',
  Vessel: 'other',
  Aircraft: 'other',
};

/** Parses the CSL JSON download or an API response: `{ results: [...] }` or a bare array of records. */
export function parseCslJson(input: PackInput, options: CslOptions = {}): PackParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = readJsonInput(input, limits);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const { data } = read;
  const results = Array.isArray(data) ? data : (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) {
    return { ok: false, errors: [{ field: 'results', message: 'expected { "results": [...] } or a list of records' }] };
  }
  if (results.length > limits.maxEntities) return { ok: false, errors: [tooManyEntities(results.length, limits)] };
  return buildCslPack(
    results.map((r, i) => readCslRecord(r, i, 'array')),
    options,
  );
}

/** Parses the CSL CSV download (header row required; `_id` optional; comma, semicolon or tab). */
export function parseCslCsv(input: PackInput, options: CslOptions = {}): PackParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = readInput(input, limits);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const csv = parseCsv(read.text);
  if (!csv.ok) return { ok: false, errors: [{ message: csv.message }] };
  const [header, ...rows] = csv.table.rows;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = ['source', 'name'].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ message: `not the CSL CSV: the header row has no ${missing.join(' or ')} column` }],
    };
  }
  if (rows.length > limits.maxEntities) return { ok: false, errors: [tooManyEntities(rows.length, limits)] };
  const reads = rows.map((row, i) => {
    const record: Record<string, string> = {};
    columns.forEach((c, k) => {
      if (row[k] !== undefined) record[c] = row[k]!;
    });
    return readCslRecord(record, i, 'cell');
  });
  return buildCslPack(reads, options);
}

interface Party {
  record: CslRecord;
  lists: ScreeningListing[];
  altNames: Set<string>;
  programs: Set<string>;
  addresses: Set<string>;
}

/** Filters, merges and converts read records; fails as a whole when any record has an error. */
function buildCslPack(reads: CslRead[], options: CslOptions): PackParseResult {
  const packId = options.packId ?? 'us-csl';
  const rules = { ...DEFAULT_NAME_RULES, ...options.rules };
  const errors: PackIssue[] = [];
  const warnings: PackIssue[] = [];
  const parties = new Map<string, Party>();
  let skipped = 0;
  let latest = '';
  reads.forEach((read) => {
    errors.push(...read.errors);
    warnings.push(...read.warnings);
    const record = read.record;
    if (!record) return;
    if (
      (options.sources && !sourceMatches(record.source, options.sources)) ||
      (options.types && !options.types.includes(record.type))
    ) {
      skipped++;
      return;
    }
    if (record.startDate && record.startDate > latest) latest = record.startDate;
    const primary = splitAka(record.name)[0] ?? record.name;
    const key = `${record.type}|${normalizeAlias(primary)}`;
    let party = parties.get(key);
    if (!party) {
      party = { record, lists: [], altNames: new Set(), programs: new Set(), addresses: new Set() };
      parties.set(key, party);
    }
    party.lists.push(listingOf(record));
    for (const n of [record.name, ...record.altNames]) if (n !== party.record.name) party.altNames.add(n);
    for (const p of record.programs) party.programs.add(p);
    for (const a of record.addresses) party.addresses.add(a);
  });
  if (errors.length > 0) return { ok: false, errors, warnings };

  const entities: ReaderEntity[] = [];
  let index: Map<CslRecord | undefined, number> | undefined;
  /** A record's index in the file, for warnings (the map is built on first use). */
  const indexOf = (record: CslRecord) => {
    index ??= new Map(reads.map((r, i) => [r.record, i]));
    return index.get(record) ?? 0;
  };
  for (const [key, party] of parties) {
    const { record } = party;
    const aliases = partyAliases({ name: record.name, altNames: [...party.altNames], kind: KIND[record.type] }, rules);
    if (aliases.length === 0) {
      warnings.push({
        index: indexOf(record),
        name: record.name,
        field: 'name',
        message: 'no name is distinctive enough to match on pages (see the name rules); left out',
      });
      continue;
    }
    const entity: ReaderEntity = {
      id: `${packId}:${record.type.toLowerCase()}-${hashOf(key)}`,
      name: aliases[0]!.text,
      aliases,
      type: ENTITY_TYPE[record.type],
      origin: { kind: 'screening', packId, list: party.lists[0]!.source },
      screening: {
        lists: party.lists,
        ...(record.country ? { country: record.country } : {}),
        ...(party.programs.size > 0 ? { programs: [...party.programs] } : {}),
        ...(party.addresses.size > 0 ? { addresses: [...party.addresses] } : {}),
      },
    };
    const note = [record.title, record.remarks].filter(Boolean).join(' — ');
    if (note) entity.note = note.slice(0, 1000);
    entities.push(entity);
  }
  const manifest: PackManifest = {
    id: packId,
    title: 'US Consolidated Screening List',
    revision: 1,
    author: 'International Trade Administration, US Department of Commerce',
    url: 'https://www.trade.gov/consolidated-screening-list',
    license: 'Public domain (US Government work)',
    attribution: 'Consolidated Screening List, International Trade Administration (trade.gov)',
    date: latest || '1970-01-01',
    ...options.manifest,
  };
  if (!options.manifest?.date) {
    warnings.push({ field: 'manifest.date', message: `no date given; using the latest start date (${manifest.date})` });
  }
  return { ok: true, pack: { manifest, entities, skipped }, warnings };
}

function listingOf(record: CslRecord): ScreeningListing {
  return {
    source: record.source,
    ...(record.startDate ? { startDate: record.startDate } : {}),
    ...(record.frNotice ? { frNotice: record.frNotice } : {}),
    ...(record.licenseRequirement ? { licenseRequirement: record.licenseRequirement } : {}),
    ...(record.licensePolicy ? { licensePolicy: record.licensePolicy } : {}),
    ...(record.sourceListUrl ? { sourceListUrl: record.sourceListUrl } : {}),
  };
}
