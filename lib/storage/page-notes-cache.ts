/**
 * Coalesces the background's reads of pages' notes. A page that calls history.pushState in a loop made its content
 * script ask for its notes once per call, and each ask was a database round trip (1,901 for 1,900 calls). Now:
 * - asks that arrive within a few milliseconds of each other are answered by one read for all their page keys;
 * - an ask for a page key read a moment ago (or being read) shares that read.
 * Every write through the background drops the page's entry, and so does every `annotationsRev` change (writers
 * elsewhere, e.g. the side panel, announce theirs there); the time limit is a backstop for a write not announced.
 */
import type { Annotation } from '../annotations/types';

export interface PageNotesCacheOptions {
  /** How long a finished read is reused (ms). */
  ttlMs?: number;
  /** How long asks are collected into one read (ms). */
  batchMs?: number;
  /** Page keys kept at most (oldest dropped first). */
  maxEntries?: number;
  now?: () => number;
}

/** Reads the notes of several pages at once: every key asked for gets an entry (empty when it has no notes). */
export type LoadPages = (pageKeys: string[]) => Promise<Map<string, Annotation[]>>;

interface Entry {
  at: number;
  value: Promise<Annotation[]>;
}

export class PageNotesCache {
  private readonly entries = new Map<string, Entry>();
  private batch: { keys: string[]; result: Promise<Map<string, Annotation[]>> } | null = null;
  private readonly ttlMs: number;
  private readonly batchMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly load: LoadPages,
    options: PageNotesCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 2_000;
    this.batchMs = options.batchMs ?? 8;
    this.maxEntries = options.maxEntries ?? 256;
    this.now = options.now ?? Date.now;
  }

  /** The page's notes: the running or recent read if there is one, else a place in the next batched read. */
  get(pageKey: string): Promise<Annotation[]> {
    const hit = this.entries.get(pageKey);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = this.enqueue(pageKey);
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

  private enqueue(pageKey: string): Promise<Annotation[]> {
    if (!this.batch) {
      const keys: string[] = [];
      const result = new Promise<void>((ok) => setTimeout(ok, this.batchMs)).then(() => {
        this.batch = null;
        return this.load(keys);
      });
      this.batch = { keys, result };
    }
    this.batch.keys.push(pageKey);
    return this.batch.result.then((pages) => pages.get(pageKey) ?? []);
  }
}
