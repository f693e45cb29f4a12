import { defineConfig } from 'vitest/config';

// Browser tests (`npm run test:e2e`): Debian's Chromium driven by playwright-core against a real
// server process per file. Files run one after another (a 2-core machine, one browser at a time).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
