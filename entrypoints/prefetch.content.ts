import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPrefetch } from './content/prefetch';

type StorageArea = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: false,
  cssInjectionMode: 'manual',
  main() {
    // The bare extension API (promise-based in Chrome MV3 and in Firefox): this script stays a few hundred bytes.
    const api = ((globalThis as { browser?: StorageArea }).browser ?? (globalThis as { chrome?: StorageArea }).chrome)!;
    startPrefetch((keys) => api.storage.local.get(keys));
  },
});
