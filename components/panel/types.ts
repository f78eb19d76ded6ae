/** Data shapes the panel views take as props, shared between views. */
import type { EntityType } from '../../lib/dataset/types';
import type { ExportFormat, ImportError } from '../../lib/export/types';

export type { ExportFormat, ImportError };

/** An entity offered for linking to a note (editor search) and used to name linked entities. */
export interface EntityOption {
  id: string;
  name: string;
  shortName?: string;
  type: EntityType;
  /** Extra search terms, e.g. aliases and native names. */
  keywords?: readonly string[];
}

/** Which annotations an export covers. */
export type ExportScope = 'page' | 'filter' | 'all';

/** What an import would do, shown before the reader confirms (counts from `planImport`, errors from `parseImport`). */
export interface ImportPreview {
  /** File name, shown in the preview heading. */
  fileName?: string;
  /** Records that are new. */
  add: number;
  /** Records that replace an older stored version. */
  update: number;
  /** Records already stored as-is (or older than the stored version). */
  skip: number;
  errors: readonly ImportError[];
  /** Records whose dates in the future will be set to the import time. */
  clampedDates?: number;
}

/** A message after an action, e.g. "Imported 12 notes" (status) or "Could not read the file" (error). */
export interface PanelMessage {
  kind: 'status' | 'error';
  text: string;
}
