import * as v from 'valibot';
import { ENTITY_TYPES, type Locale, RELATION_KINDS } from './types';

export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const satisfies readonly Locale[];

/** Entity ids: lowercase slug. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Dates as used in `updated`, `asOf`: YYYY-MM-DD; a fact's asOf may be YYYY-MM or YYYY where the source gives no more. */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MONTH_OR_YEAR = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const terms = v.pipe(v.array(text), v.nonEmpty('must list at least one term'));
const httpsUrl = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL'));

export const AliasSchema = v.strictObject({
  text: v.string(),
  locale: v.picklist(LOCALES, 'must be en, zh-Hans or zh-Hant'),
  caseSensitive: v.optional(v.boolean()),
  requireContext: v.optional(terms),
  forbidContext: v.optional(terms),
  window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000))),
  sharedWith: v.optional(v.pipe(v.array(v.string()), v.nonEmpty('must list at least one id'))),
});

export const FactSchema = v.strictObject({
  label: text,
  value: text,
  asOf: v.optional(v.pipe(v.string(), v.regex(DAY_MONTH_OR_YEAR, 'must be YYYY-MM-DD, YYYY-MM or YYYY'))),
  source: v.strictObject({ title: text, url: httpsUrl }),
});

export const RelationSchema = v.strictObject({
  kind: v.picklist(RELATION_KINDS, 'unknown relation kind'),
  target: v.string(),
  note: v.optional(text),
});

export const EntitySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lowercase slug (a-z, 0-9, hyphens)')),
  type: v.picklist(ENTITY_TYPES, 'must be chip, agency, company or policy'),
  name: text,
  shortName: text,
  nativeNames: v.optional(v.record(v.picklist(LOCALES, 'unknown locale'), text)),
  summary: text,
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be a 2-letter upper-case code'))),
  kind: v.optional(text),
  aliases: v.pipe(v.array(AliasSchema), v.nonEmpty('must list at least one alias')),
  facts: v.array(FactSchema),
  relations: v.array(RelationSchema),
  updated: v.pipe(v.string(), v.regex(DAY, 'must be YYYY-MM-DD')),
});

export const MetaSchema = v.strictObject({
  version: text,
  asOf: v.pipe(v.string(), v.regex(DAY, 'must be YYYY-MM-DD')),
});
