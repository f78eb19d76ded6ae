/**
 * The bundled dataset's source-of-truth shape. JSON files under `lib/dataset/data/` (one per entity type) hold
 * `{ "entities": Entity[] }`; `meta.json` holds the dataset version and as-of date.
 */

export type EntityType = 'chip' | 'agency' | 'company' | 'policy';
export const ENTITY_TYPES: readonly EntityType[] = ['chip', 'agency', 'company', 'policy'];

export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

/** How an alias is matched in page text. */
export interface Alias {
  /** The alias as written, e.g. "H200", "英伟达", "Bureau of Industry and Security". */
  text: string;
  locale: Locale;
  /**
   * Match case exactly (default false: case-insensitive). Use true for acronyms and words that are also plain
   * English ("BIS", "CAC", "Hopper", "Intel"), so "bis" or "hopper" in running text never match.
   */
  caseSensitive?: boolean;
  /**
   * Ambiguous alias: at least one of these words/phrases (case-insensitive) must occur within `window` characters
   * (default 200) before or after the mention, e.g. Hopper -> ["NVIDIA", "GPU", "H100"].
   */
  requireContext?: string[];
  /**
   * Any of these (case-insensitive) occurring *immediately around* the mention (within `window` characters) vetoes it,
   * e.g. CAC -> ["CAC 40", "Euronext"], BIS -> ["Bank for International Settlements", "Basel"].
   */
  forbidContext?: string[];
  /** Characters to look at for context rules (default 200). */
  window?: number;
  /**
   * Ids of other entities that declare the same alias text. A shared alias is only allowed when both sides declare
   * it here and at least one side has context rules to tell them apart.
   */
  sharedWith?: string[];
}

export interface Source {
  title: string;
  /** https only. */
  url: string;
}

export interface Fact {
  /** Short label, e.g. "Memory", "FP8 Tensor (dense)", "Founded", "Entity List". */
  label: string;
  /** The value in plain text, e.g. "141 GB HBM3e", "5 Apr 1993". TFLOPS must say dense or sparse. */
  value: string;
  /** ISO date (YYYY-MM-DD, YYYY-MM, or YYYY when the source gives no more) the value holds as of, where it can change. */
  asOf?: string;
  source: Source;
}

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
  'administers', // agency -> policy it runs
  'issuedBy', // policy -> agency
  'listedOn', // company -> list (policy) it is on
  'supplies', // company -> company/chip it supplies (e.g. HBM)
  'uses', // company -> chip it buys/deploys
  'competesWith',
  'partOf', // chip -> system, agency -> department
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface Relation {
  kind: RelationKind;
  /** Id of another entity in the dataset. */
  target: string;
  /** Optional short qualifier, e.g. "HBM3E for H200", "since 16 May 2019". */
  note?: string;
}

export interface Entity {
  /** Stable slug, lowercase a-z0-9 and hyphens, e.g. "nvidia-h200", "ndrc", "entity-list". */
  id: string;
  type: EntityType;
  /** Canonical English name, e.g. "NVIDIA H200", "National Development and Reform Commission". */
  name: string;
  /** Short display name, e.g. "H200", "NDRC". */
  shortName: string;
  /** Native-script names for the card header, e.g. { "zh-Hans": "英伟达", "zh-Hant": "輝達" }. */
  nativeNames?: Partial<Record<Locale, string>>;
  /** 1-2 neutral sentences in our own words. */
  summary: string;
  /** ISO 3166 alpha-2 country or jurisdiction code ("US", "CN", "TW", "NL", "JP", "KR", "EU", ...), where it applies. */
  country?: string;
  /** Sub-kind for display, e.g. "GPU", "architecture", "system", "foundry", "regulator", "export rule", "list". */
  kind?: string;
  aliases: Alias[];
  facts: Fact[];
  relations: Relation[];
  /** ISO date this entity's record was last reviewed. */
  updated: string;
}

export interface DatasetFile {
  entities: Entity[];
}

export interface DatasetMeta {
  version: string;
  /** ISO date: the dataset's facts hold as of this date. */
  asOf: string;
}
