/**
 * The US Consolidated Screening List's records as trade.gov publishes them (the CSV download, and the JSON download /
 * API `{ results: [...] }`), read into one shape. Field names follow the published files; see docs/packs.md.
 */
import type { PackIssue } from './types';

/** Party types the CSL uses. Records with no type (common on the Entity List) are read as "Entity". */
export const CSL_TYPES = ['Entity', 'Individual', 'Vessel', 'Aircraft'] as const;
/** A CSL party type. */
export type CslType = (typeof CSL_TYPES)[number];

/** The fields ChipLens reads from a CSL record (the other published fields are accepted and ignored). */
export interface CslRecord {
  id?: string;
  source: string;
  entityNumber?: string;
  type: CslType;
  programs: string[];
  name: string;
  title?: string;
  addresses: string[];
  country?: string;
  frNotice?: string;
  startDate?: string;
  endDate?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  remarks?: string;
  sourceListUrl?: string;
  altNames: string[];
}

/** Columns of the published CSV, in its order (`_id` first in the download; optional here). */
export const CSL_CSV_COLUMNS = [
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
] as const;

/** One read record (absent when it has errors), with its errors and warnings. */
export interface CslRead {
  record?: CslRecord;
  errors: PackIssue[];
  warnings: PackIssue[];
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Splits a CSV multi-value cell (the download joins values with "; "). */
export function splitMulti(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Checks and reads one record given as a plain object (a JSON result, or a CSV row keyed by header). `multi` says
 * whether list fields are arrays (JSON) or "; "-joined cells (CSV). Errors name the record index, name and field;
 * a malformed date or URL is a warning and the value is dropped.
 */
export function readCslRecord(raw: unknown, index: number, multi: 'array' | 'cell'): CslRead {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { errors: [{ index, message: 'record is not an object' }], warnings: [] };
  }
  const r = raw as Record<string, unknown>;
  const name = str(r.name);
  const at = (field: string, message: string): PackIssue => ({ index, ...(name ? { name } : {}), field, message });
  const errors: PackIssue[] = [];
  const warnings: PackIssue[] = [];
  if (!name) errors.push(at('name', 'must be a non-empty string'));
  const source = str(r.source);
  if (!source) errors.push(at('source', 'must be a non-empty string'));
  for (const field of ['title', 'federal_register_notice', 'license_requirement', 'license_policy', 'remarks']) {
    if (r[field] != null && typeof r[field] !== 'string') errors.push(at(field, 'must be a string'));
  }
  let type: CslType = 'Entity';
  if (r.type != null && r.type !== '') {
    const t = CSL_TYPES.find((c) => c.toLowerCase() === String(r.type).trim().toLowerCase());
    if (!t) errors.push(at('type', `must be one of ${CSL_TYPES.join(', ')} (or empty)`));
    else type = t;
  }
  const list = (field: string): string[] => {
    const value = r[field];
    if (value == null || value === '') return [];
    if (multi === 'cell') return typeof value === 'string' ? splitMulti(value) : [];
    if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
      errors.push(at(field, 'must be a list of strings'));
      return [];
    }
    return value.map((s: string) => s.trim()).filter(Boolean);
  };
  const programs = list('programs');
  const altNames = list('alt_names');
  const { addresses, country } = readAddresses(r.addresses, multi, (m) => errors.push(at('addresses', m)));
  const date = (field: string) => {
    const value = str(r[field]);
    if (value === undefined) return undefined;
    const day = value.slice(0, 10);
    if (DATE.test(day)) return day;
    warnings.push(at(field, `"${value}" is not a YYYY-MM-DD date; left out`));
    return undefined;
  };
  const startDate = date('start_date');
  const endDate = date('end_date');
  let sourceListUrl = str(r.source_list_url);
  if (sourceListUrl && !/^https?:\/\/\S+$/i.test(sourceListUrl)) {
    warnings.push(at('source_list_url', 'is not an http(s) URL; left out'));
    sourceListUrl = undefined;
  }
  if (errors.length > 0 || !name || !source) return { errors, warnings };
  const record: CslRecord = { source, type, programs, name, addresses, altNames };
  const id = str(r.id) ?? str(r._id);
  if (id) record.id = id;
  const entityNumber = r.entity_number == null ? undefined : str(String(r.entity_number));
  if (entityNumber) record.entityNumber = entityNumber;
  const title = str(r.title);
  if (title) record.title = title;
  if (country) record.country = country;
  const frNotice = str(r.federal_register_notice);
  if (frNotice) record.frNotice = frNotice;
  if (startDate) record.startDate = startDate;
  if (endDate) record.endDate = endDate;
  const licenseRequirement = str(r.license_requirement);
  if (licenseRequirement) record.licenseRequirement = licenseRequirement;
  const licensePolicy = str(r.license_policy);
  if (licensePolicy) record.licensePolicy = licensePolicy;
  const remarks = str(r.remarks);
  if (remarks) record.remarks = remarks;
  if (sourceListUrl) record.sourceListUrl = sourceListUrl;
  return { record, errors, warnings };
}

/**
 * Addresses as display strings, and the first address's country. JSON gives objects
 * `{ address, city, state, postal_code, country }` (country ISO alpha-2); the CSV gives "street, city, state, postal,
 * country" strings joined with "; ".
 */
function readAddresses(
  value: unknown,
  multi: 'array' | 'cell',
  error: (message: string) => void,
): { addresses: string[]; country?: string } {
  if (value == null || value === '') return { addresses: [] };
  if (multi === 'cell') {
    const addresses = typeof value === 'string' ? splitMulti(value) : [];
    const last = addresses[0]?.split(',').at(-1)?.trim();
    return { addresses, ...(last ? { country: last } : {}) };
  }
  if (!Array.isArray(value)) {
    error('must be a list of addresses');
    return { addresses: [] };
  }
  const addresses: string[] = [];
  let country: string | undefined;
  for (const a of value) {
    if (typeof a === 'string') addresses.push(a.trim());
    else if (typeof a === 'object' && a !== null) {
      const o = a as Record<string, unknown>;
      const parts = [o.address, o.city, o.state ?? o.state_or_province, o.postal_code, o.country].map(str);
      addresses.push(parts.filter(Boolean).join(', '));
      country ??= str(o.country);
    } else {
      error('each address must be an object or a string');
      return { addresses: [] };
    }
  }
  return { addresses: addresses.filter(Boolean), ...(country ? { country } : {}) };
}
