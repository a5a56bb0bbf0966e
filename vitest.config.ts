import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { unitTestFiles } from './tests/support/testKinds.ts';

// Tests run quiet (the server logs every request); a test that looks at the log captures it
// (tests/support/logs.ts), and ONEMAP_LOG_LEVEL=debug npx vitest … shows everything.
process.env.ONEMAP_LOG_LEVEL ??= 'silent';

// fast: no database, browser or child process (npm run test:fast); system: the other tests
// outside tests/e2e; e2e: Chromium. Which is which follows each file's imports (testKinds.ts).
const { fast, system } = unitTestFiles(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  test: {
    // PGlite instances are heavy and the machine has 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        // Loading a module that needs a database, browser or child process fails the file.
        test: { name: 'fast', include: fast, setupFiles: ['tests/support/fastGuard.ts'] },
      },
      {
        extends: true,
        // Seeds the fixture city once per run (PGlite dump and PostgreSQL template).
        test: { name: 'system', include: system, globalSetup: ['tests/support/globalSetup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['tests/support/globalSetup.ts'],
        },
      },
    ],
  },
});
