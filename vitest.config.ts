import { defineConfig } from 'vitest/config';

// Two tiers: fast pure-code unit tests beside the code, and integration tests under test/
// that talk to real PostgreSQL, Redis and PGlite (see test/README.md).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'services/**/*.test.ts', 'workers/**/*.test.ts', 'bin/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
