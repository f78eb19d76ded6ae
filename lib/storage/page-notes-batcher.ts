/**
 * Coalesces the background's reads of pages' notes. A page that calls history.pushState in a loop made its content
 * script ask for its notes once per call, and each ask was a database round trip (1,901 for 1,900 calls). Asks that
 * arrive within a few milliseconds of each other are now answered by one read for all their page keys.
 *
 * Nothing is kept after a read: every read starts after the asks it answers arrived, so it sees every write those
 * asks could know of (a content script asks again when told of a change, and a cached answer could predate it).
 */
import type { Annotation } from '../annotations/types';

/** Reads the notes of several pages at once: every key asked for gets an entry (empty when it has no notes). */
export type LoadPages = (pageKeys: string[]) => Promise<Map<string, Annotation[]>>;

export class PageNotesBatcher {
  private batch: { keys: Set<string>; result: Promise<Map<string, Annotation[]>> } | null = null;

  /** `batchMs`: how long asks are collected into one read. */
  constructor(
    private readonly load: LoadPages,
    private readonly batchMs = 8,
  ) {}

  /** The page's notes, from the next batched read. */
  get(pageKey: string): Promise<Annotation[]> {
    if (!this.batch) {
      const keys = new Set<string>();
      const result = new Promise<void>((ok) => setTimeout(ok, this.batchMs)).then(() => {
        this.batch = null;
        return this.load([...keys]);
      });
      this.batch = { keys, result };
    }
    this.batch.keys.add(pageKey);
    return this.batch.result.then((pages) => pages.get(pageKey) ?? []);
  }
}
