/**
 * Reads ChipLens's settings and matcher data from extension storage at document_start, for the main content script
 * to take when it starts (see content/prefetch.ts). Listed in the manifest as a content script by wxt.config.ts. It
 * is an unlisted script, not a WXT content script, so it carries no runtime around it: evaluating it runs inside the
 * page's own parsing task, and the content-script wrapper (with the polyfill) made that task 6-27 ms longer under load.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPrefetch } from './content/prefetch';

type StorageApi = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

export default defineUnlistedScript(() => {
  // The bare extension API, promise-based in Chrome MV3 and in Firefox. Called in a task of its own: the first use of
  // the storage API in this world sets up its bindings, which is work the page's parsing task should not carry. The
  // main script comes at document_idle, long after; if it ever came first, it would read storage itself.
  const api = (globalThis as { browser?: StorageApi }).browser ?? (globalThis as { chrome?: StorageApi }).chrome;
  if (api) setTimeout(() => startPrefetch((keys) => api.storage.local.get(keys)), 0);
});
