import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/support/sequencer.ts';
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
    // Longest files first and the browser files spread beside the others (tests/support/schedule.ts).
    sequence: { sequencer: LongestFirstSequencer },
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
        // Beside the system tests on the two workers, one browser file at a time (browserTurn.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/support/browserTurn.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
        },
      },
    ],
  },
});
