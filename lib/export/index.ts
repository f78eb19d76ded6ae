/** Pure serialisers and parsers for export/import: JSON backup, W3C JSON-LD, Markdown, CSV. */
export { cell, toCsv } from './csv';
export { exportFileName } from './file-name';
export { BACKUP_FORMAT, BACKUP_VERSION, toJsonBackup } from './json-backup';
export { type EntityInfo, toMarkdown } from './markdown';
export { formatBytes, type ImportOptions, parseImport } from './parse-import';
export { type ImportPlan, planImport } from './plan-import';
export type { ExportFormat, ImportError, ImportFormat, ImportResult } from './types';
export { ENTITY_IRI_BASE, toW3C } from './w3c';
