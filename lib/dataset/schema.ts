/**
 * The dataset's record shapes as valibot schemas (docs/dataset.md is the spec). The TypeScript types in `types.ts`
 * are inferred from these, so each shape is written once; the limits the schemas and validation share sit here too.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { ENTITY_TYPES, LOCALES, RELATION_KINDS, SOURCE_CLASSES } from './types';

export { LIMITS };

/** Entity ids: lowercase slug. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A calendar day, YYYY-MM-DD (`updated`, `status.reviewBy`, the dataset's asOf). */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A day, month or year: YYYY-MM-DD, YYYY-MM or YYYY, where the source gives no more (asOf, dates of sources, events). */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const terms = v.pipe(v.array(text), v.nonEmpty('must list at least one term'));
const httpsUrl = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL'));
const day = v.pipe(v.string(), v.regex(DAY_PATTERN, 'must be YYYY-MM-DD'));
const partialDate = v.pipe(v.string(), v.regex(PARTIAL_DATE_PATTERN, 'must be YYYY-MM-DD, YYYY-MM or YYYY'));

/** How an alias is matched in page text. */
export const AliasSchema = v.strictObject({
  /** The alias as written, e.g. "H200", "英伟达", "エヌビディア", "엔비디아". */
  text: v.string(),
  locale: v.picklist(LOCALES, 'must be en, zh-Hans, zh-Hant, ja or ko'),
  /** Match case exactly (default false); for acronyms and words that are also plain English ("BIS", "Hopper"). */
  caseSensitive: v.optional(v.boolean()),
  /** Ambiguous alias: one of these must occur within `window` characters of the mention. */
  requireContext: v.optional(terms),
  /** Any of these occurring within `window` characters of the mention vetoes it. */
  forbidContext: v.optional(terms),
  /** Characters to look at for context rules (default 200). */
  window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.maxAliasWindow))),
  /** Ids of other entities declaring the same alias (allowed when both sides declare it and one has context rules). */
  sharedWith: v.optional(v.pipe(v.array(v.string()), v.nonEmpty('must list at least one id'))),
});

/** Where a fact or event comes from: the original publication; `via` is the copy read, never shown as the source. */
export const SourceSchema = v.strictObject({
  /** The organisation that published the original ("Bureau of Industry and Security", "Reuters"). */
  publisher: text,
  title: text,
  /** The original publication; its domain must be listed in sources.json. */
  url: httpsUrl,
  /** Publication date of the original. */
  published: partialDate,
  /** The copy actually read (mirror, archive, syndication) when it is not the original. */
  via: v.optional(httpsUrl),
});

/** One fact: dated (asOf), sourced to the original publication, optionally a status fact to review. */
export const FactSchema = v.strictObject({
  /** Short label, e.g. "Memory", "FP8 Tensor (dense)", "China sales". */
  label: text,
  /** Plain text for readers, without the asOf date in it. */
  value: text,
  /** The date the value holds as of (for a one-off event: its date). */
  asOf: partialDate,
  /** Present when the fact says where something stands now and can change. */
  status: v.optional(v.strictObject({ reviewBy: day })),
  source: SourceSchema,
  /** For editors; never rendered. */
  editorNote: v.optional(text),
});

/** A dated event with its source, for the card's timeline. */
export const EventSchema = v.strictObject({
  date: partialDate,
  text,
  source: SourceSchema,
});

/** A link to another entity; `kind` must agree with `note`. */
export const RelationSchema = v.strictObject({
  kind: v.picklist(RELATION_KINDS, 'unknown relation kind'),
  /** Id of another entity in the dataset. */
  target: v.string(),
  /** Short qualifier that agrees with `kind`, e.g. "HBM3E for H200", "licensed sales to approved customers". */
  note: v.optional(text),
  /** When the relation held, for time-bound relations. */
  asOf: v.optional(partialDate),
});

/** One chip, agency, company or policy (docs/dataset.md, "Entity"). */
export const EntitySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lowercase slug (a-z, 0-9, hyphens)')),
  type: v.picklist(ENTITY_TYPES, 'must be chip, agency, company or policy'),
  /** Canonical English name. */
  name: text,
  /** The short name news uses ("H200", "NDRC"). */
  shortName: text,
  /** Names in the entity's own scripts, for the card header. */
  nativeNames: v.optional(v.record(v.picklist(LOCALES, 'unknown locale'), text)),
  /** 1-2 neutral sentences in our own words, English. */
  summary: text,
  /** The summary in Chinese; zh-Hant only where it differs from a mechanical conversion. */
  summaryI18n: v.optional(v.strictObject({ 'zh-Hans': v.optional(text), 'zh-Hant': v.optional(text) })),
  /** ISO 3166 alpha-2 country or jurisdiction code ("US", "CN", "EU"). */
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be a 2-letter upper-case code'))),
  /** Display sub-kind ("GPU", "regulator", "export rule", "list"). */
  kind: v.optional(text),
  aliases: v.pipe(v.array(AliasSchema), v.nonEmpty('must list at least one alias')),
  facts: v.array(FactSchema),
  /** Dated events, any order (cards sort latest first). */
  events: v.optional(v.array(EventSchema)),
  relations: v.array(RelationSchema),
  /** YYYY-MM-DD of the last review. */
  updated: day,
  /** For editors; never rendered. */
  editorNote: v.optional(text),
});

/** `meta.json`: dataset version and the date its facts hold as of. */
export const MetaSchema = v.strictObject({
  version: text,
  asOf: day,
});

/** `lib/dataset/sources.json`: the domains a fact or event may cite, by publisher and class. */
export const SourcesSchema = v.strictObject({
  domains: v.record(
    v.pipe(v.string(), v.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lower-case domain name')),
    v.strictObject({
      publisher: text,
      class: v.picklist(SOURCE_CLASSES, 'must be primary, press, law-firm or analyst'),
    }),
  ),
});
