import { defineConfig } from 'vitest/config';

// E2E: real Chromium with the built extension. One file at a time: the machine has 2 cores and each file runs a browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
