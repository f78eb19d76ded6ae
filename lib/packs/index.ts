/** The reader's own names (issue 17): pack and screening-list parsing, name rules and import previews. Pure. */
export { type CslOptions, parseCslCsv, parseCslJson, sourceAbbreviation, sourceMatches } from './csl';
export { CSL_CSV_COLUMNS, CSL_TYPES, type CslType } from './csl-record';
export { type CsvDelimiter, detectDelimiter, parseCsv, writeCsv } from './csv';
export { type CsvPackOptions, detectHeader, parseCsvPack } from './csv-pack';
export { DEFAULT_LIMITS, type PackInput, type PackLimits } from './input';
export { PACK_FORMAT, PACK_VERSION, type PackParseOptions, parseJsonPack } from './json-pack';
export { DEFAULT_NAME_RULES, type NameRuleOptions, partyAliases, splitAka, stripLegalForms } from './names';
export {
  type Collision,
  findCollisions,
  type ImportPreview,
  type InstalledPack,
  type PreviewContext,
  planRevision,
  previewImport,
  type RevisionPlan,
} from './preview';
export * from './types';
