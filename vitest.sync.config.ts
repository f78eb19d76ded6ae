import { defineConfig } from 'vitest/config';

/** Sync integration tests against a real CouchDB-protocol server on 127.0.0.1 (`npm run test:sync`). */
export default defineConfig({
  test: {
    include: ['tests/sync/**/*.sync.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
