import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Real-browser tests (`npm run test:e2e`). They drive the built studio, so run
 * `npm run build` first; they use the system chromium and never download a browser.
 */
export default defineConfig({
  resolve: {
    // Same single copy of graphql as vitest.config.ts: graphql-http loads the CommonJS entry.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One browser at a time: CI machines are small and chromium is the heavy part.
    fileParallelism: false,
  },
});
