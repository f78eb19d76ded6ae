/** Export downloads and import reading for the side panel (the only file I/O in the extension). */
import type { Annotation } from '../../lib/annotations/types';
import type { Catalog } from '../../lib/dataset/catalog';
import { exportFileName, toCsv, toJsonBackup, toMarkdown, toW3C } from '../../lib/export';
import type { ExportFormat } from '../../lib/export/types';
import type { Settings } from '../../lib/settings/types';

/** Largest import file accepted (a W3C export of 10,000 notes is about 20 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  jsonld: 'application/ld+json',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

/** Serialise annotations in one of the export formats. */
export function serialise(
  format: ExportFormat,
  annotations: readonly Annotation[],
  settings: Settings,
  catalog: Catalog,
  now: Date,
): string {
  const name = (id: string) => catalog.get(id)?.name;
  switch (format) {
    case 'json':
      return toJsonBackup([...annotations], settings, now);
    case 'jsonld':
      return toW3C([...annotations], name, now);
    case 'md':
      return toMarkdown(annotations, (id) => {
        const e = catalog.get(id);
        return e ? { name: e.name, context: e.summary } : undefined;
      });
    case 'csv':
      return toCsv([...annotations], name);
  }
}

/** Save text as a file through a download link (no downloads permission needed). */
export function download(format: ExportFormat, text: string, now: Date): string {
  const fileName = exportFileName(format, now);
  const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
