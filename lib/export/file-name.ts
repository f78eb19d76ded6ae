import type { ExportFormat } from './types';

/** Download name for an export made at `now`, in the reader's local date: e.g. "chiplens-2026-11-29.jsonld". */
export function exportFileName(format: ExportFormat, now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `chiplens-${y}-${m}-${d}.${format}`;
}
