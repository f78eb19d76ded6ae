/**
 * The bundled dataset's source-of-truth shape. JSON files under `lib/dataset/data/` (one per entity type) hold
 * `{ "entities": Entity[] }`; `meta.json` holds the dataset version and as-of date; `sources.json` the domains a
 * source may come from. The record types are inferred from the valibot schemas in `schema.ts` (docs/dataset.md).
 */
import type * as v from 'valibot';
import type {
  AliasSchema,
  EntitySchema,
  EventSchema,
  FactSchema,
  MetaSchema,
  RelationSchema,
  SourceSchema,
  SourcesSchema,
} from './schema';

export const ENTITY_TYPES = ['chip', 'agency', 'company', 'policy'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Locales of aliases and native names. */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** Classes of the domains in sources.json: official record, reputable press, law firms, research firms/think tanks. */
export const SOURCE_CLASSES = ['primary', 'press', 'law-firm', 'analyst'] as const;
export type SourceClass = (typeof SOURCE_CLASSES)[number];

/** Relation kinds, with what each links (the card labels both directions, see relations.ts). */
export const RELATION_KINDS = [
  'madeBy', // chip -> company that designs/sells it
  'fabbedBy', // chip -> foundry
  'architecture', // chip -> architecture entity
  'variantOf', // chip -> chip it is cut down / derived from
  'successorOf', // newer -> older
  'parentOf', // company/agency -> subsidiary / sub-body
  'subsidiaryOf', // subsidiary -> parent
  'regulates', // agency -> company/sector entity it oversees
  'restricts', // policy/agency -> chip/company it restricts
  'permits', // policy/agency -> chip/company it allows or licenses
  'amends', // policy -> the policy it revises or replaces
  'rescinds', // policy -> the policy it withdraws
  'administers', // agency -> policy it runs
  'issuedBy', // policy -> agency
  'listedOn', // company -> list (policy) it is on
  'supplies', // company -> company/chip it supplies (e.g. HBM)
  'uses', // company -> chip it buys/deploys
  'competesWith',
  'partOf', // chip -> system, agency -> department
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** How an alias is matched in page text (see AliasSchema for each field). */
export type Alias = v.InferOutput<typeof AliasSchema>;
/** The original publication behind a fact or event. */
export type Source = v.InferOutput<typeof SourceSchema>;
/** One dated, sourced fact. */
export type Fact = v.InferOutput<typeof FactSchema>;
/** A dated event on an entity's timeline. */
export type EntityEvent = v.InferOutput<typeof EventSchema>;
/** A link from one entity to another. */
export type Relation = v.InferOutput<typeof RelationSchema>;
/** One chip, agency, company or policy. */
export type Entity = v.InferOutput<typeof EntitySchema>;
/** `meta.json`: the dataset version and the date its facts hold as of. */
export type DatasetMeta = v.InferOutput<typeof MetaSchema>;
/** `sources.json`. */
export type SourceList = v.InferOutput<typeof SourcesSchema>;

/** One data file. */
export interface DatasetFile {
  entities: Entity[];
}
