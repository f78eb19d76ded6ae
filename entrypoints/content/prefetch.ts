/**
 * What the content script needs from extension storage before it can scan (settings and matcher data), requested at
 * document_start by a tiny script of its own (entrypoints/prefetch.ts) instead of at document_idle: on a heavy
 * page the storage round trip took 80-160 ms (the browser busy with the page's load), and the first highlight waited
 * for it. Both scripts run in the extension's isolated world, so they share its global object; the page never sees it.
 */
import { MATCHER_STORAGE_KEY } from '../../lib/detection/stored';
import { SETTINGS_KEY } from '../../lib/settings/types';

const GLOBAL_KEY = '__chiplensPrefetch';

/** The storage keys read ahead. */
export const PREFETCH_KEYS = [SETTINGS_KEY, MATCHER_STORAGE_KEY];

type StoredRecord = Record<string, unknown>;
type Holder = { [GLOBAL_KEY]?: Promise<StoredRecord | null> };

/** Starts the read (once per document). A failed read resolves to null, so the content script reads again itself. */
export function startPrefetch(read: (keys: string[]) => Promise<StoredRecord>, global: object = globalThis): void {
  const holder = global as Holder;
  holder[GLOBAL_KEY] ??= read(PREFETCH_KEYS).catch(() => null);
}

/** The prefetched record, once (later callers get null and read storage themselves). */
export function takePrefetched(global: object = globalThis): Promise<StoredRecord | null> {
  const holder = global as Holder;
  const pending = holder[GLOBAL_KEY] ?? Promise.resolve(null);
  delete holder[GLOBAL_KEY];
  return pending;
}
