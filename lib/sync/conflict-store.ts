/**
 * The conflicted copies kept on this device: losing revisions the reader can restore. Stored in the mirror as a
 * `_local` document (never replicated), capped at {@link MAX_COPIES}, newest first.
 */
import type { PouchLike } from './pouch-types';
import type { ConflictCopy } from './types';

const DOC_ID = '_local/chiplens-conflicts';
export const MAX_COPIES = 500;

interface StoredCopies {
  _id: string;
  _rev?: string;
  copies: ConflictCopy[];
}

async function read(mirror: PouchLike): Promise<StoredCopies> {
  try {
    const doc = (await mirror.get(DOC_ID)) as unknown as StoredCopies;
    return { _id: DOC_ID, _rev: doc._rev, copies: Array.isArray(doc.copies) ? doc.copies : [] };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { _id: DOC_ID, copies: [] };
    throw error;
  }
}

/** Every kept copy, newest first. */
export async function listConflictCopies(mirror: PouchLike): Promise<ConflictCopy[]> {
  return (await read(mirror)).copies;
}

/** Adds copies (a copy already kept, same note and rev, is not added twice). */
export async function addConflictCopies(mirror: PouchLike, copies: readonly ConflictCopy[]): Promise<void> {
  if (copies.length === 0) return;
  const stored = await read(mirror);
  const seen = new Set(stored.copies.map((c) => `${c.noteId} ${c.rev}`));
  const fresh = copies.filter((c) => !seen.has(`${c.noteId} ${c.rev}`));
  if (fresh.length === 0) return;
  await mirror.put({ ...stored, copies: [...fresh, ...stored.copies].slice(0, MAX_COPIES) });
}

/** Removes one copy (after it was restored or dismissed); returns it, or null if it is not kept. */
export async function takeConflictCopy(mirror: PouchLike, noteId: string, rev: string): Promise<ConflictCopy | null> {
  const stored = await read(mirror);
  const copy = stored.copies.find((c) => c.noteId === noteId && c.rev === rev) ?? null;
  if (copy === null) return null;
  await mirror.put({ ...stored, copies: stored.copies.filter((c) => c !== copy) });
  return copy;
}
