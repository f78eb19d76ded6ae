/**
 * Coalesces the background's reads of one page's notes. A page that calls history.pushState in a loop made its
 * content script ask for its notes once per call, and each ask was a database round trip (1,901 for 1,900 calls):
 * now asks for one page key share one read while it runs and for a short while after. Every write through the
 * background drops the page's entry, and so does every `annotationsRev` change (writers elsewhere, e.g. the side
 * panel, announce theirs there); the time limit is a backstop for a write that was not announced.
 */
import type { Annotation } from '../annotations/types';

export interface PageNotesCacheOptions {
  /** How long a finished read is reused (ms). */
  ttlMs?: number;
  /** Page keys kept at most (oldest dropped first). */
  maxEntries?: number;
  now?: () => number;
}

export class PageNotesCache {
  private readonly entries = new Map<string, { at: number; value: Promise<Annotation[]> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly load: (pageKey: string) => Promise<Annotation[]>,
    options: PageNotesCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 2_000;
    this.maxEntries = options.maxEntries ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** The page's notes: the running or recent read if there is one, else a new read. */
  get(pageKey: string): Promise<Annotation[]> {
    const hit = this.entries.get(pageKey);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = this.load(pageKey);
    const entry = { at: this.now(), value };
    this.entries.delete(pageKey);
    this.entries.set(pageKey, entry);
    // A failed read is not reused.
    value.catch(() => {
      if (this.entries.get(pageKey) === entry) this.entries.delete(pageKey);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Forget these pages' notes (`*`, or no keys, forgets every page). */
  invalidate(pageKeys?: readonly string[]): void {
    if (!pageKeys || pageKeys.includes('*')) this.entries.clear();
    else for (const key of pageKeys) this.entries.delete(key);
  }
}
