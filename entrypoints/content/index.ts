import { defineContentScript } from 'wxt/utils/define-content-script';
import { startApp } from './app';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Top frame only: same-origin iframes are read from here, cross-origin ones are out of scope.
  allFrames: false,
  // Our UI styles are strings injected into the shadow root (ui-root.ts); no CSS file to fetch.
  cssInjectionMode: 'manual',
  async main(ctx) {
    await startApp(ctx);
  },
});
