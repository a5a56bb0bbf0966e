import { defineConfig } from 'vitest/config';

// Tests run quiet (the server logs every request); a test that looks at the log captures it
// (tests/support/logs.ts), and ONEMAP_LOG_LEVEL=debug npx vitest … shows everything.
process.env.ONEMAP_LOG_LEVEL ??= 'silent';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/globalSetup.ts'],
    // PGlite instances are heavy and the machine has 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
