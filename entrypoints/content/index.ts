import { defineContentScript } from 'wxt/utils/define-content-script';
import { yieldToPage } from '../../lib/page/scheduler';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Top frame only: same-origin iframes are read from here, cross-origin ones are out of scope.
  allFrames: false,
  // Our UI styles are strings injected into the shadow root (ui-root.ts); no CSS file to fetch.
  cssInjectionMode: 'manual',
  // WXT otherwise announces the script with window.postMessage, a message every page script can read, and its type
  // names this extension's ID. Its other announcement, a CustomEvent on `document`, is gone too: the build replaces
  // WXT's context with ours (context.ts), which neither dispatches nor trusts anything on the page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // The script's evaluation is one task the page waits for: ChipLens's own modules are initialised in the next one
    // (bundled in this file; the dynamic import only defers running their top level).
    await yieldToPage();
    const { startApp } = await import('./app');
    await startApp(ctx);
  },
});
