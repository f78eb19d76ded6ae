/**
 * The reader's own names (issue 17): entities, watchlists and screening lists the reader adds. These are pack
 * records, deliberately separate from the bundled dataset's types (lib/dataset), which change on their own schedule.
 * Every type here is derived from a valibot schema, so stored records and imports are checked by the same rules.
 */
import * as v from 'valibot';

/** Entity types a reader's entity may have: the dataset's four plus people and anything else. */
export const READER_ENTITY_TYPES = ['chip', 'agency', 'company', 'policy', 'person', 'other'] as const;
/** A reader entity's type. */
export type ReaderEntityType = (typeof READER_ENTITY_TYPES)[number];

/** Alias locales (the dataset's, plus Japanese and Korean, as docs/dataset.md adds them). */
export const PACK_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko'] as const;
/** An alias locale. */
export type PackLocale = (typeof PACK_LOCALES)[number];

/** YYYY-MM-DD, YYYY-MM or YYYY. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const partialDate = v.pipe(v.string(), v.regex(PARTIAL_DATE, 'must be YYYY-MM-DD, YYYY-MM or YYYY'));
const webUrl = v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));

/** One alias of a reader's entity. */
export const ReaderAliasSchema = v.strictObject({
  text,
  locale: v.optional(v.picklist(PACK_LOCALES, 'must be en, zh-Hans, zh-Hant, ja or ko')),
  caseSensitive: v.optional(v.boolean()),
  /**
   * Set by the screening-list rules (names.ts) for a core name that is a common word: it matches only when one of
   * these terms occurs nearby (the matcher's requireContext).
   */
  requireContext: v.optional(v.pipe(v.array(text), v.nonEmpty('must list at least one term'))),
});
/** One alias of a reader's entity. */
export type ReaderAlias = v.InferOutput<typeof ReaderAliasSchema>;

/** A fact; one with neither `date` nor `sourceUrl` is "unsourced" (see {@link isUnsourced}). */
export const ReaderFactSchema = v.strictObject({
  label: text,
  value: text,
  date: v.optional(partialDate),
  sourceUrl: v.optional(webUrl),
});
/** A fact of a reader's entity. */
export type ReaderFact = v.InferOutput<typeof ReaderFactSchema>;

/** Where an entity came from: typed by the reader, a pack, or a screening list import. */
export const OriginSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('own') }),
  v.strictObject({ kind: v.literal('pack'), packId: text, revision: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.strictObject({ kind: v.literal('screening'), packId: text, list: text }),
]);
/** Where a reader's entity came from. */
export type Origin = v.InferOutput<typeof OriginSchema>;

/** One listing of a party on a screening list (a CSL record's list-specific fields). */
export const ScreeningListingSchema = v.strictObject({
  /** The list's name as the source gives it, e.g. "Entity List (EL) - Bureau of Industry and Security". */
  source: text,
  startDate: v.optional(partialDate),
  /** Federal Register notice, e.g. "84 FR 22961". */
  frNotice: v.optional(text),
  licenseRequirement: v.optional(text),
  licensePolicy: v.optional(text),
  sourceListUrl: v.optional(webUrl),
});
/** One listing of a party on a screening list. */
export type ScreeningListing = v.InferOutput<typeof ScreeningListingSchema>;

/** Screening details of a party: every list it is on, and what identifies it. */
export const ScreeningSchema = v.strictObject({
  lists: v.pipe(v.array(ScreeningListingSchema), v.nonEmpty('must list at least one list')),
  country: v.optional(text),
  programs: v.optional(v.array(text)),
  addresses: v.optional(v.array(text)),
});
/** Screening details of a party. */
export type Screening = v.InferOutput<typeof ScreeningSchema>;

/** A reader's entity: the record storage keeps and the matcher's compiler reads. */
export const ReaderEntitySchema = v.strictObject({
  id: text,
  name: text,
  aliases: v.pipe(v.array(ReaderAliasSchema), v.nonEmpty('must list at least one alias')),
  type: v.picklist(READER_ENTITY_TYPES, `must be one of ${READER_ENTITY_TYPES.join(', ')}`),
  note: v.optional(text),
  facts: v.optional(v.array(ReaderFactSchema)),
  origin: OriginSchema,
  screening: v.optional(ScreeningSchema),
});
/** A reader's entity. */
export type ReaderEntity = v.InferOutput<typeof ReaderEntitySchema>;

/** A pack's manifest. `revision` grows by one or more with each published revision of the same pack. */
export const PackManifestSchema = v.strictObject({
  /** Stable pack id (slug); a new revision of a pack keeps it. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, - and .)')),
  title: text,
  revision: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be >= 1')),
  author: text,
  url: v.optional(webUrl),
  license: text,
  attribution: v.optional(text),
  /** Publication date of this revision. */
  date: partialDate,
});
/** A pack's manifest. */
export type PackManifest = v.InferOutput<typeof PackManifestSchema>;

/** A parsed pack: what an import writes (nothing is written unless the whole parse succeeded). */
export interface ParsedPack {
  manifest: PackManifest;
  entities: ReaderEntity[];
  /** Records left out by the import's filters (screening lists: sources and types not chosen). */
  skipped: number;
}

/** One problem in an import, naming the record (index in the file, 0-based, and its name) and the field. */
export interface PackIssue {
  /** Record index in the file (data rows for CSV, 0-based), absent for file-level problems. */
  index?: number;
  name?: string;
  /** Field path, e.g. "aliases.2.text", "manifest.revision", "type". */
  field?: string;
  message: string;
}

/** What every parser returns. It never throws. */
export type PackParseResult =
  | { ok: true; pack: ParsedPack; warnings: PackIssue[] }
  | { ok: false; errors: PackIssue[]; warnings?: PackIssue[] };

/** True for a fact with neither a date nor a source URL. */
export function isUnsourced(fact: ReaderFact): boolean {
  return fact.date === undefined && fact.sourceUrl === undefined;
}
