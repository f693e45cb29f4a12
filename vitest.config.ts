import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts, whose root is ./client; tests run from the repository root.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
