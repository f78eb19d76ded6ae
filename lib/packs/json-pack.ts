/**
 * The ChipLens pack file: `{ "format": "chiplens-pack", "version": 1, "manifest": {...}, "entities": [...] }`, with
 * entities in a shape close to the bundled dataset's (name, shortName, aliases, type, summary or note, facts with a
 * source and a date). See docs/packs.md for the format.
 */
import * as v from 'valibot';
import { normalizeAlias } from '../detection/normalize';
import {
  DEFAULT_LIMITS,
  issuesOf,
  type PackInput,
  type PackLimits,
  readJsonInput,
  recordName,
  slugOf,
  tooManyEntities,
} from './input';
import {
  PACK_LOCALES,
  PARTIAL_DATE,
  type PackIssue,
  type PackManifest,
  PackManifestSchema,
  type PackParseResult,
  READER_ENTITY_TYPES,
  type ReaderAlias,
  type ReaderEntity,
} from './types';

/** The `format` value of a ChipLens pack file. */
export const PACK_FORMAT = 'chiplens-pack';
/** The pack file version this code reads. */
export const PACK_VERSION = 1;

const text = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));
const date = v.pipe(v.string('must be a string'), v.regex(PARTIAL_DATE, 'must be YYYY-MM-DD, YYYY-MM or YYYY'));
const url = v.pipe(
  v.string('must be a string'),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http(s) URL'),
);

/** A fact as a pack file writes it (the dataset's shape: the source is an object). */
export const PackFactInputSchema = v.strictObject({
  label: text,
  value: text,
  asOf: v.optional(date),
  source: v.optional(
    v.strictObject({
      url,
      title: v.optional(text),
      publisher: v.optional(text),
      published: v.optional(date),
    }),
  ),
});

/** An entity as a pack file writes it. */
export const PackEntityInputSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'))),
  name: text,
  shortName: v.optional(text),
  type: v.picklist(READER_ENTITY_TYPES, `must be one of ${READER_ENTITY_TYPES.join(', ')}`),
  aliases: v.optional(
    v.array(
      v.union(
        [
          text,
          v.strictObject({
            text,
            locale: v.optional(v.picklist(PACK_LOCALES, 'must be en, zh-Hans, zh-Hant, ja or ko')),
            caseSensitive: v.optional(v.boolean()),
          }),
        ],
        'must be a string or { text, locale?, caseSensitive? }',
      ),
    ),
  ),
  summary: v.optional(text),
  note: v.optional(text),
  facts: v.optional(v.array(PackFactInputSchema)),
});
/** An entity as a pack file writes it. */
export type PackEntityInput = v.InferOutput<typeof PackEntityInputSchema>;

/** Options of a pack import. */
export interface PackParseOptions {
  limits?: Partial<PackLimits>;
}

/** Parses and validates a ChipLens JSON pack. Any error fails the whole file (nothing to write). */
export function parseJsonPack(input: PackInput, options: PackParseOptions = {}): PackParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = readJsonInput(input, limits);
  if ('error' in read) return { ok: false, errors: [read.error] };
  const { data } = read;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ message: 'a pack must be a JSON object' }] };
  }
  const file = data as Record<string, unknown>;
  const errors: PackIssue[] = [];
  if (file.format !== PACK_FORMAT) errors.push({ field: 'format', message: `must be "${PACK_FORMAT}"` });
  if (file.version !== PACK_VERSION) {
    errors.push({ field: 'version', message: `must be ${PACK_VERSION} (this version of ChipLens reads version 1)` });
  }
  // "licence" is accepted as a spelling of "license".
  const rawManifest = file.manifest as Record<string, unknown> | undefined;
  const manifestInput =
    rawManifest && typeof rawManifest === 'object' && 'licence' in rawManifest && !('license' in rawManifest)
      ? (({ licence, ...rest }) => ({ ...rest, license: licence }))(rawManifest)
      : rawManifest;
  const manifest = v.safeParse(PackManifestSchema, manifestInput);
  if (!manifest.success) errors.push(...issuesOf(manifest.issues, undefined, undefined, 'manifest'));
  if (!Array.isArray(file.entities)) {
    errors.push({ field: 'entities', message: 'must be a list' });
    return { ok: false, errors };
  }
  if (file.entities.length > limits.maxEntities) {
    return { ok: false, errors: [tooManyEntities(file.entities.length, limits)] };
  }
  const packId = manifest.success ? manifest.output.id : 'pack';
  const revision = manifest.success ? manifest.output.revision : 1;
  const entities: ReaderEntity[] = [];
  const warnings: PackIssue[] = [];
  const seen = new Map<string, number>();
  file.entities.forEach((raw, index) => {
    const parsed = v.safeParse(PackEntityInputSchema, raw);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.issues, index, recordName(raw)));
      return;
    }
    const input = parsed.output;
    const localId = input.id ?? slugOf(input.name);
    const first = seen.get(localId);
    if (first !== undefined) {
      errors.push({
        index,
        name: input.name,
        field: input.id ? 'id' : 'name',
        message: `duplicate id "${localId}" (record ${first} has it too)`,
      });
      return;
    }
    seen.set(localId, index);
    const entity = packEntity(input, `${packId}:${localId}`, { kind: 'pack', packId, revision });
    if (entity.aliases.length === 0) {
      errors.push({ index, name: input.name, field: 'aliases', message: 'no name or alias has a letter or digit' });
      return;
    }
    entities.push(entity);
  });
  if (errors.length > 0 || !manifest.success) return { ok: false, errors, warnings };
  return { ok: true, pack: { manifest: manifest.output as PackManifest, entities, skipped: 0 }, warnings };
}

/** Converts a validated pack entity: name and shortName become aliases too (unique by matcher key). */
export function packEntity(input: PackEntityInput, id: string, origin: ReaderEntity['origin']): ReaderEntity {
  const aliases: ReaderAlias[] = [];
  const keys = new Set<string>();
  const add = (alias: ReaderAlias) => {
    const key = normalizeAlias(alias.text);
    if (key && !keys.has(key)) {
      keys.add(key);
      aliases.push(alias);
    }
  };
  add({ text: input.name });
  if (input.shortName) add({ text: input.shortName });
  for (const a of input.aliases ?? []) add(typeof a === 'string' ? { text: a } : a);
  const entity: ReaderEntity = { id, name: input.name, aliases, type: input.type, origin };
  const note = input.note ?? input.summary;
  if (note) entity.note = note;
  if (input.facts && input.facts.length > 0) {
    entity.facts = input.facts.map((f) => ({
      label: f.label,
      value: f.value,
      ...((f.asOf ?? f.source?.published) ? { date: f.asOf ?? f.source?.published } : {}),
      ...(f.source ? { sourceUrl: f.source.url } : {}),
    }));
  }
  return entity;
}
