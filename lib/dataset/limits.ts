/**
 * Numbers the dataset schema, validation, report and cards share. A module of its own (re-exported by schema.ts) so
 * that UI code can read them without bundling the schemas.
 */
export const LIMITS = {
  /** Facts an entity should have (the report lists entities under it). */
  minFacts: 3,
  /** Largest context window of an alias, in characters either side. */
  maxAliasWindow: 2000,
  /** A status fact whose asOf is older than this many months is shown as "may be out of date". */
  statusStaleMonths: 12,
} as const;
