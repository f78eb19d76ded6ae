import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { chiplensDataset } from './lib/dataset-build/vite-plugin';

const dataDir = resolve(import.meta.dirname, 'lib/dataset/data');

// See README "Architecture". Permissions are the minimum the features use:
// storage (settings), sidePanel (Chrome side panel), contextMenus (Annotate selection), tabs is NOT requested:
// the side panel only needs tab ids/urls of tabs where our content script runs, which messages give it.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // The compiled matcher (virtual:chiplens-matcher) goes into the service worker, which keeps it in storage for the
    // content script; the content script bundles only its build hash (virtual:chiplens-matcher-build).
    plugins: [preact(), chiplensDataset({ dataDir })],
    // WXT's content-script context talks to other copies of the script through an event on `document` that every
    // page can see and forge; ours does not (entrypoints/content/context.ts explains).
    resolve: {
      alias: { 'wxt/utils/content-script-context': resolve(import.meta.dirname, 'entrypoints/content/context.ts') },
    },
  }),
  // The sources zip that addons.mozilla.org review asks for: what `npm ci && npm run build:firefox` needs, no test output.
  zip: { excludeSources: ['test-results/**', '.output/**', 'coverage/**'] },
  hooks: {
    'build:done': (wxt) => {
      const file = resolve(wxt.config.outDir, 'content-scripts/content.js');
      const kb = (statSync(file, { throwIfNoEntry: false })?.size ?? 0) / 1024;
      wxt.logger.info(`Content script: ${kb.toFixed(1)} kB (matcher data and dataset not included)`);
    },
  },
  manifest: ({ browser }) => ({
    name: 'ChipLens',
    description:
      'Explains AI chips, export-control agencies, companies and policies named in news articles, with sourced cards and private notes. Works offline.',
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Highlight styles are not a manifest stylesheet (Chromium would inject it into every frame of every page, where
    // any page can detect it): the content script adopts them where it marks something (lib/highlight/stylesheet.ts).
    content_scripts: [
      // Reads settings and matcher data while the page loads (entrypoints/prefetch.ts); top frame, like content.js.
      { matches: ['http://*/*', 'https://*/*'], js: ['prefetch.js'], run_at: 'document_start' },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next mention and open its card',
      },
      'prev-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous mention and open its card',
      },
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selected text',
      },
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the ChipLens side panel',
      },
    },
    action: {
      default_title: 'Open ChipLens',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'chiplens@chiplens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
