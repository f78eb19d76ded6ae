/**
 * Import in the side panel: read the chosen file, preview what it would do, write it on confirmation (one atomic
 * transaction). The preview compares with the notes stored now, read by id at that moment: the panel's live list may
 * not have loaded yet, and a file chosen right after the panel opened previewed every stored note as new.
 */
import { useState } from 'preact/hooks';
import type { ImportPreview, PanelMessage } from '../../components/panel';
import { formatBytes, type ImportPlan, parseImport, planImport } from '../../lib/export';
import type { AnnotationRepository } from '../../lib/storage/annotation-repository';
import { announceAnnotationChange } from '../../lib/storage/changes';
import { MAX_IMPORT_BYTES } from './files';

export interface PendingImport {
  plan: ImportPlan;
  preview: ImportPreview;
}

/** Parses `text` and plans it against the stored notes with the same ids. */
export async function previewImport(
  text: string,
  fileName: string,
  repo: Pick<AnnotationRepository, 'getMany'>,
  now: Date,
): Promise<{ ok: true; pending: PendingImport } | { ok: false; error: string }> {
  const result = parseImport(text, { maxBytes: MAX_IMPORT_BYTES, now });
  if (!result.ok) return result;
  const stored = await repo.getMany(result.annotations.map((a) => a.id));
  const byId = new Map(stored.map((a) => [a.id, a]));
  const plan = planImport((id) => byId.get(id), result.annotations);
  const preview: ImportPreview = {
    fileName,
    add: plan.add.length,
    update: plan.update.length,
    skip: plan.skip.length,
    errors: result.errors,
    ...(result.clampedDates ? { clampedDates: result.clampedDates } : {}),
  };
  return { ok: true, pending: { plan, preview } };
}

/** The import state of the settings view: pending preview, busy flag and the last outcome message. */
export function useImport(repo: AnnotationRepository) {
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseFile = async (file: File) => {
    setPending(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({
        kind: 'error',
        text: `${file.name} is ${formatBytes(file.size)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`,
      });
      return;
    }
    setBusy(true);
    try {
      const r = await previewImport(await file.text(), file.name, repo, new Date());
      if (!r.ok) {
        setMessage({ kind: 'error', text: `${file.name}: ${r.error} Nothing was imported.` });
        return;
      }
      setPending(r.pending);
      setMessage(null);
    } catch (e) {
      setMessage({
        kind: 'error',
        text: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const confirmImport = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const counts = await repo.importAtomic(pending.plan);
      await announceAnnotationChange([...pending.plan.add, ...pending.plan.update].map((a) => a.pageKey));
      setMessage({ kind: 'status', text: `Imported: ${counts.added} new, ${counts.updated} updated.` });
      setPending(null);
    } catch (e) {
      setMessage({
        kind: 'error',
        text: `Import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return { pending, message, setMessage, busy, chooseFile, confirmImport, cancelImport: () => setPending(null) };
}
