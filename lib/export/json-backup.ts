import type { Annotation } from '../annotations/types';
import type { Settings } from '../settings/types';
import { parseSettings } from '../settings/validate';
import { isObject, own } from './own';
import type { ImportError } from './types';
import { validateRecord } from './validate-record';

export const BACKUP_FORMAT = 'chiplens-backup';
export const BACKUP_VERSION = 1;

/** Full backup: every annotation as stored plus the settings, in a versioned envelope. Pretty-printed. */
export function toJsonBackup(annotations: readonly Annotation[], settings: Settings, now: Date): string {
  return JSON.stringify(
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), annotations, settings },
    null,
    2,
  );
}

/** Whether parsed JSON is a ChipLens backup envelope (of any version). */
export function isJsonBackup(doc: unknown): boolean {
  return own(doc, 'format') === BACKUP_FORMAT;
}

/**
 * Reads a parsed backup envelope. Each annotation is validated on its own (bad ones are reported and left out);
 * settings fall back field by field to defaults.
 */
export function readJsonBackup(
  doc: unknown,
): { ok: true; annotations: Annotation[]; settings?: Settings; errors: ImportError[] } | { ok: false; error: string } {
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'This ChipLens backup has no valid version number.' };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer ChipLens (backup version ${version}); update ChipLens to import it.`,
    };
  }
  const list = own(doc, 'annotations');
  if (!Array.isArray(list)) return { ok: false, error: 'This ChipLens backup has no list of annotations.' };
  const annotations: Annotation[] = [];
  const errors: ImportError[] = [];
  list.forEach((raw, i) => {
    const r = validateRecord(raw, i + 1);
    if (r.ok) annotations.push(r.annotation);
    else errors.push(...r.errors);
  });
  const rawSettings = own(doc, 'settings');
  return isObject(rawSettings)
    ? { ok: true, annotations, settings: parseSettings(rawSettings), errors }
    : { ok: true, annotations, errors };
}
