import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { chiplensDataset } from './lib/dataset-build/vite-plugin.ts';

export default defineConfig({
  plugins: [WxtVitest(), preact(), chiplensDataset({ dataDir: resolve(import.meta.dirname, 'lib/dataset/data') })],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
