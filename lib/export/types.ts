import type { Annotation } from '../annotations/types';
import type { Settings } from '../settings/types';

/** One problem with one record of an imported file. */
export interface ImportError {
  /** 1-based position of the record in the file's list of annotations. */
  record: number;
  /** The record's id, where it has one. */
  id?: string;
  /** Dot path of the offending field in the stored-annotation shape (e.g. "quote.exact", "tags.3"), or "(record)". */
  field: string;
  message: string;
}

export type ImportFormat = 'chiplens-backup' | 'w3c';

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      annotations: Annotation[];
      settings?: Settings;
      errors: ImportError[];
      /** Records whose created or modified date was in the future and was set to the import time (only when > 0). */
      clampedDates?: number;
    }
  | { ok: false; error: string };

export type ExportFormat = 'json' | 'jsonld' | 'md' | 'csv';
