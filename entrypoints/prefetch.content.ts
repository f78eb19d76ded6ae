import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPrefetch } from './content/prefetch';

type StorageArea = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: false,
  cssInjectionMode: 'manual',
  main() {
    // One call, made with the bare extension API (promise-based in Chrome MV3 and in Firefox). WXT's wrapper around
    // main() still brings the polyfill: the script is about 14 kB, evaluated once per page at document_start.
    const api = ((globalThis as { browser?: StorageArea }).browser ?? (globalThis as { chrome?: StorageArea }).chrome)!;
    startPrefetch((keys) => api.storage.local.get(keys));
  },
});
