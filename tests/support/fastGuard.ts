/**
 * Set-up of the fast project (vitest.config.ts): a module that needs a database, a browser or a
 * child process fails the moment a fast test loads it, naming it, instead of quietly making the
 * fast run slow. Loading is what counts, not importing: a module that only imports
 * playwright-core when it prints (server/services/review/chromium.ts) stays usable with a fake
 * browser. Keep in step with NEEDS in testKinds.ts.
 */
import { vi } from 'vitest';

function refuse(module: string, need: string): never {
  throw new Error(
    `a test in the fast project loaded ${module}, which needs ${need}. Import it from the test file itself ` +
      'so the file runs in the system project (tests/support/testKinds.ts).',
  );
}

vi.mock('./databases.ts', () => refuse('tests/support/databases.ts', 'a database'));
vi.mock('./cli.ts', () => refuse('tests/support/cli.ts', 'a child process'));
vi.mock('./browser.ts', () => refuse('tests/support/browser.ts', 'a browser'));
vi.mock('../../server/db/connection.ts', () => refuse('server/db/connection.ts', 'a database'));
vi.mock('@electric-sql/pglite', () => refuse('@electric-sql/pglite', 'a database'));
vi.mock('postgres', () => refuse('postgres', 'a database'));
vi.mock('node:child_process', () => refuse('node:child_process', 'a child process'));
vi.mock('playwright-core', () => refuse('playwright-core', 'a browser'));
