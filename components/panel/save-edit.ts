/** Saving an edit from the Notes view: how it is dated, and what the reader is told when it fails. */
import type { Annotation } from '../../lib/annotations/types';

/** Why a save failed, in words the reader can act on; the text stays in the editor either way. */
export function saveErrorText(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return "Not saved: the browser's storage is full. Free some disk space (or delete notes you no longer need), then save again. Your text is kept here.";
  }
  if (name === 'StaleWriteError') {
    return 'Not saved: this note was changed elsewhere (another tab or an import) after you opened it, and the newer version was kept. Copy your text, cancel, and edit the note again.';
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `Not saved: ${detail || 'unknown error'}. Your text is kept here; try again.`;
}

/**
 * An edit is newer than the version it was made from, even when that version is dated ahead of this clock (a backup
 * from a machine with a fast clock, or imported before future dates were set back): else it would lose to it.
 */
export function afterBase(edited: Annotation, base: Annotation): Annotation {
  const floor = Date.parse(base.updatedAt) + 1;
  return Date.parse(edited.updatedAt) >= floor ? edited : { ...edited, updatedAt: new Date(floor).toISOString() };
}
