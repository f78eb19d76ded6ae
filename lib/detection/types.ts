import type { EntityType } from '../dataset/types';

/** One detected mention: `text.slice(start, end)` names `entityId`. */
export interface Mention {
  entityId: string;
  entityType: EntityType;
  /** UTF-16 offsets into the text given to `match`. */
  start: number;
  end: number;
  /** The normalised alias that matched (see `normalizeAlias`): the key for "not this" suppression. */
  aliasKey: string;
}

export interface MatchOptions {
  /**
   * Return true to suppress a candidate (the reader said "not this"). A suppressed candidate still claims its text, so
   * a shorter alias inside it does not surface instead.
   */
  skip?: (entityId: string, aliasKey: string) => boolean;
}

export interface Matcher {
  /** Mentions in text order, non-overlapping, leftmost-longest. */
  match(text: string, options?: MatchOptions): Mention[];
}

/** Context rule of one or more aliases. Terms are indices into the automaton's patterns (`[...patterns, ...terms]`). */
export interface CompiledRule {
  req?: number[];
  forbid?: number[];
  /** Window in characters either side (default 200). */
  w?: number;
}

/** One alias of one entity, attached to a pattern. */
export interface CompiledAlias {
  /** Pattern index. */
  p: number;
  /** Entity index. */
  e: number;
  /** Alias key when it differs from the pattern (generated spelling variants). */
  k?: string;
  /** Case-sensitive: the alias in width/space-normalised but unfolded form, compared against the page. */
  cs?: string;
  /** Rule index. */
  r?: number;
  /** The rule is declared by the dataset (not the implicit guard for short Han aliases). */
  d?: 1;
}

/** Serialised Aho-Corasick automaton: its typed arrays as one base64 string of little-endian int32 (see automaton.ts). */
export interface SerializedAutomaton {
  states: number;
  data: string;
}

/**
 * Everything the page-side matcher needs, as plain JSON: built from the dataset at build time by
 * `compileMatcherData`, so the content script never parses the full dataset.
 */
export interface MatcherData {
  version: 1;
  entityIds: string[];
  entityTypes: EntityType[];
  /** Folded, normalised pattern strings (unique). */
  patterns: string[];
  /**
   * Context terms of the rules that are not also patterns. The automaton searches `[...patterns, ...terms]`, so one
   * pass over the page finds aliases and context terms alike.
   */
  terms: string[];
  /** Aliases sorted by pattern index, in dataset order within a pattern. */
  aliases: CompiledAlias[];
  rules: CompiledRule[];
  /**
   * Character classes: `classes[k - 1]` lists every code unit that folds to class k (the folded character first).
   * Code units in no list are class 0 (cannot be part of any pattern or context term).
   */
  classes: number[][];
  /** Prebuilt automaton; when absent `createMatcher` builds it from `patterns`. */
  automaton?: SerializedAutomaton;
}
